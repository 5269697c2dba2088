"""Phase two: apply the anchor (publish date or last date mentioned) and the tense to a value."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from timeline.temporal import periods as p
from timeline.temporal import values as v
from timeline.temporal.context import Context, Resolution, dated, describe, finer
from timeline.temporal.placement import calendar_date, holiday, weekday, weekend
from timeline.temporal.tense import FUTURE, PAST
from timeline.temporal.vocabulary import vocabulary

__all__ = ["Context", "Resolution", "resolve"]


# "compared with a loss of $3 million last year", "up 13% from last year's $1.55 billion"
_COMPARED = re.compile(
    r"(?<!\w)(?:compared\s+(?:with|to)|from|versus|vs\.?|against)\s+"
    r"(?:[^.;:]{0,40}?\s)?$",
    re.IGNORECASE,
)


def _relative(value: v.Relative, ctx: Context) -> Resolution:
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


def _period_of(value: v.PeriodOf, ctx: Context) -> Resolution:
    day = resolve(value.day, ctx)
    if day.earliest is None or day.granularity != "day":
        return day
    span = p.unit_span(value.unit, day.earliest)
    return dated(span, f"the {value.unit} of {day.value}; {day.explanation}")


def _week_of_month(value: v.WeekOfMonth, ctx: Context) -> Resolution:
    month = resolve(value.month, ctx)
    if month.earliest is None or month.latest is None or month.granularity != "month":
        return month
    day = (
        month.earliest + timedelta(days=3 + 7 * (value.nth - 1))
        if value.nth > 0
        else month.latest - timedelta(days=3)
    )
    which = "last" if value.nth < 0 else f"week {value.nth}"
    return dated(
        p.unit_span("week", day),
        f"the {which} of {month.value}, the week holding {day.isoformat()}; {month.explanation}",
        month.anchor,
    )


def _shift(value: v.Shift, ctx: Context) -> Resolution:
    if value.amount is None:
        ref = "PAST_REF" if value.direction < 0 else "FUTURE_REF"
        return _ref(v.Ref(ref), ctx)
    unit, amount = value.unit, value.amount
    if value.ahead_only and ctx.tense != FUTURE:
        return _duration(v.Duration(unit, amount), ctx)
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


def _month_of_year(value: v.MonthOfRelativeYear, ctx: Context) -> Resolution:
    span = p.month_span(ctx.published.year + value.year_offset, value.month)
    return dated(span, f"month of the year {value.year_offset:+d} from the publish year")


def _period(value: v.Period, ctx: Context) -> Resolution:
    if value.code is None:
        return _mentioned_quarter(value, ctx)
    anchor, kind, _ = ctx.anchor(value.previous, "year")
    if value.year is not None:
        return dated(p.period_span(value.code, value.year), "the period as written")
    if value.year_offset is not None:
        span = p.period_span(value.code, anchor.year + value.year_offset)
        return dated(
            span, f"the period in the year {value.year_offset:+d} from the {kind} date", kind
        )
    this_year = p.period_span(value.code, anchor.year)
    if this_year.earliest > anchor and ctx.tense != FUTURE:
        last_year = p.period_span(value.code, anchor.year - 1)
        # without a tense cue, the nearer of the two: "resume in the fall" said in June
        if ctx.tense == PAST or (anchor - last_year.latest) < (this_year.earliest - anchor):
            return dated(last_year, f"the last such period before the {kind} date", kind)
    return dated(this_year, f"the period in the year of the {kind} date", kind)


def _mentioned_quarter(value: v.Period, ctx: Context) -> Resolution:
    """The quarter last mentioned, else the last full quarter before the publish date."""
    quarters = [m for m in ctx.mentions[-4:] if m.granularity == "quarter"]
    previous = quarters[-1] if quarters else None
    if previous is not None:
        year, quarter = previous.earliest.year, (previous.earliest.month - 1) // 3 + 1
        how, kind = f"the quarter last mentioned, {previous.value}", "previous"
    else:
        last = p.shifted(ctx.published, "quarter", -1)
        year, quarter = last.year, (last.month - 1) // 3 + 1
        how, kind = "the last full quarter before the publish date", "publish"
    if value.year is not None:
        year = value.year
    elif value.year_offset is not None:
        year += value.year_offset
    return dated(p.quarter_span(year, quarter), how, kind)


def _ref(value: v.Ref, ctx: Context) -> Resolution:
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


def duration_value(unit: str, amount: float | None) -> str:
    """The TIMEX3 duration: P3Y, PT5H, P2Y6M for 2 1/2 years, PXY for a vague amount."""
    spec = vocabulary().units[unit]
    letter, prefix = spec["letter"], "PT" if spec.get("time") else "P"
    if unit == "decade" and amount is not None:
        unit, letter, amount = "year", "Y", amount * 10
    if unit == "century" and amount is not None:
        unit, letter, amount = "year", "Y", amount * 100
    if unit == "weekend":
        letter = "WE"
    if unit == "quarter" and amount is not None:
        unit, letter, amount = "month", "M", amount * 3  # "the next three quarters": P9M
    if amount is None:
        return f"{prefix}X{letter}"
    whole = int(amount)
    if amount == whole:
        return f"{prefix}{whole}{letter}"
    smaller = {
        "year": ("M", 12),
        "month": ("D", 30),
        "day": ("T", 24),
        "hour": ("M", 60),
        "week": ("D", 7),
        "minute": ("S", 60),
    }
    if unit in smaller:
        sub_letter, per = smaller[unit]
        rest = round((amount - whole) * per)
        if sub_letter == "T":
            return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
        return (
            f"{prefix}{whole}{letter}{rest}{sub_letter}" if whole else f"{prefix}{rest}{sub_letter}"
        )
    return f"{prefix}{amount:g}{letter}"


def _duration(value: v.Duration, ctx: Context) -> Resolution:
    return Resolution("DURATION", duration_value(value.unit, value.amount), "an amount of time")


def _recurrence(value: v.Recurrence, ctx: Context) -> Resolution:
    return Resolution("SET", value.value, "a recurring time")


def _so_far(value: v.SoFar, ctx: Context) -> Resolution:
    span = p.unit_span(value.unit, ctx.published)
    return Resolution(
        "DATE",
        span.value,
        f"this {value.unit} up to the publish date",
        "",
        span.earliest,
        ctx.published,
        span.granularity,
    )


def _time_of_day(value: v.TimeOfDay, ctx: Context) -> Resolution:
    if value.day is not None:
        day = resolve(value.day, ctx)
    elif (mention := ctx.mention_for("day")) is not None:
        day = dated(mention, "the day last mentioned", "previous")
    else:
        day = dated(p.day_span(ctx.published), "the publish date")
    if day.granularity != "day":
        return day
    clock = f"T{value.part}" if value.part else f"T{value.hour:02d}:{value.minute:02d}"
    if not value.part and value.hour == 24:
        clock = "T24"
    return replace(
        day,
        type="TIME",
        value=day.value + clock,
        explanation=f"{day.explanation}; time of day {clock[1:]}",
    )


def _modified(value: v.Modified, ctx: Context) -> Resolution:
    inner = resolve(value.inner, ctx)
    mod = value.mod
    if inner.type != "DATE" or inner.earliest is None or inner.latest is None:
        return replace(inner, mod=mod)
    span = p.Span(inner.value, inner.earliest, inner.latest, inner.granularity)
    if value.so_far:
        latest = max(ctx.published, inner.latest)  # "since 2027" written before 2027: the year
        return replace(
            inner,
            mod=mod,
            latest=latest,
            granularity="open",
            explanation=f"from {inner.value} up to the publish date",
        )
    if mod in ("START", "MID", "END"):
        earliest, latest = p.narrowed(span, mod)
        return replace(
            inner,
            mod=mod,
            earliest=earliest,
            latest=latest,
            explanation=f"{inner.explanation}; {mod.lower()} of the period",
        )
    bound = _shifted_day(value.inner, ctx)  # "more than three years ago": that very day
    if bound is not None and mod in ("BEFORE", "ON_OR_BEFORE", "AFTER", "ON_OR_AFTER"):
        # between the bound and the publish date, or open beyond the bound
        before = mod in ("BEFORE", "ON_OR_BEFORE")
        low, high = _bounded(bound, ctx.published, before)
        side = "before" if before else "after"
        return replace(
            inner,
            mod=mod,
            earliest=low,
            latest=high,
            granularity="open",
            explanation=f"{side} {bound.isoformat()}; {inner.explanation}",
        )
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return replace(
            inner,
            mod=mod,
            earliest=None,
            granularity="open",
            explanation=f"before {inner.value}; {inner.explanation}",
        )
    if mod in ("AFTER", "ON_OR_AFTER"):
        return replace(
            inner,
            mod=mod,
            latest=None,
            granularity="open",
            explanation=f"after {inner.value}; {inner.explanation}",
        )
    return replace(inner, mod=mod)


def _offset(value: v.Offset, ctx: Context) -> Resolution:
    """Days or weeks before or after the day told: "the day before last Tuesday"."""
    day = resolve(value.inner, ctx)
    if day.earliest is None or day.granularity != "day":
        return day
    moved = p.shifted(day.earliest, value.unit, value.direction * value.amount)
    side = "before" if value.direction < 0 else "after"
    return replace(
        dated(
            p.day_span(moved),
            f"{value.amount} {value.unit}(s) {side} {day.value}; {day.explanation}",
            day.anchor,
        ),
        conflict=day.conflict,
    )


def _bounded(bound: date, published: date, before: bool) -> tuple[date | None, date | None]:
    """The interval before or after `bound`, closed by the publish date when it lies between."""
    if bound <= published:
        return (None, bound) if before else (bound, published)
    return (published, bound) if before else (bound, None)


def _shifted_day(value: v.Temporal, ctx: Context) -> date | None:
    """The exact day a shift from the publish date lands on, for open bounds; None otherwise."""
    if not isinstance(value, v.Shift) or value.previous or value.amount is None:
        return None
    if vocabulary().units[value.unit].get("time"):
        return None
    return p.shifted(ctx.published, value.unit, value.direction * value.amount)


_RESOLVERS = {
    v.CalendarDate: calendar_date,
    v.Weekday: weekday,
    v.Weekend: weekend,
    v.Holiday: holiday,
    v.Relative: _relative,
    v.PeriodOf: _period_of,
    v.Shift: _shift,
    v.MonthOfRelativeYear: _month_of_year,
    v.Period: _period,
    v.Decade: lambda value, ctx: dated(p.decade_span(value.decade), "the decade as written"),
    v.Century: lambda value, ctx: dated(p.century_span(value.century), "the century as written"),
    v.Ref: _ref,
    v.Duration: _duration,
    v.Recurrence: _recurrence,
    v.SoFar: _so_far,
    v.TimeOfDay: _time_of_day,
    v.Offset: _offset,
    v.WeekOfMonth: _week_of_month,
    v.Modified: _modified,
}


def resolve(value: v.Temporal, ctx: Context) -> Resolution:
    """The TIMEX3 value, interval and granularity of `value` in `ctx`."""
    resolution: Resolution = _RESOLVERS[type(value)](value, ctx)  # type: ignore[operator]
    return resolution
