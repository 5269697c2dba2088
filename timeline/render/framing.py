"""Where the chart opens: on the stretch of time that holds most events, not their full extent.

News gives context: an article on a 2025 summit recalls a 1945 liberation or a 1990 treaty.
Opening on the full extent would squeeze the story into a sliver at one edge, so the chart opens
on the shortest window holding most events; the others stay one click away ("all").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.temporal import when
from timeline.temporal.extent import Extent

SHARE = 0.9  # the window holds at least this share of the events
WORTH_FRAMING = 0.5  # frame only when the window is at most this share of the full extent
REACH_SHARE = 1 / 4  # an event this close to the window (a share of its width) joins it
PAD_SHARE = 1 / 20  # air either side of the window, so no marker sits on the edge
MIN_PAD = timedelta(days=7)


@dataclass(frozen=True)
class Frame:
    """The days the chart opens on (padded) and the events left outside them.

    When every event is inside (`outside == 0`), `first` and `last` are the events' own extent
    and the chart opens on all of it.
    """

    first: date
    last: date
    earlier: int = 0  # events whose point lies before `first`
    earliest: date | None = None  # the first day of the earliest of them
    later: int = 0
    latest: date | None = None

    @property
    def outside(self) -> int:
        """How many events the opening view leaves out."""
        return self.earlier + self.later

    @property
    def days(self) -> int:
        """The width of the opening view, in days."""
        return (self.last - self.first).days + 1


def anchor_day(extent: Extent) -> date:
    """The one day that stands for an event when framing: its day, its middle or its bound."""
    return extent.first if extent.open_side else extent.middle


def frame_story(extents: Sequence[Extent]) -> Frame:
    """The opening view: the shortest window holding SHARE of the events (the latest of equals),
    grown to take in events close to its edges and the whole spans of those it holds, padded,
    when it is at most WORTH_FRAMING of the full extent; else the full extent."""
    if not extents:
        return Frame(date(2000, 1, 1), date(2000, 12, 31))
    full_first = min(extent.first for extent in extents)
    full_last = max(extent.last for extent in extents)
    whole = Frame(full_first, full_last)
    days = sorted(anchor_day(extent) for extent in extents)
    held = math.ceil(SHARE * len(days))
    if held >= len(days):
        return whole
    start = min(
        range(len(days) - held + 1),
        key=lambda index: (days[index + held - 1] - days[index], -index),
    )
    start, stop = _grown(days, start, start + held - 1)
    # whole spans: a year told as "2024" is seen from January to December
    inside = [extent for extent in extents if days[start] <= anchor_day(extent) <= days[stop]]
    first = min(extent.first for extent in inside)
    last = max(extent.last for extent in inside)
    pad = max(MIN_PAD, (last - first) * PAD_SHARE)
    first, last = first - pad, last + pad
    if (last - first) > (full_last - full_first) * WORTH_FRAMING:
        return whole
    before = [extent for extent in extents if anchor_day(extent) < first]
    after = [extent for extent in extents if anchor_day(extent) > last]
    return Frame(
        first,
        last,
        earlier=len(before),
        earliest=min((extent.first for extent in before), default=None),
        later=len(after),
        latest=max((extent.last for extent in after), default=None),
    )


def _grown(days: list[date], start: int, stop: int) -> tuple[int, int]:
    """The window days[start..stop] grown, one event at a time, by the events lying within
    REACH_SHARE of its width of its edge: the densest stretch is a core, not a cut."""
    reach = max(MIN_PAD, (days[stop] - days[start]) * REACH_SHARE)
    while start > 0 and days[start] - days[start - 1] <= reach:
        start -= 1
    while stop < len(days) - 1 and days[stop + 1] - days[stop] <= reach:
        stop += 1
    return start, stop


def outside_note(frame: Frame) -> str:
    """What the opening view leaves out, in words: "3 earlier events, from 1945"; "" if none."""
    parts = []
    if frame.earlier and frame.earliest:
        parts.append(
            f"{_count(frame.earlier, 'earlier event')}, from {_when(frame.earliest, frame.first)}"
        )
    if frame.later and frame.latest:
        parts.append(f"{_count(frame.later, 'later event')}, to {_when(frame.latest, frame.last)}")
    return "; ".join(parts)


def _when(day: date, edge: date) -> str:
    """A year when it is not the year at the view's edge, else the month ("March 2025")."""
    return str(day.year) if day.year != edge.year else when.label(f"{day:%Y-%m}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
