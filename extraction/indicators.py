"""Numeric targets (chỉ tiêu) of a resolution: "(2) GRDP bình quân đầu người đạt 9.486 USD/người".

Each numbered target "(n) ..." under a heading about chỉ tiêu gives one `Indicator` per figure: its
metric (the words before the figure, or after it when the figure leads: "100% xã có ..."), the figure
or range, its unit and how it compares. A target with no figure ("Không còn hộ nghèo") is kept as one
qualitative indicator: no value, no unit, no comparator, its first clause as the metric.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from extraction.indicator_figures import COORDINATOR, VERB, Figure, find_figures, measure_unit, to_number
from extraction.sections import Outline

__all__ = ["Indicator", "measure_unit", "read_indicator", "read_indicators", "read_target", "to_number"]


class Indicator(BaseModel):
    """A numeric target: "(12) Tỷ lệ thất nghiệp thành thị ở mức thấp hơn 3,5%" → 3.5 %, "<".
    A target with several figures gives several indicators with the same number and text."""

    model_config = ConfigDict(frozen=True)

    number: int
    text: str
    metric: str
    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    comparator: str | None = None
    line: int | None = None


def read_indicators(outline: Outline) -> list[Indicator]:
    found: list[Indicator] = []
    for paragraph in outline.paragraphs:
        number, text = _numbered(paragraph.kind, paragraph.marker, paragraph.text)
        if number is None:
            continue
        if not any("chỉ tiêu" in title.lower() for title in outline.title_chain(paragraph.section)):
            continue
        found.extend(read_target(number, text, paragraph.first_line))
    return found


# "- (3) 100% hồ sơ công việc ...": a target numbered in brackets inside a list item.
_BULLET_NUMBER = re.compile(r"^\((?P<n>\d{1,2})\)\s+")


def _numbered(kind: str, marker: str, text: str) -> tuple[int | None, str]:
    if kind == "paren":
        return (int(marker), text) if marker.isdigit() else (None, text)
    m = _BULLET_NUMBER.match(text) if kind == "bullet" else None
    return (int(m.group("n")), text[m.end() :]) if m else (None, text)


def read_indicator(number: int, text: str, line: int | None = None) -> Indicator:
    """The first indicator of a target."""
    return read_target(number, text, line)[0]


def read_target(number: int, text: str, line: int | None = None) -> list[Indicator]:
    body = text.strip().rstrip(";.")
    # brackets are notes ("(theo chuẩn giai đoạn 2022 - 2025)"): blanked, so offsets still match the body
    plain = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), body)
    found: list[Indicator] = []
    for start, end in _clauses(plain):
        clause, figures = body[start:end], find_figures(plain[start:end])
        for figure, metric in zip(figures, _metrics(clause, plain[start:end], figures), strict=True):
            ranged = figure.high is not None
            found.append(
                Indicator(
                    number=number,
                    text=body,
                    metric=metric,
                    value=None if ranged else figure.low,
                    min=figure.low if ranged else None,
                    max=figure.high,
                    unit=figure.unit,
                    comparator=figure.comparator,
                    line=line,
                )
            )
    if found:
        return found
    first = re.split(r";|\.\s", body)[0]
    return [Indicator(number=number, text=body, metric=first.strip(), line=line)]


def _clauses(plain: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a target: split at a full stop before a space, and at ";" unless what
    follows has no figure ("100% xã, phường; sở, ngành có mô hình ..." lists subjects)."""
    spans, start = [], 0
    for m in re.finditer(r";|\.\s", plain):
        following = re.split(r";|\.\s", plain[m.end() :], maxsplit=1)[0]
        if m.group() == ";" and not find_figures(following):
            continue
        spans.append((start, m.start()))
        start = m.end()
    return [*spans, (start, len(plain))]


_BREAKDOWN = re.compile(r".*\btrong đó\b\s*:?", re.IGNORECASE | re.DOTALL)
# "Có ít nhất 05 doanh nghiệp ...": an existential verb alone says nothing of what is measured
_EXISTENTIAL = re.compile(r"^(?:có|có thêm)$", re.IGNORECASE)
# the shared predicate after parallel figures: "100% A, 90% B và 80% C được xử lý trực tuyến"
_PREDICATE = re.compile(r"\s(?:được|đã|đều|có|đạt|hoàn thành|sử dụng|tham gia|thực hiện)\s", re.IGNORECASE)


def _metrics(clause: str, plain: str, figures: list[Figure]) -> list[str]:
    """What each figure measures: the words since the previous figure up to the verb before it; the
    previous metric again for a bare count after "và" ("kiểm tra 05 tổ chức và 07 đảng viên"); the words
    after a leading share ("100% xã ...")."""
    metrics: list[str | None] = []
    previous_end, previous = 0, ""
    for figure in figures:
        offset = previous_end
        breakdown = _BREAKDOWN.match(plain, offset, figure.start)
        offset = breakdown.end() if breakdown else offset
        verbs = list(VERB.finditer(plain, max(offset - 1, 0), figure.start + 1))
        verbs = [v for v in verbs if v.start() >= offset - 1]
        head = _TOWARDS.sub("", _tidy(clause[offset : verbs[-1].start() if verbs else figure.start]))
        head = "" if _EXISTENTIAL.match(head) or (metrics and metrics[-1] is None and not verbs) else head
        if not head and verbs:
            head = _tidy(clause[offset : figure.start])
        if not head and figure.unit != "%" and previous:
            head = previous
        metrics.append(head or None)
        previous, previous_end = head or previous, figure.unit_end
    return _leading_shares(clause, figures, metrics)


def _leading_shares(clause: str, figures: list[Figure], metrics: list[str | None]) -> list[str]:
    """Metrics of figures that lead their words: each runs to the next figure; parallel ones share the
    predicate of the last and take the head noun the later ones leave out ("100% cơ quan cấp tỉnh,
    90% cấp huyện được ..." → "cơ quan cấp huyện được ...")."""
    ends = [*(f.start for f in figures[1:]), len(clause)][: len(figures)]
    tails = [
        _tidy(clause[f.number_end : end]).removeprefix("%").strip()
        for f, end in zip(figures, ends, strict=True)
    ]
    led = [i for i, metric in enumerate(metrics) if metric is None]
    runs: list[list[int]] = []
    for i in led:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in (r for r in runs if len(r) > 1):
        if any(_PREDICATE.search(" " + tails[i] + " ") for i in run[:-1]):
            continue  # each part says its own: "100% trạm có bác sĩ và 95% trạm đạt chuẩn"
        first = tails[run[0]].split()
        own, shared = _split_predicate(first, tails[run[-1]].split())
        tails[run[-1]] = " ".join(own)
        for i in run:
            words = tails[i].split()
            cut = _elided_head(first, words)
            tails[i] = " ".join([*first[:cut], *words, *shared])
    return [metric if metric is not None else tails[i] for i, metric in enumerate(metrics)]


def _elided_head(first: list[str], words: list[str]) -> int:
    """How many leading words of the first part a later part leaves out: "cấp huyện" after "cơ quan
    cấp tỉnh" leaves out "cơ quan" (2); 0 when its first word is not a later word of the first part."""
    lowered = [w.lower() for w in first]
    return lowered.index(words[0].lower(), 1) if words and words[0].lower() in lowered[1:] else 0


def _split_predicate(first: list[str], last: list[str]) -> tuple[list[str], list[str]]:
    """The last part's own words and the predicate it shares: as many own words as the first part has
    from where they line up ("cấp xã | dùng ..." against "cơ quan cấp tỉnh"), else up to a verb."""
    cut = _elided_head(first, last)
    if cut and len(last) > len(first) - cut:
        return last[: len(first) - cut], last[len(first) - cut :]
    predicate = _PREDICATE.search(" " + " ".join(last) + " ")
    if predicate is None:
        return last, []
    before = " ".join(last)[: predicate.start()].split()
    return before, last[len(before) :]


# "Đến năm 2030, 100% ...": when, not what
_WHEN = re.compile(
    r"^(?:(?:đến|tới|trong|vào|từ)\s+)?(?:(?:hết|cuối)\s+)?(?:năm|giai đoạn)\s+\d{4}"
    r"(?:\s*[-–]\s*\d{4})?\s*,?\s*",
    re.IGNORECASE,
)
# "Giảm tỷ lệ hộ nghèo xuống dưới 1,5%": the direction word belongs to the figure
_TOWARDS = re.compile(r"\s+(?:xuống|lên|còn)$", re.IGNORECASE)


def _tidy(words: str) -> str:
    words = COORDINATOR.sub("", words.strip(" :;")).strip(" :;")
    return _WHEN.sub("", words)
