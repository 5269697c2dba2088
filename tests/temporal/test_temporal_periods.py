"""Calendar arithmetic of the resolver: months clamp to their end, weekdays step strictly."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.temporal import periods as p

DAYS = st.dates(min_value=date(1500, 1, 1), max_value=date(2500, 12, 31))


@pytest.mark.parametrize(
    ("day", "unit", "amount", "expected"),
    [
        (date(2025, 1, 31), "month", 1, date(2025, 2, 28)),
        (date(2024, 1, 31), "month", 1, date(2024, 2, 29)),
        (date(2024, 2, 29), "year", 1, date(2025, 2, 28)),
        (date(2025, 3, 31), "quarter", -1, date(2024, 12, 31)),
        (date(2025, 1, 15), "month", -13, date(2023, 12, 15)),
        (date(2025, 6, 5), "week", -2, date(2025, 5, 22)),
        (date(2025, 6, 5), "decade", -1, date(2015, 6, 5)),
    ],
)
def test_shifted_clamps_the_day_to_the_month_end(
    day: date, unit: str, amount: int, expected: date
) -> None:
    assert p.shifted(day, unit, amount) == expected


def test_shifting_past_the_calendar_raises_a_value_error() -> None:
    with pytest.raises(ValueError):
        p.shifted(date(9999, 6, 1), "year", 1)


@given(DAYS, st.integers(min_value=1, max_value=7))
def test_next_weekday_is_the_first_such_day_after(day: date, weekday: int) -> None:
    found = p.next_weekday(day, weekday)
    assert found.isoweekday() == weekday and 1 <= (found - day).days <= 7


@given(DAYS, st.integers(min_value=1, max_value=7))
def test_previous_weekday_is_the_last_such_day_before(day: date, weekday: int) -> None:
    found = p.previous_weekday(day, weekday)
    assert found.isoweekday() == weekday and 1 <= (day - found).days <= 7


@given(DAYS)
def test_a_week_runs_monday_to_sunday_around_the_day(day: date) -> None:
    week = p.week_span(day)
    assert week.earliest.isoweekday() == 1 and week.earliest <= day <= week.latest
    assert (week.latest - week.earliest).days == 6


def test_a_winter_ends_in_the_next_february() -> None:
    assert p.season_span(2023, "WI").latest == date(2024, 2, 29)
