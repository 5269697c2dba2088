"""Cross-article merge: one happening, one event with every source; look-alikes stay apart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.events.test_extract import events_of as split_events_of
from timeline.events.extract import extract_events
from timeline.events.merge import merge_events
from timeline.model import Article, Event, MainText, Passage, Source


def candidates(text: str, published: date, name: str) -> list[Event]:
    article = Article(name=name, published=published, body=text, source=name.split(".")[0])
    return extract_events(MainText(article, (Passage(0, len(text), text),)))


def candidates_of(texts: dict[str, tuple[str, date]]) -> list[Event]:
    """The candidates of several articles: name -> (text, publish date)."""
    return [e for name, (text, day) in texts.items() for e in candidates(text, day, name)]


def candidate(
    title: str,
    when: str,
    article: str,
    actors: tuple[str, ...] = ("Sergei Shoigu", "Kim Jong Un"),
    category: str = "visit",
    place: str = "Pyongyang",
    basis: str = "",
    qualifier: str = "",
    published: str = "2025-06-05",
) -> Event:
    source = Source(article, published, f"{title} ({when})", when, date=when, basis=basis)
    return Event(
        id="",
        title=title,
        date=when,
        category=category,
        actors=actors,
        place=place,
        qualifier=qualifier,
        sources=(source,),
    )


def test_same_meeting_told_differently_by_two_articles_is_one_event() -> None:
    first = candidates(
        "Meeting top Russian security official Sergei Shoigu on Wednesday, Kim Jong Un said Pyongyang "
        "would back Moscow.",
        date(2025, 6, 5),
        "one.txt",
    )
    second = candidates(
        "North Korean leader Kim Jong Un held talks with Sergei Shoigu in Pyongyang on June 4, "
        "state media reported.",
        date(2025, 6, 6),
        "two.txt",
    )
    (event,) = merge_events([*first, *second])
    assert event.date == "2025-06-04"
    assert {s.article for s in event.sources} == {"one.txt", "two.txt"}


def test_report_bound_source_joins_the_dated_event_it_tells_of() -> None:
    dated = candidates(
        "Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday.", date(2025, 6, 5), "one.txt"
    )
    bound = candidates(
        "In a meeting with Sergei Shoigu in Pyongyang, Kim Jong Un pledged support, the official news "
        "agency reported on Thursday.",
        date(2025, 6, 5),
        "two.txt",
    )
    (event,) = merge_events([*bound, *dated])
    assert (event.date, event.qualifier) == ("2025-06-04", "")
    assert len(event.sources) == 2


def test_visits_in_different_months_stay_apart() -> None:
    events = merge_events(
        [
            candidate("Sergei Shoigu visits Pyongyang", "2025-03", "a.txt"),
            candidate("Sergei Shoigu visits Pyongyang", "2025-06-04", "b.txt"),
            candidate("Sergei Shoigu visits Pyongyang", "2025-06-17", "c.txt"),
        ]
    )
    assert [e.date for e in events] == ["2025-03", "2025-06-04", "2025-06-17"]


def test_a_day_apart_is_the_same_happening_and_the_disagreement_is_recorded() -> None:
    (event,) = merge_events(
        [
            candidate("Sergei Shoigu meets Kim Jong Un", "2025-06-04", "a.txt", category="meeting"),
            candidate("Sergei Shoigu meets Kim Jong Un", "2025-06-04", "b.txt", category="meeting"),
            candidate("Sergei Shoigu meets Kim Jong Un", "2025-06-05", "c.txt", category="meeting"),
        ]
    )
    assert event.date == "2025-06-04"
    assert "c.txt gives 2025-06-05" in event.disagreement


def test_the_most_precise_consistent_date_is_kept_without_disagreement() -> None:
    (event,) = merge_events(
        [
            candidate(
                "Russia and North Korea sign treaty",
                "2024",
                "a.txt",
                ("Russia", "North Korea"),
                "treaty",
                "",
            ),
            candidate(
                "Russia and North Korea sign treaty",
                "2024-06",
                "b.txt",
                ("Russia", "North Korea"),
                "treaty",
                "",
            ),
        ]
    )
    assert event.date == "2024-06"
    assert event.disagreement == ""


def test_different_happenings_on_the_same_day_stay_apart() -> None:
    events = merge_events(
        [
            candidate("Sergei Shoigu meets Kim Jong Un", "2025-06-04", "a.txt", category="meeting"),
            candidate(
                "Lee Jae-myung takes office",
                "2025-06-04",
                "a.txt",
                ("Lee Jae-myung",),
                "other",
                "Seoul",
            ),
        ]
    )
    assert len(events) == 2


def test_ids_are_title_slug_and_date_and_deduplicated() -> None:
    first = candidate("Shoigu visits Pyongyang", "2025-06-04", "a.txt", ("Sergei Shoigu",))
    second = candidate(
        "Shoigu visits Pyongyang", "2025-06-04", "a.txt", ("Someone Else",), "visit", "Wonsan"
    )
    second = replace(
        second, sources=(replace(second.sources[0], quote="A namesake toured Wonsan."),)
    )
    events = merge_events([first, second])
    assert sorted(e.id for e in events) == [
        "shoigu-visits-pyongyang-2025-06-04",
        "shoigu-visits-pyongyang-2025-06-04-2",
    ]


_POOL = [
    candidate("Sergei Shoigu visits Pyongyang", "2025-03", "a.txt"),
    candidate("Sergei Shoigu visits Pyongyang", "2025-06-04", "b.txt"),
    candidate("Sergei Shoigu meets Kim Jong Un", "2025-06-04", "c.txt", category="meeting"),
    candidate(
        "Kim Jong Un vows support",
        "2025-06-05",
        "d.txt",
        ("Kim Jong Un",),
        "statement",
        "",
        "report",
        "before",
    ),
    candidate(
        "Lee Jae-myung takes office", "2025-06-04", "b.txt", ("Lee Jae-myung",), "other", "Seoul"
    ),
    candidate(
        "Russia and North Korea sign treaty",
        "2024",
        "e.txt",
        ("Russia", "North Korea"),
        "treaty",
        "",
    ),
]


@settings(max_examples=30, deadline=None)
@given(st.permutations(_POOL))
def test_merge_is_deterministic_whatever_the_order(order: list[Event]) -> None:
    assert merge_events(order) == merge_events(_POOL)


def test_output_is_sorted_by_date_then_id() -> None:
    events = merge_events(_POOL)
    from timeline.temporal.when import bounds

    keys = [(bounds(e.date, e.end)[0], e.date, e.id) for e in events]
    assert keys == sorted(keys)


def test_anchored_date_resolves_against_another_articles_event() -> None:
    summit = candidates(
        "Donald Trump and Vladimir Putin held a summit in Alaska on Friday.",
        date(2025, 8, 16),
        "summit.txt",
    )
    call = candidates(
        "Days before Trump and Putin held a summit in Alaska, the Russian leader briefed Kim Jong Un "
        "during a phone call.",
        date(2025, 8, 17),
        "call.txt",
    )
    events = merge_events([*summit, *call])
    briefing = next(e for e in events if e.sources[0].article == "call.txt")
    assert (briefing.date, briefing.qualifier) == ("2025-08-15", "before")
    assert "summit" in briefing.sources[0].resolution


def test_anchored_date_resolves_against_a_known_event() -> None:
    known = replace(
        candidate(
            "Donald Trump and Vladimir Putin hold summit in Alaska",
            "2025-08-15",
            "old.txt",
            ("Donald Trump", "Vladimir Putin"),
            "summit",
            "Alaska",
        ),
        id="donald-trump-and-vladimir-putin-hold-summit-in-alaska-2025-08-15",
    )
    call = candidates(
        "Days before the Alaska summit, the Russian leader briefed Kim Jong Un by phone.",
        date(2025, 8, 17),
        "c.txt",
    )
    (event,) = merge_events(call, known=[known])
    assert (event.date, event.qualifier) == ("2025-08-15", "before")


def test_anchored_date_without_a_dated_anchor_stays_bound_to_the_publish_date() -> None:
    call = candidates(
        "Days before the Alaska summit, the Russian leader briefed Kim Jong Un by phone.",
        date(2025, 8, 17),
        "c.txt",
    )
    (event,) = merge_events(call)
    assert (event.date, event.qualifier, event.label) == (
        "2025-08-17",
        "before",
        "by 17 August 2025",
    )


def test_happening_without_people_told_by_two_articles_is_one_event() -> None:
    first = candidates(
        "A powerful earthquake struck eastern Turkey on Monday, killing at least 150 people.",
        date(2025, 2, 4),
        "one.txt",
    )
    second = candidates(
        "The earthquake that struck eastern Turkey on Monday killed at least 150 people, "
        "officials said.",
        date(2025, 2, 5),
        "two.txt",
    )
    (event,) = merge_events([*first, *second])
    assert event.date == "2025-02-03"
    assert len(event.sources) == 2


def test_different_happenings_without_people_stay_apart() -> None:
    first = candidates("Floods swept through Kenya on Monday.", date(2025, 2, 4), "one.txt")
    second = candidates(
        "Parliament in Kenya passed a budget on Monday.", date(2025, 2, 4), "two.txt"
    )
    assert len(merge_events([*first, *second])) == 2


def test_one_speakers_remarks_on_one_date_in_one_article_are_one_event() -> None:
    told = candidates(
        "Rebels may attack the port within weeks, South Korea's intelligence agency said last week.\n"
        "Fuel stocks could run out this month, the spy agency told lawmakers last week.",
        date(2025, 7, 1),
        "one.txt",
    )
    (event,) = merge_events(told)
    assert "intelligence agency" in event.actors[0]  # the body as the article names it
    assert (event.date, event.end) == ("2025-06-23", "2025-06-29")
    assert len(event.sources) == 2


def test_anchor_told_in_the_past_is_a_bound_event_that_joins_its_dated_report() -> None:
    summit = candidates(
        "Donald Trump and Vladimir Putin held a summit in Alaska on Friday.",
        date(2025, 8, 16),
        "summit.txt",
    )
    call = candidates(
        "Days before Trump and Putin held a summit in Alaska, the Russian leader briefed "
        "Kim Jong Un during a phone call.",
        date(2025, 8, 17),
        "call.txt",
    )
    alone = merge_events(call)
    assert sorted((e.category, e.date, e.qualifier) for e in alone) == [
        ("diplomacy", "2025-08-17", "before"),
        ("summit", "2025-08-17", "before"),
    ]
    merged = merge_events([*summit, *call])
    held = next(e for e in merged if e.category == "summit")
    assert (held.date, held.qualifier) == ("2025-08-15", "")
    assert {s.article for s in held.sources} == {"summit.txt", "call.txt"}


def test_a_plan_and_a_past_mention_bound_one_happening_from_both_sides() -> None:
    ahead = candidates(
        "The call comes just days ahead of Macron's expected summit with Chancellor Olaf Scholz "
        "in Berlin, officials said.",
        date(2025, 3, 3),
        "ahead.txt",
    )
    after = candidates(
        "Days before Chancellor Olaf Scholz and Macron held a summit in Berlin, the French "
        "leader spoke to the Pope by phone.",
        date(2025, 3, 6),
        "after.txt",
    )
    summits = [e for e in merge_events([*ahead, *after]) if e.category == "summit"]
    (summit,) = summits
    assert (summit.date, summit.end, summit.qualifier) == ("2025-03-03", "2025-03-06", "")
    assert {s.article for s in summit.sources} == {"ahead.txt", "after.txt"}
    assert summit.place == "Berlin"


def test_a_plan_no_source_reports_as_held_is_no_event() -> None:
    ahead = candidates(
        "The call comes just days ahead of Macron's expected summit with Chancellor Olaf Scholz "
        "in Berlin, officials said.",
        date(2025, 3, 3),
        "ahead.txt",
    )
    assert all(e.category != "summit" for e in merge_events(ahead))


def test_a_dated_plan_joins_the_happening_a_later_article_reports_as_done() -> None:
    plan = candidates(
        "Chancellor Olaf Scholz will meet Macron in Berlin on Monday, officials said.",
        date(2025, 3, 1),
        "plan.txt",
    )
    done = candidates(
        "Chancellor Olaf Scholz met Macron in Berlin on Monday.",
        date(2025, 3, 4),
        "done.txt",
    )
    (event,) = merge_events([*plan, *done])
    assert (event.date, event.qualifier, event.label) == ("2025-03-03", "", "3 March 2025")
    assert {s.article for s in event.sources} == {"plan.txt", "done.txt"}


def test_a_dated_plan_no_source_reports_as_held_is_shown_as_planned() -> None:
    plan = candidates(
        "Chancellor Olaf Scholz will meet Macron in Berlin on Monday, officials said.",
        date(2025, 3, 1),
        "plan.txt",
    )
    (event,) = merge_events(plan)
    assert (event.date, event.qualifier) == ("2025-03-03", "planned")
    assert event.label == "planned for 3 March 2025"


def test_a_plan_for_next_week_keeps_its_week() -> None:
    plan = candidates(
        "The minister postponed his visit next week to Hanoi.", date(2025, 4, 24), "p.txt"
    )
    (event,) = merge_events(plan)
    assert (event.date, event.end, event.qualifier) == ("2025-04-28", "2025-05-04", "planned")
    assert event.label == "planned for the week of 28 April 2025"


def test_one_plan_told_by_several_articles_is_one_planned_event() -> None:
    told = [
        *candidates(
            "Judge Ana Cruz set the trial of Omar Haddad for Oct. 2.", date(2023, 8, 5), "a.txt"
        ),
        *candidates(
            "Omar Haddad's trial is scheduled to begin on October 2.", date(2023, 8, 12), "b.txt"
        ),
    ]
    (trial,) = [e for e in merge_events(told) if "trial" in e.title.lower()]
    assert (trial.date, trial.qualifier) == ("2023-10-02", "planned")
    assert {s.article for s in trial.sources} == {"a.txt", "b.txt"}


def test_a_plan_for_a_day_joins_its_kind_held_that_day_with_no_one_named() -> None:
    plan = candidates("The union will hold the vote on Wednesday.", date(2024, 10, 19), "a.txt")
    held = candidates(
        "Striking machinists voted Wednesday to reject the offer.", date(2024, 10, 24), "b.txt"
    )
    (vote,) = [e for e in merge_events([*plan, *held]) if "vote" in e.title.lower()]
    assert (vote.date, vote.qualifier) == ("2024-10-23", "")
    assert {s.article for s in vote.sources} == {"a.txt", "b.txt"}


def test_last_month_joins_the_day_of_that_kind_with_the_same_person() -> None:
    begun = candidates(
        "On Tuesday, the fraud trial of Omar Haddad got under way.", date(2023, 10, 3), "a.txt"
    )
    later = candidates("Omar Haddad's trial began last month.", date(2023, 11, 3), "b.txt")
    (trial,) = merge_events([*begun, *later])
    assert (trial.date, {s.article for s in trial.sources}) == ("2023-10-03", {"a.txt", "b.txt"})


def test_one_kind_in_one_month_told_by_two_articles_is_one_happening() -> None:
    one = candidates("The Acme exchange imploded last November.", date(2023, 10, 5), "a.txt")
    two = candidates("His businesses collapsed in November 2022.", date(2024, 3, 29), "b.txt")
    (collapse,) = merge_events([*one, *two])
    assert (collapse.date, len(collapse.sources)) == ("2022-11", 2)


def test_shared_words_alone_do_not_tie_one_persons_days_apart() -> None:
    monday = candidates(
        "Omar Haddad testified at his fraud trial in Manhattan on Monday.",
        date(2023, 10, 31),
        "a.txt",
    )
    tuesday = candidates(
        "Omar Haddad's lawyers rested their case at his fraud trial in Manhattan on Tuesday.",
        date(2023, 11, 1),
        "b.txt",
    )
    assert len(merge_events([*monday, *tuesday])) == 2


def test_two_kinds_of_happening_a_day_apart_stay_two_events() -> None:
    begun = candidates(
        "On Tuesday, the fraud trial of Omar Haddad got under way.", date(2023, 10, 3), "a.txt"
    )
    meets = candidates(
        "Omar Haddad on Wednesday will meet the jury at his trial.", date(2023, 10, 4), "b.txt"
    )
    assert len(merge_events([*begun, *meets])) == 2


def test_two_speakers_statements_on_one_day_stay_two_events() -> None:
    told = candidates(
        "President Emmanuel Macron on Tuesday condemned the bombing in Nairobi.\n"
        "Chancellor Olaf Scholz on Tuesday vowed to help the victims of the bombing in Nairobi.",
        date(2025, 3, 5),
        "a.txt",
    )
    statements = [e for e in merge_events(told) if e.category == "statement"]
    assert len(statements) == 2


def test_before_an_event_known_only_as_a_span_is_by_its_last_day() -> None:
    known = replace(
        candidate(
            "Donald Trump and Vladimir Putin hold summit in Alaska",
            "2025-08-15",
            "k.txt",
            actors=("Donald Trump", "Vladimir Putin"),
            category="summit",
            place="Alaska",
        ),
        end="2025-08-17",
    )
    call = candidates(
        "Days before the Alaska summit, the Russian leader briefed Kim Jong Un by phone.",
        date(2025, 8, 20),
        "c.txt",
    )
    (event,) = merge_events(call, known=[known])
    assert (event.date, event.qualifier) == ("2025-08-17", "before")


def test_a_plan_and_a_bound_join_the_day_a_third_article_gives() -> None:
    ahead = candidates(
        "The call comes just days ahead of Macron's expected summit with Chancellor Olaf Scholz "
        "in Berlin, officials said.",
        date(2025, 3, 3),
        "ahead.txt",
    )
    after = candidates(
        "Days before Chancellor Olaf Scholz and Macron held a summit in Berlin, the French "
        "leader spoke to the Pope by phone.",
        date(2025, 3, 6),
        "after.txt",
    )
    dated = candidates(
        "Chancellor Olaf Scholz and Macron held a summit in Berlin on Tuesday.",
        date(2025, 3, 5),
        "dated.txt",
    )
    (summit,) = [e for e in merge_events([*ahead, *after, *dated]) if e.category == "summit"]
    assert (summit.date, summit.end) == ("2025-03-04", "")
    assert {s.article for s in summit.sources} == {"ahead.txt", "after.txt", "dated.txt"}


def test_a_planned_meeting_and_a_summit_told_as_held_are_one_happening() -> None:
    plan = candidates(
        "Chancellor Olaf Scholz will meet Macron in Berlin on Friday, officials said.",
        date(2025, 3, 3),
        "plan.txt",
    )
    held = candidates(
        "Days before Chancellor Olaf Scholz and Macron held a summit in Berlin, the French "
        "leader spoke to the Pope by phone.",
        date(2025, 3, 10),
        "held.txt",
    )
    (summit,) = [e for e in merge_events([*plan, *held]) if e.category in ("summit", "meeting")]
    assert (summit.date, summit.end, summit.category) == ("2025-03-07", "", "summit")
    assert {s.article for s in summit.sources} == {"plan.txt", "held.txt"}


def test_a_bound_on_a_summit_elsewhere_does_not_join_a_dated_meeting_in_another_city() -> None:
    meeting = candidate(
        "Vladimir Putin meets Kim Jong Un in Moscow",
        "2025-08-11",
        "one.txt",
        actors=("Vladimir Putin", "Kim Jong Un"),
        category="meeting",
        place="Moscow",
    )
    summit = candidate(
        "Donald Trump and Vladimir Putin hold summit in Alaska",
        "2025-08-17",
        "two.txt",
        actors=("Donald Trump", "Vladimir Putin"),
        category="summit",
        place="Alaska",
        basis="bound",
        qualifier="before",
        published="2025-08-17",
    )
    assert len(merge_events([meeting, summit])) == 2


def test_a_capital_and_its_state_are_one_place_for_merging() -> None:
    first = candidate("Shoigu visits Pyongyang", "2025-06-04", "one.txt")
    second = candidate("Shoigu visits North Korea", "2025-06-04", "two.txt", place="North Korea")
    (event,) = merge_events([first, second])
    assert {s.article for s in event.sources} == {"one.txt", "two.txt"}


def test_merged_title_comes_from_the_source_with_a_named_subject_and_place() -> None:
    vague = candidate("Visitor arrives", "2025-06-04", "one.txt", place="")
    named = candidate("Sergei Shoigu visits Pyongyang", "2025-06-04", "two.txt")
    for order in ([vague, named], [named, vague]):
        (event,) = merge_events(order)
        assert event.title == "Sergei Shoigu visits Pyongyang"


def test_merged_title_tells_the_deed_not_the_saying_about_it() -> None:
    saying = candidate(
        "Sergei Shoigu says talks went well", "2025-06-04", "one.txt", category="statement"
    )
    deed = candidate("Sergei Shoigu meets Kim Jong Un", "2025-06-04", "two.txt", category="meeting")
    (event,) = merge_events([saying, deed])
    assert event.title == "Sergei Shoigu meets Kim Jong Un"


def test_merged_title_comes_from_the_most_precisely_dated_source() -> None:
    month = candidate("Sergei Shoigu visits North Korea", "2025-06", "one.txt")
    day = candidate("Sergei Shoigu visits Pyongyang", "2025-06-04", "two.txt")
    (event,) = merge_events([month, day])
    assert (event.title, event.date) == ("Sergei Shoigu visits Pyongyang", "2025-06-04")


def test_merged_actors_are_the_titled_source_s_and_those_another_source_confirms() -> None:
    one = candidate(
        "Sergei Shoigu visits Pyongyang",
        "2025-06-04",
        "one.txt",
        actors=("Sergei Shoigu", "Kim Jong Un", "Ukraine"),
    )
    two = candidate(
        "Shoigu arrives", "2025-06-04", "two.txt", actors=("Sergei Shoigu", "South Korea")
    )
    (event,) = merge_events([two, one])
    assert event.actors == ("Sergei Shoigu", "Kim Jong Un", "Ukraine")


def test_a_state_naming_where_a_place_is_does_not_make_a_named_subject() -> None:
    wrong = candidate(
        "Kenya kills 258 people",
        "2025-06-04",
        "two.txt",
        actors=("Kenya",),
        category="casualties",
        place="Nairobi",
    )
    wrong = replace(
        wrong, sources=(replace(wrong.sources[0], quote="Bombings in Nairobi, Kenya, killed 258."),)
    )
    right = candidate(
        "Bombings kill 257 people",
        "2025-06-04",
        "one.txt",
        actors=("Bombings",),
        category="casualties",
        place="Nairobi",
    )
    (event,) = merge_events([wrong, right])
    assert event.title == "Bombings kill 257 people"


def test_a_source_that_disagrees_on_who_acted_adds_no_people() -> None:
    sworn = candidate(
        "Lee Jae-myung takes office",
        "2025-06-04",
        "one.txt",
        actors=("Lee Jae-myung",),
        category="other",
        place="",
    )
    same_day = candidate(
        "Sergei Shoigu swears in",
        "2025-06-04",
        "two.txt",
        actors=("Sergei Shoigu", "Lee Jae-myung", "Kim Jong Un"),
        category="other",
        place="",
    )
    agreeing = candidate(
        "Lee Jae-myung is sworn in",
        "2025-06-04",
        "three.txt",
        actors=("Lee Jae-myung", "Yoon Suk Yeol"),
        category="other",
        place="",
    )
    (event,) = merge_events([sworn, same_day, agreeing])
    assert event.actors == ("Lee Jae-myung", "Yoon Suk Yeol")


def test_one_day_s_death_toll_told_by_several_outlets_is_one_event() -> None:
    tolls = [
        candidate(
            f"Bombings kill {n} people",
            "1998-08-07",
            f"{n}.txt",
            actors=("Bombings",),
            category="casualties",
            place="",
        )
        for n in (257, 247, 259)
    ]
    (event,) = merge_events(tolls)
    assert len(event.sources) == 3


def test_tolls_far_apart_on_one_day_stay_two_events() -> None:
    small = candidate(
        "Blast kills 12 people",
        "1998-08-07",
        "a.txt",
        actors=("Blast",),
        category="casualties",
        place="",
    )
    large = candidate(
        "Bombings kill 257 people",
        "1998-08-07",
        "b.txt",
        actors=("Bombings",),
        category="casualties",
        place="",
    )
    assert len(merge_events([small, large])) == 2


def test_one_person_named_two_ways_in_two_articles_is_one_person() -> None:
    first = candidates(
        "Spain forward Jennifer Hermoso accused Luis Rubiales of assault on Tuesday.",
        date(2023, 9, 8),
        "one.txt",
    )
    second = candidates(
        "Jenni Hermoso formally accused Luis Rubiales of sexual assault Tuesday, prosecutors said.",
        date(2023, 9, 8),
        "two.txt",
    )
    also = candidates(
        "Jennifer Hermoso spoke to reporters on Friday.", date(2023, 9, 8), "three.txt"
    )
    merged = merge_events([*first, *second, *also])
    accused = next(e for e in merged if e.date == "2023-09-05")
    assert {s.article for s in accused.sources} == {"one.txt", "two.txt"}
    assert "Jenni Hermoso" not in {a for e in merged for a in e.actors}  # told most: Jennifer


def test_names_alike_only_by_a_short_first_name_stay_two_people() -> None:
    first = candidate(
        "Al Smith visits Paris", "2025-06-04", "one.txt", ("Al Smith",), place="Paris"
    )
    second = candidate(
        "Alan Smith visits Rome", "2025-06-04", "two.txt", ("Alan Smith",), place="Rome"
    )
    assert {a for e in merge_events([first, second]) for a in e.actors} == {
        "Al Smith",
        "Alan Smith",
    }


def test_a_deed_bounded_by_its_report_joins_the_dated_one_by_who_acts_and_its_kind() -> None:
    dated = candidates(
        "FIFA suspended the federation president on Saturday.", date(2023, 8, 27), "one.txt"
    )
    bounded = candidates(
        "The coach has been sacked, 10 days after FIFA suspended the federation president.",
        date(2023, 9, 6),
        "two.txt",
    )
    merged = merge_events([*dated, *bounded])
    suspension = next(e for e in merged if "suspends" in e.title)
    assert (suspension.date, {s.article for s in suspension.sources}) == (
        "2023-08-26",
        {"one.txt", "two.txt"},
    )


def test_a_reported_happening_no_one_is_named_in_joins_the_dated_one_of_its_kind() -> None:
    dated = candidates(
        "Acme announced on Monday that it will buy Beta Corp. for $2 billion.",
        date(2023, 12, 19),
        "one.txt",
    )
    reported = candidates(
        "The transaction was first announced in December.", date(2024, 9, 17), "two.txt"
    )
    (deal,) = merge_events([*dated, *reported])
    assert (deal.date, {s.article for s in deal.sources}) == ("2023-12-18", {"one.txt", "two.txt"})


def test_a_plan_no_one_is_named_in_is_no_report_of_a_happening_of_its_kind() -> None:
    planned = candidates(
        "We anticipate the deal will close in the third quarter of 2024, the company said.",
        date(2024, 1, 13),
        "one.txt",
    )
    reported = candidates(
        "Early this month, media reports said that Smith was planning to block the acquisition.",
        date(2024, 9, 24),
        "two.txt",
    )
    assert len(merge_events([*planned, *reported])) == 2


def test_a_reported_happening_no_one_is_named_in_gives_a_coarser_one_its_day() -> None:
    month = candidates("Judge Kaplan convicted Smith in November.", date(2023, 12, 20), "one.txt")
    day = candidates(
        "The jury reached its verdict, the court said on Thursday.", date(2023, 11, 3), "two.txt"
    )
    (verdict,) = merge_events([*month, *day])
    assert (verdict.date, verdict.label) == ("2023-11-02", "by 2 November 2023")


def test_a_lead_bounded_by_its_publish_date_joins_the_dated_deed_of_its_actor_and_category() -> (
    None
):
    lead = candidates(
        "Boeing and its main union have reached a tentative agreement, the union announced.",
        date(2024, 10, 19),
        "one.txt",
    )
    dated = candidates(
        "Boeing reached a tentative deal with the machinists Saturday.",
        date(2024, 10, 24),
        "two.txt",
    )
    (deal,) = merge_events([*lead, *dated])
    assert (deal.date, {s.article for s in deal.sources}) == ("2024-10-19", {"one.txt", "two.txt"})


def test_leads_of_one_kind_published_the_same_day_by_others_stay_apart() -> None:
    one = candidates(
        "First of America Bank Corp. said it completed its acquisition of Midwest Financial Group.",
        date(1989, 11, 2),
        "one.txt",
    )
    two = candidates(
        "Intelogic Trace Inc. said it bought 2.7 million shares of its common stock.",
        date(1989, 11, 2),
        "two.txt",
    )
    three = candidates(
        "Two rival bidders extended their offers to acquire the vaccine maker on Thursday.",
        date(1989, 11, 3),
        "three.txt",
    )
    assert len(merge_events([*one, *two, *three])) == 3


def test_one_rejection_told_as_a_vote_and_as_a_rejection_is_one_event() -> None:
    voted = candidates(
        "Striking machinists voted to reject the tentative deal on Wednesday.",
        date(2024, 10, 24),
        "one.txt",
    )
    rejected = candidates(
        "The workers rejected the company's latest contract offer on Wednesday.",
        date(2024, 10, 24),
        "two.txt",
    )
    (event,) = merge_events([*voted, *rejected])
    assert {s.article for s in event.sources} == {"one.txt", "two.txt"}


def test_a_deed_dated_by_its_week_joins_what_its_doer_said_of_it_that_week() -> None:
    text = (
        "The companies sued the government today after President Joe Biden blocked the deal "
        "last week.\nIn a statement Friday, Biden said he was acting to protect the industry."
    )
    article = Article(name="one.txt", published=date(2025, 1, 6), body=text, source="one")
    lines = text.split("\n")
    passages = (
        Passage(0, len(lines[0]), lines[0]),
        Passage(len(lines[0]) + 1, len(text), lines[1]),
    )
    merged = merge_events(extract_events(MainText(article, passages)))
    blocked = next(e for e in merged if "Biden" in e.title)
    assert (blocked.date, len(blocked.sources)) == ("2025-01-03", 2)


def test_blasts_heard_where_strikes_hit_that_day_are_the_strikes() -> None:
    text = (
        "India launched missile strikes on Pakistan on May 7.\n"
        "Multiple loud explosions were heard in Pakistani Kashmir after midnight on May 7."
    )
    article = Article(name="one.txt", published=date(2025, 5, 8), body=text, source="one")
    passages = (Passage(0, text.index("\n"), text.split("\n")[0]),)
    passages += (Passage(text.index("\n") + 1, len(text), text.split("\n")[1]),)
    (strikes,) = merge_events(extract_events(MainText(article, passages)))
    assert len(strikes.sources) == 2


def test_an_article_telling_its_peoples_happening_twice_on_one_date_tells_one() -> None:
    one = candidates(
        "Luis Rubiales kissed Jenni Hermoso after the final on Sunday.",
        date(2023, 8, 21),
        "one.txt",
    )
    two = candidates(
        "Luis Rubiales has been found guilty of sexual assault for forcibly kissing player Jenni "
        "Hermoso after the World Cup final in 2023. The 47-year-old Rubiales kissed Jenni Hermoso "
        "on the lips during the 2023 World Cup awards ceremony in Sydney after the win.",
        date(2025, 2, 21),
        "two.txt",
    )
    three = candidates(
        "Jenni Hermoso formally accused Luis Rubiales of sexual assault on Tuesday, saying the "
        "kiss was not consensual.",
        date(2023, 9, 6),
        "three.txt",
    )
    merged = merge_events([*one, *two, *three])
    accusation = next(e for e in merged if e.date == "2023-09-05")
    assert {s.article for s in accusation.sources} == {"three.txt"}  # not the year's kiss
    kiss = next(e for e in merged if e.date == "2023-08-20")
    assert [s.article for s in kiss.sources].count("two.txt") == 2


def test_a_dismissal_and_a_resignation_that_day_are_two_happenings() -> None:
    fired = candidates(
        "OpenAI's board fired chief executive Sam Altman on Friday.", date(2023, 11, 18), "one.txt"
    )
    quit_ = candidates(
        "Greg Brockman, the president, quit on Friday in protest after Sam Altman's ouster.",
        date(2023, 11, 19),
        "two.txt",
    )
    ousted = candidates(
        "The surprise ouster of Sam Altman unfolded on Friday.", date(2023, 11, 20), "three.txt"
    )
    merged = merge_events([*fired, *quit_, *ousted])
    dismissal = next(e for e in merged if "one.txt" in {s.article for s in e.sources})
    assert {s.article for s in dismissal.sources} == {"one.txt", "three.txt"}


def test_a_bound_on_the_day_joins_its_kind_that_day_not_a_day_it_only_allows() -> None:
    texts = {
        "one.txt": (
            "On Thursday night, Sam Altman received a text message from Ilya Sutskever.",
            date(2023, 11, 18),
        ),
        "two.txt": (
            "OpenAI's board fired chief executive Sam Altman on Friday.",
            date(2023, 11, 18),
        ),
        "three.txt": (
            (
                "The turmoil began Friday afternoon, when OpenAI announced that Sam Altman had been "
                "fired."
            ),
            date(2023, 11, 20),
        ),
    }
    events = candidates_of(texts)
    merged = merge_events(events)
    fired = next(e for e in merged if "two.txt" in {s.article for s in e.sources})
    assert {s.article for s in fired.sources} == {"two.txt", "three.txt"}


def test_a_day_after_a_dated_happening_of_its_kind_is_the_next_day() -> None:
    fired = candidates(
        "OpenAI's board fired chief executive Sam Altman on Friday.", date(2023, 11, 18), "one.txt"
    )
    talks = candidates(
        "Just a day after he was unceremoniously fired, Sam Altman reportedly began talks to "
        "return.",
        date(2023, 11, 20),
        "two.txt",
    )
    (began,) = [e for e in merge_events([*fired, *talks]) if "talks" in e.title]
    assert (began.date, began.qualifier) == ("2023-11-18", "")


def test_days_before_a_summit_named_by_its_place_is_no_meeting_elsewhere() -> None:
    met = candidates(
        "Kim Jong Un met Vladimir Putin's envoy in Pyongyang on June 4.",
        date(2025, 6, 5),
        "one.txt",
    )
    briefed = candidates(
        "Days before Trump and Putin held a summit in Alaska, the Russian leader briefed Kim "
        "by phone.",
        date(2025, 8, 17),
        "two.txt",
    )
    (briefing,) = [e for e in merge_events([*met, *briefed]) if "brief" in e.title]
    assert briefing.date != "2025-06-04"


def test_a_bound_of_a_known_kind_joins_no_other_happening_by_words_alone() -> None:
    selfie = candidates(
        "Sam Altman posted a selfie Sunday afternoon holding an OpenAI guest pass, a sign he "
        "was back at the company's headquarters to return as CEO.",
        date(2023, 11, 20),
        "one.txt",
    )
    agreement = candidates(
        "Sam Altman has reached an agreement in principle to return as CEO of OpenAI, the "
        "company announced late Tuesday night.",
        date(2023, 11, 22),
        "two.txt",
    )
    assert len(merge_events([*selfie, *agreement])) == 2


def test_a_plan_joins_the_happening_that_holds_the_same_plan() -> None:
    texts = {
        "one.txt": (
            (
                "A judge revoked Sam Bankman-Fried's bail on Friday. Bankman-Fried will remain in "
                "jail ahead of his trial, which is set to begin Oct. 2."
            ),
            date(2023, 8, 12),
        ),
        "two.txt": (
            "On Tuesday, Sam Bankman-Fried's fraud trial got under way in Manhattan federal court.",
            date(2023, 10, 4),
        ),
        "three.txt": (
            (
                "Onetime crypto mogul Sam Bankman-Fried is testifying at his blockbuster crypto trial "
                "again Monday."
            ),
            date(2023, 10, 30),
        ),
        "four.txt": (
            (
                "Sam Bankman-Fried asked for bail on Monday. Bankman-Fried denies the charges. The "
                "Block reports that Damian Williams is still pressing for the failed crypto mogul to "
                "be jailed until his October trial."
            ),
            date(2023, 8, 3),
        ),
    }
    events = candidates_of(texts)
    trial = next(e for e in merge_events(events) if "two.txt" in {s.article for s in e.sources})
    assert {s.article for s in trial.sources} == {"one.txt", "two.txt", "four.txt"}


def test_a_verdict_told_four_ways_is_one_event_by_the_day_the_jury_was_heard() -> None:
    texts = {
        # a lead: on or before the publish date
        "one.txt": (
            "Sam Bankman-Fried, the founder of FTX, has been found guilty on all seven counts.",
            date(2023, 11, 3),
        ),
        # no one named: only its kind, and a report's day inside the month the others give
        "two.txt": (
            (
                "On Thursday, the jury began its deliberations. Then, at 7:37 p.m., a clerk "
                "announced to the courtroom that the jury had reached a verdict."
            ),
            date(2023, 11, 8),
        ),
        "three.txt": (
            "Sam Bankman-Fried was convicted of fraud last November after a monthlong trial.",
            date(2024, 3, 15),
        ),
    }
    events = candidates_of(texts)
    merged = merge_events(events)
    (verdict,) = [e for e in merged if "three.txt" in {s.article for s in e.sources}]
    assert {s.article for s in verdict.sources} == {"one.txt", "two.txt", "three.txt"}
    assert (verdict.date, verdict.qualifier) == ("2023-11-02", "before")  # not all November


def test_words_alone_do_not_tie_two_kinds_of_happening_that_day() -> None:
    texts = {
        "one.txt": (
            (
                "Thrive is working to reinstate Greg Brockman, the startup's president who quit on "
                "Friday in protest."
            ),
            date(2023, 11, 19),
        ),
        "two.txt": (
            (
                "Staff want the board to reinstate Greg Brockman, the former president who was also "
                "removed by the board on Friday."
            ),
            date(2023, 11, 20),
        ),
    }
    events = candidates_of(texts)
    assert len(merge_events(events)) == 2  # his removal and his quitting


def test_one_article_telling_its_person_s_happening_twice_in_a_month_tells_one() -> None:
    article = candidates(
        "Back in November, Sam Altman was fired as chief executive of OpenAI on a Friday.\n"
        "The law firm WilmerHale reviewed the events around Sam Altman's November removal.",
        date(2024, 3, 9),
        "one.txt",
    )
    day = candidates(
        "OpenAI's board fired chief executive Sam Altman on Friday.", date(2023, 11, 18), "two.txt"
    )
    merged = merge_events([*day, *article])
    assert [sorted(s.article for s in e.sources) for e in merged] == [
        ["one.txt", "one.txt", "two.txt"]
    ]


def test_a_telling_with_no_date_joins_the_dated_happening_of_its_kind_and_person() -> None:
    dated = candidates(
        "Greg Brockman quit on Friday in protest at the ouster.", date(2023, 11, 18), "one.txt"
    )
    retold = candidates(
        "OpenAI named a new chief on Monday.\n"
        "Following this, Greg Brockman also resigned from his position at OpenAI.",
        date(2023, 11, 21),
        "two.txt",
    )
    (quit_,) = [e for e in merge_events([*dated, *retold]) if "Brockman" in e.title]
    assert sorted(s.article for s in quit_.sources) == ["one.txt", "two.txt"]
    assert quit_.date == "2023-11-17"  # the undated telling never dates it


def test_a_telling_with_no_date_and_nothing_dated_to_join_is_no_event() -> None:
    events = candidates(
        "OpenAI named a new chief on Monday.\n"
        "Following this, Greg Brockman also resigned from his position at OpenAI.",
        date(2023, 11, 21),
        "a.txt",
    )
    assert [e.title for e in merge_events(events)] == ["OpenAI names new chief"]


def test_a_telling_with_no_date_whose_verb_tells_no_kind_joins_nothing() -> None:
    dated = candidates(
        "Greg Brockman quit on Friday in protest at the ouster.", date(2023, 11, 18), "one.txt"
    )
    retold = candidates(
        "OpenAI named a new chief on Monday.\n"
        "Greg Brockman's resignation had brought uncertainty for OpenAI.",  # "brought"
        date(2023, 11, 21),
        "two.txt",
    )
    (quit_,) = [e for e in merge_events([*dated, *retold]) if "Brockman" in e.title]
    assert [s.article for s in quit_.sources] == ["one.txt"]


def test_one_article_s_two_deeds_of_a_person_on_one_day_stay_two() -> None:
    events = split_events_of(
        "Elian Gonzalez, 6, was found at sea in November.\n"
        "During the day Friday, Elian played in his relatives' yard with a puppy named Dolphin, a "
        "gift from Rep. Lincoln Diaz-Balart, R-Fla.\n"
        "In efforts to prevent Elian Gonzalez's return to Cuba, an anti-Castro lawmaker "
        "subpoenaed him Friday to testify before a congressional committee and one of his Miami "
        "relatives sought to become his legal guardian.",
        date(2000, 1, 8),
    )
    friday = [e for e in merge_events(events) if e.date == "2000-01-07"]
    assert len(friday) == 2


def test_two_reports_bounding_one_deal_from_above_are_one_event() -> None:
    report = candidates(
        "Sam Altman has reached an agreement in principle to return as CEO of OpenAI, the company "
        "announced late Tuesday night in a post on X.",
        date(2023, 11, 22),
        "one.txt",
    )
    lead = candidates(
        "OpenAI has reached an agreement for Sam Altman to return as CEO days after his ouster, "
        "capping frenzied discussions about the future of the startup.",
        date(2023, 11, 22),
        "two.txt",
    )
    (deal,) = merge_events([*report, *lead])
    assert (deal.date, deal.qualifier) == ("2023-11-21", "before")
    assert sorted(s.article for s in deal.sources) == ["one.txt", "two.txt"]


def test_during_a_happening_a_source_dates_is_on_its_day() -> None:
    trial = candidates(
        "On Monday morning the trial of Luis Rubiales began in Madrid.", date(2025, 2, 4), "one.txt"
    )
    during = candidates(
        "Rubiales was fined on Thursday.\n"
        "During the trial, Jennifer Hermoso testified about how the incident affected her.",
        date(2025, 2, 20),
        "two.txt",
    )
    merged = merge_events([*trial, *during])
    (testified,) = [e for e in merged if "testif" in e.title]
    assert (testified.date, testified.qualifier) == ("2025-02-03", "")
    assert testified.sources[0].basis == "during"


def test_during_a_happening_no_source_dates_is_no_event() -> None:
    during = candidates(
        "Rubiales was fined on Thursday.\n"
        "During the trial, Jennifer Hermoso testified about how the incident affected her.",
        date(2025, 2, 20),
        "two.txt",
    )
    assert [e.title for e in merge_events(during)] == ["Rubiales fined"]


def test_during_a_happening_dated_by_its_own_words_is_no_anchor() -> None:
    told = candidates(
        "Luis Rubiales kissed Jennifer Hermoso during the 2023 World Cup awards ceremony.",
        date(2025, 2, 20),
        "one.txt",
    )
    assert {s.basis for e in told for s in e.sources} == {""}
    assert {e.date for e in told} == {"2023"}
