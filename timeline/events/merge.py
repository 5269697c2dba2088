"""One real happening, one event: candidates from many articles merged, with every source kept.

Candidates join when their dates are compatible (overlapping intervals, one inside the other, or
a day apart: report vs event, time zones) and they share who, where and what (people, place,
category, wording). Look-alike happenings on incompatible dates stay apart. Event-anchored
dates ("days before the Alaska summit") are resolved first against the other candidates and the
events already known.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import lru_cache
from operator import attrgetter

from timeline.events import anchored, gazetteers
from timeline.events.aliases import one_name_each
from timeline.events.anchored import resolve_anchors
from timeline.events.candidates import Candidate, Cluster
from timeline.events.clustering import Clustering, cluster_all, recluster
from timeline.events.clusters import fit
from timeline.events.gazetteers import is_known, is_person
from timeline.events.slugs import event_id
from timeline.events.spans import (
    NEAR,
    Span,
    basis,
    compatible,
    intersection,
    is_weak,
    span_of,
    strength_order,
)
from timeline.model import Event, Source
from timeline.temporal.when import bounds, label, precision

# How far before its report a reported happening may lie, and a one-sided bound may reach.
_MAX_ACTORS = 6  # a hover names the few who took part, not everyone the articles mention

# Which category names an event best when sources differ: the most specific first.
_CATEGORY_ORDER = (
    "summit",
    "treaty",
    "visit",
    "meeting",
    "deployment",
    "casualties",
    "diplomacy",
    "other",
    "statement",
)


def merge_events(
    candidates: Sequence[Event], known: Sequence[Event] = (), before: Merged | None = None
) -> list[Event]:
    """Merge candidates (one source each) into events with all their sources, stable ids, sorted.
    With `before` (the merge of most of the same candidates), only what changed is done again."""
    return merged_events(merge_record(candidates, known, before))


def merged_events(merged: Merged) -> list[Event]:
    """The events of a merge, with their stable ids, sorted: what `merge_events` gives."""
    return _with_ids([event for event in merged.events if event is not None])


@dataclass(frozen=True)
class Merged:
    """A merge before its ids: how the candidates clustered and each cluster's event (None for
    a happening no source tells), kept so that merging again with a few more is quick."""

    clustering: Clustering
    events: tuple[Event | None, ...]


def merge_record(
    candidates: Sequence[Event], known: Sequence[Event] = (), before: Merged | None = None
) -> Merged:
    """The candidates clustered and each cluster's event; with `before`, its clusters that did
    not change are taken as they are (the result is the same as without it). A build merges
    its cached candidates while its workers extract the others, and again with them."""
    order = sorted(resolve_anchors(one_name_each(candidates), known), key=strength_order)
    if before is None:
        clustering = cluster_all(order)
        return Merged(clustering, tuple(_event_of(members) for members in clustering.members))
    clustering = recluster(order, before.clustering)
    events = tuple(
        _event_of(members) if twin is None else before.events[twin]
        for members, twin in zip(clustering.members, clustering.twins, strict=True)
    )
    return Merged(clustering, events)


def warm() -> None:
    """Read the gazetteers and compile the patterns merging uses, now: a build does it while its
    workers extract, so that merging what they give starts sooner."""
    gazetteers.warm()
    anchored.warm()


def _event_of(members: Sequence[Event]) -> Event | None:
    """A cluster's event, None when no source tells the happening (see _told)."""
    cluster = list(members)
    return _combined(cluster) if _told(cluster) else None


def same_happening(one: Event, other: Event) -> bool:
    """Whether merge would join two events: dates that meet and the same people, place and kind
    (what `timeline check` calls a likely duplicate)."""
    if not compatible(span_of(one), span_of(other)):
        return False  # most pairs `timeline check` asks about: no need to weigh them
    first, second = sorted((one, other), key=strength_order)  # the order merge meets them in
    return fit(Candidate.of(second), Cluster(first)) > 0


def _told(cluster: list[Event]) -> bool:
    """A happening some source tells with a date, or a plan with a date of its own ("talks will
    be held on May 12"): shown as planned until a source tells it took place. A plan placed only
    "days ahead" of another happening has no date a reader could put on a timeline, and a
    telling with no date only joins a happening."""
    return any(basis(m) not in ("plan", "undated") or is_scheduled(m) for m in cluster)


def is_scheduled(plan: Event) -> bool:
    """Dated by a phrase of its own, after the day it was published ("on May 12", "next week"),
    not by the span from the publish date that "days ahead of" allows."""
    published = date.fromisoformat(plan.sources[0].published)
    return bounds(plan.date, plan.end)[0] > published


@lru_cache(maxsize=8192)
def months_touched(event: Event) -> tuple[tuple[int, int], ...]:
    """The months an event's dates touch, a day wider on each side: events that may be one
    happening share at least one of them."""
    return _months(event)


def _months(event: Event) -> tuple[tuple[int, int], ...]:
    """The months the event's span touches, a day wider on each side (dates a day apart meet)."""
    span = span_of(event)
    first, last = span.first - NEAR, span.last + NEAR
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


# --- combining ------------------------------------------------------------------------------

# A source's fields in order, as dataclasses.astuple gives them (all text) but without its copying.
_every_field = attrgetter(*(item.name for item in fields(Source)))


def _combined(cluster: list[Event]) -> Event:
    """One event from a cluster: the most precise consistent date, every source, the best title."""
    strong = [m for m in cluster if not is_weak(m)] or cluster
    agreed = _chosen_date(strong)
    chosen = _reported_within(cluster, agreed)
    planned = all(basis(m) == "plan" for m in cluster)
    if planned and not chosen.qualifier:
        chosen = replace(chosen, qualifier="planned")  # "planned for 12 May 2025"
    both_sides = intersection(cluster) if all(is_weak(m) for m in cluster) else None
    if both_sides is not None and not planned:
        first, last = both_sides
        end = last.isoformat() if last != first else ""
        chosen = replace(chosen, date=first.isoformat(), end=end, qualifier="", label="")
    headline = min(cluster, key=_title_support)
    # the whole source breaks ties: one sentence may give two phrases, and a set has no order
    sources = sorted(
        {s for m in cluster for s in m.sources},
        key=lambda s: (s.published, s.article, s.quote, _every_field(s)),
    )
    actors = _ranked_actors(cluster, headline)
    places = Counter(m.place for m in cluster if m.place)
    place = headline.place or (min(places, key=lambda p: (-places[p], p)) if places else "")
    title = headline.title
    if (
        place
        and place not in title
        and headline.category in ("meeting", "summit")
        and not headline.place
    ):
        title = f"{title} in {place}"
    return Event(
        id="",
        title=title,
        date=chosen.date,
        end=chosen.end,
        label=label(chosen.date, chosen.end, chosen.qualifier),
        qualifier=chosen.qualifier,
        category=headline.category,
        actors=actors,
        place=place,
        sources=tuple(sources),
        disagreement=_joined(
            _disagreement(strong, agreed, chosen) if both_sides is None else "",
            *sorted({m.disagreement for m in cluster if m.disagreement}),  # a source's own clash
        ),
    )


def _reported_within(cluster: list[Event], chosen: Event) -> Event:
    """A report on a day inside a coarser date tells the happening by that day ("convicted in
    November" and "announced at 7:37 p.m. that the jury had reached a verdict": by 2 November)."""
    if is_weak(chosen):
        return chosen
    kept = span_of(chosen)
    days = [
        m
        for m in cluster
        if basis(m) == "report"
        and m.qualifier == "before"
        and precision(m.date, m.end) > precision(chosen.date, chosen.end)
        and kept.first <= span_of(m).last <= kept.last
    ]
    return min(days, key=strength_order) if days else chosen


def _joined(*notes: str) -> str:
    return "; ".join(note for note in notes if note)


def _title_support(member: Event) -> tuple[object, ...]:
    """How well a source's title tells the happening, best first: what happened rather than what
    was planned or reported, the most precise date, a named subject, a place, not a saying."""
    subject = member.actors[0] if member.actors else ""
    named = (
        bool(subject)
        and member.title.startswith(subject)
        and (is_known(subject) or is_person(subject))
    )
    # "in Nairobi, Kenya, killed": a state naming where a place is did not act
    named = named and not any(
        re.search(rf",\s+{re.escape(subject)},", s.quote) for s in member.sources
    )
    return (
        basis(member) == "plan",  # a title says what happened, not what was planned
        basis(member) == "during",  # nor what happened during it ("During the trial, ...")
        is_weak(member),
        basis(member) == "said" or member.category == "statement",  # the saying, not the deed
        -precision(member.date, member.end),
        not named,
        not member.place,
        _QUOTED.search(member.title) is not None,
        _CATEGORY_ORDER.index(member.category) if member.category in _CATEGORY_ORDER else 99,
        strength_order(member),
    )


_QUOTED = re.compile(r"['‘’\"“”](?!s\b)")


def _chosen_date(strong: list[Event]) -> Event:
    """The most precise date consistent with most sources; ties go to the earlier date."""
    spans = {id(member): span_of(member) for member in strong}
    counts = Counter(spans.values())  # members sharing a span share its support: count it once
    support = {
        span: sum(n for other, n in counts.items() if _inside(span, other) or _inside(other, span))
        for span in counts
    }
    return min(
        strong,
        key=lambda m: (
            -precision(m.date, m.end),
            -support[spans[id(m)]],
            m.date,
            m.end,
            strength_order(m),
        ),
    )


def _inside(inner: Span, outer: Span) -> bool:
    return outer.first <= inner.first and inner.last <= outer.last


def _disagreement(strong: list[Event], agreed: Event, chosen: Event) -> str:
    """The sources whose dates the date most agree on leaves out; `chosen` may narrow it
    (`_reported_within`)."""
    kept = span_of(agreed)
    notes = []
    for member in strong:
        if _inside(kept, span_of(member)):
            continue
        for source in member.sources:
            notes.append(
                f"{source.article} gives {member.label or member.date} ({source.phrase or 'context'})"
            )
    if not notes:
        return ""
    return f"kept {chosen.label or chosen.date}; " + "; ".join(sorted(set(notes)))


def _ranked_actors(cluster: list[Event], headline: Event) -> tuple[str, ...]:
    """Who the titled source names, then the people named by a source that agrees on who acted,
    and anyone at least two sources name, most named first: one passing mention does not join."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, tuple[int, int]] = {}
    agreeing: set[str] = set()
    for m_index, member in enumerate(cluster):
        if member.actors[:1] == headline.actors[:1]:
            agreeing.update(a for a in member.actors if is_person(a))
        for a_index, actor in enumerate(member.actors):
            counts[actor] += 1
            first_seen.setdefault(actor, (m_index, a_index))
    shared = [a for a in counts if (counts[a] >= 2 or a in agreeing) and a not in headline.actors]
    ranked = sorted(shared, key=lambda a: (-counts[a], first_seen[a]))
    return tuple([*headline.actors, *ranked][:_MAX_ACTORS])


def _with_ids(events: list[Event]) -> list[Event]:
    """Ids from title and date, made unique in a fixed order; events sorted by date then id."""
    ordered = sorted(
        events,
        key=lambda e: (
            bounds(e.date, e.end)[0],
            e.date,
            e.end,
            e.title,
            e.sources[0].article if e.sources else "",
            e.sources[0].quote if e.sources else "",
        ),
    )
    taken: Counter[str] = Counter()
    named = []
    for event in ordered:
        base = event_id(event.title, event.date)
        taken[base] += 1
        named.append(replace(event, id=base if taken[base] == 1 else f"{base}-{taken[base]}"))
    return sorted(named, key=lambda e: (bounds(e.date, e.end)[0], e.date, e.id))
