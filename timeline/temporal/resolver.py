"""Phase two: apply the anchor (publish date or last date mentioned) and the tense to a value."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date

import pendulum

from timeline.temporal import periods as p
from timeline.temporal import values as v
from timeline.temporal.tense import FUTURE, PAST
from timeline.temporal.vocabulary import vocabulary

# Tense picks the year of a bare month or day unless that lands more than ~8 months away.
TENSE_REACH_DAYS = 240
WEEKDAY_NAMES = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Context:
    """What a value is resolved against: the publish date, the last date mentioned, the tense."""

    published: date
    previous: p.Span | None = None
    tense: str = "unknown"

    def anchor(self, use_previous: bool) -> tuple[date, str]:
        if use_previous and self.previous is not None:
            return self.previous.earliest, "previous"
        return self.published, "publish"


@dataclass(frozen=True)
class Resolution:
    """A resolved value: TIMEX3 type and value, and for dates the interval and granularity."""

    type: str
    value: str
    explanation: str
    mod: str = ""
    earliest: date | None = None
    latest: date | None = None
    granularity: str = ""
    anchor: str = "publish"


def _date(span: p.Span, explanation: str, anchor: str = "publish") -> Resolution:
    return Resolution("DATE", span.value, explanation, "", span.earliest, span.latest,
                      span.granularity, anchor)


def _describe(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.isoweekday()][:3]} {day.isoformat()}"


def _distance(span: p.Span, day: date) -> int:
    return min(abs((span.earliest - day).days), abs((span.latest - day).days))


def _pick(options: list[p.Span], ctx: Context) -> p.Span:
    """Among the same month (or day) in neighbouring years, the one the tense points at, unless
    the nearest one is much closer (news rarely means a date most of a year away)."""
    published = ctx.published
    nearest = min(options, key=lambda o: _distance(o, published))
    if ctx.tense == PAST:
        past = [o for o in options if o.earliest <= published]
        chosen = past[-1] if past else nearest
    elif ctx.tense == FUTURE:
        ahead = [o for o in options if o.latest >= published]
        chosen = ahead[0] if ahead else nearest
    else:
        chosen = nearest
    return chosen if _distance(chosen, published) <= TENSE_REACH_DAYS else nearest


def _calendar_date(value: v.CalendarDate, ctx: Context) -> Resolution:
    year = value.year
    if value.month is None:
        return _date(p.year_span(year or ctx.published.year), "the year as written")
    if year is not None:
        span = _month_or_day(year, value.month, value.day)
        return _date(span, "the date as written")
    options = [
        _month_or_day(y, value.month, value.day)
        for y in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1)
        if value.day is None or value.day <= calendar.monthrange(y, value.month)[1]
    ]
    if value.direction:
        tense = PAST if value.direction < 0 else FUTURE
        before = [o for o in options if o.latest < ctx.published]
        after = [o for o in options if o.earliest > ctx.published]
        span = (before[-1] if before else options[0]) if value.direction < 0 else (
            after[0] if after else options[-1])
        return _date(span, f"the {'last' if value.direction < 0 else 'next'} such date "
                           f"{'before' if value.direction < 0 else 'after'} the publish date")
    span = _pick(options, ctx)
    tense = ctx.tense
    return _date(span, f"year from the publish date {_describe(ctx.published)}; {tense} tense")


def _month_or_day(year: int, month: int, day: int | None) -> p.Span:
    return p.month_span(year, month) if day is None else p.day_span(date(year, month, day))


def _weekday(value: v.Weekday, ctx: Context) -> Resolution:
    anchor = pendulum.date(ctx.published.year, ctx.published.month, ctx.published.day)
    target = pendulum.WeekDay(value.weekday - 1)
    name = WEEKDAY_NAMES[value.weekday]
    if value.week_offset is not None:
        monday = anchor.start_of("week").add(weeks=value.week_offset)
        day = monday.add(days=value.weekday - 1)
        how = f"the {name} of the week {value.week_offset:+d} from the publish week"
    elif value.direction < 0:
        day, how = anchor.previous(target), f"the {name} before the publish date"
    elif value.direction > 0:
        day, how = anchor.next(target), f"the {name} after the publish date"
    elif ctx.tense == FUTURE:
        day = anchor if anchor.day_of_week == target else anchor.next(target)
        how = f"the {name} on or after the publish date; future tense"
    else:
        day = anchor if anchor.day_of_week == target else anchor.previous(target)
        how = f"the {name} on or before the publish date; {ctx.tense} tense"
    return _date(p.day_span(p.as_date(day)), f"{how}, {_describe(ctx.published)}")


def _relative(value: v.Relative, ctx: Context) -> Resolution:
    anchor, kind = ctx.anchor(value.previous)
    span = p.unit_span(value.unit, p.shifted(anchor, value.unit, value.offset))
    which = {0: "this", -1: "the previous", 1: "the next"}.get(value.offset, f"{value.offset:+d}")
    return _date(span, f"{which} {value.unit} from the {kind} date {_describe(anchor)}", kind)


def _shift(value: v.Shift, ctx: Context) -> Resolution:
    anchor, kind = ctx.anchor(value.previous)
    if value.amount is None:
        ref = "PAST_REF" if value.direction < 0 else "FUTURE_REF"
        return _ref(v.Ref(ref), ctx)
    unit = "day" if vocabulary().units[value.unit].get("time") else value.unit
    moved = p.shifted(anchor, unit, value.direction * value.amount)
    if kind == "previous" and ctx.previous is not None and _finer(ctx.previous.granularity, unit):
        unit = ctx.previous.granularity  # "a year earlier" than a quarter is that quarter
    span = p.unit_span(unit, moved)
    side = "before" if value.direction < 0 else "after"
    return _date(span, f"{value.amount} {value.unit}(s) {side} the {kind} date {_describe(anchor)}",
                 kind)


_CALENDAR_ORDER = ("day", "week", "month", "quarter", "year", "decade", "century")


def _finer(granularity: str, unit: str) -> bool:
    """Whether a granularity is a calendar unit finer than `unit`."""
    order = _CALENDAR_ORDER
    return granularity in order and unit in order and order.index(granularity) < order.index(unit)


def _month_of_year(value: v.MonthOfRelativeYear, ctx: Context) -> Resolution:
    span = p.month_span(ctx.published.year + value.year_offset, value.month)
    return _date(span, f"month of the year {value.year_offset:+d} from the publish year")


def _period(value: v.Period, ctx: Context) -> Resolution:
    anchor, kind = ctx.anchor(value.previous)
    if value.year is not None:
        return _date(p.period_span(value.code, value.year), "the period as written")
    if value.year_offset is not None:
        span = p.period_span(value.code, anchor.year + value.year_offset)
        return _date(span, f"the period in the year {value.year_offset:+d} from the {kind} date",
                     kind)
    this_year = p.period_span(value.code, anchor.year)
    if this_year.earliest > anchor and ctx.tense != FUTURE:
        return _date(p.period_span(value.code, anchor.year - 1),
                     "the last such period before the publish date")
    return _date(this_year, "the period in the publish year")


def _ref(value: v.Ref, ctx: Context) -> Resolution:
    if value.ref == "PRESENT_REF":
        return Resolution("DATE", value.ref, "the present, at the publish date", "",
                          ctx.published, ctx.published, "day")
    if value.ref == "PAST_REF":
        return Resolution("DATE", value.ref, "some time before the publish date", "",
                          None, ctx.published, "open")
    return Resolution("DATE", value.ref, "some time after the publish date", "",
                      ctx.published, None, "open")


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
    if amount is None:
        return f"{prefix}X{letter}"
    whole = int(amount)
    if amount == whole:
        return f"{prefix}{whole}{letter}"
    smaller = {"year": ("M", 12), "month": ("D", 30), "day": ("T", 24), "hour": ("M", 60),
               "week": ("D", 7)}
    if unit in smaller:
        sub_letter, per = smaller[unit]
        rest = round((amount - whole) * per)
        if sub_letter == "T":
            return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
        return f"{prefix}{whole}{letter}{rest}{sub_letter}" if whole else f"{prefix}{rest}{sub_letter}"
    return f"{prefix}{amount:g}{letter}"


def _duration(value: v.Duration, ctx: Context) -> Resolution:
    return Resolution("DURATION", duration_value(value.unit, value.amount), "an amount of time")


def _recurrence(value: v.Recurrence, ctx: Context) -> Resolution:
    return Resolution("SET", value.value, "a recurring time")


def _so_far(value: v.SoFar, ctx: Context) -> Resolution:
    span = p.unit_span(value.unit, ctx.published)
    return Resolution("DATE", span.value, f"this {value.unit} up to the publish date", "",
                      span.earliest, ctx.published, span.granularity)


def _time_of_day(value: v.TimeOfDay, ctx: Context) -> Resolution:
    if value.day is not None:
        day = resolve(value.day, ctx)
    elif ctx.previous is not None and ctx.previous.granularity == "day":
        day = _date(ctx.previous, "the day last mentioned", "previous")
    else:
        day = _date(p.day_span(ctx.published), "the publish date")
    if day.granularity != "day":
        return day
    clock = f"T{value.part}" if value.part else f"T{value.hour:02d}:{value.minute:02d}"
    if not value.part and value.hour == 24:
        clock = "T24"
    return replace(day, type="TIME", value=day.value + clock,
                   explanation=f"{day.explanation}; time of day {clock[1:]}")


def _modified(value: v.Modified, ctx: Context) -> Resolution:
    inner = resolve(value.inner, ctx)
    mod = value.mod
    if inner.type != "DATE" or inner.earliest is None or inner.latest is None:
        return replace(inner, mod=mod)
    span = p.Span(inner.value, inner.earliest, inner.latest, inner.granularity)
    if value.so_far:
        return replace(inner, mod=mod, latest=ctx.published, granularity="open",
                       explanation=f"from {inner.value} up to the publish date")
    if mod in ("START", "MID", "END"):
        earliest, latest = p.narrowed(span, mod)
        return replace(inner, mod=mod, earliest=earliest, latest=latest,
                       explanation=f"{inner.explanation}; {mod.lower()} of the period")
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return replace(inner, mod=mod, earliest=None, granularity="open",
                       explanation=f"before {inner.value}; {inner.explanation}")
    if mod in ("AFTER", "ON_OR_AFTER"):
        return replace(inner, mod=mod, latest=None, granularity="open",
                       explanation=f"after {inner.value}; {inner.explanation}")
    return replace(inner, mod=mod)


_RESOLVERS = {
    v.CalendarDate: _calendar_date,
    v.Weekday: _weekday,
    v.Relative: _relative,
    v.Shift: _shift,
    v.MonthOfRelativeYear: _month_of_year,
    v.Period: _period,
    v.Decade: lambda value, ctx: _date(p.decade_span(value.decade), "the decade as written"),
    v.Century: lambda value, ctx: _date(p.century_span(value.century), "the century as written"),
    v.Ref: _ref,
    v.Duration: _duration,
    v.Recurrence: _recurrence,
    v.SoFar: _so_far,
    v.TimeOfDay: _time_of_day,
    v.Modified: _modified,
}


def resolve(value: v.Temporal, ctx: Context) -> Resolution:
    """The TIMEX3 value, interval and granularity of `value` in `ctx`."""
    return _RESOLVERS[type(value)](value, ctx)  # type: ignore[operator]
