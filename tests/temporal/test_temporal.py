"""Spec for the temporal tagger, with the publish date Thursday 2025-06-05."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import Timex
from timeline.temporal import tag

PUBLISHED = date(2025, 6, 5)  # a Thursday


def only(text: str, published: date = PUBLISHED) -> Timex:
    found = tag(text, published)
    assert len(found) == 1, found
    return found[0]


def test_past_weekday_is_the_latest_before_the_publish_date() -> None:
    timex = only("Kim met Shoigu on Wednesday.")
    assert (timex.value, timex.granularity) == ("2025-06-04", "day")
    assert "Wednesday" in timex.explanation


def test_weekday_on_publish_weekday_in_past_tense_is_the_publish_day() -> None:
    assert only("The agency said Thursday that talks ended.").value == "2025-06-05"


def test_future_weekday_is_the_next_one() -> None:
    assert only("The two leaders will meet on Monday.").value == "2025-06-09"


def test_a_month_announced_in_the_passive_is_the_one_before() -> None:
    assert only("The deal was first announced in December.", date(2024, 9, 17)).value == "2023-12"


def test_a_season_ahead_of_something_is_the_coming_one() -> None:
    text = "The talks come ahead of the election in autumn."
    assert only(text, date(2024, 4, 12)).value == "2024-FA"


def test_last_year_is_the_year_before() -> None:
    timex = only("Exports fell last year.")
    assert (timex.value, timex.earliest, timex.latest) == (
        "2024",
        date(2024, 1, 1),
        date(2024, 12, 31),
    )
    assert timex.granularity == "year"


def test_month_of_last_year() -> None:
    timex = only("He visited Pyongyang in June last year.")
    assert (timex.text, timex.value, timex.granularity) == ("June last year", "2024-06", "month")


def test_earlier_this_year_runs_from_new_year_to_the_publish_date() -> None:
    timex = only("Troops arrived earlier this year.")
    assert (timex.value, timex.earliest, timex.latest) == ("2025", date(2025, 1, 1), PUBLISHED)


def test_late_october_is_the_end_of_the_month() -> None:
    timex = only("The summit is due in late October.")
    assert (timex.value, timex.mod) == ("2025-10", "END")
    assert timex.earliest is not None and timex.earliest.day > 15
    assert timex.latest == date(2025, 10, 31)


def test_early_2025_starts_the_year() -> None:
    timex = only("The plant opened in early 2025.")
    assert (timex.value, timex.mod, timex.earliest) == ("2025", "START", date(2025, 1, 1))


def test_recent_weeks_is_past_ref() -> None:
    timex = only("Tensions rose in recent weeks.")
    assert (timex.value, timex.latest, timex.granularity) == ("PAST_REF", PUBLISHED, "open")


def test_more_than_three_years_ago_is_an_upper_bound() -> None:
    timex = only("He left more than three years ago.")
    assert (timex.value, timex.mod, timex.earliest) == ("2022", "BEFORE", None)
    assert timex.latest == date(2022, 6, 5)


def test_since_2022_runs_up_to_the_publish_date() -> None:
    timex = only("Fighting has raged since 2022.")
    assert (timex.text, timex.value, timex.mod) == ("2022", "2022", "ON_OR_AFTER")
    assert (timex.earliest, timex.latest, timex.granularity) == (
        date(2022, 1, 1),
        PUBLISHED,
        "open",
    )


def test_three_month_is_a_duration() -> None:
    timex = only("They agreed a three-month truce.")
    assert (timex.type, timex.value) == ("DURATION", "P3M")


def test_for_two_weeks_is_p2w() -> None:
    timex = only("He stayed for two weeks.")
    assert (timex.text, timex.type, timex.value) == ("two weeks", "DURATION", "P2W")


def test_every_monday_is_a_set() -> None:
    timex = only("Protesters gather every Monday.")
    assert (timex.type, timex.value) == ("SET", "XXXX-WXX-1")


def test_a_day_earlier_counts_from_the_last_date_mentioned() -> None:
    found = tag("Troops crossed on May 3. A day earlier, talks failed.", PUBLISHED)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("May 3", "2025-05-03", "publish"),
        ("A day earlier", "2025-05-02", "previous"),
    ]


def test_the_same_day_is_the_last_date_mentioned() -> None:
    found = tag("Shoigu landed on Wednesday. Kim met him the same day.", PUBLISHED)
    assert [t.value for t in found] == ["2025-06-04", "2025-06-04"]


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said the deal was dead.",
        "The Sun reported the story.",
        "About 2,000 troops were sent.",
        "Tickets cost $14.",
        "It was the 80th anniversary.",
        "Under Section 20 of the act.",
        "Ministers may meet again.",
    ],
)
def test_false_friends_are_not_tagged(text: str) -> None:
    assert tag(text, PUBLISHED) == []


def test_offsets_index_the_text() -> None:
    text = "Der Gipfel — am Montag? No: on Wednesday, Kim met Shoigu."
    for timex in tag(text, PUBLISHED):
        assert text[timex.start : timex.end] == timex.text


def test_output_is_deterministic() -> None:
    text = "Last week, on Tuesday, and in June 2024, three years ago."
    assert tag(text, PUBLISHED) == tag(text, PUBLISHED)


_PIECES = st.sampled_from(
    [
        "May ",
        "June ",
        "last ",
        "next ",
        "year ",
        "week ",
        "Monday ",
        "ago ",
        "the ",
        "early ",
        "since ",
        "three ",
        "days ",
        "quarter ",
        "1999 ",
        "2 p.m. ",
        "31 ",
        "Feb. 30 ",
        "earlier ",
        "same day ",
        "a ",
        "of ",
        "this ",
        "later ",
        "2024",
        ", ",
        ". ",
        "-",
        "$",
        "0",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(st.text(max_size=40), st.lists(_PIECES, max_size=14).map("".join)),
    published=st.one_of(
        st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.dates()
    ),
)
def test_tag_never_raises_and_intervals_are_valid(text: str, published: date) -> None:
    for timex in tag(text, published):
        assert text[timex.start : timex.end] == timex.text
        if timex.earliest is not None and timex.latest is not None:
            assert timex.earliest <= timex.latest


def test_the_same_day_skips_coarser_mentions() -> None:
    text = (
        "Shoigu met Kim on Wednesday. The deal was signed last year. Lee took office the same day."
    )
    assert [t.value for t in tag(text, PUBLISHED)] == ["2025-06-04", "2024", "2025-06-04"]


def test_hours_ago_is_the_publish_day() -> None:
    assert only("The strike came 5 hours ago.").value == "2025-06-05"


def test_since_a_later_year_keeps_a_valid_interval() -> None:
    timex = only("Prices have doubled since 1999.", date(1998, 1, 1))
    assert timex.earliest is not None and timex.latest is not None
    assert timex.earliest <= timex.latest


def test_less_than_a_year_ago_runs_up_to_the_publish_date() -> None:
    timex = only("He arrived less than a year ago.")
    assert (timex.mod, timex.earliest, timex.latest) == ("AFTER", date(2024, 6, 5), PUBLISHED)


def test_more_than_two_years_from_now_is_a_lower_bound() -> None:
    timex = only("The plant opens more than two years from now.")
    assert (timex.mod, timex.earliest, timex.latest) == ("AFTER", date(2027, 6, 5), None)


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@pytest.mark.parametrize("month", range(1, 13))
def test_bare_month_after_a_past_verb_is_the_latest_on_or_before_the_publish_month(
    month: int,
) -> None:
    timex = only(f"Sales fell in {MONTHS[month - 1]}.")
    year = PUBLISHED.year if month <= PUBLISHED.month else PUBLISHED.year - 1
    assert (timex.value, timex.text) == (f"{year}-{month:02d}", MONTHS[month - 1])


@pytest.mark.parametrize(
    "text",
    [
        "The coalition began to fall apart.",
        "Prices could fall 2024-style.",
        "Shares will fall further.",
        "The ceasefire seemed about to fall apart in the south.",
    ],
)
def test_fall_the_verb_is_no_season(text: str) -> None:
    assert [t for t in tag(text, PUBLISHED) if t.granularity == "season"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Talks collapsed last fall.", "2024-FA"),
        ("Talks resume in the fall.", "2025-FA"),
        ("Talks resume in fall 2025.", "2025-FA"),
    ],
)
def test_fall_the_season_needs_a_date_context(text: str, value: str) -> None:
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        ("Sales rose on March 3 and 4 percent fell.", "March 3"),
        ("On Jan. 3 and 4,000 troops left.", "Jan. 3"),
        ("By Dec. 3 and 5 million more had voted.", "Dec. 3"),
        ("On Jan. 3 and 4 people died.", "Jan. 3"),
    ],
)
def test_a_count_after_a_date_and_a_join_is_no_second_day(text: str, date_text: str) -> None:
    assert [timex.text for timex in tag(text, date(2025, 6, 10))] == [date_text]


def test_a_second_day_is_not_earlier_than_the_first() -> None:
    assert [t.text for t in tag("Markets fell on June 5 to 3 points.", date(2025, 6, 10))] == [
        "June 5"
    ]


def test_a_date_word_inside_a_longer_word_is_no_date() -> None:
    text = "The talks led nowhere, and now they are over."
    assert [(timex.start, timex.text) for timex in tag(text, date(2025, 6, 10))] == [(27, "now")]


def test_half_of_last_year_is_one_period_of_that_year() -> None:
    timex = only("Sales fell in the second half of last year.", date(2025, 7, 1))
    assert (timex.text, timex.value, timex.granularity) == (
        "the second half of last year",
        "2024-H2",
        "half",
    )
    assert (timex.earliest, timex.latest) == (date(2024, 7, 1), date(2024, 12, 31))


def test_later_with_no_date_told_before_says_so_and_stays_before_publish_in_past_tense() -> None:
    timex = only("Two days later the deal collapsed.", date(2025, 7, 1))
    assert (timex.value, timex.earliest, timex.latest) == ("PAST_REF", None, date(2025, 7, 1))
    assert "does not pin down" in timex.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Fighting raged from May to August.",
        "The festival will run from November to January.",
        "Talks ran from Wednesday to Friday.",
        "Talks will run from Wednesday to Friday.",
        "Talks were held between June 3 and June 5, 2023.",
        "It runs from Dec. 20, 2025 to Jan. 4.",
    ],
)
def test_a_range_stays_two_dates_that_run_forward(text: str) -> None:
    first, second = tag(text, PUBLISHED)
    assert first.earliest is not None and second.earliest is not None
    assert first.earliest <= second.earliest


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("It opened at the end of last year.", "2024", "END"),
        ("It opens at the beginning of next month.", "2025-08", "START"),
        ("It opens by the end of the first quarter of next year.", "2026-Q1", "END"),
    ],
)
def test_the_end_or_start_of_a_relative_period_is_one_modified_date(
    text: str, value: str, mod: str
) -> None:
    timex = only(text, date(2025, 7, 1))
    assert (timex.value, timex.mod) == (value, mod)


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(MONTHS),
    st.sampled_from(MONTHS),
    st.sampled_from(["ran", "will run"]),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
)
def test_a_month_range_never_ends_before_it_starts(
    start: str, end: str, verb: str, published: date
) -> None:
    found = tag(f"The show {verb} from {start} to {end}.", published)
    assert len(found) == 2
    first, second = found
    assert first.earliest is not None and second.earliest is not None
    assert first.earliest <= second.earliest


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the mİddle of June", "2025-06"),  # Turkish capital dotted I
        ("the mıddle of June", "2025-06"),  # Turkish dotless i
        ("talks in İstanbul ended on Monday", "2025-06-02"),
    ],
)
def test_letters_a_regex_folds_to_ascii_are_read_like_their_ascii_twins(
    text: str, value: str
) -> None:
    assert [timex.value for timex in tag(text, date(2025, 6, 5))] == [value]
