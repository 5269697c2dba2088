"""Temporal tagger: find dates, times, durations and sets in news text and resolve them.

Phase one (scanner) reads typed, under-specified values (values.py) with regexes built from the
YAML rules (patterns); both days of "3-5 June" are dates (day_pairs). Phase two (resolver with
placement, shifts, durations) applies the publish date, the dates mentioned before and the tense
of the sentence, giving TIMEX3 values (TempEval-3 conventions) and day intervals.
The two ends of a range ("from May to August") stay two timexes, placed to run forward (ranges).
Between the phases, expressions written apart but naming one time are joined: offsets from a
date (offsets), a weekday beside a date and a clock time parted from its day (beside). After a
dateline of another day ("WASHINGTON, June 7 (AP) --") the text counts from that day (datelines).

Adding a rule: a YAML entry in rules/ with `name`, `pattern` (a regex over placeholders such as
{month}, {weekday}, {count}, {unit}, {year}, {day}; `{kind:name}` renames the group), `build`
(a builder in builders.py), optional `params` and `priority`, and `examples` that
tests/temporal/test_temporal_rules.py runs. Put longer alternatives first inside a pattern: a
regex alternation takes the first branch that matches. Where rules overlap, the longest match
wins.

Stage 2: a text and its publish date in, `Timex` values out (entry point `tag`; `records` for
`timeline tag --batch`). An event's place in time from a timex (`when`), the days a date
covers (`extent`) and the date as people write it (`labels`) live here too, as the events,
store and render stages all read them.
May import: `timeline.model`, `timeline.days` and its own modules (imports of other stages are
refused).
"""

from __future__ import annotations

from datetime import date

from timeline.model import Timex
from timeline.temporal import values as v
from timeline.temporal.beside import with_days_for_times, with_weekdays_beside
from timeline.temporal.datelines import filing_dates
from timeline.temporal.offsets import with_offsets
from timeline.temporal.periods import Span
from timeline.temporal.ranges import forward
from timeline.temporal.resolver import Context, resolve
from timeline.temporal.scanner import Candidate, compile_all, scan

__all__ = ["tag", "warm"]

# Granularities fine enough to anchor "the same day" or "a day earlier" on.
_ANCHORING = ("day", "week", "month", "quarter", "season", "half", "year")
_REMEMBERED = 8  # how many earlier mentions an anaphor ("the same day") may reach back to


def _shift_key(value: object) -> str:
    """ "year-1" for "a year ago" and "a year earlier": equal keys tell the same distance."""
    if isinstance(value, v.Shift) and value.amount is not None:
        return f"{value.unit}{value.direction * value.amount:+d}"
    return ""


def _mention(timex: Timex, value: object) -> Span | None:
    """The span a later anaphor ("the same day") may count from, if `timex` is a calendar date."""
    if (
        timex.type in ("DATE", "TIME")
        and timex.anchor == "publish"
        and timex.value[:1].isdigit()  # a calendar date, not PRESENT_REF
        and timex.granularity in _ANCHORING
        and timex.earliest is not None
        and timex.latest is not None
    ):
        return Span(
            timex.value.split("T")[0],
            timex.earliest,
            timex.latest,
            timex.granularity,
            _shift_key(value),
        )
    return None


def tag(text: str, published: date) -> list[Timex]:
    """Every temporal expression in `text`, in order, resolved against the publish date (after
    a dateline of another day, "WASHINGTON, June 7 (AP) --", against that day)."""
    candidates = with_days_for_times(
        text, with_weekdays_beside(text, with_offsets(text, scan(text)))
    )
    found = _resolved(text, candidates, [(0, published)])
    filed = filing_dates(text, found, published)
    return _resolved(text, candidates, [(0, published), *filed]) if filed else found


def _resolved(
    text: str, candidates: list[Candidate], references: list[tuple[int, date]]
) -> list[Timex]:
    """The candidates resolved in order, each against the reference day in force where it
    starts (the publish date, or the day of the dateline before it)."""
    found: list[Timex] = []
    mentions: list[Span] = []
    last_value: object = None
    for candidate in candidates:
        published = next(day for start, day in reversed(references) if start <= candidate.start)
        ctx = Context(
            published, tuple(mentions[-_REMEMBERED:]), text, candidate.start, candidate.end
        )
        try:
            resolution = resolve(candidate.value, ctx)
        except (ValueError, OverflowError):
            continue  # it lands outside the calendar (before year 1 or after 9999): no date
        timex = Timex(
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
            conflict=resolution.conflict,
        )
        if found:
            before, timex = forward(text, found[-1], timex, published)
            if before != found[-1]:
                # the start of a range moved: so does the mention later anaphors count from
                old, moved = _mention(found[-1], last_value), _mention(before, last_value)
                if old is not None and moved is not None and mentions and mentions[-1] == old:
                    mentions[-1] = moved
                found[-1] = before
        found.append(timex)
        last_value = candidate.value
        mention = _mention(timex, candidate.value)
        if mention is not None:
            mentions.append(mention)
    return found


# Touches every rule regex and the cue patterns the tagger compiles on first use.
_WARM_TEXT = (
    "Since May 3 and 4, 2024, and from June to July last year, the firm said on "
    "Monday it will report results 3 days later, early next week."
)


def warm() -> None:
    """Load and compile the rules now (before forking workers that then share them)."""
    compile_all()
    tag(_WARM_TEXT, date(2025, 6, 5))
