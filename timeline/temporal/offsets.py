"""Offsets from a date told in the same phrase: "the day before last Tuesday", "two days before
Christmas", "a week after June 3". The scanner finds the date; the words before it that count
days or weeks from it join it into one expression (vocabulary: offset_joins)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from timeline.temporal import values as v
from timeline.temporal.builders import amount
from timeline.temporal.scanner import Candidate
from timeline.temporal.vocabulary import alternation, phrases, vocabulary

_REACH = 40  # the counting words end right before the date and are never longer than this


@cache
def _counting() -> re.Pattern[str]:
    joins = sorted(vocabulary().words["offset_joins"], key=len, reverse=True)
    join = phrases(joins)
    return re.compile(
        rf"(?<![\w-])(?:(?P<the>the)\s+(?=day\s)|(?P<count>\d{{1,2}}|{alternation('numbers')})\s+)"
        rf"(?P<unit>days?|weeks?)\s+(?P<join>{join})\s+(?:the\s+)?$",
        re.IGNORECASE,
    )


def with_offsets(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, each day told with days or weeks counted from it made one offset
    expression; a duration the counting words were read as ("two days") gives way to it."""
    result: list[Candidate] = []
    for candidate in candidates:
        found = None
        if v.names_a_day(candidate.value):
            found = _counting().search(text, max(0, candidate.start - _REACH), candidate.start)
        count = 1.0 if found is None or found["the"] else amount(found["count"])
        if found is None or count is None or count != int(count):
            result.append(candidate)
            continue
        unit = "week" if found["unit"].lower().startswith("week") else "day"
        direction = int(vocabulary().meaning("offset_joins", found["join"]))
        result = [other for other in result if other.end <= found.start()]
        offset = v.Offset(candidate.value, unit, int(count), direction)
        # TimeBank leaves the article out: "the [day before last Tuesday]"
        start = found.start("unit") if found["the"] else found.start()
        result.append(
            replace(
                candidate, start=start, value=offset, rule=f"offset from a date; {candidate.rule}"
            )
        )
    return result
