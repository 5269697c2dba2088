"""Clauses of a sentence, cut at punctuation and "that", and which words belong together."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CUT = re.compile(
    r"\s*(?:(?<!\d),|,(?!\d{3})|[;:()]|\s*--\s*|\s-\s|\s[—–]\s|[—–])\s*|\s+(?=that\s)|\s+(?=where\s)|\s+(?=which\s)"
)


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence between cuts; start/end index the sentence."""

    start: int
    end: int
    text: str


def clauses(sentence: str) -> list[Clause]:
    """The sentence cut at commas, semicolons, dashes and before "that"/"where"/"which"."""
    parts: list[Clause] = []
    start = 0
    for cut in _CUT.finditer(sentence):
        if cut.start() > start:
            parts.append(Clause(start, cut.start(), sentence[start : cut.start()]))
        start = cut.end()
    if start < len(sentence):
        parts.append(Clause(start, len(sentence), sentence[start:]))
    return parts


def clause_at(parts: list[Clause], index: int) -> Clause:
    """The clause holding a sentence offset (the nearest one before it for cut characters)."""
    best = parts[0]
    for part in parts:
        if part.start <= index:
            best = part
    return best


def word_distance(sentence: str, a: int, b: int) -> int:
    """How many words lie between two offsets of a sentence."""
    low, high = sorted((a, b))
    return len(re.findall(r"\w+", sentence[low:high]))
