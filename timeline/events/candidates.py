"""What merge works out about a candidate once (`Candidate`), and keeps about a cluster of
candidates told of one happening (`Cluster`): the unions a fit asks of it (people, actors,
words, quote words, articles, places, spans, tolls, bounds), up to date as members join, so
fitting a candidate costs the same whatever the cluster's size. How well a candidate fits a
cluster is `clusters.fit`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from timeline.events.cues import load_data
from timeline.events.gazetteers import is_person
from timeline.events.predicates import kinds_told
from timeline.events.spans import Span, basis, compatible, is_weak, limits, span_of
from timeline.model import Event

_STOPWORDS = frozenset(load_data()["merge_stopwords"])
_COUNTED = re.compile(
    r"\b(?:two|three|four|five|several|multiple|many|\d+)\s+(?:[\w-]+\s+)?"
    r"(?:visits|trips|meetings|calls|summits|rounds of talks|letters)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    """A candidate with what `fit` asks of it worked out once, not once per cluster."""

    event: Event
    span: Span
    weak: bool
    counted: bool
    people: frozenset[str]
    articles: frozenset[str]
    words: frozenset[str]
    quote_words: frozenset[str]
    limits: tuple[date | None, date | None]
    kinds: frozenset[str]

    @classmethod
    def of(cls, event: Event) -> Candidate:
        """The candidate with its span, words, people and articles worked out."""
        return cls(
            event=event,
            span=span_of(event),
            weak=is_weak(event),
            counted=is_counted(event),
            people=frozenset(people_of(event)),
            articles=frozenset(s.article for s in event.sources),
            words=words_of(event),
            quote_words=quote_words_of(event),
            limits=limits(event),
            kinds=kinds_told(event.title),
        )


@lru_cache(maxsize=65536)
def candidate_of(event: Event) -> Candidate:
    """`Candidate.of`, worked out once per event: merge asks it of each candidate and again of
    each member joining a cluster, and a build merges the cached candidates while its workers
    extract the others (`merge.merge_record`), then all of them again."""
    return Candidate.of(event)


class Cluster:
    """The members of one happening in the making, with the unions `fit` asks of them (people,
    actors, words, articles, spans...) kept up to date as members join: fitting a candidate costs
    the same whatever the cluster's size."""

    def __init__(self, head: Event) -> None:
        self.head = head
        self.members: list[Event] = []
        self.spans: set[Span] = set()
        self.latest_first, self.earliest_last = date.min, date.max
        self.articles: set[str] = set()
        self.people: set[str] = set()
        self.actors: set[str] = set()
        self.categories: set[str] = set()
        self.kinds: set[str] = set()
        self.places: set[str] = set()
        self.words: set[str] = set()
        self.quote_words: set[str] = set()
        self.speakers: set[str] = set()  # who made each statement
        self.all_statements = self.all_weak = self.all_casualties = True
        self.any_anchor = False
        self.all_undated = True  # only tellings with no date: nothing joins them
        self.tolls: list[int] = []  # min and max of the titles' tolls, while every title has one
        self.every_toll = True
        self.lows: list[date] = []  # the latest earliest day a bound allows
        self.highs: list[date] = []  # the earliest latest day
        self.add(head)

    def add(self, member: Event) -> None:
        """A member joins: every union grows by what it brings."""
        self.members.append(member)
        told = candidate_of(member)
        span = told.span
        self.spans.add(span)
        self.latest_first = max(self.latest_first, span.first)
        self.earliest_last = min(self.earliest_last, span.last)
        self.articles.update(told.articles)
        self.people.update(told.people)
        self.actors.update(member.actors)
        self.categories.add(member.category)
        self.kinds.update(told.kinds)
        if member.place:
            self.places.add(member.place)
        self.words.update(told.words)
        self.quote_words.update(told.quote_words)
        if member.category == "statement" and member.actors:
            self.speakers.add(member.actors[0])
        self.all_statements = self.all_statements and member.category == "statement"
        self.all_weak = self.all_weak and told.weak
        self.all_casualties = self.all_casualties and member.category == "casualties"
        self.any_anchor = self.any_anchor or basis(member) == "anchor"
        self.all_undated = self.all_undated and basis(member) == "undated"
        toll = toll_of(member.title)
        self.every_toll = self.every_toll and toll is not None
        if toll is not None:
            self.tolls = [min([toll, *self.tolls]), max([toll, *self.tolls])]
        low, high = told.limits
        if low is not None:
            self.lows = [max([low, *self.lows])]
        if high is not None:
            self.highs = [min([high, *self.highs])]

    def meets(self, span: Span) -> bool:
        """Whether a span is compatible with every member's."""
        if span.first <= self.earliest_last and self.latest_first <= span.last:
            return True  # it overlaps them all
        if span.first != span.last:
            return False  # a longer span must overlap each
        return all(compatible(span, other) for other in self.spans)


def toll_of(title: str) -> int | None:
    match = _TOLL.search(title)
    return int(match.group("count").replace(",", "")) if match else None


_TOLL = re.compile(r"\b(?P<count>\d[\d,]*)\s+(?:people|persons|dead|civilians|soldiers)\b")


def is_counted(event: Event) -> bool:
    return any(_COUNTED.search(s.quote) for s in event.sources)


def people_of(event: Event) -> set[str]:
    return {a for a in event.actors if is_person(a)}


@lru_cache(maxsize=8192)
def words_of(event: Event) -> frozenset[str]:
    text = " ".join([event.title, *(s.quote for s in event.sources)])
    return frozenset(w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOPWORDS)


@lru_cache(maxsize=8192)
def quote_words_of(event: Event) -> frozenset[str]:
    text = " ".join(s.quote for s in event.sources)
    return frozenset(w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOPWORDS)


def similarity(a: frozenset[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)
