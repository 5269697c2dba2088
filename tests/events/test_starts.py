"""A state told as holding since a date began then: its start, labelled "since ...", and what it
began after."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.test_extract import events_of
from timeline.model import Event

PUBLISHED = date(2023, 9, 6)


def starts_of(text: str) -> list[Event]:
    return events_of(text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "Montse Tome had been the assistant coach since 2018.",
            [("Montse Tome is the assistant coach", "2018", "since 2018")],
        ),
        ("Assad has been in power since 2000.", [("Assad is in power", "2000", "since 2000")]),
        (
            "Jorge Vilda had been under fire since last year, after 15 players staged a mutiny.",
            [
                ("Jorge Vilda is under fire", "2022", "since 2022"),
                ("15 players stage mutiny", "2022", "2022"),
            ],
        ),
    ],
)
def test_a_state_holding_since_a_date_began_then(
    text: str, told: list[tuple[str, str, str]]
) -> None:
    assert [(e.title, e.date, e.label) for e in starts_of(text)] == told


@pytest.mark.parametrize(
    "text",
    [
        "Boeing has lost more than $25 billion since 2019.",  # a running total, begun nowhere
        "Shares rose to their highest level since April 2011 on Monday.",  # a bound, no state
        "Assad was in power since 2000, critics said wrongly.",  # no perfect: not told as holding
    ],
)
def test_a_since_date_that_begins_no_state_tells_no_start(text: str) -> None:
    assert all(e.qualifier != "since" for e in starts_of(text))
