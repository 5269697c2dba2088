"""An event's place in time from a resolved timex: ISO date and end at the timex's
granularity, a qualifier, and the date as people write it ("4 June 2025", "early 2025")."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.model import Timex

_QUALIFIERS = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "ON_OR_BEFORE": "before",
    "LESS_THAN": "before",
    "AFTER": "after",
    "ON_OR_AFTER": "after",
    "MORE_THAN": "after",
}


@dataclass(frozen=True)
class When:
    """Where an event sits: ISO date (its form is the granularity), optional end, qualifier."""

    date: str
    end: str = ""
    qualifier: str = ""

    @property
    def label(self) -> str:
        """The date as a chronology writes it."""
        return label(self.date, self.end, self.qualifier)


def when_of(timex: Timex) -> When | None:
    """The When a date timex gives, or None for timexes that date nothing (open, unresolved)."""
    if timex.earliest is None or timex.latest is None:
        return None
    qualifier = _QUALIFIERS.get(timex.mod, "")
    first, last = timex.earliest, timex.latest
    if _is_year(first, last):
        return When(str(first.year), qualifier=qualifier)
    if _is_month(first, last):
        return When(first.strftime("%Y-%m"), qualifier=qualifier)
    if first == last:
        return When(first.isoformat(), qualifier=qualifier)
    if (
        first.day == 1
        and last == _month_end(last)
        and (first.year, first.month) != (last.year, last.month)
    ):
        if first.month == 1 and last.month == 12:
            return When(str(first.year), str(last.year), qualifier)
        return When(first.strftime("%Y-%m"), last.strftime("%Y-%m"), qualifier)
    return When(first.isoformat(), last.isoformat(), qualifier)


def bounds(iso: str, end: str = "") -> tuple[date, date]:
    """The first and last day an ISO date (and optional end) covers."""
    first, last = _span(iso)
    if end:
        last = _span(end)[1]
    return first, last


def _span(iso: str) -> tuple[date, date]:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        return first, _month_end(first)
    day = date(parts[0], parts[1], parts[2])
    return day, day


def precision(iso: str, end: str = "") -> int:
    """How precise a date is: 3 for a day, 2 a month, 1 a year; spans count one less."""
    level = len(iso.split("-"))
    return level * 2 - (1 if end else 0)


def shift_days(iso: str, days: int) -> str:
    """A day-precise ISO date moved by days; coarser dates stay as they are."""
    if len(iso.split("-")) != 3:
        return iso
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def _is_year(first: date, last: date) -> bool:
    return first == date(first.year, 1, 1) and last == date(first.year, 12, 31)


def _is_month(first: date, last: date) -> bool:
    return first.day == 1 and last == _month_end(first)


def _month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def label(iso: str, end: str = "", qualifier: str = "") -> str:
    """ "4 June 2025", "June 2025", "2025", "early 2025", "26 May - 1 June 2025", "by 5 June 2025"."""
    text = _written(iso)
    if end:
        text = f"{_written(iso, omit_year=_year(iso) == _year(end))} - {_written(end)}"
    prefix = {
        "early": "early ",
        "mid": "mid-",
        "late": "late ",
        "about": "about ",
        "before": "by ",
        "after": "after ",
    }
    return prefix.get(qualifier, "") + text


def _year(iso: str) -> str:
    return iso.split("-")[0]


def _written(iso: str, omit_year: bool = False) -> str:
    parts = [int(p) for p in iso.split("-")]
    year = "" if omit_year else f" {parts[0]}"
    if len(parts) == 1:
        return str(parts[0])
    month = calendar.month_name[parts[1]]
    if len(parts) == 2:
        return f"{month}{year}"
    return f"{parts[2]} {month}{year}"
