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
    """The When a date timex gives, or None for timexes that date nothing (open, unresolved).

    A date keeps its granularity: "early last year" is early 2024, "earlier this year" in July
    is January-June, "last week" is the week's seven days, never a fake first day."""
    if timex.earliest is None or timex.latest is None:
        return None
    qualifier = _QUALIFIERS.get(timex.mod, "")
    first, last = timex.earliest, timex.latest
    if qualifier in ("early", "mid", "late") and timex.granularity in ("year", "month"):
        # the qualifier narrows the year or month itself: "early 2024", "late June 2025"
        if timex.granularity == "year":
            return When(str(first.year), qualifier=qualifier)
        return When(first.strftime("%Y-%m"), qualifier=qualifier)
    if qualifier in ("early", "mid", "late"):
        qualifier = ""  # "early Friday", "late on the 28th": a day or a span of days already
    if _is_year(first, last):
        return When(str(first.year), qualifier=qualifier)
    if _is_month(first, last):
        return When(first.strftime("%Y-%m"), qualifier=qualifier)
    if timex.granularity in _COARSE and first != last:
        return _in_months(first, last, qualifier)  # "earlier this year": up to the publish date
    if timex.granularity == "month" and first == last:
        return When(first.strftime("%Y-%m"), qualifier=qualifier)  # "earlier this month" on the 1st
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


_COARSE = ("month", "quarter", "season", "half", "year")


def _in_months(first: date, last: date, qualifier: str) -> When:
    """A part of a month or year told coarsely, in whole months: a span ending on the 1st (the
    publish date) ends the month before."""
    if last.day == 1 and (last.year, last.month) != (first.year, first.month):
        last = last - timedelta(days=1)
    start, end = first.strftime("%Y-%m"), last.strftime("%Y-%m")
    return When(start, "" if end == start else end, qualifier)


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
    """ "4 June 2025", "June 2025", "2025", "early 2025", "26 May – 1 June 2025",
    "January–June 2025", "week of 26 May 2025", "by 5 June 2025", "since March 2022"."""
    text = _written(iso)
    if end and end != iso:
        text = _span_written(iso, end)
    prefix = {
        "early": "early ",
        "mid": "mid-",
        "late": "late ",
        "about": "about ",
        "before": "by ",
        "after": "after ",
        "since": "since ",
        "planned": "planned for ",
    }
    if qualifier in prefix and text.startswith("week of"):
        text = f"the {text}"  # "about the week of 9 June 2025"
    return prefix.get(qualifier, "") + text


def _span_written(iso: str, end: str) -> str:
    """Share what both ends share: "4–30 June 2025", "June–August 2025", "2022–2024"."""
    first, last = _span(iso)[0], _span(end)[1]
    days = len(iso.split("-")) == len(end.split("-")) == 3
    months = len(iso.split("-")) == len(end.split("-")) == 2
    if days and first.weekday() == 0 and (last - first).days == 6:
        return f"week of {_written(iso)}"
    if days and (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_written(end)}"
    if days and first.year == last.year:
        return f"{_written(iso, omit_year=True)} – {_written(end)}"
    if months and first.year == last.year:
        return f"{calendar.month_name[first.month]}–{_written(end)}"
    if len(iso.split("-")) == len(end.split("-")) == 1:
        return f"{iso}–{end}"
    return f"{_written(iso)} – {_written(end)}"


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
