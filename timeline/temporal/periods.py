"""Calendar periods as TIMEX3 values and day intervals, with the standard library's dates.

Months and years move as pendulum moves them (and as people count): the day is clamped to the
month's end, so Jan 31 plus a month is Feb 28 (or 29) and Feb 29 plus a year is Feb 28.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Span:
    """A calendar period: its TIMEX3 value, first and last day, and granularity."""

    value: str
    earliest: date
    latest: date
    granularity: str
    shift: str = ""  # for a mention told as a shift from the publish date ("a year ago"): "year-1"


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, the day clamped to the month's end (Jan 31 -> Feb 28)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def week_start(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.weekday())


def next_weekday(day: date, weekday: int) -> date:
    """The first day after `day` falling on `weekday` (1 = Monday ... 7 = Sunday)."""
    return day + timedelta(days=(weekday - day.isoweekday() - 1) % 7 + 1)


def previous_weekday(day: date, weekday: int) -> date:
    """The last day before `day` falling on `weekday` (1 = Monday ... 7 = Sunday)."""
    return day - timedelta(days=(day.isoweekday() - weekday - 1) % 7 + 1)


def day_span(day: date) -> Span:
    return Span(day.isoformat(), day, day, "day")


def week_span(day: date) -> Span:
    iso = day.isocalendar()
    monday = week_start(day)
    return Span(f"{iso.year}-W{iso.week:02d}", monday, monday + timedelta(days=6), "week")


def weekend_span(day: date) -> Span:
    week = week_span(day)
    saturday = week.earliest + timedelta(days=5)
    return Span(f"{week.value}-WE", saturday, saturday + timedelta(days=1), "week")


def month_span(year: int, month: int) -> Span:
    return Span(f"{year:04d}-{month:02d}", date(year, month, 1), month_end(year, month), "month")


def quarter_span(year: int, quarter: int) -> Span:
    first = date(year, 3 * quarter - 2, 1)
    return Span(f"{year:04d}-Q{quarter}", first, month_end(year, 3 * quarter), "quarter")


def half_span(year: int, half: int) -> Span:
    first = date(year, 6 * half - 5, 1)
    return Span(f"{year:04d}-H{half}", first, month_end(year, 6 * half), "half")


def season_span(year: int, code: str) -> Span:
    start_month, end_month = SEASON_MONTHS[code]
    first = date(year, start_month, 1)
    end_year = year + 1 if end_month < start_month else year
    return Span(f"{year:04d}-{code}", first, month_end(end_year, end_month), "season")


def year_span(year: int) -> Span:
    return Span(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")


def decade_span(decade: int) -> Span:
    return Span(f"{decade:03d}", date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31), "decade")


def century_span(century: int) -> Span:
    first = max(century * 100, 1)
    return Span(f"{century:02d}", date(first, 1, 1), date(century * 100 + 99, 12, 31), "century")


def period_span(code: str, year: int) -> Span:
    """The quarter (Q3), half (H1) or season (SU) `code` of `year`."""
    if code.startswith("Q"):
        return quarter_span(year, int(code[1:]))
    if code.startswith("H"):
        return half_span(year, int(code[1:]))
    return season_span(year, code)


def unit_span(unit: str, day: date) -> Span:
    """The period of `unit` (day, week, month, ...) that contains `day`."""
    if unit == "day":
        return day_span(day)
    if unit == "week":
        return week_span(day)
    if unit == "weekend":
        return weekend_span(day)
    if unit == "month":
        return month_span(day.year, day.month)
    if unit == "quarter":
        return quarter_span(day.year, (day.month - 1) // 3 + 1)
    if unit == "year":
        return year_span(day.year)
    if unit == "decade":
        return decade_span(day.year // 10)
    if unit == "century":
        return century_span(day.year // 100)
    raise ValueError(f"no calendar period for unit {unit!r}")


def shifted(day: date, unit: str, amount: int) -> date:
    """`day` moved by `amount` units (negative: back), with month ends clamped."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        raise ValueError(f"cannot shift by unit {unit!r}")
    return add_months(day, months * amount)


def narrowed(span: Span, mod: str) -> tuple[date, date]:
    """The first, middle or last third of a span for START, MID and END; the span otherwise."""
    length = (span.latest - span.earliest).days + 1
    third = max(length // 3, 1)
    first = span.earliest
    if mod == "START":
        return first, first + timedelta(days=third - 1)
    if mod == "MID":
        return first + timedelta(days=third), first + timedelta(days=length - third - 1)
    if mod == "END":
        return first + timedelta(days=length - third), span.latest
    return span.earliest, span.latest
