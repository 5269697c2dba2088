"""Dates as people write them, and the days an event's date covers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.model import Event, TimelineError
from timeline.temporal.extent import event_extent
from timeline.temporal.labels import date_label, precision_label


def _event(when: str, end: str = "", qualifier: str = "", label: str = "") -> Event:
    return Event(id="e", title="t", date=when, end=end, qualifier=qualifier, label=label)


@pytest.mark.parametrize(
    ("when", "end", "qualifier", "expected"),
    [
        ("2025-06-04", "", "", "4 June 2025"),
        ("2024-06", "", "", "June 2024"),
        ("2024", "", "", "2024"),
        ("2025", "", "early", "early 2025"),
        ("2025-06", "", "mid", "mid-June 2025"),
        ("2025", "", "mid", "mid-2025"),
        ("2025-06", "", "late", "late June 2025"),
        ("2022", "", "since", "since 2022"),
        ("2024-01", "", "before", "by January 2024"),
        ("2025-06-04", "2025-06-30", "", "4–30 June 2025"),
        ("2025-06-04", "2025-08-02", "", "4 June – 2 August 2025"),
        ("2025-06", "2025-08", "", "June–August 2025"),
        ("2024-12", "2025-02", "", "December 2024 – February 2025"),
        ("2022", "2024", "", "2022–2024"),
        ("2024-10", "2025", "", "October 2024 – 2025"),
    ],
)
def test_date_label_is_written_as_people_write_it(
    when: str, end: str, qualifier: str, expected: str
) -> None:
    assert date_label(_event(when, end, qualifier)) == expected


def test_date_label_prefers_the_events_own_label() -> None:
    assert date_label(_event("2025-06", label="the first days of June")) == "the first days of June"


@pytest.mark.parametrize(
    ("when", "end", "qualifier", "expected"),
    [
        ("2025-06-04", "", "", "day"),
        ("2025-06", "", "", "month"),
        ("2025", "", "late", "part of a year"),
        ("2025-06", "2025-08", "", "span of months"),
        ("2022", "", "since", "open-ended (since a year)"),
        ("2025-06", "", "about", "approximate month"),
    ],
)
def test_precision_label_names_how_precise_the_date_is(
    when: str, end: str, qualifier: str, expected: str
) -> None:
    assert precision_label(_event(when, end, qualifier)) == expected


@pytest.mark.parametrize(
    ("when", "end", "qualifier", "first", "last"),
    [
        ("2024", "", "", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", "", "", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-06-04", "", "", date(2025, 6, 4), date(2025, 6, 4)),
        ("2025", "", "early", date(2025, 1, 1), date(2025, 4, 30)),
        ("2025", "", "mid", date(2025, 5, 1), date(2025, 8, 31)),
        ("2025", "", "late", date(2025, 9, 1), date(2025, 12, 31)),
        ("2025-06", "", "early", date(2025, 6, 1), date(2025, 6, 10)),
        ("2025-06", "", "late", date(2025, 6, 21), date(2025, 6, 30)),
        ("2024-10", "2025-04", "", date(2024, 10, 1), date(2025, 4, 30)),
        ("2025-06-04", "", "about", date(2025, 6, 1), date(2025, 6, 7)),
    ],
)
def test_extent_covers_the_whole_written_period(
    when: str, end: str, qualifier: str, first: date, last: date
) -> None:
    extent = event_extent(_event(when, end, qualifier))
    assert (extent.first, extent.last) == (first, last)


def test_a_year_is_never_a_day() -> None:
    assert not event_extent(_event("2024")).is_day


def test_a_day_with_about_is_not_drawn_as_an_exact_day() -> None:
    assert not event_extent(_event("2025-06-04", qualifier="about")).is_day


@pytest.mark.parametrize(
    ("qualifier", "side", "bound"),
    [
        ("before", "left", date(2024, 1, 1)),
        ("since", "right", date(2024, 1, 1)),
        ("after", "right", date(2025, 1, 1)),
    ],
)
def test_open_bounds_lie_on_one_side_of_the_bound(qualifier: str, side: str, bound: date) -> None:
    extent = event_extent(_event("2024", qualifier=qualifier))
    assert (extent.open_side, extent.first) == (side, bound)


@pytest.mark.parametrize("when", ["2025-13", "June 2025", "2025-02-30", "25-06-04", ""])
def test_invalid_date_raises_timeline_error_naming_the_event(when: str) -> None:
    with pytest.raises(TimelineError, match="event e: date"):
        event_extent(_event(when))


def test_end_before_date_raises_timeline_error() -> None:
    with pytest.raises(TimelineError, match="end '2024' is before date '2025'"):
        event_extent(_event("2025", end="2024"))


_ISO_DATES = st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)).flatmap(
    lambda day: st.sampled_from([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]])
)


@given(
    _ISO_DATES, st.sampled_from(["", "early", "mid", "late", "before", "after", "since", "about"])
)
def test_any_valid_date_has_a_label_and_an_ordered_extent(when: str, qualifier: str) -> None:
    event = _event(when, qualifier=qualifier)
    extent = event_extent(event)
    assert extent.first <= extent.last
    assert date_label(event)
    assert precision_label(event)
