"""The plotly figure: one lane per category, day events as markers, vaguer dates as fainter spans.

plotly is used through `plotly.graph_objects` only (plotly.express needs pandas).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from timeline.model import Event
from timeline.render.framing import Frame, frame_story
from timeline.render.hover import click_payload, hover_text
from timeline.render.keylabels import key_labels
from timeline.render.lanes import Placed, place_events
from timeline.render.layout import chart_height, figure_layout, lane_name
from timeline.temporal.extent import event_extent

if TYPE_CHECKING:
    import plotly.graph_objects as go

Trace = dict[str, Any]  # a plotly trace as plain values, its "type" included

DAY_MS = 86_400_000

# Colour-blind-safe colours (Okabe & Ito), one per known category; unknown ones cycle the rest.
COLOURS = {
    "summit": "#0072B2",
    "visit": "#E69F00",
    "meeting": "#009E73",
    "deployment": "#D55E00",
    "treaty": "#56B4E9",
    "casualties": "#CC79A7",
    "diplomacy": "#8C6BB1",
    "statement": "#A6761D",
    "other": "#7F7F7F",
}
EXTRA_COLOURS = ("#1B9E77", "#E7298A", "#66A61E", "#E6AB02", "#386CB0", "#BF5B17")

# Opacity by the precision of an event's bounds: the vaguer, the fainter.
OPACITY = {"day": 0.9, "part of a month": 0.75, "month": 0.62, "part of a year": 0.5, "year": 0.38}
APPROXIMATE = 0.7  # "about ..." is fainter still
FADE = (0.42, 0.26, 0.15, 0.07)  # an open bound fades in steps away from the bound
OUTLINE_EDITED = "#111111"
SYMBOL_DISAGREE = "diamond"
PATTERN_DISAGREE = "/"
SPAN_WIDTH = 0.55  # span thickness, in rows
# The range slider draws every event a second time, which doubles the page's drawing time;
# above this many events it is left out (range buttons, zoom and pan remain). See bench/render.py.
SLIDER_LIMIT = 2000


def build_figure(events: Sequence[Event]) -> go.Figure:
    """The interactive timeline figure for these events (pure: same events, same figure).

    It opens on the stretch of time that holds most events (framing.frame_story); the range
    slider, the "all" button and `layout.meta.full_range` cover every event.
    """
    import plotly.graph_objects as go  # here only: the page is drawn without it (figure_json)

    traces, layout, annotations = figure_parts(events)
    figure = go.Figure()
    figure.add_traces(traces)
    figure.update_layout(layout)
    figure.update_layout(annotations=annotations)
    return figure


def figure_parts(events: Sequence[Event]) -> tuple[list[Trace], dict[str, Any], list[Any]]:
    """The figure's traces, layout and annotations (the key labels), as plain values."""
    frame = opening_frame(events)
    placed, lanes = place_events(events, shown_days=frame.days if frame.outside else 0)
    traces: list[Trace] = []
    for lane_index, lane in enumerate(lanes):
        members = [p for p in placed if p.lane == lane.category]
        colour = lane_colour(lane.category, lane_index)
        traces += _lane_traces(lane.category, members, colour)
    traces += _legend_notes(events)
    layout = figure_layout(lanes, bool(events), slider=0 < len(events) <= SLIDER_LIMIT)
    layout["meta"] = {"natural_height": chart_height(lanes)}  # for the page (render.py)
    shown = (frame.first, frame.last)
    if placed:
        full_range = _x_range(placed)
        opening = _opening_range(frame) if frame.outside else full_range
        shown = (date.fromisoformat(opening[0]), date.fromisoformat(opening[1]))
        layout["xaxis"]["range"] = opening
        layout["xaxis"]["rangeslider"]["range"] = full_range
        layout["meta"] |= {"full_range": full_range, "opening_range": opening}
    return traces, layout, key_labels(placed, shown) if events else [_empty_note()]


def opening_frame(events: Sequence[Event]) -> Frame:
    """The days the chart opens on and the events it leaves out (see framing.frame_story)."""
    return frame_story([event_extent(event) for event in events])


def lane_colour(category: str, lane_index: int) -> str:
    """The lane's colour: fixed for known categories so they look the same in every build."""
    return COLOURS.get(category, EXTRA_COLOURS[lane_index % len(EXTRA_COLOURS)])


def _lane_traces(category: str, members: list[Placed], colour: str) -> list[Trace]:
    """A lane's traces: its legend entry, its spans, the fades of open bounds, its day markers."""
    days = [p for p in members if p.extent.is_day]
    spans = [p for p in members if not p.extent.is_day]
    opens = [p for p in spans if p.extent.open_side]
    traces: list[Trace] = [_legend_entry(category, colour)]
    if spans:
        traces.append(_span_trace(category, spans, colour))
    if opens:
        traces.append(_fade_trace(category, opens, colour))
    if days:
        traces.append(_day_trace(category, days, colour))
    return traces


def _legend_entry(category: str, colour: str) -> Trace:
    """A legend-only entry, so every lane shows the same plain swatch whatever its first event
    looks like; clicking it toggles the whole lane (legendgroup)."""
    return {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "marker": {"symbol": "square", "size": 12, "color": colour},
        "legendgroup": category,
        "name": lane_name(category),
        "hoverinfo": "skip",
        "meta": {"category": category, "kind": "legend"},
    }


def _span_trace(category: str, spans: list[Placed], colour: str) -> Trace:
    """Horizontal bars from the first to the last day an event may cover, fainter when vaguer;
    hatched when sources disagree, outlined when edited by hand."""
    return {
        "type": "bar",
        "orientation": "h",
        "base": [_interactive_part(p)[0].isoformat() for p in spans],
        "x": [_duration_ms(*_interactive_part(p)) for p in spans],
        "y": [p.y for p in spans],
        "width": SPAN_WIDTH,
        "marker": {
            "color": colour,
            "opacity": [_span_opacity(p) for p in spans],
            "line": {
                "color": [OUTLINE_EDITED if p.event.edited else colour for p in spans],
                # an outline in the bar's own colour keeps a span of a few days visible
                "width": [2 if p.event.edited else 1 for p in spans],
            },
            "pattern": {
                "shape": [PATTERN_DISAGREE if p.event.disagreement else "" for p in spans],
                "fgcolor": "#222222",
                "fgopacity": 0.6,
            },
        },
        **_lane_fields(category, spans, "span"),
    }


def _day_trace(category: str, days: list[Placed], colour: str) -> Trace:
    """Markers for events pinned to one day; a diamond when sources disagree, hollow while only
    planned, a dark outline when edited by hand."""
    return {
        "type": "scatter",
        "mode": "markers",
        "x": [p.extent.first.isoformat() for p in days],
        "y": [p.y for p in days],
        "marker": {
            "color": colour,
            "size": 12,
            "opacity": 0.92,
            "symbol": [_symbol(p.event) for p in days],
            "line": {
                "color": [OUTLINE_EDITED if p.event.edited else "#FFFFFF" for p in days],
                "width": [2.5 if p.event.edited or _planned(p.event) else 1 for p in days],
            },
        },
        **_lane_fields(category, days, "day"),
    }


def _lane_fields(category: str, placed: list[Placed], kind: str) -> Trace:
    """What every trace of a lane carries: each event's hover and click texts, and the lane."""
    return {
        "hovertext": [hover_text(p.event) for p in placed],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "customdata": [click_payload(p.event) for p in placed],
        "legendgroup": category,
        "showlegend": False,
        "name": lane_name(category),
        "meta": {"category": category, "kind": kind},
    }


def _interactive_part(placed: Placed) -> tuple[date, date]:
    """The days of a span that carry hover and click: all of it, or an open bound's first step."""
    first, last = placed.drawn_first, placed.drawn_last
    if not placed.extent.open_side:
        return first, last
    step = _fade_step(placed)
    if placed.extent.open_side == "left":
        return last - step + timedelta(days=1), last
    return first, first + step - timedelta(days=1)


def _fade_trace(category: str, opens: list[Placed], colour: str) -> Trace:
    """The fading steps of open bounds beyond the first: drawn only, no hover or click."""
    bases, lengths, rows, opacities, ids = [], [], [], [], []
    for placed in opens:
        step = _fade_step(placed)
        for index, opacity in enumerate(FADE[1:], start=1):
            if placed.extent.open_side == "right":
                first = placed.drawn_first + step * index
            else:
                first = placed.drawn_last + timedelta(days=1) - step * (index + 1)
            bases.append(first.isoformat())
            lengths.append(_duration_ms(first, first + step - timedelta(days=1)))
            rows.append(placed.y)
            opacities.append(opacity)
            ids.append(placed.event.id)
    return {
        "type": "bar",
        "orientation": "h",
        "base": bases,
        "x": lengths,
        "y": rows,
        "width": SPAN_WIDTH,
        "marker": {"color": colour, "opacity": opacities, "line": {"width": 0}},
        "hoverinfo": "skip",
        "legendgroup": category,
        "showlegend": False,
        "name": lane_name(category),
        "meta": {"category": category, "kind": "fade", "ids": ids},  # ids: for the filter box
    }


def _fade_step(placed: Placed) -> timedelta:
    """The length of one fading step of an open bound, in whole days."""
    days = (placed.drawn_last - placed.drawn_first).days + 1
    return timedelta(days=max(1, days // len(FADE)))


def _duration_ms(first: date, last: date) -> int:
    return ((last - first).days + 1) * DAY_MS


def _span_opacity(placed: Placed) -> float:
    if placed.extent.open_side:
        return FADE[0]
    opacity = OPACITY[placed.extent.precision]
    vague = placed.extent.approximate or _planned(placed.event)
    return round(opacity * APPROXIMATE, 3) if vague else opacity


def _planned(event: Event) -> bool:
    return event.qualifier == "planned"


def _symbol(event: Event) -> str:
    symbol = SYMBOL_DISAGREE if event.disagreement else "circle"
    return f"{symbol}-open" if _planned(event) else symbol


def _legend_notes(events: Sequence[Event]) -> list[Trace]:
    """Legend entries explaining the marks for disagreeing sources, plans and hand edits."""
    notes = []
    if any(event.disagreement for event in events):
        marker = {"symbol": SYMBOL_DISAGREE, "size": 12, "color": "#BBBBBB"}
        notes.append(_legend_note("Sources disagree", "_disagree", marker))
    if any(_planned(event) for event in events):
        marker = {"symbol": "circle-open", "size": 12, "color": "#888888", "line": {"width": 2.5}}
        notes.append(_legend_note("Planned, not yet reported held", "_planned", marker))
    if any(event.edited for event in events):
        line = {"color": OUTLINE_EDITED, "width": 2.5}
        marker = {"symbol": "circle", "size": 12, "color": "#BBBBBB", "line": line}
        notes.append(_legend_note("Edited by hand", "_edited", marker))
    return notes


def _legend_note(name: str, group: str, marker: dict[str, object]) -> Trace:
    """A legend entry with no point of its own: what a kind of mark means."""
    return {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "name": name,
        "marker": marker,
        "legendgroup": group,
        "hoverinfo": "skip",
        "meta": {"kind": "note"},
    }


def _empty_note() -> dict[str, object]:
    return {
        "text": "No events yet: add articles and run <i>timeline build</i>.",
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "showarrow": False,
        "font": {"size": 16, "color": "#555555"},
    }


def _x_range(placed: Sequence[Placed]) -> list[str]:
    """All drawn days with some air either side: at least a week, so one day is not shown
    in milliseconds."""
    first = min(p.drawn_first for p in placed)
    last = max(p.drawn_last for p in placed) + timedelta(days=1)
    pad = max(timedelta(days=7), (last - first) / 30)
    return [(first - pad).isoformat(), (last + pad).isoformat()]


def _opening_range(frame: Frame) -> list[str]:
    """The framed window as an x range: its first day to the end of its last."""
    return [frame.first.isoformat(), (frame.last + timedelta(days=1)).isoformat()]
