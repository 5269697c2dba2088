"""Happening words for anchors: which kind of happening "days before the summit" names, so merge
can find the dated event it bounds. The words live in timeline/data/cues.yaml, with the stopwords
merge leaves out when it compares two happenings' wording."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from timeline import data as package_data


@dataclass(frozen=True)
class Cue:
    """A kind of happening: its category, its rank (3 and more name a happening), its forms."""

    lemma: str
    category: str
    rank: int
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """The cues of cues.yaml."""

    cues: tuple[Cue, ...]


def load_data() -> dict[str, Any]:
    """timeline/data/cues.yaml, parsed."""
    return package_data.load("cues.yaml")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The cue vocabulary from timeline/data/cues.yaml."""
    cues = tuple(
        Cue(lemma=c["lemma"], category=c["category"], rank=int(c["rank"]), forms=tuple(c["forms"]))
        for c in load_data()["cues"]
    )
    return Vocabulary(cues=cues)
