"""events.yaml on disk: format, comments kept byte for byte, safety (errors, atomic writes, lock)."""

from __future__ import annotations

import multiprocessing
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest

from tests.store.samples import KIM, VISIT
from timeline.model import Event, Source, TimelineError
from timeline.store import store
from timeline.store.splice import HEADER

PUTIN = Source(
    "putin.txt", "2025-08-15", 'Putin praised the troops: "heroes".', "on Friday", outlet="TASS"
)
LETTER = Event(
    "putin-letter-2025-08-15", "Putin writes to Kim", "2025-08-15", "statement", sources=(PUTIN,)
)


def _build(path: Path, extracted: list[Event]) -> store.StoreUpdate:
    with store.locked(path):
        update = store.update_store(store.load_store(path), extracted)
        store.write_store(path, update)
    return update


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_missing_store_is_empty(tmp_path: Path) -> None:
    assert store.load_store(tmp_path / "events.yaml").events == ()


def test_first_build_writes_the_canonical_format(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT])
    assert path.read_text(encoding="utf-8") == (
        HEADER + "events:\n"
        "  - id: shoigu-visit-2025-06-04\n"
        "    title: Shoigu visits Pyongyang\n"
        '    date: "2025-06-04"\n'
        "    category: visit\n"
        "    actors: [Sergei Shoigu, Kim Jong Un]\n"
        "    place: Pyongyang\n"
        "    sources:\n"
        "      - article: kim.txt\n"
        '        published: "2025-06-05"\n'
        "        quote: Meeting Shoigu on Wednesday, Kim said he backs Russia.\n"
        "        phrase: on Wednesday\n"
    )


def test_load_returns_the_events_written(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT, LETTER])
    assert store.load_store(path).events == (VISIT, LETTER)


def test_second_build_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT, LETTER])
    before = path.stat().st_mtime_ns
    update = _build(path, [VISIT, LETTER])
    assert not update.changed
    assert path.stat().st_mtime_ns == before
    assert not store.backup_path(path).exists()
    assert (update.new, update.updated, update.unchanged) == (0, 0, 2)


def test_previous_store_is_kept_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT])
    first = path.read_bytes()
    _build(path, [VISIT, LETTER])
    assert store.backup_path(path).read_bytes() == first


def test_comments_and_untouched_entries_survive_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT, LETTER])
    _edit(path, "events:\n", "# My notes on the story.\nevents:\n  # the June visit\n")
    _edit(path, "place: Pyongyang\n", "place: Pyongyang   # confirmed by KCNA\n")
    before = path.read_text(encoding="utf-8")
    changed_letter = replace(LETTER, title="Putin thanks Kim's troops")
    _build(path, [VISIT, changed_letter])
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("title: Putin writes to Kim", "title: Putin thanks Kim's troops")


def test_only_the_changed_field_of_an_entry_is_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT])
    _edit(
        path, "    title: Shoigu visits Pyongyang\n", "    title: Shoigu visits Pyongyang  # keep\n"
    )
    _build(path, [replace(VISIT, label="early June", sources=(KIM, PUTIN))])
    text = path.read_text(encoding="utf-8")
    assert "    title: Shoigu visits Pyongyang  # keep\n" in text
    assert '    date: "2025-06-04"\n    label: early June\n' in text
    assert store.load_store(path).events[0].sources == (KIM, PUTIN)


def test_events_the_user_changed_or_added_are_marked_edited(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT, LETTER])
    _edit(path, "title: Putin writes to Kim", "title: Putin's letter")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("  - id: mine\n    title: Mine\n    date: '2024'\n")
    update = _build(path, [VISIT, LETTER])
    assert {event.id: event.edited for event in update.events} == {
        VISIT.id: False,
        LETTER.id: True,
        "mine": True,
    }
    assert "edited" not in path.read_text(encoding="utf-8")


def test_fresh_clone_without_base_keeps_every_edit(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT, LETTER])
    _edit(path, "title: Putin writes to Kim", "title: Putin's letter")
    shutil.rmtree(tmp_path / ".timeline")  # .timeline/ is not committed
    _build(path, [VISIT, replace(LETTER, title="Machine title", place="Moscow")])
    letter = store.load_store(path).events[1]
    assert (letter.title, letter.place) == ("Putin's letter", "Moscow")


def test_unreadable_base_counts_as_no_base(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT])
    store.base_path(path).write_text("{", encoding="utf-8")
    assert store.load_store(path).base is None


def test_comment_after_a_rewritten_value_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT])
    _edit(path, "    category: visit\n", "    category: visit   # or meeting?\n")
    _build(path, [replace(VISIT, category="meeting")])
    assert "    category: meeting   # or meeting?\n" in path.read_text(encoding="utf-8")


def test_new_source_is_appended_after_comments_inside_sources(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT])
    _edit(path, "    sources:\n", "    sources:\n      # KCNA has it too\n")
    before = path.read_text(encoding="utf-8")
    _build(path, [replace(VISIT, sources=(KIM, PUTIN))])
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :].startswith("      - article: putin.txt\n")


def test_deleting_an_entry_by_hand_is_recorded_and_sticks(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT, LETTER])
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: putin-letter")
    path.write_text(text[:start], encoding="utf-8")
    _build(path, [VISIT, LETTER])
    loaded = store.load_store(path)
    assert [event.id for event in loaded.events] == [VISIT.id]
    assert loaded.document.deleted == (LETTER.id,)
    assert path.read_text(encoding="utf-8").endswith("deleted:\n  - putin-letter-2025-08-15\n")


def test_listing_an_id_under_deleted_removes_its_entry(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT, LETTER])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("deleted: [shoigu-visit-2025-06-04]\n")
    _build(path, [VISIT, LETTER])
    assert [event.id for event in store.load_store(path).events] == [LETTER.id]


def test_event_added_by_hand_without_sources_is_kept_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT])
    mine = "  - id: my-event\n    title: Treaty signed\n    date: 2024-06   # unquoted is fine\n"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(mine)
    _build(path, [VISIT])
    assert path.read_text(encoding="utf-8").endswith(mine)
    assert store.load_store(path).events[1] == Event("my-event", "Treaty signed", "2024-06")


def test_new_event_is_inserted_in_date_order_with_the_files_indentation(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(
        "events:\n- id: b\n  title: B\n  date: '2025-08'\n- id: a\n  title: A\n  date: '2025-01'\n",
        encoding="utf-8",
    )
    new = Event("c", "C", "2025-06", sources=(KIM,))
    _build(path, [new])
    assert path.read_text(encoding="utf-8") == (
        "events:\n"
        '- id: c\n  title: C\n  date: "2025-06"\n  category: other\n  sources:\n'
        "    - article: kim.txt\n"
        '      published: "2025-06-05"\n'
        "      quote: Meeting Shoigu on Wednesday, Kim said he backs Russia.\n"
        "      phrase: on Wednesday\n"
        "- id: b\n  title: B\n  date: '2025-08'\n- id: a\n  title: A\n  date: '2025-01'\n"
    )


def test_changed_field_on_the_dash_line_keeps_the_dash(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT])
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  - id: shoigu-visit-2025-06-04\n    title: Shoigu visits Pyongyang\n",
        "  - title: Shoigu visits Pyongyang\n    id: shoigu-visit-2025-06-04\n",
    )
    path.write_text(text, encoding="utf-8")
    _build(path, [replace(VISIT, title="Shoigu in Pyongyang")])
    assert "  - title: Shoigu in Pyongyang\n    id: shoigu-visit-2025-06-04\n" in path.read_text(
        encoding="utf-8"
    )


def test_flow_style_entry_is_rewritten_in_block_style_when_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("events:\n  - {id: mine, title: Mine, date: '2024'}\n", encoding="utf-8")
    _build(path, [])
    mine = Event("mine", "Mine", "2024", sources=(KIM,))
    _build(path, [replace(mine, title="Machine title")])
    assert store.load_store(path).events == (mine,)
    assert path.read_text(encoding="utf-8").startswith("events:\n  - id: mine\n    title: Mine\n")


def test_windows_line_endings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(b"# mine\r\nevents:\r\n  - id: a\r\n    title: A\r\n    date: '2025'\r\n")
    _build(path, [VISIT])
    text = path.read_bytes()
    assert text.startswith(b"# mine\r\nevents:\r\n  - id: a\r\n")
    assert b"\n" not in text.replace(b"\r\n", b"")


def test_empty_events_list_is_filled(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("# my timeline\nevents: []\n", encoding="utf-8")
    _build(path, [VISIT])
    assert path.read_text(encoding="utf-8").startswith(
        "# my timeline\nevents:\n  - id: shoigu-visit"
    )
    assert store.load_store(path).events == (VISIT,)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("events:\n  - id: a\n    title: [unclosed\n", 4, "invalid YAML"),
        ("events:\n  - id: a\n    title: A\n    date: June 2025\n", 4, "not an ISO date"),
        (
            "events:\n  - id: a\n    title: A\n    date: '2025'\n    colour: red\n",
            5,
            "unknown key `colour`",
        ),
        ("events:\n  - id: a\n    date: '2025'\n", 2, "event has no `title`"),
        ("events:\n  - !!python/object:os.system {id: a}\n", 2, "unsupported YAML tag"),
        (
            "events:\n  - {id: a, title: A, date: '2025'}\n  - {id: a, title: B, date: '2025'}\n",
            3,
            "duplicate id `a`",
        ),
    ],
)
def test_broken_store_aborts_with_file_and_line_and_touches_nothing(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TimelineError) as error:
        _build(path, [VISIT])
    assert str(error.value).startswith(f"{path}:{line}: ")
    assert message in str(error.value)
    assert path.read_text(encoding="utf-8") == text
    assert not store.backup_path(path).exists()
    assert not store.base_path(path).exists()


def test_store_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(b"events:\n  - id: caf\xe9\n")
    with pytest.raises(TimelineError, match=r"events.yaml:2: not UTF-8"):
        store.load_store(path)


def test_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [VISIT])
    _build(path, [VISIT, LETTER])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".timeline",
        "events.yaml",
        "events.yaml.bak",
    ]


def _hold_lock(path: str, seconds: float) -> None:
    with store.locked(Path(path)):
        Path(path + ".held").write_text("held", encoding="utf-8")
        time.sleep(seconds)


def test_lock_held_by_another_process_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    holder = multiprocessing.get_context("spawn").Process(target=_hold_lock, args=(str(path), 3.0))
    holder.start()
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "events.yaml.held").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        with (
            pytest.raises(TimelineError, match="another `timeline build` is using this store"),
            store.locked(path, wait=0.2),
        ):
            pass
    finally:
        holder.join()


def test_second_build_in_the_same_process_cannot_take_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    with (
        store.locked(path),
        pytest.raises(TimelineError, match=r"lock .*\.timeline/events\.lock"),
        store.locked(path, wait=0.1),
    ):
        pass


def test_lock_is_released_after_the_build(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    with store.locked(path):
        pass
    with store.locked(path, wait=0):
        pass


def test_comments_inside_a_refreshed_sources_list_survive(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _build(path, [replace(VISIT, sources=(KIM, PUTIN))])
    _edit(
        path,
        "      - article: kim.txt\n",
        "      # checked against KCNA\n      - article: kim.txt\n",
    )
    _edit(path, "        phrase: on Wednesday\n", "        phrase: on Wednesday  # not Tuesday\n")
    _edit(path, "      - article: putin.txt\n", "      # TASS only\n      - article: putin.txt\n")
    refreshed = replace(KIM, resolution="the Wednesday before the publish date")
    _build(path, [replace(VISIT, sources=(refreshed, PUTIN))])
    text = path.read_text(encoding="utf-8")
    assert "      # checked against KCNA\n      - article: kim.txt\n" in text
    assert "        phrase: on Wednesday  # not Tuesday\n" in text
    assert "      # TASS only\n      - article: putin.txt\n" in text
    assert "resolution: the Wednesday before the publish date" in text
