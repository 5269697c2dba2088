"""Which cue names the happening a date belongs to, and which cues tell no happening: plans,
guesses, conditions and denials."""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline import cues as cue_words
from timeline.clauses import Clause, clause_at, word_distance
from timeline.cues import Hit
from timeline.subjects import is_noun


def irrealis_before(text: str, parts: list[Clause], index: int) -> bool:
    """A plan, guess, condition or denial: "may visit", "if it had been elected", "has not
    targeted", "without having a deal"."""
    part = clause_at(parts, index)
    lead = text[part.start : index]
    words_before = lead.split()[-6:]
    if cue_words.is_irrealis(" ".join(words_before)):
        return True
    if re.search(r"\b(?:if|unless|whether)\b", lead, re.IGNORECASE):
        return True
    return re.search(r"\b(?:not|never|no longer|without|n't)\s+(?:\w+\s+){0,2}$", lead) is not None


_IRREALIS_AFTER = re.compile(r"\s*['‘\"“]?(?:could|would|may|might|will|should)\b", re.IGNORECASE)


def main_cue(
    text: str, parts: list[Clause], hits: Sequence[Hit], index: int, exclude: Sequence[Clause]
) -> Hit | None:
    """The happening a date belongs to: its own clause first, then the strongest, nearest cue."""
    own = clause_at(parts, index)
    usable = [
        h
        for h in hits
        if h.cue is not None
        and clause_at(parts, h.start) not in exclude
        and not irrealis_before(text, parts, h.start)
        and not _IRREALIS_AFTER.match(text[h.end :])  # "an attack could very well happen"
        and (h.cue.rank > 0 or clause_at(parts, h.start) == own)  # a bare past verb: own clause
    ]
    if not usable:
        return None
    possessed = [
        h for h in usable if h.start > index and _POSSESSIVE_DATE.match(text[index : h.start])
    ]
    if possessed:
        return possessed[0]  # "last year's bombing": the date is the bombing's, not the arrest's

    def score(hit: Hit) -> tuple[int, int, bool, int]:
        assert hit.cue is not None
        same = 1 if clause_at(parts, hit.start) == own else 0
        distance = word_distance(text, hit.start, index)
        # A strong cue far away loses to a weaker one next to the date; a noun a cue verb
        # governs ("condemned the deal") names what the verb acted on, not the happening.
        rank = hit.cue.rank - (3 if _governed(text, hit, usable) else 0)
        return (same, rank - distance // 8, not is_noun(text, hit), -distance)

    return max(usable, key=score)


# A date in the possessive, then up to three words before the cue noun it dates.
_POSSESSIVE_DATE = re.compile(r"[\w .-]{1,30}?['’]s\s+(?:[\w.-]+\s+){0,3}$")


def _governed(text: str, hit: Hit, hits: Sequence[Hit]) -> bool:
    """ "condemned the deal": a cue noun right after a cue verb is its object."""
    return is_noun(text, hit) and any(
        other.end <= hit.start
        and word_distance(text, other.end, hit.start) <= 3
        and not is_noun(text, other)
        and other.cue is not None
        and other.cue.rank > 0  # a bare past verb ("sent a letter") is not a happening's cue
        for other in hits
    )
