"""Who took part: an event's actors are the people and bodies of its own clause (who, on whom,
with whom), not every name in the sentence or the paragraph (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract_events
from timeline.model import Article, Event, MainText, Passage
from timeline.titles import has_subject

THURSDAY = date(2025, 6, 5)


def events_of(text: str) -> list[Event]:
    article = Article(name="a.txt", published=THURSDAY, body=text, source="Wire")
    return extract_events(MainText(article, (Passage(0, len(text), text),)))


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            ("Foreign Minister Maria Lopez met Foreign Minister Carlos Vega in Lima on Wednesday, "
            "as Chile, Peru and Bolivia argued over water rights."),
            ("Maria Lopez", "Carlos Vega"),
        ),
        (
            ("Spokesman Yuri Petrov said envoy Anton Belov left on Tuesday for talks with the "
            "governments of Syria, Jordan and Egypt."),
            ("Anton Belov", "Syria"),
        ),
    ],
)
def test_actors_are_the_clause_s_own_not_every_name_in_the_sentence(
    text: str, actors: tuple[str, ...]
) -> None:
    (event,) = events_of(text)
    assert event.actors == actors


def test_a_sentence_going_on_about_the_event_adds_no_one_it_only_mentions() -> None:
    text = (
        "Foreign Minister Maria Lopez met Foreign Minister Carlos Vega in Lima on Wednesday. "
        "She later told reporters that Bolivia and Senator Jorge Diaz had to be consulted."
    )
    (event,) = events_of(text)
    assert event.actors == ("Maria Lopez", "Carlos Vega")


def test_a_person_named_where_the_sentence_points_back_at_the_event_takes_part() -> None:
    text = (
        "Foreign Minister Maria Lopez met Foreign Minister Carlos Vega in Lima on Wednesday. "
        "The meeting between Lopez, Vega and Senator Jorge Diaz ran late."
    )
    (event,) = events_of(text)
    assert "Jorge Diaz" in event.actors


def test_a_group_that_acts_stands_for_the_states_the_sentence_names() -> None:
    text = (
        "The call showed that Pyongyang and Moscow keep close ties under the treaty that the "
        "leaders signed in Pyongyang in June last year."
    )
    (event,) = events_of(text)
    assert set(event.actors) == {"North Korea", "Russia"}


def titles(text: str) -> list[str]:
    return [event.title for event in events_of(text)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Foreign Minister Ana Ruiz visited Lima on Monday. She resigned on Tuesday.",
            "Ana Ruiz resigns",
        ),
        (
            ("Foreign Minister Ana Ruiz visited Lima on Monday. Her deputy, Senator Jorge Diaz, "
            "stayed at home. He resigned on Tuesday."),
            "Jorge Diaz resigns",
        ),
        ("Chile imposed new tariffs on Monday. It lifted them on Wednesday.", "Chile lifts them"),
    ],
)
def test_a_pronoun_stands_for_the_nearest_name_of_its_kind(text: str, title: str) -> None:
    assert titles(text)[-1] == title


@pytest.mark.parametrize(
    "text",
    [
        # "it" is never a person
        "Foreign Minister Ana Ruiz visited Lima on Monday. It imposed new tariffs on Tuesday.",
        # "they" is never one person
        "Foreign Minister Ana Ruiz visited Lima on Monday. They imposed new tariffs on Tuesday.",
        # the one it was done to is not who acts next
        ("Foreign Minister Ana Ruiz was shot by a gunman in Lima on Monday. He fled to Bolivia on "
        "Tuesday."),
        # a name the tool cannot read stands between: "he" may be that one
        ("Foreign Minister Ana Ruiz visited Lima on Monday. Ruiz's host is Smith, 44, of Vermont. "
        "Smith, 44, had met her there. He resigned on Tuesday."),
        # two people named since: "he" could be either
        ("Foreign Minister Ana Ruiz visited Lima on Monday. Ruiz and Senator Jorge Diaz stayed at "
        "home. He resigned on Tuesday."),
    ],
)
def test_a_pronoun_with_no_safe_antecedent_names_no_one(text: str) -> None:
    later = titles(text)[1:]
    assert not any(t.startswith(("Ana Ruiz", "Jorge Diaz", "They", "He ", "It ")) for t in later)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("More than 100 people died in Nairobi on Friday.", "More than 100 people die in Nairobi"),
        ("The Cypriot government strongly condemned the attacks on Saturday.",
         "Cypriot government condemns the attacks"),
        ("Du Pont's oil unit opened a refinery in Texas on Monday.",
         "Du Pont's oil unit opens a refinery in Texas"),
        ("Blasts killed 40 people on Friday and injured more than 500 in the capital.",
         "Blasts kill 40 people"),
        ("Last week, Hezbollah fighters killed three soldiers and seriously wounded six others.",
         "Hezbollah kills three soldiers"),
        ("IMA early this month lowered its offer to $26.50 a share.",
         "IMA lowers its offer to $26.50 a share"),
        ("A year earlier, UniFirst earned $2.4 million in June.", "UniFirst earns $2.4 million"),
        ("The lower house already approved the enlargement in early May.",
         "Lower house approves the enlargement"),
        (("Truckloads of goods rolled into Iraq from Jordan on Tuesday and Iraqi-bound cargo was "
         "unloaded from ships."),
         "Truckloads roll into Iraq from Jordan"),
        (("Thermo Electron acquired some 6% of Milton Roy's common stock in September before "
         "throwing in the towel."),
         "Thermo Electron acquires some 6% of Milton Roy's common stock"),
    ],
)
def test_titles_read_as_a_chronology_line(text: str, title: str) -> None:
    assert titles(text) == [title]


def test_a_title_opening_on_an_auxiliary_names_no_one() -> None:
    assert not has_subject("Has a high likelihood spots the car", "spotted")


def test_a_city_and_the_state_saying_where_it_is_do_not_act() -> None:
    text = (
        "Nearly simultaneous bombings at embassies in Dar es Salaam, Tanzania, and Nairobi, "
        "Kenya, on Monday killed 258 people."
    )
    (event,) = events_of(text)
    assert event.title == "Nearly simultaneous bombings kill 258 people"


def test_a_titled_subject_and_the_bare_name_are_one_actor() -> None:
    (event,) = events_of("President Clinton, meantime, glossed over warnings from Moscow on Thursday.")
    assert event.actors == ("Clinton",)


@pytest.mark.parametrize("opening", ["The", "Even so,", "One more"])
def test_a_subject_of_words_that_name_no_one_gives_no_event(opening: str) -> None:
    assert not any(t.startswith(opening.strip(",")) for t in titles(f"{opening} held a ceremony on Monday."))
