"""The page's figure, laid out without plotly's validation, is byte for byte plotly's own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plotly.io.json import to_json_plotly

from tests.render.samples import background_story_events, source, story_events
from timeline.model import Event
from timeline.render.changemarks import changed_marks
from timeline.render.figure import SLIDER_LIMIT, build_figure, figure_parts
from timeline.render.plain import figure_dict


def _both(events: list[Event], marked: set[str]) -> tuple[str, str]:
    """The figure's JSON as the page writes it, and as plotly's validated figure gives it."""
    traces, layout, annotations = figure_parts(events)
    stars = changed_marks(traces, dict.fromkeys(marked, ("new event",)))
    validated = build_figure(events)
    validated.add_traces(stars)
    plain = figure_dict([*traces, *stars], layout, annotations)
    return to_json_plotly(plain), to_json_plotly(validated.to_dict())


def _event(number: int, when: str, **fields: Any) -> Event:
    sources = (source(f"a{number % 3}.txt", "2025-06-05", f"Quote {number}"),)
    return Event(f"e{number}", f"Event {number}", when, sources=sources, **fields)


def _every_mark() -> list[Event]:
    """Days, months, years, open bounds, plans, disagreements, hand edits, an unknown lane."""
    return [
        _event(1, "2025-06-04", category="visit"),
        _event(2, "2025-06", category="summit", disagreement="a says 3 June"),
        _event(3, "2025", qualifier="early", category="treaty", edited=True),
        _event(4, "2025-05-01", qualifier="since", category="deployment"),
        _event(5, "2025-07-01", qualifier="before", category="meeting"),
        _event(6, "2025-08-12", qualifier="planned", category="meeting"),
        _event(7, "2025-06-10", end="2025-06-20", category="new lane", notes="Check it"),
        _event(8, "2025-06-04", category="visit", disagreement="Tuesday is not 4 June"),
    ]


def _many() -> list[Event]:
    """More events than the range slider is drawn for."""
    first = date(2020, 1, 1)
    return [
        _event(n, (first + timedelta(days=n)).isoformat(), category=("visit", "other")[n % 2])
        for n in range(SLIDER_LIMIT + 1)
    ]


@pytest.mark.parametrize(
    ("events", "marked"),
    [
        (story_events(), set()),
        (story_events(), {event.id for event in story_events()[::3]}),
        (background_story_events(), {background_story_events()[0].id}),
        (_every_mark(), {"e2", "e4", "e6"}),
        ([], set()),
        (_many(), {"e5"}),
    ],
)
def test_the_pages_figure_is_plotlys_byte_for_byte(events: list[Event], marked: set[str]) -> None:
    plain, validated = _both(events, marked)
    assert plain == validated


_WHEN = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], str(d.year)])
)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            _WHEN,
            st.sampled_from(["", "early", "since", "before", "about", "planned"]),
            st.sampled_from(["visit", "summit", "other", "new lane"]),
            st.booleans(),  # sources disagree
            st.booleans(),  # edited by hand
            st.booleans(),  # among the latest changes
        ),
        max_size=12,
    )
)
def test_any_figure_is_plotlys_byte_for_byte(
    rows: list[tuple[str, str, str, bool, bool, bool]],
) -> None:
    events = [
        replace(
            _event(n, when, qualifier=qualifier, category=category, edited=edited),
            disagreement="they differ" if disagree else "",
        )
        for n, (when, qualifier, category, disagree, edited, _) in enumerate(rows)
    ]
    marked = {f"e{n}" for n, row in enumerate(rows) if row[5]}
    plain, validated = _both(events, marked)
    assert plain == validated
