"""Exports people publish with: TimelineJS JSON, CSV and a Markdown chronology.

Article text is untrusted: it is escaped for HTML in TimelineJS, guarded against formula
injection in CSV and against markup in Markdown; only http(s) URLs become links.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Sequence
from urllib.parse import quote

from timeline.model import Event
from timeline.remembered import per_event
from timeline.render.hover import http_url
from timeline.temporal.extent import chronological, event_extent, parse_iso
from timeline.temporal.labels import date_label, precision_label

CSV_COLUMNS = (
    "id",
    "title",
    "date",
    "end",
    "qualifier",
    "date_label",
    "precision",
    "category",
    "actors",
    "place",
    "articles",
    "sources",
    "first_url",
    "first_quote",
    "disagreement",
    "edited",
    "notes",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]~|])")  # inline markup


def timelinejs(events: Sequence[Event]) -> str:
    """Knight Lab TimelineJS JSON: start/end dates as precise as written, display_date if coarse.
    What `json.dumps(..., indent=2)` writes, each event's slide written once (see _slide)."""
    ordered = chronological(events)
    document = {
        "title": {
            "text": {
                "headline": "Timeline",
                "text": f"{len(ordered)} events from {_article_count(events)} articles",
            }
        },
        "events": [],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if not ordered:
        return text
    # the slides, two steps in; a JSON string holds no newline, so this is the last key's line
    listed = ",\n".join(_slide(event) for event in ordered)
    return text.replace('\n  "events": []\n}', f'\n  "events": [\n{listed}\n  ]\n}}', 1)


@per_event("timelinejs")
def _slide(event: Event) -> str:
    """One event's slide as json.dumps writes it inside the document's list of events."""
    slide: dict[str, object] = {
        "unique_id": event.id,
        "start_date": _timelinejs_date(event.date, event.id),
        "text": {"headline": html.escape(event.title), "text": _timelinejs_text(event)},
        "group": event.category,
    }
    if event.end and event.end != event.date:
        slide["end_date"] = _timelinejs_date(event.end, event.id)
    if precision_label(event) != "day" or event.label:
        slide["display_date"] = html.escape(date_label(event))
    text = json.dumps(slide, ensure_ascii=False, indent=2)
    return "    " + text.replace("\n", "\n    ")


def events_csv(events: Sequence[Event]) -> str:
    """One row per event; cells that a spreadsheet would run as a formula are prefixed with '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in chronological(events):
        writer.writerow(_csv_row(event))
    return buffer.getvalue()


def chronology_markdown(events: Sequence[Event]) -> str:
    """A Markdown chronology grouped by year, each event with its date, sources and quotes."""
    lines = ["# Chronology", ""]
    if not events:
        return "\n".join([*lines, "No events yet.", ""])
    year = None
    for event in chronological(events):
        event_year = event_extent(event).order.year
        if event_year != year:
            year = event_year
            lines += [f"## {year}", ""]
        lines += _chronology_entry(event)
    return "\n".join(lines)


# A rebuild exports mostly the events it exported before: each event's row and entry are worked
# out once (a build works them out for the stored events while its workers extract, or takes
# them from the memo of the build before).
@per_event("csv")
def _csv_row(event: Event) -> tuple[str, ...]:
    """The event's row of events.csv, its cells made safe for spreadsheets."""
    first = event.sources[0] if event.sources else None
    row = (
        event.id,
        event.title,
        event.date,
        event.end,
        event.qualifier,
        date_label(event),
        precision_label(event),
        event.category,
        "; ".join(event.actors),
        event.place,
        "; ".join(sorted({source.article for source in event.sources})),
        str(len(event.sources)),
        next((http_url(s.url) for s in event.sources if http_url(s.url)), ""),
        first.quote if first else "",
        event.disagreement,
        "yes" if event.edited else "",
        event.notes,
    )
    return tuple(_csv_cell(cell) for cell in row)


@per_event("chronology")
def _chronology_entry(event: Event) -> tuple[str, ...]:
    """The event's lines in chronology.md: its date, title and details, then its sources."""
    marks = []
    if event.disagreement:
        marks.append(f"sources disagree: {markdown_text(event.disagreement)}")
    if event.edited:
        marks.append("edited by hand")
    details = (
        [markdown_text(event.category)]
        + ([markdown_text(event.place)] if event.place else [])
        + marks
    )
    lines = [
        f"- **{markdown_text(date_label(event))}**: {markdown_text(event.title)} ({'; '.join(details)})"
    ]
    for source in event.sources:
        outlet = markdown_text(source.outlet or source.article)
        url = http_url(source.url)
        cited = f"[{outlet}](<{_md_url(url)}>)" if url else outlet
        quote_text = f": “{markdown_text(' '.join(source.quote.split()))}”" if source.quote else ""
        lines.append(f"  - {cited}, {markdown_text(source.article)}{quote_text}")
    lines.append("")
    return tuple(lines)


def warm(events: Sequence[Event]) -> None:
    """Work out these events' rows and entries now (a build: the stored events, while its
    workers extract)."""
    for event in events:
        _csv_row(event)
        _chronology_entry(event)
        _slide(event)


def _timelinejs_date(value: str, event_id: str) -> dict[str, int]:
    first, _, granularity = parse_iso(value, event_id)
    fields = {"year": first.year}
    if granularity in ("month", "day"):
        fields["month"] = first.month
    if granularity == "day":
        fields["day"] = first.day
    return fields


def _timelinejs_text(event: Event) -> str:
    """The slide body as HTML (TimelineJS renders it): every piece of article text escaped."""
    parts = []
    facts = [event.category] + ([event.place] if event.place else [])
    if event.actors:
        facts.append(", ".join(event.actors))
    parts.append(f"<p>{html.escape(' · '.join(facts))}</p>")
    if event.disagreement:
        parts.append(f"<p>Sources disagree: {html.escape(event.disagreement)}</p>")
    items = []
    for source in event.sources:
        outlet = html.escape(source.outlet or source.article)
        url = http_url(source.url)
        cited = f'<a href="{html.escape(url, quote=True)}">{outlet}</a>' if url else outlet
        quote_text = f": “{html.escape(source.quote)}”" if source.quote else ""
        items.append(f"<li>{cited}{quote_text}</li>")
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return "".join(parts)


def _article_count(events: Sequence[Event]) -> int:
    return len({source.article for event in events for source in event.sources})


def _csv_cell(cell: str) -> str:
    """Keep spreadsheets from running article text as a formula (OWASP CSV injection)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def markdown_text(text: str) -> str:
    """Plain text for Markdown: markup characters backslash-escaped, HTML tags made inert."""
    flat = " ".join(text.split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    return escaped.replace("<", "&lt;").replace(">", "&gt;")  # raw HTML stays text everywhere


def _md_url(url: str) -> str:
    """A URL safe inside <...> link syntax: spaces and angle brackets percent-encoded."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
