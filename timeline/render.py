"""The outputs: the offline HTML timeline and the exports beside it, each written atomically."""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from string import Template

import plotly.io as pio

from timeline import when
from timeline.exports import chronology_markdown, events_csv, timelinejs
from timeline.extent import event_extent
from timeline.figure import build_figure
from timeline.listing import event_list
from timeline.model import Event

DIV_ID = "timeline-figure"  # fixed, so the same events always give the same bytes
FILTER_BAR = (
    '<div id="timeline-filter-bar" role="search">\n'
    '<label for="timeline-filter">Filter</label>\n'
    '<input type="search" id="timeline-filter" autocomplete="off" '
    'placeholder="a name, place, outlet or word">\n'
    '<span id="timeline-filter-count" aria-live="polite"></span>\n'
    "</div>\n"
)
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"filename": "timeline"},
}
EXPORTS: tuple[tuple[str, Callable[[Sequence[Event]], str]], ...] = (
    ("timeline.json", timelinejs),  # Knight Lab TimelineJS
    ("events.csv", events_csv),
    ("chronology.md", chronology_markdown),
)

__all__ = ["DIV_ID", "build_figure", "render_html", "write_outputs"]


def render_html(events: Sequence[Event]) -> str:
    """The self-contained page: plotly.js inlined, no network request, deterministic bytes."""
    figure = build_figure(events)
    div = pio.to_html(
        figure,
        config=PLOTLY_CONFIG,
        include_plotlyjs=True,
        include_mathjax=False,
        full_html=False,
        div_id=DIV_ID,
        default_height=f"{figure.layout.height}px",
        post_script="timelineOnClick(document.getElementById('{plot_id}'));",
    )
    page = Template(_page_file("page.html"))
    return page.substitute(
        title="Timeline",
        summary=html.escape(_summary(events)),
        filter=FILTER_BAR if events else "",
        listing=event_list(events),
        css=_page_file("timeline.css"),
        script=_page_file("timeline.js"),
        figure=div,
    )


def write_outputs(events: Sequence[Event], out_dir: Path) -> list[Path]:
    """Write timeline.html, timeline.json (TimelineJS), events.csv and chronology.md.

    Each file is written to a temporary file beside it and renamed into place, so a reader
    never sees a half-written file.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    contents = [("timeline.html", render_html(events))]
    contents += [(name, export(events)) for name, export in EXPORTS]
    written = []
    for name, text in contents:
        path = out_dir / name
        _write_atomically(path, text)
        written.append(path)
    return written


def _summary(events: Sequence[Event]) -> str:
    if not events:
        return "No events yet: add articles and run `timeline build`."
    extents = [event_extent(event) for event in events]
    first = min(extent.first for extent in extents)
    last = max(extent.last for extent in extents)
    articles = len({source.article for event in events for source in event.sources})
    first_month = when.label(f"{first:%Y-%m}")
    last_month = when.label(f"{last:%Y-%m}")
    span = first_month if first_month == last_month else f"{first_month} to {last_month}"
    marks = ["Fainter spans are vaguer dates."]
    if any(event.disagreement for event in events):
        marks.append("A diamond or hatching: the sources disagree.")
    if any(event.edited for event in events):
        marks.append("A dark outline: edited by hand.")
    return (
        f"{_count(len(events), 'event')} from {_count(articles, 'article')}, {span}. "
        + " ".join(marks)
        + " Hover an event for its sources; click it to open the first source."
        + " The same events are listed in date order below the chart."
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _page_file(name: str) -> str:
    return resources.files("timeline").joinpath("page", name).read_text(encoding="utf-8")


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; outputs are for sharing
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
