"""Phase two: apply the anchor (publish date or last date mentioned) and the tense to a value.

`resolve` hands each kind of value to its resolver: dates placed on the calendar (placement),
counts from an anchor (shifts), amounts and sets (durations), periods, times of day and the
modifiers ("early", "before", "since") here."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from timeline.temporal import periods as p
from timeline.temporal import values as v
from timeline.temporal.context import Context, Resolution, dated
from timeline.temporal.durations import duration, recurrence
from timeline.temporal.placement import calendar_date, holiday, weekday, weekend
from timeline.temporal.shifts import reference, relative, shift
from timeline.temporal.tense import FUTURE, PAST
from timeline.temporal.vocabulary import vocabulary

__all__ = ["Context", "Resolution", "resolve"]


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
    v.Relative: relative,
    v.PeriodOf: _period_of,
    v.Shift: shift,
    v.MonthOfRelativeYear: _month_of_year,
    v.Period: _period,
    v.Decade: lambda value, ctx: dated(p.decade_span(value.decade), "the decade as written"),
    v.Century: lambda value, ctx: dated(p.century_span(value.century), "the century as written"),
    v.Ref: reference,
    v.Duration: duration,
    v.Recurrence: recurrence,
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
