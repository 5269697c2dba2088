"""Time still to run, counted from the day the story is at ("within 45 days", "over the next 14
months"): the days it reaches, and the plan it dates."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.test_extract import events_of as extracted
from timeline import temporal
from timeline.events.deadlines import counted_on
from timeline.model import Event

MONDAY = date(2025, 4, 7)


def counted(sentence: str, day: date = MONDAY) -> tuple[str, str, str]:
    (timex,) = [t for t in temporal.tag(sentence, day) if t.type in ("DURATION", "DATE")]
    found = counted_on(timex, sentence[: timex.start], day)
    return found.type, found.value, found.granularity


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("It wants a recommendation within 45 days.", ("DATE", "2025-05-22", "day")),
        ("It must decide within a 15-day deadline.", ("DATE", "2025-04-22", "day")),
        ("The army will answer within 24 hours.", ("DATE", "2025-04-08", "day")),
        ("It will unfold over the next 14 months.", ("DATE", "2025-04-08/2026-06-07", "day")),
        ("The war has lasted for three years.", ("DURATION", "P3Y", "")),  # no time to run
        ("It may strike within the next 24 to 36 hours.", ("DURATION", "PT24H", "")),  # no one day
    ],
)
def test_time_still_to_run_reaches_the_days_the_words_say(
    sentence: str, reading: tuple[str, str, str]
) -> None:
    assert counted(sentence) == reading


def events_of(text: str) -> list[Event]:
    return extracted(text, MONDAY)


def test_what_is_wanted_within_a_time_is_a_plan_counted_from_the_day_the_story_is_at() -> None:
    text = (
        "Trump on Friday ordered a review of the deal.\n"
        "Trump wants a recommendation from the panel within 45 days."
    )
    ordered, wanted = events_of(text)
    assert ordered.date == "2025-04-04"
    assert (wanted.date, wanted.sources[0].basis) == ("2025-05-19", "plan")  # stored as planned


def test_what_may_happen_within_a_time_is_no_plan_and_the_saying_stays() -> None:
    text = "Kim may be preparing to send more troops within the next two months, the agency said last week."
    (said,) = events_of(text)
    assert said.category == "statement"
