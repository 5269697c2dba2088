"""Expressions that name one time between them though written apart. A weekday beside a date,
set apart by brackets or a comma: "Tuesday (June 4)", "June 4 (Tuesday)", "June 4, Tuesday." The
two name one day: the weekday takes the date's value, and the date is checked against the weekday
as "Tuesday, June 4" is (vocabulary: weekday_beside). A clock time and its day parted by "local
time" or a time elsewhere in brackets: "11:30 p.m. local time (1430 GMT) on Thursday" is on that
Thursday (vocabulary: time_beside_day).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from timeline.temporal import values as v
from timeline.temporal.scanner import Candidate
from timeline.temporal.vocabulary import phrases, vocabulary


def _one_of(marks: list[str]) -> str:
    return "(?:" + "|".join(re.escape(mark) for mark in marks) + ")"


@cache
def _gaps() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What lies between the two and after the second: an opening mark between, a closing one
    after; or, the weekday second, a comma between and a clause end after ("June 4, Tuesday.")."""
    marks = vocabulary().words["weekday_beside"]
    opening, closing = _one_of(marks["open"]), _one_of(marks["close"])
    return (
        re.compile(rf"\s*{opening}\s*\Z"),
        re.compile(rf"\s*{closing}"),
        re.compile(rf"\s*{_one_of(marks['comma'])}\s*\Z"),
        re.compile(rf"\s*(?:{_one_of(marks['clause_end'])}|\Z)"),
    )


def _plain_weekday(value: v.Temporal) -> bool:
    return (
        isinstance(value, v.Weekday)
        and value.direction == 0
        and value.week_offset is None
        and not value.previous
    )


def _day_date(value: v.Temporal) -> bool:
    return isinstance(value, v.CalendarDate) and value.day is not None and value.weekday is None


def _beside(text: str, first: Candidate, second: Candidate) -> bool:
    """Whether `first` and `second` are a weekday and a date set beside each other."""
    between, after = text[first.end : second.start], text[second.end :]
    opening, closing, comma, clause_end = _gaps()
    if opening.match(between) and closing.match(after):
        return True
    return _plain_weekday(second.value) and bool(comma.match(between) and clause_end.match(after))


def with_weekdays_beside(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, a weekday set beside a date in brackets or after a comma read as that
    date, and the date carrying the weekday so that a clash is flagged on both."""
    result = list(candidates)
    for index in range(len(result) - 1):
        first, second = result[index], result[index + 1]
        if _plain_weekday(first.value) and _day_date(second.value):
            weekday, day = first, second
        elif _day_date(first.value) and _plain_weekday(second.value):
            day, weekday = first, second
        else:
            continue
        if not _beside(text, first, second):
            continue
        assert isinstance(weekday.value, v.Weekday) and isinstance(day.value, v.CalendarDate)
        named = replace(day.value, weekday=weekday.value.weekday)
        rule = f"a weekday beside a date; {day.rule}"
        result[result.index(day)] = replace(day, value=named, rule=rule)
        result[result.index(weekday)] = replace(weekday, value=named, rule=rule)
    return result


@cache
def _time_gap() -> re.Pattern[str]:
    marks = vocabulary().words["time_beside_day"]
    words = phrases(marks["between"])
    return re.compile(
        rf"(?:\s+(?:{words}))*(?:\s*\([^()]{{1,30}}\))?\s*,?\s*(?:on\s+)?\Z", re.IGNORECASE
    )


def with_days_for_times(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, a clock time without a day of its own given the day told right after it
    past "local time" or a bracketed time elsewhere; the day stays an expression of its own."""
    result = list(candidates)
    for index in range(len(result) - 1):
        clock, day = result[index], result[index + 1]
        if not (
            isinstance(clock.value, v.TimeOfDay)
            and clock.value.day is None
            and v.names_a_day(day.value)
        ):
            continue
        if _time_gap().match(text[clock.end : day.start]):
            result[index] = replace(
                clock,
                value=replace(clock.value, day=day.value),
                rule=f"{clock.rule}; on the day told after it",
            )
    return result
