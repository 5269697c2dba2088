"""What a reader sees on hover and on click. Article text is untrusted: everything is escaped."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from timeline.model import Event, Source, TimelineError
from timeline.remembered import per_event
from timeline.temporal.extent import parse_iso
from timeline.temporal.labels import date_label, precision_label, written

QUOTE_CHARS = 180  # a hover label quotes at most this much of a sentence
HOVER_SOURCES = 3  # sources listed in a hover label; the click panel lists them all
WRAP = 70  # characters per hover line: plotly does not wrap hover text itself


def http_url(url: str) -> str:
    """The URL when it is an absolute http(s) link, else "": only those become links."""
    candidate = url.strip()
    if any(char.isspace() or not char.isprintable() for char in candidate):
        return ""
    parts = urlsplit(candidate)
    return candidate if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def first_url(event: Event) -> str:
    """The first http(s) URL among the event's sources, or ""."""
    for source in event.sources:
        url = http_url(source.url)
        if url:
            return url
    return ""


def distinct_articles(event: Event) -> int:
    """How many different articles report the event."""
    return len({source.article for source in event.sources})


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word boundary before `limit` characters, with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut.rstrip(",;:") + "…"


# A rebuild draws mostly the events it drew before: each event's texts are worked out once (a
# build works them out for the stored events while its workers extract, or takes them from the
# memo of the build before).
@per_event("hover")
def hover_text(event: Event) -> str:
    """The hover label as plotly's pseudo-HTML: title, date, actors, place, sources."""
    lines = [f"<b>{_escaped_lines(event.title)}</b>"]
    lines.append(f"{plotly_text(date_label(event))} · {plotly_text(precision_label(event))}")
    details = [event.category]
    if event.place:
        details.append(event.place)
    lines.append(plotly_text(" · ".join(details)))
    if event.actors:
        lines.append(_escaped_lines("Actors: " + ", ".join(event.actors)))
    if event.disagreement:
        lines.append(_escaped_lines("⚠ Sources disagree: " + event.disagreement))
    if event.edited:
        lines.append("✎ Edited by hand")
    if event.notes:
        lines.append(f"<i>{_escaped_lines('Note: ' + event.notes)}</i>")
    count = len(event.sources)
    lines.append(f"<i>{count} source{'s' if count != 1 else ''}:</i>")
    for source in event.sources[:HOVER_SOURCES]:
        lines.append(_escaped_lines("• " + _source_heading(source)))
        if source.quote:
            lines.append(_escaped_lines(f"“{shorten(source.quote, QUOTE_CHARS)}”", indent="   "))
        resolved = resolution_text(source, event.id)
        if resolved:
            lines.append(f"<i>{_escaped_lines(resolved, indent='   ')}</i>")
    if count > HOVER_SOURCES:
        lines.append(f"… and {count - HOVER_SOURCES} more")
    lines.append(
        "<i>Click to open the source</i>" if first_url(event) else "<i>Click for quotes</i>"
    )
    return "<br>".join(lines)


def resolution_text(source: Source, event_id: str) -> str:
    """How this source dates the event: the phrase, the date it resolved to, and why."""
    parts = []
    if source.phrase:
        parts.append(f"“{source.phrase}”")
    if source.date:
        try:
            parts.append(("→ " if parts else "") + written(source.date, event_id))
        except TimelineError:
            parts.append(source.date)
    text = " ".join(parts)
    if source.resolution:
        text = f"{text}: {source.resolution}" if text else source.resolution
    return text


@per_event("click")
def click_payload(event: Event) -> dict[str, object]:
    """Per-point data for the click handler: the URL to open, else the quotes to show (one
    value per event, shared: never change it)."""
    return {
        "id": event.id,
        "title": event.title,
        "date": date_label(event),
        "url": first_url(event),
        "sources": [
            {
                "outlet": source.outlet,
                "article": source.article,
                "published": written_or_raw(source.published) if source.published else "",
                "quote": source.quote,
                "url": http_url(source.url),
                "resolution": resolution_text(source, event.id),
            }
            for source in event.sources
        ],
    }


def _source_heading(source: Source) -> str:
    outlet = source.outlet or "unknown outlet"
    published = f", {written_or_raw(source.published)}" if source.published else ""
    return f"{outlet} — {source.article}{published}"


def written_or_raw(value: str) -> str:
    """An ISO date as people write it, or the value as given when it is not ISO."""
    try:
        parse_iso(value, "")
    except TimelineError:
        return value
    return written(value, "")


def plotly_text(text: str) -> str:
    """Text for plotly's pseudo-HTML (hover, labels, legend): &, < and > escaped.

    Quotes stay as they are: plotly shows &quot; literally, and no attribute is built here.
    """
    return html.escape(text, quote=False)


def _escaped_lines(text: str, indent: str = "") -> str:
    """Wrap to WRAP characters and escape each line; plotly would read tags in raw text."""
    return "<br>".join(plotly_text(indent + line) for line in _wrap(text))


def _wrap(text: str) -> list[str]:
    """Lines of at most WRAP characters, broken between words (textwrap is slow at scale)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > WRAP:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]
