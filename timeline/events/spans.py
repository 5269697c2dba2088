"""When a happening may have taken place: the span of days a candidate allows, how strongly its
date holds (a date, or only a bound from a report, an anchor or a plan), and whether two spans
can be one happening's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from timeline.model import Event, Source
from timeline.temporal.when import bounds, precision

# How far before its report a reported happening may lie, and a one-sided bound may reach.
_REPORT_REACH = timedelta(days=3)
_BOUND_REACH = timedelta(days=14)
NEAR = timedelta(days=1)  # report vs event, time zones
UNDATED_REACH = timedelta(days=366)  # how far back a telling with no date may join a happening


@dataclass(frozen=True)
class Span:
    """The first and last day a happening may have taken place."""

    first: date
    last: date


def basis(event: Event) -> str:
    """What dates the event: said, report, lead, anchor, bound, plan... ("" without a
    source)."""
    return event.sources[0].basis if event.sources else ""


def is_weak(event: Event) -> bool:
    """Dated only by a report, an unresolved anchor or a plan: a bound, not a date."""
    if basis(event) == "plan":
        return True
    weak = ("report", "lead", "anchor", "bound", "undated")
    return basis(event) in weak and event.qualifier in ("before", "after")


def strength_order(event: Event) -> tuple[object, ...]:
    """The order merge meets candidates in: precisely dated ones first, then bounds, then
    tellings with no date (they only join)."""
    source = event.sources[0] if event.sources else Source("", "", "", "")
    return (
        source.basis == "undated",
        is_weak(event),
        -precision(event.date, event.end),
        event.date,
        event.end,
        source.article,
        source.quote,
        event.title,
    )


@lru_cache(maxsize=8192)
def span_of(event: Event) -> Span:
    """The days the happening may lie in; a bound reaches a few days or weeks past its date."""
    first, last = bounds(event.date, event.end)
    if basis(event) == "undated":
        return Span(last - UNDATED_REACH, last)
    if is_weak(event) and event.qualifier == "before":  # "reported in December": that month
        reach = _REPORT_REACH if basis(event) in ("report", "lead") else _BOUND_REACH
        return Span(min(first, last - reach), last)
    if is_weak(event) and event.qualifier in ("after", "since"):
        return Span(first, first + _BOUND_REACH)
    return Span(first, last)


def weeks_touched(span: Span) -> range:
    """The weeks (counted from day one of the calendar) a span touches, a day wider on each
    side: spans that may meet share one, and a week holds far fewer clusters than a month."""
    return range((span.first - NEAR).toordinal() // 7, (span.last + NEAR).toordinal() // 7 + 1)


def compatible(a: Span, b: Span) -> bool:
    """Overlapping, or single days a day apart (report vs event, time zones)."""
    if a.first <= b.last and b.first <= a.last:
        return True
    single = a.first == a.last and b.first == b.last
    return single and abs((a.first - b.first).days) <= NEAR.days


def length_of(span: Span) -> int:
    """How many days a span holds, both ends counted."""
    return (span.last - span.first).days + 1


def limits(event: Event) -> tuple[date | None, date | None]:
    """The earliest and latest day a bound allows (None: no limit on that side)."""
    first, last = bounds(event.date, event.end)
    if event.qualifier == "before":
        return None, last
    if event.qualifier in ("after", "since"):
        return (first if event.qualifier == "since" else last + timedelta(days=1)), None
    return first, last


def intersection(members: Sequence[Event]) -> tuple[date, date] | None:
    """The days every bound allows, when some bound limits each side; None when they clash
    or a side is unlimited."""
    lows = [low for low, _ in map(limits, members) if low is not None]
    highs = [high for _, high in map(limits, members) if high is not None]
    if not lows or not highs or max(lows) > min(highs):
        return None
    return max(lows), min(highs)
