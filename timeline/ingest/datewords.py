"""Written calendar dates in English text ("June 5, 2025", "5 Jun 2025 10:32 BST", "2025-06-05").

Only full dates (day, month and year) and month-day pairs are found here; relative and partial
phrases are the temporal tagger's business. Month and weekday names live in data/calendar.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from timeline import data as package_data


@dataclass(frozen=True)
class WrittenDate:
    """A date written in text: offsets into that text (end exclusive), its meaning, its time."""

    start: int
    end: int
    text: str
    date: date
    time: str = ""  # time and zone as written ("10:32 a.m. EDT"), "" when none


@dataclass(frozen=True)
class MonthDay:
    """A month and day written without a year ("Aug 12"), as datelines give them."""

    start: int
    end: int
    text: str
    month: int
    day: int


def calendar_data() -> dict[str, Any]:
    """The calendar vocabulary shipped as package data."""
    return package_data.load("calendar.yaml")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TIME = (
    r"(?P<time>\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}\b|(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?))?)"
)


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    data = calendar_data()
    month = rf"(?P<month>{_alternation(list(data['months']))})\.?"
    weekday = rf"(?:(?:{_alternation(data['weekdays'])})\.?,?\s+)?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d{2})(?!\d)"
    time = rf"(?:,?\s*(?:at\s+|[-|•·/]\s*)?{_TIME})?"
    iso_time = r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?))?"
    flags = re.IGNORECASE
    return (
        re.compile(rf"(?<![\d-]){year}-(?P<month_number>\d{{2}})-{day}{iso_time}(?![\d-])"),
        re.compile(rf"\b{weekday}{month}\s+{day},?\s+{year}{time}", flags),
        re.compile(rf"\b{weekday}{day}\s+(?:of\s+)?{month},?\s+{year}{time}", flags),
    )


def _month_number(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("month_number"):
        return int(groups["month_number"])
    months: dict[str, int] = calendar_data()["months"]
    return months[groups["month"].casefold()]


def find_dates(text: str) -> list[WrittenDate]:
    """Every full written date in `text`, in order; impossible days (June 31) are not dates."""
    found: list[WrittenDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            try:
                value = date(int(match["year"]), _month_number(match), int(match["day"]))
            except ValueError:
                continue
            time = (match.groupdict().get("time") or "").strip()
            found.append(WrittenDate(match.start(), match.end(), match[0], value, time))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


@cache
def _month_day_patterns() -> tuple[re.Pattern[str], ...]:
    months = _alternation(list(calendar_data()["months"]))
    flags = re.IGNORECASE
    return (
        re.compile(
            rf"\b(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)", flags
        ),
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{months})\b\.?(?!,?\s*\d)", flags
        ),
    )


def find_month_days(text: str) -> list[MonthDay]:
    """Month-day pairs written without a year ("Aug 12", "12 August"), in order."""
    found: list[MonthDay] = []
    months: dict[str, int] = calendar_data()["months"]
    for pattern in _month_day_patterns():
        for match in pattern.finditer(text):
            month, day = months[match["month"].casefold()], int(match["day"])
            try:
                date(2000, month, day)  # a leap year, so Feb 29 passes
            except ValueError:
                continue
            found.append(MonthDay(match.start(), match.end(), match[0], month, day))
    return sorted(found, key=lambda d: d.start)
