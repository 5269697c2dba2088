"""The predicate lexicon's examples (timeline/data/predicates.yaml): each sentence tells one event
of its category, and where given, with its title."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from timeline import data as package_data
from timeline.events.extract import extract_events
from timeline.events.predicates import kinds_told, lexicon
from timeline.model import CATEGORIES, Article, Event, MainText, Passage

EXAMPLES: list[dict[str, Any]] = package_data.load("predicates.yaml")["examples"]


def events_of(sentence: str) -> list[Event]:
    article = Article(name="a.txt", published=date(2025, 6, 5), body=sentence)
    return extract_events(MainText(article, (Passage(0, len(sentence), sentence),)))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["sentence"][:40] for e in EXAMPLES])
def test_example_tells_one_event_of_its_category(example: dict[str, Any]) -> None:
    (event,) = events_of(example["sentence"])
    assert event.category == example["category"]
    if "title" in example:
        assert event.title == example["title"]


def test_every_category_has_an_example() -> None:
    shown = {e["category"] for e in EXAMPLES}
    assert shown == set(CATEGORIES)


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The firm acquired a rival on Monday.", "acquires"),
        ("The agency issued a warning on Monday.", "issues"),
        ("The envoy met the king on Monday.", "meets"),
        ("The bank launched a fund on Monday.", "launches"),
        ("The state expelled two diplomats on Monday.", "expels"),
        ("The city cancelled the parade on Monday.", "cancels"),
        ("The minister deplored the new law on Monday.", "deplores"),
        ("The court ignored the appeal on Monday.", "ignores"),
        ("The army carried out strikes on Monday.", "carries"),
        ("The two leaders met on Monday.", "meet"),
    ],
)
def test_title_verb_is_the_present_tense_a_headline_uses(sentence: str, verb: str) -> None:
    (event,) = events_of(sentence)
    assert verb in event.title.split()


def test_kinds_told_by_a_title_are_the_lexicons_kinds_of_its_words() -> None:
    for title in ("Gunmen open fire on a market", "Leaders hold a summit", "Shares fell"):
        assert kinds_told(title) == lexicon().kinds_of(title)
