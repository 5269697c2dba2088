"""The outputs: the offline HTML timeline and the exports beside it, each written atomically."""

from __future__ import annotations

import functools
import html
import os
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from string import Template

import plotly.io as pio

from timeline.model import Event, TimelineError
from timeline.render import exports
from timeline.render.changelog import changes_markdown
from timeline.render.changemarks import changed_marks
from timeline.render.exports import chronology_markdown, events_csv, timelinejs
from timeline.render.figure import build_figure, figure_parts, opening_frame
from timeline.render.framing import outside_note
from timeline.render.hover import click_payload, hover_text
from timeline.render.listing import event_list
from timeline.render.plain import figure_dict, template
from timeline.safewrite import refuse_unwritable, write_files
from timeline.store.changes import NO_CHANGES, Changes
from timeline.temporal import when
from timeline.temporal.extent import event_extent

DIV_ID = "timeline-figure"  # fixed, so the same events always give the same bytes
FILTER_BAR = (
    '<div id="timeline-filter-bar" role="search">\n'
    '<label for="timeline-filter">Filter</label>\n'
    '<input type="search" id="timeline-filter" autocomplete="off" '
    'placeholder="a name, place, outlet or word">\n'
    '<span id="timeline-filter-count" aria-live="polite"></span>\n'
    "$changed</div>\n"
)
# The toggle that keeps only the events the latest changes starred (the filter words still apply).
CHANGED_TOGGLE = (
    '<label id="timeline-changed-toggle"><input type="checkbox" id="timeline-filter-changed"> '
    "only the $count new or changed ★</label>\n"
)
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"filename": "timeline"},
}
CHANGES_FILE = "changes.md"  # the latest changes, event by event (timeline.store.changes)
EXPORTS: tuple[tuple[str, Callable[[Sequence[Event]], str]], ...] = (
    ("timeline.json", timelinejs),  # Knight Lab TimelineJS
    ("events.csv", events_csv),
    ("chronology.md", chronology_markdown),
)

__all__ = ["DIV_ID", "build_figure", "render_html", "warm", "write_outputs"]


def render_html(events: Sequence[Event], changes: Changes = NO_CHANGES) -> str:
    """The self-contained page: plotly.js inlined, no network request, deterministic bytes.
    Events the latest changes (`changes`) added or changed are starred on the chart and the list."""
    present = {event.id for event in events}
    marked = {event_id: kinds for event_id, kinds in changes.marked.items() if event_id in present}
    traces, layout, annotations = figure_parts(events)
    traces += changed_marks(traces, marked)
    div = pio.to_html(
        figure_dict(traces, layout, annotations),  # build_figure's, without its validation
        validate=False,
        config=PLOTLY_CONFIG,
        include_plotlyjs=True,
        include_mathjax=False,
        full_html=False,
        div_id=DIV_ID,
        default_height=chart_height_css(layout["meta"]["natural_height"]),
        post_script="timelineOnClick(document.getElementById('{plot_id}'));",
    )
    page = Template(_page_file("page.html"))
    return page.substitute(
        title="Timeline",
        summary=html.escape(_summary(events, len(marked))),
        filter=_filter_bar(len(marked)) if events else "",
        outside=_outside_note(events),
        listing=event_list(events, marked),
        css=_page_file("timeline.css"),
        script=_page_file("timeline.js"),
        figure=div,
    )


def warm(events: Sequence[Event] = ()) -> None:
    """Work out now what plotly gives for the page's template (plain.template), the one part of
    the figure plotly validates, and the hover and click texts and exported rows of these events
    (those stored: a rebuild draws most of them again), and import what plotly imports to draw:
    a build does it while its workers extract, so that its page is drawn sooner."""
    template()
    _drawn_once()
    for event in events:
        hover_text(event)
        click_payload(event)
    exports.warm(events)


@functools.cache
def _drawn_once() -> None:
    """An empty chart drawn, so that what plotly imports the first time it draws one (its JSON
    encoder, narwhals: a tenth of a second) is imported now."""
    pio.to_html({"data": [], "layout": {}}, validate=False, include_plotlyjs=False, full_html=False)


def chart_height_css(natural: int) -> str:
    """The chart's CSS height: its natural height, but never more than the window, so the whole
    chart fits on one screen; never so little that lanes cannot be told apart."""
    return f"min({natural}px, max(320px, 100vh - 16px))"


def _outside_note(events: Sequence[Event]) -> str:
    """The line saying which events the chart's opening view leaves out, with "show all"."""
    note = outside_note(opening_frame(events))
    if not note:
        return ""
    return (
        f'<p id="timeline-outside">{html.escape(note)} — '
        f'<button type="button" id="timeline-show-all" aria-controls="{DIV_ID}">'
        "show all</button></p>\n"
    )


def write_outputs(
    events: Sequence[Event], out_dir: Path, changes: Changes = NO_CHANGES
) -> list[Path]:
    """Write timeline.html, timeline.json (TimelineJS), events.csv, chronology.md and
    changes.md (what the build changed).

    Each file is written to a temporary file beside it and all are renamed into place at the
    end, so a reader never sees a half-written file and a failure leaves the old outputs.
    """
    check_out_dir(out_dir)
    contents = [("timeline.html", render_html(events, changes))]
    contents += [(name, export(events)) for name, export in EXPORTS]
    contents.append((CHANGES_FILE, changes_markdown(changes)))
    files = [(out_dir / name, text.encode("utf-8")) for name, text in contents]
    write_files(files)
    return [path for path, _ in files]


def check_out_dir(out_dir: Path) -> None:
    """Create the output folder if needed; TimelineError, before any write, when it cannot be."""
    if out_dir.exists() and not out_dir.is_dir():
        raise TimelineError(
            f"{out_dir}: is a file, but the outputs go in a folder of that name; rename or "
            "remove the file, or pass --out FOLDER"
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TimelineError(
            f"{out_dir}: cannot create the output folder ({error.strerror}); check that you may "
            f"write to {out_dir.parent}, or pass --out FOLDER"
        ) from error
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise TimelineError(
            f"{out_dir}: the output folder is read-only; make it writable (chmod u+w "
            f"'{out_dir}') or pass --out FOLDER, and run the command again"
        )
    for name in ("timeline.html", *(name for name, _ in EXPORTS), CHANGES_FILE):
        refuse_unwritable(out_dir / name)


def _filter_bar(changed: int) -> str:
    toggle = Template(CHANGED_TOGGLE).substitute(count=changed) if changed else ""
    return Template(FILTER_BAR).substitute(changed=toggle)


def _summary(events: Sequence[Event], changed: int = 0) -> str:
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
    if changed:
        marks.append(
            f"A star: new or changed in the latest build that changed anything "
            f"({_count(changed, 'event')})."
        )
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
    return resources.files("timeline.render").joinpath("page", name).read_text(encoding="utf-8")
