"""Under-specified temporal values: what the scanner read, before the anchor is applied.

Each class names one way news text points at time; the resolver turns it into a TIMEX3 value
and a calendar interval once it knows the publish date, the previous date and the tense.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CalendarDate:
    """An explicit date, possibly partial: "Dec. 3, 2024", "June 21", "2022", "June"."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    direction: int = 0  # -1 "last June", +1 "next June", 0 by tense
    weekday: int | None = None  # "Saturday, April 25": the year whose April 25 is a Saturday


@dataclass(frozen=True)
class Weekday:
    """A weekday (1 = Monday), placed by tense, by "last"/"next", or in a relative week."""

    weekday: int
    direction: int = 0  # -1 "last Friday", +1 "next Friday", 0 by tense
    week_offset: int | None = None  # "Tuesday of last week" -> -1
    previous: bool = False  # "the previous Friday": counted from the date last mentioned


@dataclass(frozen=True)
class Weekend:
    """A weekend placed by tense or by "last"/"next" ("the weekend", "next weekend")."""

    direction: int = 0


@dataclass(frozen=True)
class Holiday:
    """A named day ("Thanksgiving", "Christmas"), its year placed by tense like a bare date."""

    name: str
    direction: int = 0


@dataclass(frozen=True)
class Relative:
    """The unit containing the anchor, shifted: "last year", "this month", "tomorrow"."""

    unit: str  # day, week, weekend, month, quarter, year, decade, century
    offset: int
    previous: bool = False  # anchored on the last date mentioned ("the same day", "the next day")


@dataclass(frozen=True)
class PeriodOf:
    """The week (or month, ...) that holds a given day: "the week of March 6"."""

    unit: str
    day: Temporal


@dataclass(frozen=True)
class Shift:
    """An amount of units before or after the anchor: "three years ago", "a day earlier"."""

    unit: str
    amount: int | None  # None for vague amounts ("several years ago")
    direction: int  # -1 before, +1 after
    previous: bool = False  # "earlier"/"later" count from the last date mentioned
    # "year-earlier results": compared with the period just reported, so only a mention finer
    # than the unit (a quarter, a month) anchors it; a year mentioned is no anchor
    compares: bool = False
    # "redeemed in five years": a date ahead only when told in the future tense; "his second
    # letter in two weeks" is an amount of time
    ahead_only: bool = False


@dataclass(frozen=True)
class MonthOfRelativeYear:
    """A month of a year given relative to the anchor: "June last year", "March of next year"."""

    month: int
    year_offset: int


@dataclass(frozen=True)
class Period:
    """A quarter, half or season (code Q1..Q4, H1, H2, SP, SU, FA, WI) of a year.

    code None: the quarter last mentioned ("the quarter", "the year-ago period")."""

    code: str | None
    year: int | None = None
    year_offset: int | None = None  # None with year None: placed by tense
    previous: bool = False  # "the year-earlier quarter": relative to the last mention


@dataclass(frozen=True)
class Decade:
    """A decade, by its first three digits: the 1990s -> 199."""

    decade: int


@dataclass(frozen=True)
class Century:
    """A century by its TIMEX3 digits: the 20th century -> 19."""

    century: int


@dataclass(frozen=True)
class Ref:
    """A vague reference: PAST_REF, PRESENT_REF or FUTURE_REF."""

    ref: str


@dataclass(frozen=True)
class Duration:
    """An amount of time: "three years" -> P3Y; amount None for "several years" -> PXY."""

    unit: str
    amount: float | None


@dataclass(frozen=True)
class Recurrence:
    """A set of times: "every Monday", "annually"; value is the TIMEX3 SET value."""

    value: str


@dataclass(frozen=True)
class SoFar:
    """The part of the current unit up to the anchor: "earlier this year"."""

    unit: str


@dataclass(frozen=True)
class TimeOfDay:
    """A clock time or a part of a day on a day: "2 p.m. Monday", "this morning"."""

    day: Temporal | None  # None: the anchor day
    hour: int | None = None
    minute: int | None = None
    part: str = ""  # MO, AF, EV, NI when a part of day rather than a clock time


@dataclass(frozen=True)
class Offset:
    """Days or weeks before or after a date told in the same phrase: "the day before last
    Tuesday", "two days before Christmas"."""

    inner: Temporal
    unit: str  # day or week
    amount: int
    direction: int  # -1 before, +1 after


@dataclass(frozen=True)
class WeekOfMonth:
    """The nth week of a month, "the first week of June": the week holding its 4th, 11th, 18th
    or 25th day (the week belongs to the month holding most of it); nth -1 the last week."""

    month: Temporal
    nth: int


@dataclass(frozen=True)
class Modified:
    """A value narrowed or bounded: "late October" (END), "more than three years ago" (BEFORE)."""

    inner: Temporal
    mod: str  # START, MID, END, APPROX, BEFORE, AFTER, ON_OR_AFTER, MORE_THAN, LESS_THAN
    so_far: bool = False  # "since 2022": from the value up to the anchor


Temporal = (
    CalendarDate
    | Weekday
    | Weekend
    | Holiday
    | Relative
    | PeriodOf
    | Shift
    | MonthOfRelativeYear
    | Period
    | Decade
    | Century
    | Ref
    | Duration
    | Recurrence
    | SoFar
    | TimeOfDay
    | Offset
    | WeekOfMonth
    | Modified
)


def names_a_day(value: Temporal) -> bool:
    """Whether a value names one day ("June 4", "yesterday", "Tuesday", "Christmas"): what a
    weekday can stand beside and what a count of days or weeks can start from."""
    if isinstance(value, CalendarDate):
        return value.day is not None
    if isinstance(value, Relative):
        return value.unit == "day"
    return isinstance(value, (Weekday, Holiday))


@dataclass(frozen=True)
class Candidate:
    """A matched expression and its typed, not yet resolved value."""

    start: int
    end: int
    value: Temporal
    rule: str
    priority: int
