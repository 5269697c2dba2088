"""The star on the chart over each event the latest build that changed anything added or changed.

Traces of their own, laid over the figure's events, so the lanes' traces stay as they are: a star
just above each changed event's marker, or above the middle of its span's drawn part. Each lane's
stars share the lane's legend group, so hiding a lane hides its stars; one legend entry explains
the star.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

STAR_COLOUR = "#111111"
STAR_LIFT = 0.42  # rows above the event (the y axis runs downwards)
LEGEND_NAME = "New or changed (latest build)"
STAR = {"symbol": "star", "size": 11, "color": STAR_COLOUR, "line": {"width": 0}}


def changed_marks(
    traces: Sequence[Mapping[str, Any]], marked: Mapping[str, Sequence[str]]
) -> list[dict[str, Any]]:
    """Star traces over the figure's events (its traces, figure.figure_parts) whose id is in
    `marked`, one per lane, and their legend entry; none when nothing changed."""
    lanes: dict[str, tuple[list[str], list[float], list[str]]] = {}
    for trace in traces:
        meta = trace.get("meta") or {}
        if meta.get("kind") not in ("day", "span"):
            continue
        xs, ys, ids = lanes.setdefault(trace["legendgroup"], ([], [], []))
        for index, point in enumerate(trace.get("customdata") or ()):
            if point["id"] not in marked:
                continue
            if meta["kind"] == "day":
                xs.append(trace["x"][index])
            else:  # a bar: `base` is its first day, `x` its length in milliseconds
                first = date.fromisoformat(trace["base"][index])
                xs.append((first + timedelta(milliseconds=trace["x"][index] / 2)).isoformat())
            ys.append(trace["y"][index] - STAR_LIFT)
            ids.append(point["id"])
    stars = [
        {
            "type": "scatter",
            "x": xs,
            "y": ys,
            "mode": "markers",
            "marker": STAR,
            "name": LEGEND_NAME,
            "hoverinfo": "skip",
            "legendgroup": lane,
            "showlegend": False,
            "meta": {"kind": "changed", "ids": ids},  # ids: for the filter box
        }
        for lane, (xs, ys, ids) in lanes.items()
        if ids
    ]
    if not stars:
        return []
    legend = {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "marker": STAR,
        "name": LEGEND_NAME,
        "hoverinfo": "skip",
        "legendgroup": "_changed",
        "meta": {"kind": "note"},
    }
    return [*stars, legend]
