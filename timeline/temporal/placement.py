"""Placing partial dates: the year of "June 21", the week of "Wednesday", by tense and distance."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from timeline.temporal import periods as p
from timeline.temporal import values as v
from timeline.temporal.context import WEEKDAY_NAMES, Context, Resolution, dated, describe
from timeline.temporal.holidays import holiday_date
from timeline.temporal.tense import FUTURE, PAST

# Tense picks the year of a bare month or day unless that lands more than ~8 months away.
TENSE_REACH_DAYS = 240


def _distance(span: p.Span, day: date) -> int:
    return min(abs((span.earliest - day).days), abs((span.latest - day).days))


def pick(options: list[p.Span], ctx: Context) -> p.Span:
    """Among the same month (or day) in neighbouring years, the one the tense points at, unless
    the nearest one is much closer (news rarely means a date most of a year away)."""
    published = ctx.published
    nearest = min(options, key=lambda o: _distance(o, published))
    if ctx.tense == PAST:
        past = [o for o in options if o.earliest <= published]
        chosen = past[-1] if past else nearest
        if past and ctx.signal_tense == PAST:
            return chosen  # "the year ended Jan. 31" said in October: this past January
        if past and chosen.granularity == "month" and ctx.clear_tense == PAST:
            # "fell in July" said on 5 June is last July, however far; "in June" is this June
            return chosen
    elif ctx.tense == FUTURE:
        ahead = [o for o in options if o.latest >= published]
        chosen = ahead[0] if ahead else nearest
        if (
            ahead
            and chosen.granularity == "month"
            and (ctx.clear_tense == FUTURE or ctx.signal_tense != FUTURE)
        ):
            # "will fly in December" said in March: this December; told by a verb of the
            # sentence, not by a word like "through" that may close a stretch already past
            return chosen
    else:
        chosen = nearest
    return chosen if _distance(chosen, published) <= TENSE_REACH_DAYS else nearest


def calendar_date(value: v.CalendarDate, ctx: Context) -> Resolution:
    """An explicit date; a missing year is placed by direction, tense and distance."""
    year = value.year
    if value.month is None:
        return dated(p.year_span(year or ctx.published.year), "the year as written")
    if year is not None:
        span = _month_or_day(year, value.month, value.day)
        return _weekday_checked(dated(span, "the date as written"), value.weekday)
    options = [
        _month_or_day(y, value.month, value.day)
        for y in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1)
        if value.day is None or value.day <= calendar.monthrange(y, value.month)[1]
    ]
    # a weekday written beside the date tells its year, unless the reporter erred: a year
    # much further away than tense reaches is not the one meant
    named = [
        o
        for o in options
        if value.weekday
        and o.earliest.isoweekday() == value.weekday
        and _distance(o, ctx.published) <= TENSE_REACH_DAYS
    ]
    if named:
        span = min(named, key=lambda o: _distance(o, ctx.published))
        return dated(
            span,
            f"the nearest year in which the date falls on the weekday named, "
            f"from the publish date {describe(ctx.published)}",
        )
    if value.direction:
        before = [o for o in options if o.latest < ctx.published]
        after = [o for o in options if o.earliest > ctx.published]
        span = (
            (before[-1] if before else options[0])
            if value.direction < 0
            else (after[0] if after else options[-1])
        )
        return dated(
            span,
            f"the {'last' if value.direction < 0 else 'next'} such date "
            f"{'before' if value.direction < 0 else 'after'} the publish date",
        )
    span = pick(options, ctx)
    resolution = dated(
        span, f"year from the publish date {describe(ctx.published)}; {ctx.tense} tense"
    )
    return _weekday_checked(resolution, value.weekday)


def _weekday_checked(resolution: Resolution, named: int | None) -> Resolution:
    """The resolution, flagged when the weekday written beside the date is not that date's:
    reporters err, so the explicit date is kept and the clash is shown for a person to check."""
    day = resolution.earliest
    if named is None or day is None or resolution.granularity != "day" or day.isoweekday() == named:
        return resolution
    conflict = (
        f"the text names {WEEKDAY_NAMES[named]}, but {day.isoformat()} is a "
        f"{WEEKDAY_NAMES[day.isoweekday()]}; the date is kept, check the source"
    )
    return replace(
        resolution, conflict=conflict, explanation=f"{resolution.explanation}; {conflict}"
    )


def _month_or_day(year: int, month: int, day: int | None) -> p.Span:
    return p.month_span(year, month) if day is None else p.day_span(date(year, month, day))


def weekday(value: v.Weekday, ctx: Context) -> Resolution:
    """A weekday in a relative week, by last/next, or by tense around the publish date."""
    anchor = ctx.published
    target = value.weekday
    name = WEEKDAY_NAMES[value.weekday]
    told, kind, _ = ctx.anchor(value.previous, "day")
    if kind == "previous":  # "the previous Friday": the one before the day last told
        day = (
            p.previous_weekday(told, target)
            if value.direction < 0
            else p.next_weekday(told, target)
        )
        side = "before" if value.direction < 0 else "after"
        return dated(
            p.day_span(day), f"the {name} {side} the day last mentioned, {describe(told)}", kind
        )
    if value.week_offset is not None:
        monday = p.week_start(anchor) + timedelta(weeks=value.week_offset)
        day = monday + timedelta(days=value.weekday - 1)
        how = f"the {name} of the week {value.week_offset:+d} from the publish week"
    elif value.direction < 0:
        day, how = p.previous_weekday(anchor, target), f"the {name} before the publish date"
    elif value.direction > 0:
        day, how = p.next_weekday(anchor, target), f"the {name} after the publish date"
    elif ctx.tense == FUTURE:
        day = anchor if anchor.isoweekday() == target else p.next_weekday(anchor, target)
        how = f"the {name} on or after the publish date; future tense"
    else:
        day = anchor if anchor.isoweekday() == target else p.previous_weekday(anchor, target)
        how = f"the {name} on or before the publish date; {ctx.tense} tense"
    return dated(p.day_span(day), f"{how}, {describe(ctx.published)}")


def weekend(value: v.Weekend, ctx: Context) -> Resolution:
    """The weekend of the Saturday that tense or last/next points at."""
    saturday = weekday(v.Weekday(6, value.direction), ctx)
    assert saturday.earliest is not None
    span = p.weekend_span(saturday.earliest)
    return dated(span, saturday.explanation.replace("Saturday", "weekend (Saturday)"))


def holiday(value: v.Holiday, ctx: Context) -> Resolution:
    """A named day in the year that direction, tense and distance point at."""
    year = ctx.published.year
    options = [p.day_span(holiday_date(value.name, y)) for y in (year - 1, year, year + 1)]
    if value.direction:
        before = [o for o in options if o.latest < ctx.published]
        after = [o for o in options if o.earliest > ctx.published]
        span = before[-1] if value.direction < 0 else after[0]
    else:
        span = pick(options, ctx)
    return dated(span, f"{value.name.replace('_', ' ')} in the year the tense points at")
