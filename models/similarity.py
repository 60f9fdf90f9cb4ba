"""How much two Vietnamese phrases say the same thing: weighted overlap of syllable pairs."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from models.text import name_key

_WORD = re.compile(r"[^\W_]+(?:[-/][^\W_]+)*")


def syllables(text: str) -> list[str]:
    """Vietnamese words are written as syllables; numbers and "01-KL/TW" stay whole."""
    return _WORD.findall(name_key(text))


def bigrams(text: str) -> frozenset[str]:
    """Adjacent syllable pairs: "tài liệu học tập" → {"tài liệu", "liệu học", "học tập"}."""
    words = syllables(text)
    return frozenset(f"{a} {b}" for a, b in itertools.pairwise(words))


def rarity(texts: Iterable[str]) -> dict[str, float]:
    """Weight of each syllable pair: 1/df over `texts`, so pairs every task shares count for little."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(bigrams(text))
    return {pair: 1.0 / count for pair, count in counts.items()}


def _weight(pairs: Iterable[str], weights: Mapping[str, float] | None) -> float:
    return sum(weights.get(pair, 1.0) if weights else 1.0 for pair in pairs)


def coverage(phrase: str, candidate: str, weights: Mapping[str, float] | None = None) -> tuple[float, int]:
    """How much of `phrase` `candidate` covers (0..1), and how many pairs they share."""
    wanted, offered = bigrams(phrase), bigrams(candidate)
    shared = wanted & offered
    total = _weight(wanted, weights)
    return (_weight(shared, weights) / total if total else 0.0), len(shared)


def dice(first: str, second: str, weights: Mapping[str, float] | None = None) -> tuple[float, int]:
    """Symmetric overlap of two phrases (0..1), and how many pairs they share."""
    a, b = bigrams(first), bigrams(second)
    shared = a & b
    total = _weight(a, weights) + _weight(b, weights)
    return (2 * _weight(shared, weights) / total if total else 0.0), len(shared)
