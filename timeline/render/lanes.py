"""Where each event sits: one lane per category, and rows inside a lane so spans do not overlap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.model import CATEGORIES, Event
from timeline.temporal.extent import Extent, event_extent

MAX_ROWS = 6  # rows per lane; beyond that events share the row that frees up first (never
# with an event of the same start day, which would hide it)
# How far an open bound ("before 17 August 2025", "after June 2024") fades: news that bounds a
# date by another mostly means "shortly before/after", so the fade is as long as a few units of
# the bound's own precision, never out to the edge of the chart. "since" reaches the last data.
OPEN_REACH_DAYS = {"day": 30, "week": 60, "month": 180}
OPEN_REACH_COARSE_DAYS = 730


@dataclass(frozen=True)
class Placed:
    """An event with its extent, the days drawn for it, its lane and its row (the y value)."""

    event: Event
    extent: Extent
    drawn_first: date  # first day drawn (for open bounds: where the fade starts or ends)
    drawn_last: date  # last day drawn, inclusive
    lane: str
    y: int


@dataclass(frozen=True)
class Lane:
    """A category's band of rows on the y axis: rows first..first+rows-1."""

    category: str
    first_row: int
    rows: int

    @property
    def centre(self) -> float:
        """The y value at the middle of the lane, where its name is written."""
        return self.first_row + (self.rows - 1) / 2


def lane_order(categories: Sequence[str]) -> list[str]:
    """Known categories in model.CATEGORIES order, unknown ones by name, "other" always last."""
    present = set(categories)
    known = [name for name in CATEGORIES if name in present and name != "other"]
    unknown = sorted(present - set(CATEGORIES))
    return known + unknown + (["other"] if "other" in present else [])


def place_events(events: Sequence[Event], shown_days: int = 0) -> tuple[list[Placed], list[Lane]]:
    """Extents, lanes and rows for every event, in a deterministic order (by date, then id).

    `shown_days` is how many days the chart opens on (all of them when 0): neighbours closer
    than a 120th of that would touch on screen, so they take separate rows.
    """
    extents = {event.id: event_extent(event) for event in events}
    ordered = sorted(events, key=lambda e: (extents[e.id].order, extents[e.id].last, e.id))
    domain_first, domain_last = _domain(list(extents.values()))
    # Markers and short spans still take room on screen: keep a minimum gap between neighbours.
    shown_days = shown_days or (domain_last - domain_first).days
    gap = timedelta(days=max(1, shown_days // 120))
    placed: list[Placed] = []
    lanes: list[Lane] = []
    next_row = 0
    for category in lane_order([event.category for event in ordered]):
        row_ends: list[date] = []
        row_starts: list[date] = []  # where the last event placed in each row starts
        members = [event for event in ordered if event.category == category]
        spans = [_drawn(extents[e.id], domain_first, domain_last) for e in members]
        for event, (first, last) in sorted(
            zip(members, spans, strict=True), key=lambda item: (item[1][0], item[0].id)
        ):
            row = _free_row(row_ends, row_starts, first)
            end = last + gap
            if row == len(row_ends):
                row_ends.append(end)
                row_starts.append(first)
            else:
                row_ends[row] = max(row_ends[row], end)
                row_starts[row] = first
            placed.append(Placed(event, extents[event.id], first, last, category, next_row + row))
        lanes.append(Lane(category, next_row, max(1, len(row_ends))))
        next_row += max(1, len(row_ends))
    placed.sort(key=lambda p: (p.extent.order, p.extent.last, p.event.id))
    return placed, lanes


def _domain(extents: list[Extent]) -> tuple[date, date]:
    if not extents:
        return date(2000, 1, 1), date(2000, 12, 31)
    return min(e.first for e in extents), max(e.last for e in extents)


def _drawn(extent: Extent, domain_first: date, domain_last: date) -> tuple[date, date]:
    """The days to draw: the extent itself, or for an open bound a fade away from the bound."""
    reach = timedelta(days=OPEN_REACH_DAYS.get(extent.precision, OPEN_REACH_COARSE_DAYS))
    if extent.open_side == "left":
        return extent.first - reach, extent.first - timedelta(days=1)
    if extent.open_side == "right" and extent.ongoing:
        return extent.first, max(domain_last, extent.first + reach)
    if extent.open_side == "right":
        return extent.first, extent.first + reach
    return extent.first, extent.last


def _free_row(row_ends: list[date], row_starts: list[date], first: date) -> int:
    """The first row free before `first`; a new row while under MAX_ROWS; else the earliest
    free row that no event starting the same day holds, so two markers never sit on one spot
    (a new row beyond MAX_ROWS when every row holds one)."""
    for row, end in enumerate(row_ends):
        if end < first:
            return row
    if len(row_ends) < MAX_ROWS:
        return len(row_ends)
    apart = [row for row in range(len(row_ends)) if row_starts[row] != first]
    if not apart:
        return len(row_ends)
    return min(apart, key=lambda row: (row_ends[row], row))
