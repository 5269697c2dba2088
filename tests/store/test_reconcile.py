"""The three-way merge of a rebuild: base (tool's last proposals), file (user's), extracted (now)."""

from __future__ import annotations

from dataclasses import replace

from tests.store.samples import KIM, VISIT
from timeline.model import Event, Source
from timeline.store.reconcile import Snapshot, merge_sources, reconcile

PUTIN = Source(
    "putin.txt", "2025-08-15", "Putin praised the troops in a letter on Friday.", "on Friday"
)
LATER = Source("later.txt", "2025-08-17", "Shoigu was in Pyongyang on June 4.", "on June 4")
LETTER = Event(
    "putin-letter-2025-08-15", "Putin writes to Kim", "2025-08-15", "statement", sources=(PUTIN,)
)


def _built(*events: Event) -> Snapshot:
    """The base after the tool wrote exactly these events."""
    return Snapshot(tuple(events))


def test_untouched_field_takes_the_new_extracted_value() -> None:
    extracted = replace(VISIT, title="Shoigu meets Kim in Pyongyang")
    outcome = reconcile([VISIT], [], _built(VISIT), [extracted])
    assert outcome.events[0].title == "Shoigu meets Kim in Pyongyang"
    assert outcome.updated == (VISIT.id,)


def test_field_the_user_changed_keeps_the_users_value() -> None:
    edited = replace(VISIT, title="Shoigu's second visit")
    outcome = reconcile([edited], [], _built(VISIT), [replace(VISIT, title="Machine title")])
    assert outcome.events[0].title == "Shoigu's second visit"


def test_user_value_survives_a_second_rebuild() -> None:
    edited = replace(VISIT, date="2025-06")
    first = reconcile([edited], [], _built(VISIT), [VISIT])
    second = reconcile(first.events, first.deleted, first.base, [VISIT])
    assert second.events[0].date == "2025-06"


def test_field_the_tool_has_nothing_new_for_is_not_rewritten() -> None:
    outcome = reconcile([VISIT], [], _built(VISIT), [replace(VISIT, place="", actors=())])
    assert outcome.events[0].place == "Pyongyang"
    assert outcome.events[0].actors == VISIT.actors


def test_category_other_is_not_news() -> None:
    outcome = reconcile([VISIT], [], _built(VISIT), [replace(VISIT, category="other")])
    assert outcome.events[0].category == "visit"


def test_notes_are_never_touched() -> None:
    noted = replace(VISIT, notes="Check the date against KCNA.")
    outcome = reconcile([noted], [], _built(VISIT), [VISIT])
    assert outcome.events[0].notes == "Check the date against KCNA."


def test_entry_removed_from_file_is_recorded_as_deleted_and_stays_deleted() -> None:
    outcome = reconcile([LETTER], [], _built(VISIT, LETTER), [VISIT, LETTER])
    assert [event.id for event in outcome.events] == [LETTER.id]
    assert outcome.deleted == (VISIT.id,)
    again = reconcile(outcome.events, outcome.deleted, outcome.base, [VISIT, LETTER])
    assert [event.id for event in again.events] == [LETTER.id]


def test_deleted_event_is_recognised_by_its_source_under_a_new_id() -> None:
    outcome = reconcile(
        [LETTER], [VISIT.id], _built(VISIT, LETTER), [replace(VISIT, id="other-id")]
    )
    assert [event.id for event in outcome.events] == [LETTER.id]


def test_id_listed_under_deleted_removes_the_entry() -> None:
    outcome = reconcile([VISIT, LETTER], [VISIT.id], _built(VISIT, LETTER), [VISIT, LETTER])
    assert [event.id for event in outcome.events] == [LETTER.id]
    assert outcome.removed == (VISIT.id,)


def test_id_taken_off_deleted_brings_the_event_back() -> None:
    deleted = reconcile([LETTER], [], _built(VISIT, LETTER), [VISIT, LETTER])
    revived = reconcile(deleted.events, [], deleted.base, [VISIT, LETTER])
    assert {event.id for event in revived.events} == {VISIT.id, LETTER.id}
    assert revived.deleted == ()


def test_event_added_by_hand_is_kept_as_written() -> None:
    mine = Event("my-own-event", "Something I know", "2024", "other", notes="from a book")
    outcome = reconcile([VISIT, mine], [], _built(VISIT), [VISIT])
    assert mine in outcome.events


def test_hand_added_event_matched_by_id_keeps_its_fields_and_gains_sources() -> None:
    mine = Event(VISIT.id, "My title", "2025-06", "visit")
    outcome = reconcile([mine], [], _built(LETTER), [VISIT])
    assert outcome.events[0] == replace(mine, sources=(KIM,))


def test_new_source_from_new_article_is_appended() -> None:
    outcome = reconcile([VISIT], [], _built(VISIT), [replace(VISIT, sources=(KIM, LATER))])
    assert outcome.events[0].sources == (KIM, LATER)


def test_extracted_event_matches_by_shared_source_and_keeps_the_existing_id() -> None:
    renamed = replace(VISIT, id="a-machine-id", sources=(KIM, LATER))
    outcome = reconcile([VISIT], [], _built(VISIT), [renamed])
    assert [event.id for event in outcome.events] == [VISIT.id]
    assert outcome.new == ()


def test_new_event_with_a_taken_id_gets_a_fresh_id() -> None:
    other = Event(VISIT.id, "Another visit", "2025-09-01", "visit", sources=(LATER,))
    outcome = reconcile([VISIT], [], _built(VISIT), [VISIT, other])
    assert outcome.new == (f"{VISIT.id}-2",)


def test_new_event_is_placed_before_the_first_later_event() -> None:
    early = Event("early", "Early", "2025-07", "other", sources=(LATER,))
    outcome = reconcile([VISIT, LETTER], [], _built(VISIT, LETTER), [VISIT, LETTER, early])
    assert [event.id for event in outcome.events] == [VISIT.id, "early", LETTER.id]
    assert outcome.before == {"early": LETTER.id}


def test_without_a_base_every_field_in_the_file_is_the_users() -> None:
    edited = replace(VISIT, title="My title")
    outcome = reconcile([edited], [], None, [VISIT])
    assert outcome.events[0].title == "My title"


def test_event_not_extracted_any_more_is_kept() -> None:
    outcome = reconcile([VISIT, LETTER], [], _built(VISIT, LETTER), [LETTER])
    assert [event.id for event in outcome.events] == [VISIT.id, LETTER.id]


def test_hand_renamed_id_is_not_recorded_as_deleted() -> None:
    renamed = replace(VISIT, id="shoigu-first-visit")
    outcome = reconcile([renamed], [], _built(VISIT), [VISIT])
    assert outcome.deleted == ()
    assert [event.id for event in outcome.events] == ["shoigu-first-visit"]


def test_source_the_user_removed_is_not_added_back() -> None:
    assert merge_sources([KIM], [KIM, LATER], [KIM, LATER]) == (KIM,)


def test_source_the_user_edited_keeps_the_users_text() -> None:
    fixed = replace(KIM, phrase="Wednesday")
    refreshed = replace(KIM, resolution="weekday before publication")
    assert merge_sources([fixed], [KIM], [refreshed]) == (fixed,)


def test_untouched_source_is_refreshed() -> None:
    refreshed = replace(KIM, resolution="weekday before publication")
    assert merge_sources([KIM], [KIM], [refreshed]) == (refreshed,)


def test_rebuild_with_same_extraction_changes_nothing() -> None:
    first = reconcile([], [], None, [VISIT, LETTER])
    second = reconcile(first.events, first.deleted, first.base, [VISIT, LETTER])
    assert second.events == first.events
    assert second.base == first.base
    assert second.new == second.updated == ()


def test_field_stays_the_users_after_the_tool_proposes_the_same_value() -> None:
    edited = replace(VISIT, title="Shoigu in Pyongyang")
    agreed = reconcile([edited], [], _built(VISIT), [replace(VISIT, title="Shoigu in Pyongyang")])
    later = reconcile(
        agreed.events, agreed.deleted, agreed.base, [replace(VISIT, title="Machine title")]
    )
    assert later.events[0].title == "Shoigu in Pyongyang"


def test_without_a_base_a_field_equal_to_the_extraction_is_refreshed_later() -> None:
    first = reconcile([VISIT], [], None, [VISIT])
    later = reconcile(
        first.events, first.deleted, first.base, [replace(VISIT, title="Better title")]
    )
    assert later.events[0].title == "Better title"


def test_without_a_base_empty_fields_are_filled() -> None:
    bare = replace(VISIT, place="", actors=())
    outcome = reconcile([bare], [], None, [VISIT])
    assert outcome.events[0] == VISIT


def test_without_a_base_new_sources_are_appended() -> None:
    outcome = reconcile([VISIT], [], None, [replace(VISIT, sources=(KIM, LATER))])
    assert outcome.events[0].sources == (KIM, LATER)


def test_edited_source_stays_the_users_after_the_tool_agrees() -> None:
    fixed = replace(KIM, phrase="Wednesday")
    edited = replace(VISIT, sources=(fixed,))
    agreed = reconcile([edited], [], _built(VISIT), [replace(VISIT, sources=(fixed,))])
    later = reconcile(agreed.events, agreed.deleted, agreed.base, [VISIT])
    assert later.events[0].sources == (fixed,)


def test_a_disagreement_the_sources_no_longer_have_is_cleared() -> None:
    disputed = replace(VISIT, disagreement="kept 4 June 2025; later.txt gives 3 June 2025")
    outcome = reconcile([disputed], [], _built(disputed), [VISIT])
    assert outcome.events[0].disagreement == ""
    assert outcome.updated == (VISIT.id,)


def test_a_disagreement_the_user_wrote_is_kept_when_the_sources_agree() -> None:
    noted = replace(VISIT, disagreement="TASS says the 3rd; check")
    outcome = reconcile([noted], [], _built(VISIT), [VISIT])
    assert outcome.events[0].disagreement == "TASS says the 3rd; check"


def test_what_articles_report_of_a_deleted_event_is_kept_apart_and_remembered() -> None:
    again = replace(VISIT, sources=(KIM, LATER))
    outcome = reconcile([], [VISIT.id], _built(VISIT), [again])
    assert outcome.events == ()
    assert [(e.id, e.sources) for e in outcome.suppressed] == [(VISIT.id, (KIM, LATER))]
    remembered = {e.id: e for e in outcome.base.events}[VISIT.id]
    assert LATER in remembered.sources  # the next build does not report it again
