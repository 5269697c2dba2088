"""Temporal tagger: find dates, times, durations and sets in news text and resolve them.

Phase one (scanner) reads typed, under-specified values (values.py) with regexes built from the
YAML rules; phase two (resolver, placement) applies the publish date, the dates mentioned before
and the tense of the sentence, giving TIMEX3 values (TempEval-3 conventions) and day intervals.

Adding a rule: a YAML entry in rules/ with `name`, `pattern` (a regex over placeholders such as
{month}, {weekday}, {count}, {unit}, {year}, {day}; `{kind:name}` renames the group), `build`
(a builder in builders.py), optional `params` and `priority`, and `examples` that
tests/test_temporal_rules.py runs. Put longer alternatives first inside a pattern: a regex
alternation takes the first branch that matches. Where rules overlap, the longest match wins.
"""

from __future__ import annotations

from datetime import date

from timeline.model import Timex
from timeline.temporal import values as v
from timeline.temporal.periods import Span
from timeline.temporal.resolver import Context, resolve
from timeline.temporal.scanner import scan

__all__ = ["tag"]

# Granularities fine enough to anchor "the same day" or "a day earlier" on.
_ANCHORING = ("day", "week", "month", "quarter", "season", "half", "year")
_REMEMBERED = 8  # how many earlier mentions an anaphor ("the same day") may reach back to


def _shift_key(value: object) -> str:
    """"year-1" for "a year ago" and "a year earlier": equal keys tell the same distance."""
    if isinstance(value, v.Shift) and value.amount is not None:
        return f"{value.unit}{value.direction * value.amount:+d}"
    return ""


def tag(text: str, published: date) -> list[Timex]:
    """Every temporal expression in `text`, in order, resolved against the publish date."""
    found: list[Timex] = []
    mentions: list[Span] = []
    for candidate in scan(text):
        ctx = Context(published, tuple(mentions[-_REMEMBERED:]), text, candidate.start, candidate.end)
        try:
            resolution = resolve(candidate.value, ctx)
        except (ValueError, OverflowError):
            continue  # it lands outside the calendar (before year 1 or after 9999): no date
        found.append(
            Timex(
                start=candidate.start,
                end=candidate.end,
                text=text[candidate.start : candidate.end],
                type=resolution.type,
                value=resolution.value,
                mod=resolution.mod,
                earliest=resolution.earliest,
                latest=resolution.latest,
                granularity=resolution.granularity,
                explanation=f"{resolution.explanation} [{candidate.rule}]",
                anchor=resolution.anchor,
            )
        )
        if (
            resolution.type in ("DATE", "TIME")
            and resolution.anchor == "publish"
            and resolution.value[:1].isdigit()  # a calendar date, not PRESENT_REF
            and resolution.granularity in _ANCHORING
            and resolution.earliest is not None
            and resolution.latest is not None
        ):
            mentions.append(Span(resolution.value.split("T")[0], resolution.earliest,
                                 resolution.latest, resolution.granularity,
                                 _shift_key(candidate.value)))
    return found
