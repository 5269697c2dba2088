"""The calendar extent of an event: the days its date covers, and how precisely it is known.

A year stays a year: "2024" covers 1 January to 31 December 2024, never a fake day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from timeline.model import Event, TimelineError

_ISO = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")

THIRDS = ("early", "mid", "late")  # narrow a year or a month to its first, middle or last third
OPEN_BOUNDS = ("before", "after", "since")  # one-sided: the event lies beyond the bound
PRECISIONS = ("day", "part of a month", "month", "part of a year", "year")
ABOUT_DAY = timedelta(days=3)


@dataclass(frozen=True)
class Extent:
    """First and last day an event may cover (inclusive) and the precision of its bounds.

    For an open bound ("since 2022") first == last == the bound, and `open_side` says on which
    side of it the event lies ("left" for before, "right" for after and since).
    """

    first: date
    last: date
    precision: str  # one of PRECISIONS: the coarsest of the two bounds
    open_side: str = ""  # "" | "left" | "right"
    approximate: bool = False  # qualifier "about"
    ongoing: bool = False  # "since": the event runs on from the bound

    @property
    def is_day(self) -> bool:
        """True when the event is pinned to one exact day and can be drawn as a marker."""
        return (
            self.first == self.last
            and self.precision == "day"
            and not self.open_side
            and not self.approximate
        )

    @property
    def order(self) -> date:
        """The day the event sorts by: its first day, or the day before a "before" bound."""
        return self.first - timedelta(days=1) if self.open_side == "left" else self.first

    @property
    def middle(self) -> date:
        """The middle day of the extent (the bound itself when open)."""
        return self.first + (self.last - self.first) / 2


def parse_iso(value: str, event_id: str) -> tuple[date, date, str]:
    """First and last day of an ISO YYYY, YYYY-MM or YYYY-MM-DD date, and its granularity."""
    match = _ISO.match(value.strip())
    if match is None:
        raise TimelineError(
            f"event {event_id}: date {value!r} is not ISO YYYY, YYYY-MM or YYYY-MM-DD; "
            "fix it in events.yaml"
        )
    year = int(match["year"])
    try:
        if match["day"]:
            day = date(year, int(match["month"]), int(match["day"]))
            return day, day, "day"
        if match["month"]:
            month = int(match["month"])
            last_day = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last_day), "month"
        return date(year, 1, 1), date(year, 12, 31), "year"
    except (ValueError, calendar.IllegalMonthError) as error:
        raise TimelineError(
            f"event {event_id}: date {value!r} is not a real calendar date ({error}); "
            "fix it in events.yaml"
        ) from None


@lru_cache(maxsize=65536)  # a build asks it of each event some ten times (orders, lanes, labels)
def event_extent(event: Event) -> Extent:
    """The days the event's date, end and qualifier cover."""
    first, last, granularity = parse_iso(event.date, event.id)
    precision = granularity
    if event.qualifier in THIRDS and granularity != "day":
        first, last = _third(first, last, THIRDS.index(event.qualifier))
        precision = "part of a month" if granularity == "month" else "part of a year"
    if event.end:
        _, end_last, end_granularity = parse_iso(event.end, event.id)
        if end_last < first:
            raise TimelineError(
                f"event {event.id}: end {event.end!r} is before date {event.date!r}; "
                "fix it in events.yaml"
            )
        last = end_last
        precision = _coarser(precision, end_granularity)
        return Extent(first, last, precision, approximate=event.qualifier == "about")
    if event.qualifier == "before":
        return Extent(first, first, precision, open_side="left")
    if event.qualifier == "after":
        bound = last + timedelta(days=1)
        return Extent(bound, bound, precision, open_side="right")
    if event.qualifier == "since":
        return Extent(first, first, precision, open_side="right", ongoing=True)
    if event.qualifier == "about" and granularity == "day":
        # "about 4 June": a few days either side, so it is drawn as the vague span it is
        return Extent(first - ABOUT_DAY, last + ABOUT_DAY, precision, approximate=True)
    return Extent(first, last, precision, approximate=event.qualifier == "about")


def _third(first: date, last: date, index: int) -> tuple[date, date]:
    """The first, middle or last third of a month (days 1-10, 11-20, 21-end) or of a year."""
    if first.month == last.month:  # a month
        starts = (1, 11, 21)
        stop = (10, 20, last.day)
        return first.replace(day=starts[index]), first.replace(day=stop[index])
    start_month = 1 + 4 * index
    end_month = start_month + 3
    end_day = calendar.monthrange(first.year, end_month)[1]
    return date(first.year, start_month, 1), date(first.year, end_month, end_day)


def _coarser(precision: str, other: str) -> str:
    return max(precision, other, key=PRECISIONS.index)


def chronological(events: Sequence[Event]) -> list[Event]:
    """The events by date (earliest day they may cover), then by the last day, then id."""
    extents = {event.id: event_extent(event) for event in events}
    return sorted(events, key=lambda e: (extents[e.id].order, extents[e.id].last, e.id))
