"""The date of a named day in a given year, from its rule in vocabulary.yaml (holidays)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from timeline.temporal.vocabulary import vocabulary


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 the last) ISO weekday of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    following = date(year + (month == 12), month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> date:
    """The day `name` (a key of the holidays vocabulary) falls on in `year`."""
    rule: dict[str, Any] = vocabulary().holidays[name]
    if "easter" in rule:
        return easter(year) + timedelta(days=int(rule["easter"]))
    if "day" in rule:
        return date(year, rule["month"], rule["day"])
    found = _nth_weekday(year, rule["month"], rule["weekday"], rule["nth"])
    return found + timedelta(days=int(rule.get("plus_days", 0)))
