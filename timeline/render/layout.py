"""The figure's layout around its traces: the lanes as shaded bands named down the side, the
dates along the top with the range buttons and slider, the legend below, the chart's height."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from timeline.render.hover import plotly_text
from timeline.render.keylabels import HEADROOM_ROWS, ROW_PX
from timeline.render.lanes import Lane

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"


def lane_name(category: str) -> str:
    """A category as its lane is named: "human_rights" -> "Human rights"."""
    return plotly_text(category.replace("_", " ").capitalize())


def lane_title(lane: Lane) -> str:
    """The lane's name on the y axis and in the legend."""
    return lane_name(lane.category)


def chart_height(lanes: Sequence[Lane]) -> int:
    """The chart's height in pixels when the window leaves it room: 34 per row (keylabels'
    ROW_PX) and the room above the first row, plus the axis, range slider and legend."""
    return max(380, round(190 + ROW_PX * (sum(lane.rows for lane in lanes) + HEADROOM_ROWS)))


def figure_layout(lanes: Sequence[Lane], has_events: bool, slider: bool) -> dict[str, Any]:
    """The figure's layout: the lanes as bands, the dates along the top, the legend below."""
    # No height: the page sizes the chart (render.chart_height_css), at most one window high.
    return {
        "template": "plotly_white",
        "font": {"family": FONT, "size": 13},
        "margin": {"l": 110, "r": 20, "t": 62, "b": 20},
        "barmode": "overlay",
        "hovermode": "closest",
        "dragmode": "pan",  # a drag moves along the timeline (the zoom box is in the toolbar)
        "hoverlabel": {"align": "left", "bgcolor": "#FFFFFF", "font": {"size": 12}},
        "showlegend": has_events,
        "legend": _legend(),
        "shapes": _lane_bands(lanes),
        "xaxis": _date_axis(slider),
        "yaxis": _lane_axis(lanes),
    }


def _lane_bands(lanes: Sequence[Lane]) -> list[dict[str, Any]]:
    """Every other lane shaded, the full width of the plot, so a lane reads as one band."""
    return [
        {
            "type": "rect",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "yref": "y",
            "y0": lane.first_row - 0.5,
            "y1": lane.first_row + lane.rows - 0.5,
            "fillcolor": "rgba(0,0,0,0.045)" if index % 2 == 0 else "rgba(0,0,0,0)",
            "line": {"width": 0},
            "layer": "below",
        }
        for index, lane in enumerate(lanes)
    ]


def _legend() -> dict[str, Any]:
    """The lanes' legend below the chart, in a row: the plot keeps the page's width, even on a
    phone."""
    return {
        "title": {"text": "Lanes (click to hide)", "side": "left"},
        "groupclick": "togglegroup",
        "orientation": "h",
        "xref": "container",
        "x": 0,
        "xanchor": "left",
        "yref": "container",
        "y": 0,
        "yanchor": "bottom",
    }


def _date_axis(slider: bool) -> dict[str, Any]:
    """The dates along the top, the range buttons (1m, 6m, 1y, all) and, if asked, the slider."""
    return {
        "type": "date",
        "side": "top",  # the dates stay in the first screen whatever the chart's height
        "showgrid": True,
        "rangeslider": {"visible": slider, "thickness": 0.08},
        "rangeselector": {
            "buttons": [
                {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                {"label": "all", "step": "all"},
            ],
            # in the corner above the lane names, clear of the dates along the top
            "x": -0.005,
            "xanchor": "right",
            "y": 1.0,
            "yanchor": "bottom",
        },
    }


def _lane_axis(lanes: Sequence[Lane]) -> dict[str, Any]:
    """The lane names down the side, the first lane at the top, room left for labels above it."""
    rows = sum(lane.rows for lane in lanes)
    return {
        "tickmode": "array",
        "tickvals": [lane.centre for lane in lanes],
        "ticktext": [lane_title(lane) for lane in lanes],
        "range": [rows - 0.5, -HEADROOM_ROWS] if rows else [1, 0],  # room for labels
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
    }
