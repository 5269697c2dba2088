"""Who a title names: the grammatical subject of the event verb, never merely the first known
name in the sentence (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract_events
from timeline.model import Article, Event, MainText, Passage

THURSDAY = date(2025, 6, 5)


def events_of(text: str) -> list[Event]:
    article = Article(name="a.txt", published=THURSDAY, body=text, source="Wire")
    return extract_events(MainText(article, (Passage(0, len(text), text),)))


def titles(text: str) -> list[str]:
    return [event.title for event in events_of(text)]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Maria Lopez, chief executive of the mining firm, resigned on Monday after a dispute "
            "in Brazil.",
            "Maria Lopez",
        ),
        (
            "A woman whose car was reportedly stolen was arrested on Tuesday in connection with "
            "the fire in Chile.",
            "Woman",
        ),
    ],
)
def test_subject_before_an_apposition_or_relative_clause_is_the_one_who_acts(
    text: str, subject: str
) -> None:
    (title,) = titles(text)
    assert title.startswith(subject)
