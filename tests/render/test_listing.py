"""The chronology under the chart: date order, escaped text, links, and the words the filter uses."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from tests.render.samples import A1, A2, source, story_events
from timeline.model import Event
from timeline.render import render
from timeline.render.listing import event_list

HOSTILE = '<script>alert("x")</script>'


def _ids_in_order(page: str) -> list[str]:
    return re.findall(r'<li data-id="([^"]+)"', page)


def _event(event_id: str, when: str, **fields: Any) -> Event:
    fields.setdefault("title", f"Event {event_id}")
    fields.setdefault("sources", (source(A1, "It happened.", url="https://example.org/a"),))
    return Event(id=event_id, date=when, category="visit", **fields)


def test_events_are_listed_by_date_whatever_their_order() -> None:
    events = [_event("late", "2025-08-15"), _event("year", "2024"), _event("june", "2025-06")]
    assert _ids_in_order(event_list(events)) == ["year", "june", "late"]


def test_each_item_shows_the_date_as_people_write_it() -> None:
    listing = event_list([_event("a", "2025-06-04"), _event("b", "2025-06")])
    assert '<span class="timeline-item-date">4 June 2025</span>' in listing
    assert '<span class="timeline-item-date">June 2025</span>' in listing


def test_no_events_no_list() -> None:
    assert event_list([]) == ""


def test_article_text_is_escaped_everywhere() -> None:
    hostile = _event(
        "h",
        "2025-07-10",
        title=HOSTILE,
        actors=(HOSTILE,),
        sources=(source(A1, HOSTILE, outlet=HOSTILE),),
    )
    listing = event_list([hostile])
    assert "<script>" not in listing
    assert "&lt;script&gt;" in listing


def test_only_http_urls_become_links() -> None:
    event = _event(
        "a",
        "2025-06-04",
        sources=(
            source(A1, "One.", url="https://example.org/one", outlet="AFP"),
            source(A2, "Two.", url="javascript:alert(1)", outlet="Reuters"),
        ),
    )
    listing = event_list([event])
    assert (
        '<a href="https://example.org/one" target="_blank" rel="noopener noreferrer">AFP</a>'
        in listing
    )
    assert "javascript:" not in listing
    assert "2 articles: " in listing


def test_an_outlet_reporting_twice_is_named_once() -> None:
    event = _event(
        "a",
        "2025-06-04",
        sources=(source(A1, "One.", outlet="AFP"), source(A2, "Two.", outlet="AFP")),
    )
    assert "2 articles: AFP</span>" in event_list([event])


def test_disagreement_and_hand_edits_are_marked_in_the_list() -> None:
    event = _event("a", "2025-06-04", disagreement="one source says 3 June", edited=True)
    listing = event_list([event])
    assert "sources disagree: one source says 3 June" in listing
    assert "edited by hand" in listing


def test_page_has_the_filter_and_the_list_when_there_are_events() -> None:
    page = render.render_html(story_events())
    assert 'id="timeline-filter"' in page
    assert sorted(_ids_in_order(page)) == sorted(event.id for event in story_events())


def test_empty_page_has_no_filter() -> None:
    assert 'id="timeline-filter"' not in render.render_html([])


def test_fade_steps_name_their_events_for_the_filter() -> None:
    bound = replace(_event("bound", "2025-08-17"), qualifier="before")
    figure = render.build_figure([bound])
    fades = [t for t in figure.data if t.meta and t.meta["kind"] == "fade"]
    assert fades and all(set(t.meta["ids"]) == {"bound"} for t in fades)
