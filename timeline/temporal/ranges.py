"""Ranges ("from May to August", "between June 3 and June 5"): two dates, kept as two timexes
(TempEval tags each end), placed so that the range runs forward in time."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from timeline.model import Timex
from timeline.temporal import periods as p
from timeline.temporal.vocabulary import vocabulary


def _alternatives(kind: str) -> str:
    return "|".join(re.escape(str(word)) for word in vocabulary().words["range_words"][kind])


@cache
def _opening() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternatives('opening')})\s+$", re.IGNORECASE)


@cache
def _joint() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{_alternatives('joint')})\s*", re.IGNORECASE)


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|'\d{2}(?!\d)")
_PLAIN = {"day": re.compile(r"\d{4}-\d{2}-\d{2}"), "month": re.compile(r"\d{4}-\d{2}")}


def _cycle(first: Timex, second: Timex) -> tuple[str, int]:
    """The step that repeats both ends: a week for weekdays ("Friday to Monday"), else a year."""
    if first.granularity == "day" and not any(ch.isdigit() for ch in first.text + second.text):
        return "week", 1
    return "year", 1


def _moved(timex: Timex, unit: str, amount: int) -> Timex:
    assert timex.earliest is not None
    if amount == 0:
        return timex
    span = p.unit_span(timex.granularity, p.shifted(timex.earliest, unit, amount))
    note = "; moved so the range runs forward"
    return replace(
        timex,
        value=span.value,
        earliest=span.earliest,
        latest=span.latest,
        explanation=timex.explanation.replace(" [", f"{note} [", 1)
        if " [" in timex.explanation
        else timex.explanation + note,
    )


def forward(text: str, first: Timex, second: Timex, published: date) -> tuple[Timex, Timex]:
    """The two ends of "from X to Y", the start moved back (told in the past) or the end moved
    on (still ahead) when they were placed the wrong way round; unchanged otherwise."""
    if not (
        _opening().search(text, max(0, first.start - 10), first.start)
        and _joint().fullmatch(text, first.end, second.start)
    ):
        return first, second
    plain = _PLAIN.get(first.granularity)
    if (
        plain is None
        or first.granularity != second.granularity
        or first.mod
        or second.mod
        or first.type != "DATE"
        or second.type != "DATE"
        or not plain.fullmatch(first.value)
        or not plain.fullmatch(second.value)
    ):
        return first, second
    first_year, second_year = _YEAR.search(first.text), _YEAR.search(second.text)
    if first_year and second_year:
        return first, second  # both written out: the text is taken as it stands
    unit, step = _cycle(first, second)
    if unit == "year":
        first, second = _shared_year(first, second)
    start, end = _day(first), _day(second)
    if start <= end:
        return first, second
    if second_year or (not first_year and _last_day(second) <= published):
        while _day(first) > end:
            first = _moved(first, unit, -step)  # "raged from May to August": both behind
        return first, second
    while _day(second) < start:
        second = _moved(second, unit, step)  # "will run from November to January"
    return first, second


def _day(timex: Timex) -> date:
    assert timex.earliest is not None
    return timex.earliest


def _last_day(timex: Timex) -> date:
    assert timex.latest is not None
    return timex.latest


def _shared_year(first: Timex, second: Timex) -> tuple[Timex, Timex]:
    """A year written at one end only ("June 3 to June 5, 2023") holds for the other end."""
    assert first.earliest is not None and second.earliest is not None
    if _YEAR.search(second.text) and not _YEAR.search(first.text):
        return _moved(first, "year", second.earliest.year - first.earliest.year), second
    if _YEAR.search(first.text) and not _YEAR.search(second.text):
        return first, _moved(second, "year", first.earliest.year - second.earliest.year)
    return first, second
