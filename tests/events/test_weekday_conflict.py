"""Spec: reporters err, so a weekday that is not the date's is kept, resolved to the date and flagged."""

from __future__ import annotations

from datetime import date

from timeline.events.extract import extract_events
from timeline.events.merge import merge_events
from timeline.model import Article, Event, MainText, Passage
from timeline.temporal import tag

PUBLISHED = date(2025, 6, 10)  # June 4, 2025 is a Wednesday
WRONG = "The foreign ministers met in Geneva on Tuesday, June 4, 2025, officials said."


def events_of(text: str, published: date = PUBLISHED) -> list[Event]:
    article = Article(name="a.txt", published=published, body=text, source="Wire")
    return extract_events(MainText(article, (Passage(0, len(text), text),)))


def test_a_weekday_that_is_not_the_dates_keeps_the_explicit_date() -> None:
    [timex] = tag(WRONG, PUBLISHED)
    assert (timex.text, timex.value) == ("Tuesday, June 4, 2025", "2025-06-04")


def test_a_weekday_that_is_not_the_dates_is_flagged_on_the_timex_and_explained() -> None:
    [timex] = tag(WRONG, PUBLISHED)
    assert "Tuesday" in timex.conflict and "Wednesday" in timex.conflict
    assert timex.conflict in timex.explanation
    assert timex.to_json()["conflict"] == timex.conflict


def test_a_weekday_that_matches_the_date_raises_no_flag() -> None:
    [timex] = tag("The ministers met on Wednesday, June 4, 2025.", PUBLISHED)
    assert (timex.value, timex.conflict) == ("2025-06-04", "")


def test_a_day_first_date_with_the_wrong_weekday_is_flagged_too() -> None:
    [timex] = tag("The ministers met on Thursday 4 June 2025.", PUBLISHED)
    assert timex.value == "2025-06-04" and "Thursday" in timex.conflict


def test_a_wrong_weekday_without_a_year_does_not_move_the_date_a_year_away() -> None:
    [timex] = tag("The ministers met on Tuesday, June 4.", PUBLISHED)
    assert timex.value == "2025-06-04" and "Wednesday" in timex.conflict


def test_extraction_carries_the_clash_to_the_event_as_a_disagreement() -> None:
    [event] = events_of(WRONG)
    assert event.date == "2025-06-04"
    assert "Tuesday" in event.disagreement and "a.txt" in event.disagreement
    assert "Wednesday" in event.sources[0].resolution


def test_merging_keeps_a_sources_own_clash() -> None:
    [event] = merge_events(events_of(WRONG))
    assert "Tuesday" in event.disagreement and "Wednesday" in event.disagreement


def test_an_event_whose_weekday_matches_has_no_disagreement() -> None:
    [event] = merge_events(events_of(WRONG.replace("Tuesday", "Wednesday")))
    assert event.disagreement == ""


def test_a_weekday_in_brackets_after_a_date_takes_the_dates_value() -> None:
    found = tag("The ministers met on June 4 (Wednesday).", PUBLISHED)
    assert [(t.text, t.value, t.conflict) for t in found] == [
        ("June 4", "2025-06-04", ""),
        ("Wednesday", "2025-06-04", ""),
    ]


def test_a_wrong_weekday_in_brackets_is_flagged_like_one_before_a_comma() -> None:
    for text in (
        "The ministers met on Tuesday (June 4).",
        "The ministers met on June 4 (Tuesday).",
        "The ministers met on June 4, Tuesday.",
    ):
        found = tag(text, PUBLISHED)
        assert {t.value for t in found} == {"2025-06-04"}, text
        assert all("Tuesday" in t.conflict and "Wednesday" in t.conflict for t in found), text


def test_a_weekday_after_a_comma_that_does_not_end_its_clause_stays_a_day_of_its_own() -> None:
    found = tag("The vote on June 4, Tuesday's rally and a march drew crowds.", PUBLISHED)
    assert [(t.text, t.value, t.conflict) for t in found] == [
        ("June 4", "2025-06-04", ""),
        ("Tuesday", "2025-06-10", ""),
    ]


def test_extraction_carries_a_bracketed_weekdays_clash_to_the_event() -> None:
    [event] = events_of("The foreign ministers met in Geneva on June 4 (Tuesday), officials said.")
    assert event.date == "2025-06-04" and "Tuesday" in event.disagreement
