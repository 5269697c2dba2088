"""A day written YYYY-MM-DD: the one reader of publish dates for the command line, front matter
and `tag --batch` records."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.days import read_day, read_day_and_time


def test_a_day_written_yyyy_mm_dd_is_that_day() -> None:
    assert read_day("2025-06-05") == date(2025, 6, 5)


def test_blanks_around_the_day_are_ignored() -> None:
    assert read_day(" 2025-06-05\n") == date(2025, 6, 5)


@pytest.mark.parametrize(
    ("written", "time"),
    [
        ("2025-06-05", ""),
        ("2025-06-05T10:00+09:00", "10:00+09:00"),
        ("2025-06-05 10:00 KST", "10:00 KST"),
        ("2025-06-05T", ""),
    ],
)
def test_a_time_after_the_day_is_kept_as_written(written: str, time: str) -> None:
    assert read_day_and_time(written) == (date(2025, 6, 5), time)


@pytest.mark.parametrize("written", ["2025-02-30", "2025-13-01", "2025-00-10", "2024-04-31"])
def test_a_day_the_calendar_does_not_have_is_refused(written: str) -> None:
    with pytest.raises(ValueError) as refused:
        read_day_and_time(written)
    assert str(refused.value) == f"'{written}' is not a date; write it as YYYY-MM-DD"


def test_the_29th_of_february_is_a_day_in_a_leap_year_only() -> None:
    assert read_day("2024-02-29") == date(2024, 2, 29)
    with pytest.raises(ValueError, match="'2025-02-29' is not a date"):
        read_day("2025-02-29")


@pytest.mark.parametrize(
    "written",
    [
        "5 June 2025",
        "June 5",
        "20250605",
        "2025-6-5",
        "2025-W23-4",
        "2025-06-05garbage",
        "",
        "2025",
    ],
)
def test_a_day_in_any_other_form_is_refused_with_how_to_write_it(written: str) -> None:
    with pytest.raises(ValueError) as refused:
        read_day_and_time(written)
    assert str(refused.value) == f"{written!r} is not a date; write it as YYYY-MM-DD"


def test_where_only_a_day_is_asked_for_a_time_is_refused() -> None:
    with pytest.raises(ValueError) as refused:
        read_day("2025-06-05T10:00")
    assert str(refused.value) == "'2025-06-05T10:00' is not a date; write it as YYYY-MM-DD"
