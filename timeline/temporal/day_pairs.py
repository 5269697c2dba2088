"""Day pairs: "3-5 June", "3 and 4 June", "April 24 and 25", "March 3 and 4, 2024". The scanner
reads one date; the other day of the pair becomes a date of its own."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from timeline.temporal import values as v
from timeline.temporal.values import Candidate
from timeline.temporal.vocabulary import vocabulary


@cache
def _second_day() -> re.Pattern[str]:
    joins = "|".join(
        map(re.escape, sorted(vocabulary().words["day_pair_joins"], key=len, reverse=True))
    )
    return re.compile(
        rf"\s*(?:{joins})\s*(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.:/,]\d)"
        r"(?:,?\s+(?P<year>(?:1[5-9]|20)\d\d)(?![\d%]))?"
        r"(?!\s*(?:%|percent|per\b|[ap]\.?m\b|million|billion|hours?\b|days?\b|weeks?\b"
        r"|months?\b|years?\b|minutes?\b|of\b|more\b|other|people\b|men\b|women\b|children\b))",
        re.IGNORECASE,
    )


@cache
def _first_day() -> re.Pattern[str]:
    joins = "|".join(
        map(re.escape, sorted(vocabulary().words["day_pair_joins"], key=len, reverse=True))
    )
    return re.compile(
        rf"(?<![\w$€£.,/])(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:{joins})\s*$",
        re.IGNORECASE,
    )


def _with_first_days(text: str, taken: list[Candidate]) -> list[Candidate]:
    """Adds the first day of "3-5 June" or "3 and 4 June" as a date of its own."""
    result = list(taken)
    for candidate in taken:
        value = candidate.value
        if not (
            isinstance(value, v.CalendarDate)
            and value.month
            and value.day
            and text[candidate.start].isdigit()
        ):
            continue
        found = _first_day().search(text, max(0, candidate.start - 12), candidate.start)
        if found is None or int(found["day"]) >= value.day:
            continue
        if any(other.start < found.end("day") and found.start() < other.end for other in result):
            continue
        first = replace(value, day=int(found["day"]), weekday=None)
        result.append(
            replace(candidate, start=found.start("day"), end=found.end("day"), value=first)
        )
    return result


def with_day_pairs(text: str, taken: list[Candidate]) -> list[Candidate]:
    """Adds the second day of "April 24 and 25" or "June 3-5" as a date of its own; a year
    after it ("March 3 and 4, 2024") holds for both days."""
    result = _with_first_days(text, taken)
    for candidate in list(result):
        value = candidate.value
        if not (
            isinstance(value, v.CalendarDate) and value.month and value.day and value.year is None
        ):
            continue
        if text[candidate.start].isdigit():
            continue  # "3 June": a day-first date takes no second day after it
        found = _second_day().match(text, candidate.end)
        if found is None or int(found["day"]) <= value.day:
            continue
        end = found.end("year") if found["year"] else found.end("day")
        if any(
            other.start < end and found.start("day") < other.end
            for other in result
            if other is not candidate and not (found["year"] and other.start == found.start("year"))
        ):
            continue
        year = int(found["year"]) if found["year"] else None
        result = [other for other in result if not (year and other.start == found.start("year"))]
        if year:
            result = [
                replace(other, value=replace(value, year=year)) if other is candidate else other
                for other in result
            ]
        second = replace(value, day=int(found["day"]), weekday=None, year=year)
        result.append(replace(candidate, start=found.start("day"), end=end, value=second))
    return result
