"""The chronology under the chart: every event as a line of text, in date order, with its sources.

A chart cannot be read aloud, searched with the browser or printed well; this list can. The
page's filter box matches an item's own text plus its event's quotes from the chart data, so no
text is written twice. Article text is untrusted: everything is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from timeline.model import Event
from timeline.render.hover import http_url
from timeline.temporal.extent import chronological
from timeline.temporal.labels import date_label

# What a starred item says the latest build that changed anything did to it, by kind of change (timeline.store.changes).
CHANGE_WORDS = {
    "new": "new",
    "source": "new source",
    "date": "date moved",
    "disagreement": "sources now disagree",
    "agreement": "sources now agree",
    "details": "details updated",
}


def event_list(events: Sequence[Event], changed: Mapping[str, Sequence[str]] | None = None) -> str:
    """The events in date order as an HTML list (empty when there are none); those the last
    build changed (`changed`: id -> kinds of change) carry a starred mark saying how."""
    if not events:
        return ""
    changed = changed or {}
    items = "\n".join(_item(event, changed.get(event.id, ())) for event in chronological(events))
    return f'<ol id="timeline-list">\n{items}\n</ol>'


def _item(event: Event, changes: Sequence[str] = ()) -> str:
    meta = [event.category.replace("_", " ").capitalize()]
    if event.actors:
        meta.append(", ".join(event.actors))
    if event.place:
        meta.append(event.place)
    marks = []
    if event.disagreement:
        marks.append(
            f'<span class="timeline-mark">⚠ sources disagree: '
            f"{html.escape(event.disagreement)}</span>"
        )
    if event.edited:
        marks.append('<span class="timeline-mark">✎ edited by hand</span>')
    if changes:
        words = ", ".join(CHANGE_WORDS[kind] for kind in changes)
        marks.append(f'<span class="timeline-mark timeline-changed">★ latest build: {words}</span>')
    changed = ' data-changed=""' if changes else ""
    return (
        f'<li data-id="{html.escape(event.id, quote=True)}"{changed}>'
        f'<span class="timeline-item-date">{html.escape(date_label(event))}</span> '
        f'<button type="button" class="timeline-item-title">{html.escape(event.title)}</button>'
        f'<span class="timeline-item-meta">{html.escape(" · ".join(meta))}</span>'
        f"{''.join(marks)}"
        f'<span class="timeline-item-sources">{_sources(event)}</span>'
        "</li>"
    )


def _sources(event: Event) -> str:
    """The outlets reporting the event, each a link when its URL is http(s)."""
    seen: list[str] = []
    for source in event.sources:
        name = html.escape(source.outlet or source.article)
        url = http_url(source.url or "")
        entry = (
            f'<a href="{html.escape(url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{name}</a>'
            if url
            else name
        )
        if entry not in seen:
            seen.append(entry)
    count = len({source.article for source in event.sources})
    noun = "article" if count == 1 else "articles"
    return f"{count} {noun}: " + ", ".join(seen)
