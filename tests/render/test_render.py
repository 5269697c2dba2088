"""The timeline figure: lanes, markers for days, spans for vaguer dates, marks, labels, HTML."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.render.samples import A1, A2, A3, source, story_events
from timeline.model import Event
from timeline.render import figure as figure_module
from timeline.render import render
from timeline.render.figure import build_figure
from timeline.render.hover import http_url

HOSTILE = '<script>alert("x")</script>'


def _traces(figure: go.Figure, kind: str) -> list[Any]:
    return [trace for trace in figure.data if trace.meta and trace.meta["kind"] == kind]


def _drawn(figure: go.Figure) -> dict[str, tuple[str, Any, int]]:
    """Event id -> (kind, trace, index) for every event drawn with hover and click."""
    drawn = {}
    for kind in ("day", "span"):
        for trace in _traces(figure, kind):
            for index, payload in enumerate(trace.customdata):
                drawn[payload["id"]] = (kind, trace, index)
    return drawn


def _event(event_id: str, when: str, category: str = "visit", **fields: Any) -> Event:
    return Event(id=event_id, title=f"Event {event_id}", date=when, category=category, **fields)


def test_every_event_is_drawn_exactly_once() -> None:
    events = story_events()
    figure = build_figure(events)
    ids = [p["id"] for kind in ("day", "span") for t in _traces(figure, kind) for p in t.customdata]
    assert sorted(ids) == sorted(event.id for event in events)


def test_lanes_follow_the_fixed_category_order() -> None:
    events = [
        _event("a", "2025-01-02", "statement"),
        _event("b", "2025-01-03", "summit"),
        _event("c", "2025-01-04", "other"),
        _event("d", "2025-01-05", "visit"),
    ]
    assert list(build_figure(events).layout.yaxis.ticktext) == [
        "Summit",
        "Visit",
        "Statement",
        "Other",
    ]


def test_unknown_categories_get_lanes_before_other() -> None:
    events = [_event("a", "2025-01-02", "other"), _event("b", "2025-01-03", "sanctions")]
    assert list(build_figure(events).layout.yaxis.ticktext) == ["Sanctions", "Other"]


def test_each_lane_has_one_legend_entry_that_toggles_the_lane() -> None:
    figure = build_figure(story_events())
    entries = [t for t in figure.data if t.showlegend is not False and t.meta["kind"] == "legend"]
    categories = {event.category for event in story_events()}
    assert sorted(t.legendgroup for t in entries) == sorted(categories)
    for trace in figure.data:
        if trace.meta["kind"] in ("day", "span", "fade"):
            assert trace.showlegend is False and trace.legendgroup == trace.meta["category"]


def test_a_day_is_a_marker() -> None:
    kind, trace, index = _drawn(build_figure([_event("a", "2025-06-04")]))["a"]
    assert (kind, trace.x[index]) == ("day", "2025-06-04")


def test_a_month_is_a_span_over_the_whole_month() -> None:
    kind, trace, index = _drawn(build_figure([_event("a", "2024-06")]))["a"]
    assert (kind, trace.base[index], trace.x[index]) == ("span", "2024-06-01", 30 * 86_400_000)


def test_a_year_is_a_span_over_the_whole_year_never_a_day() -> None:
    kind, trace, index = _drawn(build_figure([_event("a", "2024")]))["a"]
    assert (kind, trace.base[index], trace.x[index]) == ("span", "2024-01-01", 366 * 86_400_000)


def test_early_2025_spans_its_first_third() -> None:
    kind, trace, index = _drawn(build_figure([_event("a", "2025", qualifier="early")]))["a"]
    assert (kind, trace.base[index], trace.x[index]) == ("span", "2025-01-01", 120 * 86_400_000)


def test_vaguer_spans_are_fainter() -> None:
    events = [
        _event("d", "2025-03-01", end="2025-03-09"),
        _event("m", "2025-03"),
        _event("y", "2025", qualifier="early"),
        _event("z", "2024"),
    ]
    drawn = _drawn(build_figure(events))
    opacity = {eid: drawn[eid][1].marker.opacity[drawn[eid][2]] for eid in "dmyz"}
    assert opacity["d"] > opacity["m"] > opacity["y"] > opacity["z"]


def test_an_open_bound_fades_away_from_the_bound() -> None:
    events = [_event("since", "2023-09", qualifier="since"), _event("later", "2025-06-01")]
    figure = build_figure(events)
    kind, trace, index = _drawn(figure)["since"]
    assert (kind, trace.base[index]) == ("span", "2023-09-01")
    (fade,) = _traces(figure, "fade")
    assert list(fade.marker.opacity) == sorted(fade.marker.opacity, reverse=True)
    assert fade.hoverinfo == "skip"
    assert all(base > "2023-09-01" for base in fade.base)


def test_overlapping_spans_in_a_lane_get_separate_rows() -> None:
    events = [_event("a", "2025-01", end="2025-06"), _event("b", "2025-03", end="2025-09")]
    drawn = _drawn(build_figure(events))
    assert drawn["a"][1].y[drawn["a"][2]] != drawn["b"][1].y[drawn["b"][2]]


def test_sources_disagreeing_mark_the_event() -> None:
    events = [
        _event("day", "2025-06-04", disagreement="4 June or 5 June"),
        _event("span", "2024-06", disagreement="2024 or June 2024"),
    ]
    figure = build_figure(events)
    drawn = _drawn(figure)
    assert drawn["day"][1].marker.symbol[drawn["day"][2]] == "diamond"
    assert drawn["span"][1].marker.pattern.shape[drawn["span"][2]] == "/"
    assert any(t.name.startswith("Sources disagree") for t in _traces(figure, "note"))


def test_a_planned_day_is_a_hollow_marker_and_a_planned_span_is_fainter() -> None:
    events = [
        _event("day", "2025-06-04", qualifier="planned"),
        _event("week", "2025-06-09", end="2025-06-15", qualifier="planned"),
        _event("held", "2025-06-16", end="2025-06-22"),
    ]
    figure = build_figure(events)
    drawn = _drawn(figure)
    assert drawn["day"][1].marker.symbol[drawn["day"][2]] == "circle-open"
    week, held = drawn["week"], drawn["held"]
    assert week[1].marker.opacity[week[2]] < held[1].marker.opacity[held[2]]
    assert any(t.name.startswith("Planned") for t in _traces(figure, "note"))


def test_hand_edited_events_are_outlined() -> None:
    figure = build_figure([_event("a", "2025-06-04", edited=True), _event("b", "2025-06-20")])
    _, trace, _ = _drawn(figure)["a"]
    assert list(trace.marker.line.width) == [2.5, 1]
    assert any(t.name.startswith("Edited by hand") for t in _traces(figure, "note"))


def test_no_legend_notes_without_disagreement_or_edits() -> None:
    assert _traces(build_figure([_event("a", "2025-06-04")]), "note") == []


def test_hover_shows_title_date_actors_place_and_sources() -> None:
    event = _event(
        "a",
        "2025-06-04",
        actors=("Sergei Shoigu",),
        place="Pyongyang",
        sources=(
            replace(source(A1, "Shoigu met Kim on Wednesday.", "on Wednesday"), date="2025-06-04"),
        ),
    )
    _, trace, index = _drawn(build_figure([event]))["a"]
    text = trace.hovertext[index]
    for expected in (
        "Event a",
        "4 June 2025 · day",
        "Sergei Shoigu",
        "Pyongyang",
        "AFP",
        "Shoigu met Kim on Wednesday.",
        "“on Wednesday” → 4 June 2025",
    ):
        assert expected in text


def test_hover_shows_the_users_notes() -> None:
    _, trace, index = _drawn(build_figure([_event("a", "2025-06-04", notes="Check the date")]))["a"]
    assert "Note: Check the date" in trace.hovertext[index]


def test_hover_escapes_html_in_article_text() -> None:
    event = replace(
        _event("a", "2025-06-04"), title=HOSTILE, sources=(source(A1, f"He said {HOSTILE}."),)
    )
    _, trace, index = _drawn(build_figure([event]))["a"]
    assert "<script" not in trace.hovertext[index]
    assert "&lt;script&gt;" in trace.hovertext[index]


def test_hover_cuts_long_quotes_at_a_word() -> None:
    quote = "word " * 100
    event = _event("a", "2025-06-04", sources=(source(A1, quote),))
    _, trace, index = _drawn(build_figure([event]))["a"]
    assert "word…" in trace.hovertext[index] and len(trace.hovertext[index]) < 600


def test_click_payload_carries_first_http_url_only() -> None:
    sources = (source(A1, "q", url="javascript:alert(1)"), source(A2, "q", url="https://e.org/a"))
    _, trace, index = _drawn(build_figure([_event("a", "2025-06-04", sources=sources)]))["a"]
    payload = trace.customdata[index]
    assert payload["url"] == "https://e.org/a"
    assert [s["url"] for s in payload["sources"]] == ["", "https://e.org/a"]


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=c", True),
        ("HTTP://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//example.org/a", False),
        ("https://exa mple.org", False),
        ("https://example.org/\nx", False),
        ("file:///etc/passwd", False),
        ("", False),
    ],
)
def test_only_absolute_http_urls_become_links(url: str, kept: bool) -> None:
    assert http_url(url) == (url if kept else "")


def test_most_sourced_events_are_labelled() -> None:
    many = tuple(source(article, "q") for article in (A1, A2, A3))
    events = [_event(f"e{n}", f"2025-01-{n + 1:02d}", "statement") for n in range(12)]
    events[5] = replace(events[5], title="The big one", sources=many)
    events[9] = replace(events[9], title="The second", sources=many[:2])
    labels = [a.text for a in build_figure(events).layout.annotations]
    assert sorted(labels) == ["The big one", "The second"]


def test_headline_happenings_told_once_fill_the_labels_left() -> None:
    many = tuple(source(article, "q") for article in (A1, A2))
    events = [
        _event("told-twice", "2025-01-02", "statement", sources=many),
        _event("deployment", "2025-02-01", "deployment", sources=many[:1]),
        _event("remark", "2025-03-01", "statement", sources=many[:1]),
    ]
    labels = [a.text for a in build_figure(events).layout.annotations]
    assert sorted(labels) == ["Event deployment", "Event told-twice"]


def test_at_most_eight_events_are_labelled() -> None:
    many = tuple(source(article, "q") for article in (A1, A2))
    events = [_event(f"e{n:02d}", f"2025-01-{n + 1:02d}", sources=many) for n in range(20)]
    assert len(build_figure(events).layout.annotations) == 8


def test_labels_escape_titles() -> None:
    many = tuple(source(article, "q") for article in (A1, A2))
    event = replace(_event("a", "2025-06-04", sources=many), title=HOSTILE)
    (label,) = build_figure([event]).layout.annotations
    assert "<script" not in label.text


def test_range_slider_and_selector_buttons() -> None:
    xaxis = build_figure(story_events()).layout.xaxis
    assert xaxis.rangeslider.visible
    assert [b.label for b in xaxis.rangeselector.buttons] == ["1m", "6m", "1y", "all"]


def test_range_slider_is_left_out_above_the_slider_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figure_module, "SLIDER_LIMIT", 3)
    events = [_event(f"e{n}", f"2025-01-0{n + 1}") for n in range(4)]
    xaxis = build_figure(events).layout.xaxis
    assert not xaxis.rangeslider.visible
    assert len(xaxis.rangeselector.buttons) == 4


def test_a_single_day_is_shown_with_days_around_it_not_milliseconds() -> None:
    xaxis = build_figure([_event("a", "2025-06-04")]).layout.xaxis
    assert list(xaxis.range) == ["2025-05-28", "2025-06-12"]


def test_no_events_gives_a_figure_saying_so() -> None:
    figure = build_figure([])
    assert len(figure.data) == 0
    assert "No events yet" in figure.layout.annotations[0].text


def test_same_events_render_byte_identical_html() -> None:
    assert render.render_html(story_events()) == render.render_html(list(reversed(story_events())))


def test_html_is_offline_with_a_fixed_div_id() -> None:
    page = render.render_html(story_events())
    assert f'id="{render.DIV_ID}"' in page
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", page)  # plotly.js is inlined
    assert "window.PlotlyConfig" in page


def test_html_escapes_hostile_text_in_the_plot_data() -> None:
    event = replace(_event("a", "2025-06-04"), title=HOSTILE)
    assert HOSTILE not in render.render_html([event])


def test_empty_page_says_there_are_no_events() -> None:
    assert "No events yet" in render.render_html([])


def test_write_outputs_writes_html_and_exports(tmp_path: Path) -> None:
    paths = render.write_outputs(story_events(), tmp_path / "output")
    assert [p.name for p in paths] == [
        "timeline.html",
        "timeline.json",
        "events.csv",
        "chronology.md",
        "changes.md",
    ]
    assert all(p.stat().st_size > 0 for p in paths)
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == sorted(p.name for p in paths)


def test_write_outputs_twice_changes_no_byte(tmp_path: Path) -> None:
    first = [p.read_bytes() for p in render.write_outputs(story_events(), tmp_path)]
    second = [p.read_bytes() for p in render.write_outputs(story_events(), tmp_path)]
    assert first == second


_DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31))
_WHEN = _DAYS.flatmap(lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], str(d.year)]))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            _WHEN,
            st.sampled_from(["", "early", "since", "before", "about"]),
            st.sampled_from(["visit", "summit", "other", "new lane"]),
        ),
        max_size=12,
    )
)
def test_any_events_are_each_drawn_once(rows: list[tuple[str, str, str]]) -> None:
    events = [
        _event(f"e{n}", when, category, qualifier=qualifier)
        for n, (when, qualifier, category) in enumerate(rows)
    ]
    assert sorted(_drawn(build_figure(events))) == sorted(event.id for event in events)
