"""Labels on the chart for the key events: the most-sourced ones, placed so they do not overlap.

The page is responsive, so pixel sizes are estimated for a typical plot width; zooming in only
spreads the labels further apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from timeline.render.hover import distinct_articles, plotly_text, shorten
from timeline.render.lanes import Placed

KEY_EVENTS = 8  # how many of the most-sourced events get a label
# Kinds of happening a chronology headlines even when one article tells them, most telling first.
HEADLINE_CATEGORIES = ("summit", "treaty", "deployment", "visit", "casualties")
LABEL_CHARS = 40
PLOT_WIDTH_PX = 800  # a modest plot width: the estimate behind the overlap check
ROW_PX = 34  # a row's height when the window leaves the chart room
# The chart is never taller than the window (render.chart_height_css): with many rows they shrink
# to share a typical plot height (a 1366x768 window's), and labels are placed for that.
TYPICAL_PLOT_PX = 560
CHAR_PX = 6.3  # average width of an 11px character
LABEL_HEIGHT_PX = 18
LEVELS = 5  # heights a label may rise to above its event (and LEVELS_BELOW below it)
LEVELS_BELOW = 2
MARKER_PX = 8  # half a marker, plus a little air
SPAN_HALF_PX = 10  # half a span's thickness
LIFT_PX = 24  # the lowest label sits this far above its event; each level adds LEVEL_PX
LEVEL_PX = 21
HEADROOM_ROWS = 2.2  # the plot's room above the first row, for labels (figure's y range)


@dataclass(frozen=True)
class _Box:
    left: float
    right: float
    top: float
    bottom: float

    def overlaps(self, other: _Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


def key_events(placed: Sequence[Placed]) -> list[Placed]:
    """The key events: those told by the most articles, then, while labels are left, the
    headline kinds of happening (summits, treaties, deployments, visits, casualties) told once.

    Ranked by distinct articles, then sources, then kind, date and id.
    """
    several = [p for p in placed if distinct_articles(p.event) >= 2]
    headline = [
        p
        for p in placed
        if distinct_articles(p.event) < 2 and p.event.category in HEADLINE_CATEGORIES
    ]
    candidates = [*several, *headline] if several or headline else list(placed)
    ranked = sorted(
        candidates,
        key=lambda p: (
            -distinct_articles(p.event),
            -len(p.event.sources),
            _headline_rank(p.event.category),
            p.extent.first,
            p.event.id,
        ),
    )
    return ranked[:KEY_EVENTS]


def _headline_rank(category: str) -> int:
    return (
        HEADLINE_CATEGORIES.index(category)
        if category in HEADLINE_CATEGORIES
        else len(HEADLINE_CATEGORIES)
    )


def key_labels(placed: Sequence[Placed], shown: tuple[date, date]) -> list[dict[str, object]]:
    """plotly annotations for the key events in the `shown` days (the chart's opening view),
    each lifted to the lowest level where it is clear, inside the plot."""
    first, last = shown
    in_view = [p for p in placed if first <= label_x(p) <= last]
    if not in_view:
        return []
    px_per_day = PLOT_WIDTH_PX / max(1, (last - first).days)
    rows = max(p.y for p in placed) + 1
    row_px = min(ROW_PX, TYPICAL_PLOT_PX / (rows - 0.5 + HEADROOM_ROWS))
    taken = [_event_box(p, first, px_per_day, row_px) for p in placed]  # labels hide no event
    plot_top = -HEADROOM_ROWS * row_px
    plot_bottom = (rows - 0.5) * row_px
    labels = []
    for item in sorted(key_events(in_view), key=lambda p: (label_x(p), p.event.id)):
        text = shorten(item.event.title, LABEL_CHARS)
        centre = (label_x(item) - first).days * px_per_day
        half = len(text) * CHAR_PX / 2 + 4
        anchor, left = "center", centre - half
        if centre + half > PLOT_WIDTH_PX:
            anchor, left = "right", centre - 2 * half
        elif centre - half < 0:
            anchor, left = "left", centre
        lift, box = _clear_lift(
            left, left + 2 * half, item.y * row_px, taken, (plot_top, plot_bottom)
        )
        taken.append(box)
        labels.append(
            {
                "x": label_x(item).isoformat(),
                "y": item.y,
                "xref": "x",
                "yref": "y",
                "text": plotly_text(text),
                "hovertext": plotly_text(item.event.title),
                "name": item.event.id,  # the click handler finds the event by it
                "xanchor": anchor,
                "showarrow": True,
                "arrowhead": 0,
                "arrowwidth": 1,
                "arrowcolor": "#777777",
                "ax": 0,
                "ay": lift,
                "bgcolor": "rgba(255,255,255,0.9)",
                "bordercolor": "#AAAAAA",
                "borderwidth": 1,
                "borderpad": 2,
                "font": {"size": 11, "color": "#222222"},
            }
        )
    # Highest labels first: plotly draws in order, so each lower label's box covers the
    # arrows of the labels above it instead of being crossed by them.
    return sorted(labels, key=lambda label: (label["ay"], label["x"], label["name"]))


def label_x(placed: Placed) -> date:
    """Where a label points: the event's day, the middle of its span, or its open bound."""
    if placed.extent.open_side:
        return placed.extent.first
    return placed.extent.middle


def _event_box(placed: Placed, first: date, px_per_day: float, row_px: float) -> _Box:
    centre_y = placed.y * row_px
    if placed.extent.is_day:
        x = (placed.extent.first - first).days * px_per_day
        return _Box(x - MARKER_PX, x + MARKER_PX, centre_y - MARKER_PX, centre_y + MARKER_PX)
    left = (placed.drawn_first - first).days * px_per_day
    right = ((placed.drawn_last - first).days + 1) * px_per_day
    return _Box(left, right, centre_y - SPAN_HALF_PX, centre_y + SPAN_HALF_PX)


def _clear_lift(
    left: float, right: float, point_y: float, taken: list[_Box], plot: tuple[float, float]
) -> tuple[int, _Box]:
    """The label's offset in pixels (plotly's ay: negative is above the event) and its box.

    The lowest clear place above the event wins, then a clear place below it; when none is
    clear, the place that hides the fewest things. Places outside the plot (over the date axis
    above it or the range slider below it) are tried only when there is no other.
    """
    lifts = [-(LIFT_PX + LEVEL_PX * level) for level in range(LEVELS)]
    lifts += [LIFT_PX + LEVEL_PX * level for level in range(LEVELS_BELOW)]
    half = LABEL_HEIGHT_PX / 2
    inside = [lift for lift in lifts if plot[0] <= point_y + lift - half <= plot[1] - 2 * half]
    lifts = inside or lifts
    # only what lies across the label's width can overlap it, whatever its height
    taken = [other for other in taken if left < other.right and other.left < right]
    boxes = []
    for lift in lifts:
        # ay is where the text's centre sits relative to the event
        box = _Box(
            left, right, point_y + lift - LABEL_HEIGHT_PX / 2, point_y + lift + LABEL_HEIGHT_PX / 2
        )
        if not any(box.overlaps(other) for other in taken):
            return lift, box
        boxes.append(box)
    best = min(range(len(lifts)), key=lambda i: (sum(boxes[i].overlaps(o) for o in taken), i))
    return lifts[best], boxes[best]
