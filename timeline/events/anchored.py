"""Event-anchored dates resolved across articles: "days before the Alaska summit" (found on the
tree by `anchoring.anchors_in`) takes the summit's date when another candidate or a known event
gives it; otherwise it stays a bound on the publish date. Reads events only, never a parse, so
merge runs without the English pipeline."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache, cached_property

from timeline.events.cues import vocabulary
from timeline.events.predicates import DURING, kinds_told
from timeline.model import Event
from timeline.temporal.when import label, shift_days

_PLACE_NAMED = re.compile(r"\b(?:in|at) [A-Z]")  # "a summit in Alaska"
_ONE_DAY = re.compile(r"^(?:just |only )?(?:a|one) day (?:after|before)$")
_BEFORE = ("before", "ahead of", "on the eve of", "in the run-up to", "in the lead-up to")


def resolve_anchors(candidates: Sequence[Event], known: Sequence[Event] = ()) -> list[Event]:
    """Candidates with their event-anchored dates resolved where the anchor event is dated."""
    dated = [
        c
        for c in [*candidates, *known]
        if not _anchored(c)
        and not any(s.basis == "plan" for s in c.sources)
        and len(c.date.split("-")) == 3
        and c.qualifier not in ("before", "after")
    ]
    index = _Dated(dated)
    resolved = [_resolved(c, index) if _anchored(c) else c for c in candidates]
    return [c for c in resolved if not _during_nothing_dated(c)]


def _during_nothing_dated(event: Event) -> bool:
    """ "During the trial, Hermoso testified", with no trial dated anywhere: no date at all."""
    return _anchored(event) and event.sources[0].anchor.startswith(f"{DURING} |")


class _Dated:
    """The dated events an anchor may name, in order, found by the category of happening they
    are and by the kinds of happening their titles tell (each worked out once per merge)."""

    def __init__(self, events: Sequence[Event]) -> None:
        self.events = events

    def of_category(self, categories: set[str]) -> list[Event]:
        """Those of these categories, in order."""
        return self._at(self._by_category, categories)

    def telling(self, kinds: frozenset[str]) -> list[Event]:
        """Those whose titles tell one of these kinds of happening, in order."""
        return self._at(self._by_kind, kinds)

    def _at(self, index: dict[str, list[int]], keys: Iterable[str]) -> list[Event]:
        return [self.events[i] for i in sorted({i for key in keys for i in index.get(key, ())})]

    @cached_property
    def _by_category(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for position, event in enumerate(self.events):
            found.setdefault(event.category, []).append(position)
        return found

    @cached_property
    def _by_kind(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for position, event in enumerate(self.events):
            for kind in kinds_told(event.title):
                found.setdefault(kind, []).append(position)
        return found


def _anchored(event: Event) -> bool:
    return (
        bool(event.sources) and event.sources[0].basis == "anchor" and bool(event.sources[0].anchor)
    )


def _resolved(candidate: Event, dated: _Dated) -> Event:
    source = candidate.sources[0]
    relation, _, words = source.anchor.partition(" | ")
    target = _anchor_event(words, dated, candidate)
    if target is None and relation == DURING:
        target = _the_one_of_its_kind(words, dated, source.published)
    if target is None:
        return candidate
    qualifier = "before" if any(relation.endswith(r) for r in _BEFORE) else "after"
    resolution = (
        f"{relation} {words}: that event is {target.title} on {target.label or target.date}"
    )
    if relation == DURING:  # on the other one's day (or days), and no longer an anchor
        within = replace(source, date=target.date, resolution=resolution, basis=DURING, anchor="")
        return replace(
            candidate,
            date=target.date,
            end=target.end,
            qualifier="",
            label=label(target.date, target.end, ""),
            sources=(within,),
        )
    if _ONE_DAY.match(relation) and len(target.date.split("-")) == 3 and not target.end:
        day = shift_days(target.date, -1 if qualifier == "before" else 1)  # "a day after X"
        exact = replace(source, date=day, resolution=resolution)
        return replace(candidate, date=day, end="", qualifier="", label="", sources=(exact,))
    # before a span ("15-17 August"): by its last day; after it: after its first
    bound = target.end if qualifier == "before" and target.end else target.date
    if len(bound.split("-")) != 3:
        return candidate  # "days before" a month-dated event bounds nothing a day could
    resolved_source = replace(source, date=bound, resolution=resolution)
    return replace(
        candidate,
        date=bound,
        end="",
        qualifier=qualifier,
        label=label(bound, "", qualifier),
        sources=(resolved_source,),
    )


def _the_one_of_its_kind(words: str, dated: _Dated, published: str) -> Event | None:
    """ "During the trial": the dated happening of the kind the words name, when every source
    that dates one gives it the same day."""
    days = {
        (event.date, event.end): event
        for event in dated.telling(kinds_told(words))
        if event.date <= published
    }
    return next(iter(days.values())) if len(days) == 1 else None


def _anchor_event(words: str, dated: _Dated, candidate: Event) -> Event | None:
    """The dated event the anchor words name: its category of happening plus its place or
    people; failing that, its kind ("a day after he was fired": the firing of the one acting).
    "days before the Alaska summit" names a summit before it names any meeting."""
    lowered = words.lower()
    categories = {category for category, forms in _naming_cues() if forms.search(lowered)}
    by_category = _best_anchor(words, dated.of_category(categories), candidate)
    if by_category is not None or categories - {"other"}:
        return by_category  # "days before the summit" names a summit, not any meeting
    return _best_anchor(words, dated.telling(kinds_told(words)), candidate, kinds=True)


@cache
def _naming_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each cue strong enough to name a happening (rank 3 and up) by its category, with one
    pattern finding any of its forms as a whole word in lowercased words."""
    return tuple(
        (cue.category, re.compile(rf"(?<![\w-])(?:{'|'.join(_lowered(cue.forms))})(?![\w-])"))
        for cue in vocabulary().cues
        if cue.rank >= 3
    )


def _lowered(forms: tuple[str, ...]) -> list[str]:
    return [re.escape(form.lower()) for form in forms]


def warm() -> None:
    """Compile the cue patterns anchors are named by, now (a build: while its workers extract)."""
    _naming_cues()


def _best_anchor(
    words: str, named: Sequence[Event], candidate: Event, kinds: bool = False
) -> Event | None:
    """The dated event of those the words name (`named`: "days before the summit" names a
    summit) that fits best: the first of the best scores."""
    lowered = words.lower()
    best: tuple[int, Event] | None = None
    for event in named:
        if event.sources and candidate.sources and event.sources[0] == candidate.sources[0]:
            continue
        if event.date > candidate.sources[0].published:
            continue  # an anchor a report names in the past tense happened by its publish date
        if event.place and event.place.lower() not in lowered and _PLACE_NAMED.search(words):
            continue  # "days before Trump and Putin held a summit in Alaska": not in Pyongyang
        score = 2
        if kinds and set(event.actors) & set(candidate.actors):
            score += 1  # "a day after he was fired": the one fired is the one acting
        if event.place and event.place.lower() in lowered:
            score += 2
        score += sum(1 for actor in event.actors if _named(actor, lowered))
        if score >= 3 and (best is None or score > best[0]):
            best = (score, event)
    return best[1] if best else None


def _named(actor: str, lowered: str) -> bool:
    return any(
        len(part) > 2 and re.search(rf"\b{re.escape(part.lower())}\b", lowered)
        for part in actor.split()[-1:]
    )
