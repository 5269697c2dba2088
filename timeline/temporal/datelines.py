"""Datelines: "WASHINGTON, June 7 (ANI) --" opens a story filed on June 7. Its "Friday" and
"today" count from that day, not from the publish date of the page that carries it, up to the
next dateline. Only a dateline within a week of the publish date moves the reference."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from timeline.model import Timex

# The place before the date: a few capitalised words, a region or a bracketed country after a
# comma ("Washington DC [US],", "Oslo,", "THE HAGUE, Netherlands,")
_PLACE = r"[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3}(?:[ \t]*\[[\w .]+\])?"
_BEFORE = re.compile(rf"(?:^|\n)[ \t]*{_PLACE}(?:,[ \t]*{_PLACE})?,[ \t]*\Z")
# Right after the date: the agency in brackets, or a dash or colon
_AFTER = re.compile(r"[ \t]*(?:\([A-Za-z][\w .&-]{0,30}\)|--|—|–|:)")
_REACH = timedelta(days=7)


def _filed_on(text: str, timex: Timex) -> bool:
    line_start = text.rfind("\n", 0, timex.start) + 1
    return (
        timex.granularity == "day"
        and timex.type == "DATE"
        and timex.earliest is not None
        and timex.start - line_start <= 60
        and bool(_BEFORE.search(text, max(0, line_start - 1), timex.start))
        and bool(_AFTER.match(text, timex.end))
    )


def filing_dates(text: str, timexes: Sequence[Timex], published: date) -> list[tuple[int, date]]:
    """(offset, day) for each dateline whose day differs from the publish date by a week at
    most: from that offset on, relative dates count from that day."""
    found: list[tuple[int, date]] = []
    for timex in timexes:
        if _filed_on(text, timex):
            assert timex.earliest is not None
            day = timex.earliest if abs(timex.earliest - published) <= _REACH else published
            found.append((timex.end, day))
    return found if any(day != published for _, day in found) else []
