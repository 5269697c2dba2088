"""Who a title names: the grammatical subject of the event verb, never merely the first known
name in the sentence (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline import data as package_data
from timeline.events.extract import extract_events
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
            "Maria Lopez, head of the mine, resigned on Monday after a dispute in Brazil.",
            "Maria Lopez",
        ),
        (
            "A woman whose car was stolen was arrested on Tuesday over the fire in Chile.",
            "Woman",
        ),
    ],
)
def test_subject_before_an_apposition_or_relative_clause_is_the_one_who_acts(
    text: str, subject: str
) -> None:
    (title,) = titles(text)
    assert title.startswith(subject)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Twelve miners were killed in Peru on Monday.", "Twelve miners killed in Peru"),
        ("34 miners were killed in Peru on Monday.", "34 miners killed in Peru"),
        ("At least 34 miners were killed on Monday in Peru.", "At least 34 miners killed in Peru"),
    ],
)
def test_passive_casualties_name_the_victims_counted(text: str, title: str) -> None:
    assert titles(text) == [title]


def test_verb_after_a_conjunction_takes_the_subject_after_the_conjunction() -> None:
    (title,) = titles("The port was quiet in 1962 when the navy blockaded Cuba.")
    assert title.startswith("Navy")


def test_the_object_of_the_verb_is_never_its_subject() -> None:
    for event in events_of("The harbour was closed in 1962 when rebels seized Cuba."):
        words = event.title.split()
        assert words.count("Cuba") <= 1


def test_a_passive_agent_identical_to_the_subject_is_left_out() -> None:
    for title in titles("Chile was invaded by Chile on Monday."):
        assert "by Chile" not in title


def test_the_states_whose_leaders_act_are_the_subject() -> None:
    (title,) = titles("The presidents of Chile and Peru signed a treaty on Monday.")
    assert title.startswith("Chile and Peru sign")


@pytest.mark.parametrize(
    "text",
    [
        "The boy was placed in his care on Monday after being found in Peru.",
        "The crowd gathered on Monday before the bomb exploded was identified in Peru.",
    ],
)
def test_a_clause_without_its_own_subject_lends_no_word_as_subject(text: str) -> None:
    for title in titles(text):
        assert not title.lower().startswith(("being", "bomb exploded"))


def test_the_one_written_to_is_not_the_writer() -> None:
    for title in titles("Smith had written a letter to Attorney General Janet Reno on Monday."):
        assert not title.startswith("Janet Reno")


def test_a_sentence_opening_on_the_happening_names_it_first() -> None:
    assert titles("Floods swept through Chile on Monday.") == ["Floods sweep through Chile"]


@pytest.mark.parametrize("example", package_data.load("predicates.yaml")["market"]["examples"])
def test_market_quotes_are_no_happenings(example: dict[str, object]) -> None:
    sentence = str(example["sentence"])
    assert (titles(sentence) == []) == example["market"]


def test_a_name_inside_the_subjects_prepositional_phrase_is_not_the_subject() -> None:
    (title,) = titles("Herbicide use in some areas of Brazil was delayed on Monday by heavy rains.")
    assert title.startswith("Herbicide use delayed")


def test_a_reported_subject_keeps_its_noun_over_the_name_it_qualifies() -> None:
    (title,) = titles(
        "A spokesman said herbicide use in some areas of Brazil was delayed on Monday by rains."
    )
    assert title.startswith("Herbicide use delayed")


@pytest.mark.parametrize(
    "text",
    [
        "Its common stock dividend would be reinstated on Monday at a modest level.",
        "The following year he appointed a new attache in 1995.",
    ],
)
def test_a_would_be_subject_holding_a_verb_is_no_subject(text: str) -> None:
    for title in titles(text):
        assert not title.lower().startswith(("common stock dividend be", "following year he"))


def test_a_possessive_date_leaves_its_noun_whole_in_the_title() -> None:
    for title in titles("The issue was raised in Saturday night's debate between the two men."):
        assert " s " not in f" {title} "
        assert "the debate" in title


def test_a_possessive_date_dates_the_noun_it_owns_not_the_verb() -> None:
    events = events_of("The man was arrested in connection with last month's explosion in Chile.")
    assert [(e.date, e.category) for e in events] == [("2025-05", "casualties")]


def test_he_or_she_stands_only_for_a_named_person() -> None:
    text = (
        "The post-war politics of the region split families on Monday. He was released on Tuesday."
    )
    assert not any(t.startswith("Post-war politics release") for t in titles(text))
    named = "Maria Lopez arrived in Chile on Monday. She was arrested on Tuesday."
    assert "Maria Lopez arrested" in titles(named)


def test_the_opening_noun_acts_not_the_places_listed_after_it() -> None:
    (title,) = titles(
        "The Monday blasts at two mines in Lima, Peru, and Santiago, Chile, killed 40 people."
    )
    assert title.startswith("Blasts kill 40 people")


def test_a_date_inside_the_opening_noun_phrase_is_no_part_of_the_subject() -> None:
    (title,) = titles(
        "The twin attacks Jan. 7 at two mines in Lima, Peru, and Santiago, Chile, killed 40 people."
    )
    assert title.startswith("Twin attacks kill 40 people")


def test_an_opening_clause_with_its_own_verb_lends_no_subject() -> None:
    text = "Revenue from exports was 45% of sales in the quarter, compared with 40% on Monday."
    assert not any(t.startswith("Revenue compares") for t in titles(text))


@pytest.mark.parametrize(
    "text",
    [
        "Revenue compared with 40% a year earlier on Monday.",
        "The company attributed the decrease on Monday to weak sales.",
        "The brewer last year accounted for about 41% of all beer sales.",
    ],
)
def test_comparisons_and_attributions_of_figures_are_no_happenings(text: str) -> None:
    assert titles(text) == []


def test_a_verb_with_its_object_is_no_subject_phrase() -> None:
    text = "The firm attributed the decrease to weak sales and discontinued the unit on Monday."
    assert not any(t.startswith("Firm attributed") for t in titles(text))


def test_the_possibility_of_a_meeting_is_no_meeting() -> None:
    text = "The possibility of a meeting between the minister and the family reemerged on Thursday."
    assert all(e.category != "meeting" for e in events_of(text))


def test_a_name_before_the_conjunction_does_not_act_in_the_clause_after_it() -> None:
    text = "Smith was seen crossing the Chilean border on Monday after a gunman shot the judge."
    assert not any(t.startswith("Chile") for t in titles(text))


def test_a_verb_and_possessive_before_a_cue_noun_are_no_subject() -> None:
    text = (
        "Rebels failed to take the port in 1961 when the army repelled their invasion at the bay."
    )
    assert not any("repelled" in t for t in titles(text))


def test_a_state_listed_after_a_place_is_not_the_one_met() -> None:
    text = "The president met his aides on Monday to discuss the floods in Peru and Chile."
    assert not any(t.endswith("meets Chile") for t in titles(text))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Tens of thousands of children rallied in Lima on Monday.",
            "Tens of thousands of children",
        ),
        ("Hundreds of protesters marched in Lima on Monday.", "Hundreds of protesters"),
    ],
)
def test_a_crowd_counted_in_words_keeps_what_it_counts(text: str, subject: str) -> None:
    (title,) = titles(text)
    assert title.startswith(subject)
