"""Calendar periods as TIMEX3 values and day intervals; pendulum does the arithmetic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pendulum

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Span:
    """A calendar period: its TIMEX3 value, first and last day, and granularity."""

    value: str
    earliest: date
    latest: date
    granularity: str
    shift: str = ""  # for a mention told as a shift from the publish date ("a year ago"): "year-1"


def as_date(day: pendulum.Date | date) -> date:
    return date(day.year, day.month, day.day)


def pdate(day: date) -> pendulum.Date:
    return pendulum.date(day.year, day.month, day.day)


def day_span(day: date) -> Span:
    return Span(day.isoformat(), day, day, "day")


def week_span(day: date) -> Span:
    iso = day.isocalendar()
    monday = pdate(day).start_of("week")
    return Span(f"{iso.year}-W{iso.week:02d}", as_date(monday), as_date(monday.add(days=6)), "week")


def weekend_span(day: date) -> Span:
    week = week_span(day)
    saturday = pdate(week.earliest).add(days=5)
    return Span(f"{week.value}-WE", as_date(saturday), as_date(saturday.add(days=1)), "week")


def month_span(year: int, month: int) -> Span:
    first = pendulum.date(year, month, 1)
    return Span(f"{year:04d}-{month:02d}", as_date(first), as_date(first.end_of("month")), "month")


def quarter_span(year: int, quarter: int) -> Span:
    first = pendulum.date(year, 3 * quarter - 2, 1)
    last = first.add(months=2).end_of("month")
    return Span(f"{year:04d}-Q{quarter}", as_date(first), as_date(last), "quarter")


def half_span(year: int, half: int) -> Span:
    first = pendulum.date(year, 6 * half - 5, 1)
    last = first.add(months=5).end_of("month")
    return Span(f"{year:04d}-H{half}", as_date(first), as_date(last), "half")


def season_span(year: int, code: str) -> Span:
    start_month, end_month = SEASON_MONTHS[code]
    first = pendulum.date(year, start_month, 1)
    end_year = year + 1 if end_month < start_month else year
    last = pendulum.date(end_year, end_month, 1).end_of("month")
    return Span(f"{year:04d}-{code}", as_date(first), as_date(last), "season")


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
    moved = pdate(day)
    if unit in ("day",):
        moved = moved.add(days=amount)
    elif unit in ("week", "weekend"):
        moved = moved.add(weeks=amount)
    elif unit == "month":
        moved = moved.add(months=amount)
    elif unit == "quarter":
        moved = moved.add(months=3 * amount)
    elif unit == "year":
        moved = moved.add(years=amount)
    elif unit == "decade":
        moved = moved.add(years=10 * amount)
    elif unit == "century":
        moved = moved.add(years=100 * amount)
    else:
        raise ValueError(f"cannot shift by unit {unit!r}")
    return as_date(moved)


def narrowed(span: Span, mod: str) -> tuple[date, date]:
    """The first, middle or last third of a span for START, MID and END; the span otherwise."""
    length = (span.latest - span.earliest).days + 1
    third = max(length // 3, 1)
    first = pdate(span.earliest)
    if mod == "START":
        return span.earliest, as_date(first.add(days=third - 1))
    if mod == "MID":
        return as_date(first.add(days=third)), as_date(first.add(days=length - third - 1))
    if mod == "END":
        return as_date(first.add(days=length - third)), span.latest
    return span.earliest, span.latest
