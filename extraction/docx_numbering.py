"""The labels Word draws before automatically numbered paragraphs ("I.", "1.2.", "a)"), which are not text.

A plan's sections are found by these labels, so a .docx whose headings use Word's numbering must get
them back: each paragraph's list and level (its own or its style's) are counted as Word counts them.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class Level:
    start: int = 1
    format: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Word's list definitions of one document, and the counters of the lists read so far."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # by numId
    lists: dict[str, str] = field(default_factory=dict)  # numId -> the abstract list it counts in
    styles: dict[str, tuple[str | None, int | None, str | None]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> Numbering:
        numbering = cls()
        with contextlib.suppress(KeyError):  # KeyError: a document without lists
            numbering._read_lists(document.part.part_related_by(RT.NUMBERING).element)
        numbering._read_styles(document.styles.element)
        return numbering

    def _read_lists(self, root: Any) -> None:
        abstract = {node.get(f"{_W}abstractNumId"): _levels(node) for node in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            num_id, ref = num.get(f"{_W}numId"), num.find(f"{_W}abstractNumId")
            if num_id is None or ref is None or ref.get(_VAL) not in abstract:
                continue
            levels = dict(abstract[ref.get(_VAL)])
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                level = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and level in levels:
                    old = levels[level]
                    levels[level] = Level(int(start.get(_VAL, "1")), old.format, old.text)
            self.levels[num_id] = levels
            self.lists[num_id] = ref.get(_VAL) if not list(num.iter(f"{_W}lvlOverride")) else f"num{num_id}"

    def _read_styles(self, root: Any) -> None:
        for style in root.iter(f"{_W}style"):
            num_id, level = _num_pr(style.find(f"{_W}pPr"))
            based = style.find(f"{_W}basedOn")
            parent = None if based is None else based.get(_VAL)
            self.styles[style.get(f"{_W}styleId")] = (num_id, level, parent)

    def label(self, paragraph: Any) -> str:
        """The label of a paragraph ("II.", "1.2.") counted in, or "" when it is not numbered."""
        properties = paragraph.find(f"{_W}pPr")
        num_id, level = _num_pr(properties)
        style = properties.find(f"{_W}pStyle") if properties is not None else None
        style_num, style_level = self._style_numbering(style.get(_VAL) if style is not None else None)
        num_id = num_id or style_num
        level = level if level is not None else (style_level or 0)
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        return self._count(num_id, level)

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            num_id, level, based = self.styles[style_id]
            if num_id:
                return num_id, level
            style_id = based
        return None, None

    def _count(self, num_id: str, level: int) -> str:
        levels = self.levels[num_id]
        counters = self.counters.setdefault(self.lists[num_id], {})
        definition = levels.get(level, Level())
        counters[level] = counters.get(level, definition.start - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        if definition.format == "none":
            return ""
        if definition.format == "bullet":
            return "-"

        def number(found: re.Match[str]) -> str:
            index = int(found.group(1)) - 1
            shown = levels.get(index, Level())
            return _formatted(counters.get(index, shown.start), shown.format)

        return _PLACEHOLDER.sub(number, definition.text)


def _levels(abstract: Any) -> dict[int, Level]:
    found = {}
    for lvl in abstract.iter(f"{_W}lvl"):
        start, fmt, text = lvl.find(f"{_W}start"), lvl.find(f"{_W}numFmt"), lvl.find(f"{_W}lvlText")
        found[int(lvl.get(f"{_W}ilvl", "0"))] = Level(
            int(start.get(_VAL, "1")) if start is not None else 1,
            fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
            text.get(_VAL, "") if text is not None else "",
        )
    return found


def _num_pr(properties: Any) -> tuple[str | None, int | None]:
    if properties is None:
        return None, None
    num_pr = properties.find(f"{_W}numPr")
    if num_pr is None:
        return None, None
    num_id, level = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
    return (num_id.get(_VAL) if num_id is not None else None,
            int(level.get(_VAL, "0")) if level is not None else None)


def _formatted(value: int, format: str) -> str:
    if format in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if format == "upperRoman" else roman.lower()
    if format in ("upperLetter", "lowerLetter"):
        letter = _letters(value)
        return letter if format == "upperLetter" else letter.lower()
    if format == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    out = []
    for number, letters in _ROMAN:
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)


def _letters(value: int) -> str:
    # Word repeats the letter past Z: A..Z, AA..ZZ, AAA...
    if value < 1:
        return ""
    letter = chr(ord("A") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)
