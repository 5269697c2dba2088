"""Exports beside the HTML: TimelineJS JSON, CSV and the Markdown chronology."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import Any

import pytest

from tests.render.samples import A1, A2, source, story_events
from timeline.model import Event
from timeline.render.exports import chronology_markdown, events_csv, timelinejs

HOSTILE = '<img src=x onerror="alert(1)">'


def _event(event_id: str, when: str, **fields: Any) -> Event:
    return Event(id=event_id, title=f"Event {event_id}", date=when, category="visit", **fields)


def _slides(events: list[Event]) -> list[dict[str, Any]]:
    slides: list[dict[str, Any]] = json.loads(timelinejs(events))["events"]
    return slides


def _rows(events: list[Event]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(events_csv(events))))


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2025-06-04", {"year": 2025, "month": 6, "day": 4}),
        ("2024-06", {"year": 2024, "month": 6}),
        ("2024", {"year": 2024}),
    ],
)
def test_timelinejs_start_date_is_as_precise_as_written(
    when: str, expected: dict[str, int]
) -> None:
    (slide,) = _slides([_event("a", when)])
    assert slide["start_date"] == expected


def test_timelinejs_coarse_dates_carry_a_display_date() -> None:
    slides = {
        s["unique_id"]: s
        for s in _slides([_event("day", "2025-06-04"), _event("early", "2025", qualifier="early")])
    }
    assert "display_date" not in slides["day"]
    assert slides["early"]["display_date"] == "early 2025"


def test_timelinejs_span_has_an_end_date() -> None:
    (slide,) = _slides([_event("a", "2024-10", end="2025-04")])
    assert slide["end_date"] == {"year": 2025, "month": 4}
    assert slide["display_date"] == "October 2024 – April 2025"


def test_timelinejs_slide_has_headline_group_and_unique_id() -> None:
    (slide,) = _slides([_event("a", "2025-06-04")])
    assert (slide["text"]["headline"], slide["group"], slide["unique_id"]) == (
        "Event a",
        "visit",
        "a",
    )


def test_timelinejs_escapes_html_and_links_only_http_urls() -> None:
    sources = (
        source(A1, HOSTILE, url="javascript:alert(1)"),
        source(A2, "q", url="https://e.org/x"),
    )
    (slide,) = _slides([replace(_event("a", "2025-06-04", sources=sources), title=HOSTILE)])
    body = slide["text"]["text"]
    assert "<img" not in slide["text"]["headline"] and "<img" not in body
    assert "javascript:" not in body
    assert '<a href="https://e.org/x">' in body


def test_csv_has_one_row_per_event_in_date_order() -> None:
    rows = _rows(story_events())
    assert len(rows) == len(story_events())
    assert rows[0]["id"] == "ammunition-shipments-since-2023"


def test_csv_keeps_granularity_and_label() -> None:
    (row,) = _rows([_event("a", "2025", qualifier="early")])
    assert (row["date"], row["qualifier"], row["date_label"]) == ("2025", "early", "early 2025")


@pytest.mark.parametrize("title", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_never_start_a_formula(title: str) -> None:
    (row,) = _rows([replace(_event("a", "2025-06-04"), title=title)])
    assert row["title"] == "'" + title


def test_csv_round_trips_commas_quotes_and_newlines() -> None:
    quote = 'He said, "no",\nthen left.'
    (row,) = _rows([_event("a", "2025-06-04", sources=(source(A1, quote),))])
    assert row["first_quote"] == quote


def test_markdown_groups_events_by_year_in_order() -> None:
    text = chronology_markdown(story_events())
    assert text.index("## 2023") < text.index("## 2024") < text.index("## 2025")
    assert text.index("by January 2024") < text.index("June 2024")


def test_markdown_escapes_markup_and_html_in_article_text() -> None:
    event = replace(
        _event("a", "2025-06-04", sources=(source(A1, "*bold* [x](javascript:y)"),)), title=HOSTILE
    )
    text = chronology_markdown([event])
    assert "<img" not in text
    assert r"\*bold\* \[x\](javascript:y)" in text


def test_markdown_links_only_http_urls() -> None:
    sources = (
        source(A1, "q", url="javascript:alert(1)", outlet="Bad"),
        source(A2, "q", url="https://e.org/a_(b)<c>", outlet="Good"),
    )
    text = chronology_markdown([_event("a", "2025-06-04", sources=sources)])
    assert "[Good](<https://e.org/a_(b)%3Cc%3E>)" in text
    assert "](javascript" not in text and "[Bad]" not in text


def test_markdown_marks_disagreement_and_edits() -> None:
    text = chronology_markdown([_event("a", "2025-06-04", disagreement="4 or 5 June", edited=True)])
    assert "sources disagree: 4 or 5 June" in text and "edited by hand" in text


def test_exports_of_no_events_are_valid() -> None:
    assert json.loads(timelinejs([]))["events"] == []
    assert _rows([]) == []
    assert "No events yet" in chronology_markdown([])
