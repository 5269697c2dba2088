"""A day written `YYYY-MM-DD`, the one form a person gives a publish date in: on the command
line (`add`, `explain`, `tag --published`), in front matter and in `tag --batch` records.

Callers add where the text came from (the file and line, the option) to the error."""

from __future__ import annotations

import re
from datetime import date

# The day, then nothing or a time after "T" or a blank: "2025-06-05T10:00", "2025-06-05 10:00 KST".
_DAY = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})(?=$|[T ])")


def read_day(text: str) -> date:
    """The day `text` is, written YYYY-MM-DD and nothing else (blanks around are ignored);
    ValueError, saying how to write it, otherwise."""
    day, rest = _split(text)
    if rest:
        raise _not_a_date(text)
    return day


def read_day_and_time(text: str) -> tuple[date, str]:
    """The day `text` starts with and the time written after it, as written but for the
    separator ("2025-06-05T10:00+09:00" gives "10:00+09:00"; "" when none); blanks around are
    ignored. ValueError, saying how to write it, when `text` starts with no such day."""
    day, rest = _split(text)
    return day, rest.lstrip("T ")


def _split(text: str) -> tuple[date, str]:
    """The day `text` starts with and what follows it."""
    written = text.strip()
    found = _DAY.match(written)
    if found is None:
        raise _not_a_date(text)
    try:
        day = date(int(found["year"]), int(found["month"]), int(found["day"]))
    except ValueError:  # a day the calendar does not have: 2025-02-30
        raise _not_a_date(text) from None
    return day, written[found.end() :]


def _not_a_date(text: str) -> ValueError:
    return ValueError(f"{text.strip()!r} is not a date; write it as YYYY-MM-DD")
