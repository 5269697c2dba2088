"""What a value is resolved against (Context) and what resolving gives (Resolution)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from timeline.temporal import periods as p
from timeline.temporal.tense import UNKNOWN, clear_tense, signal_tense, tense_at

WEEKDAY_NAMES = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


CALENDAR_ORDER = ("day", "week", "month", "quarter", "year", "decade", "century")


def coarser(granularity: str, unit: str) -> bool:
    """Whether a granularity is coarser than `unit` (seasons and halves count as quarters)."""
    order = {"weekend": 1, "season": 3, "half": 3, **{u: i for i, u in enumerate(CALENDAR_ORDER)}}
    return order.get(granularity, 99) > order.get(unit, 99)


def finer(granularity: str, unit: str) -> bool:
    """Whether a granularity is a calendar unit finer than `unit`."""
    order = CALENDAR_ORDER
    return granularity in order and unit in order and order.index(granularity) < order.index(unit)


@dataclass(frozen=True)
class Context:
    """What a value is resolved against: the publish date, the last date mentioned, the tense.

    The tense is read from the sentence around text[start:end] only when a value asks for it.
    """

    published: date
    mentions: tuple[p.Span, ...] = ()  # dates mentioned before, the latest last
    text: str = ""
    start: int = 0
    end: int = 0

    @cached_property
    def tense(self) -> str:
        return tense_at(self.text, self.start, self.end) if self.text else UNKNOWN

    @cached_property
    def signal_tense(self) -> str:
        """The tense a word right before the mention settles ("ended Jan. 31"), or unknown."""
        return signal_tense(self.text, self.start, self.end) if self.text else UNKNOWN

    @cached_property
    def clear_tense(self) -> str:
        """The tense a verb of the mention's own clause settles ("fell in July"), or unknown."""
        return clear_tense(self.text, self.start, self.end) if self.text else UNKNOWN

    @property
    def previous(self) -> p.Span | None:
        """The date mentioned last."""
        return self.mentions[-1] if self.mentions else None

    def mention_for(self, unit: str) -> p.Span | None:
        """The latest mention precise enough to count `unit`s from ("the same day" needs a day);
        none when the date told last is a month, which the count more likely starts in."""
        if self.mentions and self.mentions[-1].granularity == "month" and coarser("month", unit):
            return None  # "on June 3 ... In March, ... A week later": not a week after June 3
        for mention in reversed(self.mentions):
            if not coarser(mention.granularity, unit):
                return mention
        return None

    def anchor(self, use_previous: bool, unit: str = "day") -> tuple[date, str, p.Span | None]:
        """The day to count from, whether it is the publish date or a mention, and the mention."""
        mention = self.mention_for(unit) if use_previous else None
        if mention is not None:
            return mention.earliest, "previous", mention
        return self.published, "publish", None


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
    conflict: str = ""  # what in the text disagrees with the value ("Tuesday" for a Wednesday)


def dated(span: p.Span, explanation: str, anchor: str = "publish") -> Resolution:
    """A DATE resolution covering a calendar span."""
    return Resolution(
        "DATE", span.value, explanation, "", span.earliest, span.latest, span.granularity, anchor
    )


def describe(day: date) -> str:
    """A day for explanations: "Thu 2025-06-05"."""
    return f"{WEEKDAY_NAMES[day.isoweekday()][:3]} {day.isoformat()}"
