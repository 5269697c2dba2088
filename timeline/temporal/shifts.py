"""Times counted from an anchor, the publish date or a date told before: "last year", "this
week", "three days ago", "a year earlier", and "some time ago" with no amount (PAST_REF)."""

from __future__ import annotations

import re

from timeline.temporal import periods as p
from timeline.temporal import values as v
from timeline.temporal.context import Context, Resolution, dated, describe, finer
from timeline.temporal.durations import duration
from timeline.temporal.tense import FUTURE, PAST
from timeline.temporal.vocabulary import vocabulary

# "compared with a loss of $3 million last year", "up 13% from last year's $1.55 billion"
_COMPARED = re.compile(
    r"(?<!\w)(?:compared\s+(?:with|to)|from|versus|vs\.?|against)\s+"
    r"(?:[^.;:]{0,40}?\s)?$",
    re.IGNORECASE,
)


def relative(value: v.Relative, ctx: Context) -> Resolution:
    """This, the previous or the next unit ("last year", "this week") from the anchor."""
    told = ctx.previous
    if (
        value.unit == "year"
        and value.offset == -1
        and not value.previous
        and told is not None
        and told.granularity == "quarter"
        and _COMPARED.search(ctx.text, max(0, ctx.start - 60), ctx.start)
    ):
        # a quarter's result set against last year's: the same quarter a year back
        span = p.unit_span("quarter", p.shifted(told.earliest, "year", -1))
        return dated(
            span,
            f"the quarter last mentioned, {told.value}, a year back: a result "
            "compared with last year's",
            "previous",
        )
    if (
        value.previous
        and value.offset == 0
        and value.unit == "day"
        and told is not None
        and told.granularity == "month"
    ):
        # "killed last October ... crossed out that same day": a day of that month, unknown
        span = p.Span(f"{told.value}-XX", told.earliest, told.latest, "month")
        return dated(span, f"a day of the month last mentioned, {told.value}", "previous")
    anchor, kind, _ = ctx.anchor(value.previous, value.unit)
    span = p.unit_span(value.unit, p.shifted(anchor, value.unit, value.offset))
    which = {0: "this", -1: "the previous", 1: "the next"}.get(value.offset, f"{value.offset:+d}")
    return dated(span, f"{which} {value.unit} from the {kind} date {describe(anchor)}", kind)


def shift(value: v.Shift, ctx: Context) -> Resolution:
    """An amount of units before or after the anchor ("three days ago", "a year earlier")."""
    if value.amount is None:
        ref = "PAST_REF" if value.direction < 0 else "FUTURE_REF"
        return reference(v.Ref(ref), ctx)
    unit, amount = value.unit, value.amount
    if value.ahead_only and ctx.tense != FUTURE:
        return duration(v.Duration(unit, amount), ctx)
    if unit in ("decade", "century"):
        # "a decade ago" is a year, ten years back, not the decade before this one
        unit, amount = "year", amount * (10 if unit == "decade" else 100)
    if vocabulary().units[unit].get("time"):
        # "5 hours ago" is the publish day: the publish time is unknown, so count whole days
        unit, amount = "day", amount // 24 if unit == "hour" else 0
    anchor, kind, mention = ctx.anchor(value.previous, unit)
    if mention is not None and (
        (value.compares and not finer(mention.granularity, unit))
        or mention.shift == f"{value.unit}{value.direction * value.amount:+d}"
    ):
        # "$3 million a year ago ... $2 million a year earlier": both compare with the period
        # reported, a year back; the second does not count a year back from the first
        anchor, kind, mention = ctx.anchor(False, unit)
    if _compares_quarters(value, ctx):
        # "profit rose from $3 million a year ago": the quarter just reported, a year back
        mention = ctx.previous
        assert mention is not None
        anchor, kind = mention.earliest, "previous"
    if value.previous and mention is None and value.direction > 0 and ctx.tense == PAST:
        # "Two days later the deal collapsed" with no date told before: after some day not
        # given, and told in the past, so before the publish date, not after it
        return Resolution(
            "DATE",
            "PAST_REF",
            f"{value.amount} {value.unit}(s) after a date the "
            f"text does not pin down; past tense, so some time before the publish "
            f"date {describe(ctx.published)}",
            "",
            None,
            ctx.published,
            "open",
        )
    moved = p.shifted(anchor, unit, value.direction * amount)
    if mention is not None and finer(mention.granularity, unit):
        unit = mention.granularity  # "a year earlier" than a quarter is that quarter
    span = p.unit_span(unit, moved)
    side = "before" if value.direction < 0 else "after"
    missing = (
        "; no date told before it, so counted from the publish date"
        if value.previous and mention is None
        else ""
    )
    return dated(
        span,
        f"{value.amount} {value.unit}(s) {side} the {kind} date {describe(anchor)}{missing}",
        kind,
    )


def _compares_quarters(value: v.Shift, ctx: Context) -> bool:
    """Whether "a year ago" compares the quarter last mentioned with the same one a year back."""
    previous = ctx.previous
    return (
        value.unit == "year"
        and value.amount == 1
        and value.direction < 0
        and previous is not None
        and previous.granularity == "quarter"
    )


def reference(value: v.Ref, ctx: Context) -> Resolution:
    """The present, some time before or some time after the publish date."""
    if value.ref == "PRESENT_REF":
        return Resolution(
            "DATE",
            value.ref,
            "the present, at the publish date",
            "",
            ctx.published,
            ctx.published,
            "day",
        )
    if value.ref == "PAST_REF":
        return Resolution(
            "DATE", value.ref, "some time before the publish date", "", None, ctx.published, "open"
        )
    return Resolution(
        "DATE", value.ref, "some time after the publish date", "", ctx.published, None, "open"
    )
