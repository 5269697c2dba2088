"""Time still to run, counted from the day the story is at: "a recommendation from CFIUS
within 45 days" is due 45 days on; "the investment will unfold over the next 14 months" runs
from the next day to 14 months on. The tagger reads both as durations (TIMEX3 P45D, P14M), as
TimeML says; a timeline needs the days they reach.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pendulum

from timeline.model import Timex

_COUNTED = re.compile(r"^P(T?)(\d+)([HDWMY])$")
_DEADLINE = re.compile(r"\bwithin(?:\s+(?:a|an|the))?\s*$", re.IGNORECASE)
_SPAN_OF_COUNTS = re.compile(r"\d\s*(?:to|-|–|or)\s*\d", re.IGNORECASE)
_WINDOW = re.compile(r"^the\s+(?:next|coming)\b", re.IGNORECASE)


def counted_on(timex: Timex, before: str, day: date) -> Timex:
    """A duration still to run as the days it reaches from `day`, when the words say so
    ("within 45 days": the 45th day on; "the next 14 months": up to 14 months on); any other
    time expression as it is. `before` is the text before the expression in its sentence."""
    counted = _COUNTED.match(timex.value) if timex.type == "DURATION" else None
    if counted is None or _SPAN_OF_COUNTS.search(timex.text):
        return timex  # "within the next 24 to 36 hours": no one day it reaches
    deadline = bool(_DEADLINE.search(before))
    if not (deadline or _WINDOW.match(timex.text)):
        return timex
    clock, amount, unit = counted.group(1), int(counted.group(2)), counted.group(3)
    if clock and unit not in ("H", "M"):
        return timex
    end = _after(day, amount, ("H" if unit == "H" else "MIN") if clock else unit)
    first = end if deadline else day + timedelta(days=1)  # "the next 14 months": from tomorrow
    how = "due" if deadline else "running"
    return replace(
        timex,
        type="DATE",
        value=end.isoformat() if deadline else f"{first.isoformat()}/{end.isoformat()}",
        earliest=first,
        latest=end,
        granularity="day",
        explanation=f"{timex.value} counted from {day.isoformat()}, the day the story is at: {how}",
        mod="",
    )


def _after(day: date, amount: int, unit: str) -> date:
    if unit in ("H", "MIN"):  # "within 24 hours": by the next day
        return day + timedelta(days=-(-amount // (24 if unit == "H" else 24 * 60)))
    if unit in ("D", "W"):
        return day + timedelta(days=amount * (7 if unit == "W" else 1))
    moved = pendulum.date(day.year, day.month, day.day).add(
        months=amount if unit == "M" else 0, years=amount if unit == "Y" else 0
    )
    return date(moved.year, moved.month, moved.day)
