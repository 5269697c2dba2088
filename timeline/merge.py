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
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from timeline.actors import is_known, is_person, places_overlap
from timeline.anchoring import resolve_anchors
from timeline.cues import load_data
from timeline.model import Event, Source
from timeline.slugs import event_id
from timeline.when import bounds, label, precision

# How far before its report a reported happening may lie, and a one-sided bound may reach.
_REPORT_REACH = timedelta(days=3)
_BOUND_REACH = timedelta(days=14)
_NEAR = timedelta(days=1)  # report vs event, time zones
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
_STOPWORDS = frozenset(load_data()["merge_stopwords"])
_COUNTED = re.compile(
    r"\b(?:two|three|four|five|several|multiple|many|\d+)\s+(?:[\w-]+\s+)?"
    r"(?:visits|trips|meetings|calls|summits|rounds of talks|letters)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Span:
    first: date
    last: date


def merge_events(candidates: Sequence[Event], known: Sequence[Event] = ()) -> list[Event]:
    """Merge candidates (one source each) into events with all their sources, stable ids, sorted."""
    resolved = resolve_anchors(candidates, known)
    clusters: list[_Cluster] = []
    by_week: dict[int, set[int]] = {}  # clusters whose members touch each week
    for event in sorted(resolved, key=_strength_order):
        candidate = _Candidate.of(event)
        best, best_score = None, 0.0
        weeks = _weeks(candidate.span)
        nearby = sorted(set().union(*(by_week.get(week, ()) for week in weeks)))
        for index in nearby:  # a cluster it fits shares a week with it: the dates must meet
            score = _fit(candidate, clusters[index])
            if score > best_score:
                best, best_score = index, score
        if best is None:
            best = len(clusters)
            clusters.append(_Cluster(event))
        else:
            clusters[best].add(event)
        for week in weeks:
            by_week.setdefault(week, set()).add(best)
    events = [
        _combined(cluster.members) for cluster in clusters if not _only_planned(cluster.members)
    ]
    return _with_ids(events)


def same_happening(one: Event, other: Event) -> bool:
    """Whether merge would join two events: dates that meet and the same people, place and kind
    (what `timeline check` calls a likely duplicate)."""
    if not _compatible(_span(one), _span(other)):
        return False  # most pairs `timeline check` asks about: no need to weigh them
    first, second = sorted((one, other), key=_strength_order)  # the order merge meets them in
    return _fit(_Candidate.of(second), _Cluster(first)) > 0


def _only_planned(cluster: list[Event]) -> bool:
    """A plan no source reports as having taken place is not (yet) a happening."""
    return all(_basis(m) == "plan" for m in cluster)


# --- strength and spans ---------------------------------------------------------------------


def _basis(event: Event) -> str:
    return event.sources[0].basis if event.sources else ""


def _is_weak(event: Event) -> bool:
    """Dated only by a report, an unresolved anchor or a plan: a bound, not a date."""
    if _basis(event) == "plan":
        return True
    return _basis(event) in ("report", "anchor", "bound") and event.qualifier in ("before", "after")


def _strength_order(event: Event) -> tuple[object, ...]:
    source = event.sources[0] if event.sources else Source("", "", "", "")
    return (
        _is_weak(event),
        -precision(event.date, event.end),
        event.date,
        event.end,
        source.article,
        source.quote,
        event.title,
    )


@lru_cache(maxsize=8192)
def _span(event: Event) -> _Span:
    first, last = bounds(event.date, event.end)
    if _is_weak(event) and event.qualifier == "before":
        reach = _REPORT_REACH if _basis(event) == "report" else _BOUND_REACH
        return _Span(last - reach, last)
    if _is_weak(event) and event.qualifier in ("after", "since"):
        return _Span(first, first + _BOUND_REACH)
    return _Span(first, last)


@lru_cache(maxsize=8192)
def months_touched(event: Event) -> tuple[tuple[int, int], ...]:
    """The months an event's dates touch, a day wider on each side: events that may be one
    happening share at least one of them."""
    return _months(event)


def _months(event: Event) -> tuple[tuple[int, int], ...]:
    """The months the event's span touches, a day wider on each side (dates a day apart meet)."""
    span = _span(event)
    first, last = span.first - _NEAR, span.last + _NEAR
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _weeks(span: _Span) -> range:
    """The weeks (counted from day one of the calendar) a span touches, a day wider on each
    side: spans that may meet share one, and a week holds far fewer clusters than a month."""
    return range((span.first - _NEAR).toordinal() // 7, (span.last + _NEAR).toordinal() // 7 + 1)


def _compatible(a: _Span, b: _Span) -> bool:
    """Overlapping, or single days a day apart (report vs event, time zones)."""
    if a.first <= b.last and b.first <= a.last:
        return True
    single = a.first == a.last and b.first == b.last
    return single and abs((a.first - b.first).days) <= _NEAR.days


def _length(span: _Span) -> int:
    return (span.last - span.first).days + 1


# --- fit ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    """A candidate with what `_fit` asks of it worked out once, not once per cluster."""

    event: Event
    span: _Span
    weak: bool
    counted: bool
    people: frozenset[str]
    articles: frozenset[str]
    words: frozenset[str]
    quote_words: frozenset[str]
    limits: tuple[date | None, date | None]

    @classmethod
    def of(cls, event: Event) -> _Candidate:
        return cls(
            event=event,
            span=_span(event),
            weak=_is_weak(event),
            counted=_is_counted(event),
            people=frozenset(_people(event)),
            articles=frozenset(s.article for s in event.sources),
            words=_words(event),
            quote_words=_quote_words(event),
            limits=_limits(event),
        )


class _Cluster:
    """The members of one happening in the making, with the unions `_fit` asks of them (people,
    actors, words, articles, spans...) kept up to date as members join: fitting a candidate costs
    the same whatever the cluster's size."""

    def __init__(self, head: Event) -> None:
        self.head = head
        self.members: list[Event] = []
        self.spans: set[_Span] = set()
        self.latest_first, self.earliest_last = date.min, date.max
        self.articles: set[str] = set()
        self.people: set[str] = set()
        self.actors: set[str] = set()
        self.categories: set[str] = set()
        self.places: set[str] = set()
        self.words: set[str] = set()
        self.quote_words: set[str] = set()
        self.speakers: set[str] = set()  # who made each statement
        self.all_statements = self.all_weak = self.all_casualties = True
        self.any_anchor = False
        self.tolls: list[int] = []  # min and max of the titles' tolls, while every title has one
        self.every_toll = True
        self.lows: list[date] = []  # the latest earliest day a bound allows
        self.highs: list[date] = []  # the earliest latest day
        self.add(head)

    def add(self, member: Event) -> None:
        """A member joins: every union grows by what it brings."""
        self.members.append(member)
        span = _span(member)
        self.spans.add(span)
        self.latest_first = max(self.latest_first, span.first)
        self.earliest_last = min(self.earliest_last, span.last)
        self.articles.update(s.article for s in member.sources)
        self.people.update(_people(member))
        self.actors.update(member.actors)
        self.categories.add(member.category)
        if member.place:
            self.places.add(member.place)
        self.words.update(_words(member))
        self.quote_words.update(_quote_words(member))
        if member.category == "statement" and member.actors:
            self.speakers.add(member.actors[0])
        self.all_statements = self.all_statements and member.category == "statement"
        self.all_weak = self.all_weak and _is_weak(member)
        self.all_casualties = self.all_casualties and member.category == "casualties"
        self.any_anchor = self.any_anchor or _basis(member) == "anchor"
        toll = _toll(member.title)
        self.every_toll = self.every_toll and toll is not None
        if toll is not None:
            self.tolls = [min([toll, *self.tolls]), max([toll, *self.tolls])]
        low, high = _limits(member)
        if low is not None:
            self.lows = [max([low, *self.lows])]
        if high is not None:
            self.highs = [min([high, *self.highs])]

    def meets(self, span: _Span) -> bool:
        """Whether a span is compatible with every member's."""
        if span.first <= self.earliest_last and self.latest_first <= span.last:
            return True  # it overlaps them all
        if span.first != span.last:
            return False  # a longer span must overlap each
        return all(_compatible(span, other) for other in self.spans)


def _fit(told: _Candidate, cluster: _Cluster) -> float:
    """How well a candidate fits a cluster; 0 when it must stay apart."""
    if not cluster.meets(told.span):
        return 0.0
    candidate, head = told.event, cluster.head
    if _other_speaker(candidate, cluster):
        return 0.0  # two people's statements on one day are two statements
    if told.counted and precision(candidate.date) < precision(head.date):
        return 0.0  # "two visits last month" is not the one visit on the 4th
    same_article = told.articles & cluster.articles
    people = told.people & cluster.people
    actors = set(candidate.actors) & cluster.actors
    same_category = candidate.category in cluster.categories
    place_clash = _place_clash(candidate, cluster)
    words = _similarity(told.words, cluster.words)
    weak = told.weak or cluster.all_weak
    if told.weak:
        return _fit_bound(told, cluster, people, same_category, words)
    copied = _similarity(told.quote_words, cluster.quote_words)
    if copied >= 0.6 and candidate.date == head.date and candidate.category == head.category:
        return 3.0 + words  # the same wire copy carried twice, or by two outlets
    if same_article:
        # Two dated sentences of one article are two happenings, unless they tell the same
        # kind of thing about the same people on the same date, or one only bounds its date.
        if weak and people:
            return 1.0 + len(people) + words
        if _same_remarks(candidate, head):
            return 1.0 + words
        if same_category and people and candidate.date == head.date:
            return 1.0 + len(people) + words
        return 0.0
    if place_clash and not people:
        return 0.0
    if people and (same_category or weak or words >= 0.12 or _related(candidate, cluster)):
        return 2.0 + len(people) + words + (1.0 if same_category else 0.0)
    named = {a for a in actors if is_known(a)}
    if not people and same_category and len(named) >= 2 and not place_clash:
        return 1.0 + len(named) * 0.5 + words
    same_place = bool(candidate.place) and candidate.place in cluster.places
    same_day = len(candidate.date) == len("2000-01-01") and candidate.date == head.date
    if not people and same_category and (named or same_place) and words >= 0.2 and same_day:
        return 0.5 + words  # "Earthquake kills 150 in Turkey" told by two outlets
    if same_day and not place_clash and _same_toll(candidate, cluster):
        return 0.5 + words  # "Bombings kill 224 people", "... 259 people": one toll, still rising
    return 0.0


def _same_toll(candidate: Event, cluster: _Cluster) -> bool:
    """Casualties on one day whose titles give tolls within a quarter of each other."""
    if candidate.category != "casualties" or not cluster.all_casualties:
        return False
    toll = _toll(candidate.title)
    if toll is None or not cluster.every_toll:
        return False
    counted = [toll, *cluster.tolls]
    return max(counted) <= 1.25 * min(counted)


def _toll(title: str) -> int | None:
    match = _TOLL.search(title)
    return int(match.group("count").replace(",", "")) if match else None


_TOLL = re.compile(r"\b(?P<count>\d[\d,]*)\s+(?:people|persons|dead|civilians|soldiers)\b")


def _place_clash(candidate: Event, cluster: _Cluster) -> bool:
    """Both name where it happened, and no place of the cluster overlaps the candidate's."""
    if not candidate.place or not cluster.places:
        return False
    return not any(places_overlap(candidate.place, place) for place in cluster.places)


def _other_speaker(candidate: Event, cluster: _Cluster) -> bool:
    """A statement whose speaker differs from every statement's speaker in the cluster."""
    if candidate.category != "statement" or not candidate.actors or not cluster.speakers:
        return False
    if not cluster.all_statements:
        return False  # "Kim vowed support" joins the meeting where he said it
    return candidate.actors[0] not in cluster.speakers


def _same_remarks(candidate: Event, head: Event) -> bool:
    """One speaker's sayings on one date in one article are one occasion ("the agency said
    last week ... the agency told lawmakers last week")."""
    return (
        _basis(candidate) == _basis(head) == "said"
        and (candidate.date, candidate.end) == (head.date, head.end)
        and bool(candidate.actors)
        and candidate.actors[:1] == head.actors[:1]
    )


def _fit_bound(
    told: _Candidate, cluster: _Cluster, people: frozenset[str], same_category: bool, words: float
) -> float:
    """A happening dated only by a report or an anchor joins a precisely dated one it tells of."""
    candidate, head = told.event, cluster.head
    if _basis(candidate) == "anchor":
        return 0.0  # "days before the summit" is not the summit, nor anything else we can tell
    if _place_clash(candidate, cluster):
        return 0.0  # a summit in Alaska is not a meeting in Moscow, whoever attended both
    if cluster.all_weak:
        return _fit_bounds(told, cluster, people, same_category or _related(candidate, cluster))
    if _length(_span(head)) > 31 or not people:
        return 0.0
    if not (same_category or words >= 0.1 or _related(candidate, cluster)):
        return 0.0
    return (
        1.0 + len(people) + words + (1.0 if same_category else 0.0) + precision(head.date, head.end)
    )


def _fit_bounds(
    told: _Candidate, cluster: _Cluster, people: frozenset[str], same_category: bool
) -> float:
    """Two bounds on one happening from different articles ("ahead of the expected summit in
    Alaska", "days before Trump and Putin held a summit in Alaska") join: same kind, same people
    and place, and dates that can both hold."""
    if cluster.any_anchor or not same_category:
        return 0.0
    if told.articles & cluster.articles:
        return 0.0
    low, high = told.limits
    lows = [*cluster.lows, *([low] if low is not None else [])]
    highs = [*cluster.highs, *([high] if high is not None else [])]
    if not lows or not highs or max(lows) > min(highs):
        return 0.0  # no day every bound allows, or a side unlimited
    candidate = told.event
    same_place = bool(candidate.place) and candidate.place in cluster.places
    if candidate.place and cluster.places and not same_place:
        return 0.0
    if (same_place and people) or len(people) >= 2:
        return 0.5 + len(people) + (1.0 if same_place else 0.0)
    return 0.0


def _limits(event: Event) -> tuple[date | None, date | None]:
    """The earliest and latest day a bound allows (None: no limit on that side)."""
    first, last = bounds(event.date, event.end)
    if event.qualifier == "before":
        return None, last
    if event.qualifier in ("after", "since"):
        return (first if event.qualifier == "since" else last + timedelta(days=1)), None
    return first, last


def _intersection(members: Sequence[Event]) -> tuple[date, date] | None:
    """The days every bound allows, when some bound limits each side; None when they clash
    or a side is unlimited."""
    lows = [low for low, _ in map(_limits, members) if low is not None]
    highs = [high for _, high in map(_limits, members) if high is not None]
    if not lows or not highs or max(lows) > min(highs):
        return None
    return max(lows), min(highs)


_CLOSE = frozenset(
    {
        frozenset(("visit", "meeting")),
        frozenset(("summit", "meeting")),
        frozenset(("summit", "treaty")),
        frozenset(("visit", "summit")),
        frozenset(("meeting", "statement")),
        frozenset(("visit", "statement")),
    }
)


def _related(candidate: Event, cluster: _Cluster) -> bool:
    return any(frozenset((candidate.category, c)) in _CLOSE for c in cluster.categories)


def _is_counted(event: Event) -> bool:
    return any(_COUNTED.search(s.quote) for s in event.sources)


def _people(event: Event) -> set[str]:
    return {a for a in event.actors if is_person(a)}


@lru_cache(maxsize=8192)
def _words(event: Event) -> frozenset[str]:
    text = " ".join([event.title, *(s.quote for s in event.sources)])
    return frozenset(w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOPWORDS)


@lru_cache(maxsize=8192)
def _quote_words(event: Event) -> frozenset[str]:
    text = " ".join(s.quote for s in event.sources)
    return frozenset(w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOPWORDS)


def _similarity(a: frozenset[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


# --- combining ------------------------------------------------------------------------------


def _combined(cluster: list[Event]) -> Event:
    """One event from a cluster: the most precise consistent date, every source, the best title."""
    strong = [m for m in cluster if not _is_weak(m)] or cluster
    chosen = _chosen_date(strong)
    both_sides = _intersection(cluster) if all(_is_weak(m) for m in cluster) else None
    if both_sides is not None:
        first, last = both_sides
        end = last.isoformat() if last != first else ""
        chosen = replace(chosen, date=first.isoformat(), end=end, qualifier="", label="")
    headline = min(cluster, key=_title_support)
    sources = sorted(
        {s for m in cluster for s in m.sources}, key=lambda s: (s.published, s.article, s.quote)
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
            _disagreement(strong, chosen) if both_sides is None else "",
            *sorted({m.disagreement for m in cluster if m.disagreement}),  # a source's own clash
        ),
    )


def _joined(*notes: str) -> str:
    return "; ".join(note for note in notes if note)


def _title_support(member: Event) -> tuple[object, ...]:
    """How well a source's title tells the happening, best first: what happened rather than what
    was planned or reported, the most precise date, a named subject, a place, not a saying."""
    subject = member.actors[0] if member.actors else ""
    named = bool(subject) and member.title.startswith(subject) and (
        is_known(subject) or is_person(subject)
    )
    # "in Nairobi, Kenya, killed": a state naming where a place is did not act
    named = named and not any(re.search(rf",\s+{re.escape(subject)},", s.quote) for s in member.sources)
    return (
        _basis(member) == "plan",  # a title says what happened, not what was planned
        _is_weak(member),
        _basis(member) == "said" or member.category == "statement",  # the saying, not the deed
        -precision(member.date, member.end),
        not named,
        not member.place,
        _QUOTED.search(member.title) is not None,
        _CATEGORY_ORDER.index(member.category) if member.category in _CATEGORY_ORDER else 99,
        _strength_order(member),
    )


_QUOTED = re.compile(r"['‘’\"“”](?!s\b)")


def _chosen_date(strong: list[Event]) -> Event:
    """The most precise date consistent with most sources; ties go to the earlier date."""
    spans = {id(member): _span(member) for member in strong}
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
            _strength_order(m),
        ),
    )


def _inside(inner: _Span, outer: _Span) -> bool:
    return outer.first <= inner.first and inner.last <= outer.last


def _disagreement(strong: list[Event], chosen: Event) -> str:
    kept = _span(chosen)
    notes = []
    for member in strong:
        if _inside(kept, _span(member)):
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
    shared = [
        a for a in counts if (counts[a] >= 2 or a in agreeing) and a not in headline.actors
    ]
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
