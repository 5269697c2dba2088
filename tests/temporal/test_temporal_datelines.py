"""Spec: a dateline of another day ("WASHINGTON, June 7 (AP) --") is the day its story counts from."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag

PUBLISHED = date(2025, 6, 5)  # a Thursday


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a story filed two days after the page's date: its Friday is the day before it was filed
        (
            "Washington DC [US], June 7 (ANI): Trump on Friday again claimed credit.",
            "Friday",
            "2025-06-06",
        ),
        (
            "SEOUL, June 4 (Yonhap) -- North Korea said today it fired missiles.",
            "today",
            "2025-06-04",
        ),
        (
            "THE HAGUE, Netherlands, June 4 (AP) -- The court ruled yesterday.",
            "yesterday",
            "2025-06-03",
        ),
    ],
)
def test_relative_dates_after_a_dateline_count_from_its_day(
    text: str, span: str, value: str
) -> None:
    assert next(t.value for t in tag(text, PUBLISHED) if t.text == span) == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a date in a sentence, not a dateline: the publish date still holds
        (
            "Talks began in Geneva, June 7 (local time), and ended on Friday.",
            "Friday",
            "2025-05-30",
        ),
        (
            "He fired missiles on Tuesday. Related: LONDON, June 7 (AP) -- Rain fell today.",
            "today",
            "2025-06-05",
        ),
        # a dateline far from the publish date is an archive story's, not a reference to trust
        ("MOSCOW, Jan. 7 (Reuters) -- Putin spoke today.", "today", "2025-06-05"),
    ],
)
def test_a_date_that_is_no_near_dateline_leaves_the_publish_date(
    text: str, span: str, value: str
) -> None:
    assert next(t.value for t in tag(text, PUBLISHED) if t.text == span) == value


def test_each_dateline_holds_until_the_next_one() -> None:
    text = "SEOUL, June 4 (Yonhap) -- It fired today.\nLONDON, June 7 (AP) -- Rain fell today."
    assert [t.value for t in tag(text, PUBLISHED) if t.text == "today"] == [
        "2025-06-04",
        "2025-06-07",
    ]


def test_the_dateline_itself_is_placed_from_the_publish_date() -> None:
    [dateline, *_] = tag("MOSCOW, June 7 (Reuters) -- Putin spoke on Friday.", PUBLISHED)
    assert (dateline.text, dateline.value) == ("June 7", "2025-06-07")
