"""Who is named: gazetteer names, offices held on the publish date, names after titles."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events.actors import find_mentions


def names(sentence: str, published: date = date(2025, 6, 5)) -> list[str]:
    mentions, _ = find_mentions(sentence, published, {})
    return [m.entity.name for m in mentions]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The US president spoke.", date(2023, 5, 1), "Joe Biden"),
        ("The US president spoke.", date(2025, 5, 1), "Donald Trump"),
        ("The German chancellor spoke.", date(2024, 5, 1), "Olaf Scholz"),
        ("The German chancellor spoke.", date(2025, 8, 1), "Friedrich Merz"),
        ("The North Korean leader spoke.", date(2025, 8, 1), "Kim Jong Un"),
        ("Russia's foreign minister spoke.", date(2025, 8, 1), "Sergei Lavrov"),
    ],
)
def test_office_names_its_holder_on_the_publish_date(
    sentence: str, published: date, expected: str
) -> None:
    assert names(sentence, published) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Culture Minister Amina Diallo arrived.", ["Amina Diallo"]),
        ("President Bill Clinton Saturday vowed revenge.", ["Bill Clinton"]),
        ("Analyst Choe Ju Hyun's commentary ran.", ["Choe Ju Hyun"]),
        ("Kim Moon-soo led the poll.", ["Kim Moon-soo"]),
    ],
)
def test_unknown_people_are_found_by_their_title_or_family_name(
    sentence: str, expected: list[str]
) -> None:
    assert names(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kopp, 44, was arrested on Friday.", ["Kopp"]),
        ("The body belonged to Jorge Hernandez, 49.", ["Jorge Hernandez"]),
        ("Also involved is Robert F. Angelo, a banker.", ["Robert F. Angelo"]),
        ("In March, 12 soldiers died.", []),
        ("On Monday, 5 people were hurt.", []),
        ("Shares of Iraq Fund, 12, fell.", []),
        ("Bush met Saddam Hussein on Monday.", ["Saddam Hussein"]),
        ("The president met Western Union officials.", []),
    ],
)
def test_people_without_a_title_are_found_by_their_age_initial_or_being_met(
    sentence: str, expected: list[str]
) -> None:
    assert names(sentence, date(1998, 2, 13)) == expected


def test_a_bare_surname_means_the_person_the_article_named() -> None:
    _, cast = find_mentions("Kim Moon-soo led the poll.", date(2025, 8, 17), {})
    mentions, _ = find_mentions("Kim said he would win.", date(2025, 8, 17), cast)
    assert [m.entity.name for m in mentions] == ["Kim Moon-soo"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("They met in Pyongyang.", True),
        ("Pyongyang vowed support.", False),
        ("Shares fell on the New York Stock Exchange.", None),
    ],
)
def test_capitals_are_places_after_a_preposition_and_states_otherwise(
    sentence: str, place: bool | None
) -> None:
    mentions, _ = find_mentions(sentence, date(2025, 6, 5), {})
    if place is None:
        assert mentions == []
    else:
        assert [m.as_place for m in mentions] == [place]


def test_a_company_named_like_a_rank_is_the_company_not_a_general() -> None:
    assert names("General Mills gained market share.") == ["General Mills"]
