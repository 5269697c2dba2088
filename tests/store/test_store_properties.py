"""Invariants of the store for all inputs: hand edits, deletions, additions and comments survive
any sequence of rebuilds; load, save, load is the identity; a rebuild run twice changes nothing."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.events.cache import event_record
from timeline.model import CATEGORIES, Event, Source, TimelineError
from timeline.store import emit, store
from timeline.store.reconcile import Snapshot
from timeline.store.storefile import date_bounds, parse

SETTINGS = settings(
    max_examples=int(os.environ.get("N", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Any text YAML can hold (no lone surrogates), biased toward YAML's awkward characters.
TEXT = st.text(
    st.one_of(
        st.characters(exclude_categories=["Cs"]),
        st.sampled_from(list(":#-'\"[]{},&*!|>%@` \n\t")),
    ),
    min_size=1,
    max_size=24,
)
IDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)


@st.composite
def iso_dates(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
    form = draw(st.sampled_from([4, 7, 10]))
    return day.isoformat()[:form]


SOURCES = st.builds(
    Source,
    article=TEXT,
    published=iso_dates(),
    quote=TEXT,
    phrase=st.one_of(st.just(""), TEXT),
    outlet=st.one_of(st.just(""), TEXT),
    url=st.one_of(st.just(""), TEXT),
    date=st.one_of(st.just(""), iso_dates()),
    resolution=st.one_of(st.just(""), TEXT),
)


def _span_ok(day: str, end: str) -> bool:
    """An end not before its date (a store with one is refused, see test_store.py)."""
    first, last = date_bounds(day), date_bounds(end) if end else None
    return not (first and last and last[1] < first[0])


@st.composite
def events(draw: st.DrawFn, event_id: str) -> Event:
    day = draw(iso_dates())
    return Event(
        id=event_id,
        title=draw(TEXT),
        date=day,
        category=draw(st.sampled_from(CATEGORIES)),
        end=draw(st.one_of(st.just(""), iso_dates().filter(lambda end: _span_ok(day, end)))),
        label=draw(st.one_of(st.just(""), TEXT)),
        qualifier=draw(st.sampled_from(["", "early", "before", "about"])),
        actors=tuple(draw(st.lists(TEXT, max_size=3))),
        place=draw(st.one_of(st.just(""), TEXT)),
        sources=tuple(draw(st.lists(SOURCES, max_size=2))),
        disagreement=draw(st.one_of(st.just(""), TEXT)),
        notes=draw(st.one_of(st.just(""), TEXT)),
    )


@st.composite
def stores(draw: st.DrawFn) -> tuple[list[Event], list[str]]:
    ids = draw(st.lists(IDS, unique=True, max_size=8))
    cut = draw(st.integers(0, len(ids)))
    return [draw(events(event_id)) for event_id in ids[:cut]], ids[cut:]


@SETTINGS
@given(stores())
def test_load_save_load_is_the_identity(content: tuple[list[Event], list[str]]) -> None:
    written, deleted = content
    text = emit.document_text(written, deleted)
    document, problems = parse(text)
    assert problems == []
    assert list(document.events) == written
    assert list(document.deleted) == deleted
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        path.write_text(text, encoding="utf-8")
        update = store.update_store(store.load_store(path), [])
        assert update.text == text and not update.changed


@SETTINGS
@given(stores())
def test_a_rebuild_run_twice_writes_the_same_bytes(content: tuple[list[Event], list[str]]) -> None:
    extracted, _ = content
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        _rebuild(path, extracted)
        first = path.read_bytes()
        update = _rebuild(path, extracted)
        assert path.read_bytes() == first
        assert not update.changed


# The world the tool extracts from: a few events, each reported by a few fixed sources.
WORLD = [
    Event(
        f"w{index}",
        f"World event {index}",
        f"2025-0{index + 1}",
        "other",
        sources=tuple(
            Source(f"a{index}-{n}.txt", "2025-09-01", f"Quote {index}.{n}", "") for n in range(3)
        ),
    )
    for index in range(5)
]


RESOLUTIONS = ("", "the Wednesday before the publish date", "a month of the publish year")


@st.composite
def extractions(draw: st.DrawFn) -> list[Event]:
    """What one rebuild extracts: some world events, with varying fields and sources."""
    chosen = draw(st.lists(st.sampled_from(WORLD), unique_by=lambda e: e.id, max_size=5))
    extracted = []
    for event in chosen:
        sources = draw(
            st.lists(st.sampled_from(event.sources), unique=True, min_size=1, max_size=3)
        )
        # a source read again may be dated or resolved differently: the store refreshes it
        sources = [replace(s, resolution=draw(st.sampled_from(RESOLUTIONS))) for s in sources]
        extracted.append(
            replace(
                event,
                title=draw(st.sampled_from([event.title, "Retold", "Another title"])),
                date=draw(st.sampled_from([event.date, "2025", "2025-05-05"])),
                category=draw(st.sampled_from(["other", "visit", "summit"])),
                place=draw(st.sampled_from(["", "Pyongyang", "Moscow"])),
                sources=tuple(sorted(sources, key=lambda s: s.article)),
            )
        )
    return extracted


@dataclass
class Expected:
    """What the user has done, which every later rebuild must respect."""

    fields: dict[tuple[str, str], str] = field(default_factory=dict)  # (id, field) -> value
    deleted: set[str] = field(default_factory=set)
    by_hand: dict[str, Event] = field(default_factory=dict)
    comments: set[str] = field(default_factory=set)
    listed: set[str] = field(default_factory=set)  # ids listed under `deleted:`, entry still there


EDITS = (
    "title",
    "date",
    "category",
    "notes",
    "delete",
    "list_deleted",
    "move",
    "by_hand",
    "comment_line",
    "comment_inline",
    "rebuild",
)


@settings(
    max_examples=int(os.environ.get("N", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.data())
def test_random_edits_and_rebuilds_never_lose_an_edit(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        expected = Expected()
        _rebuild(path, data.draw(extractions()))
        for step in range(data.draw(st.integers(1, 12))):
            edit = data.draw(st.sampled_from(EDITS))
            if edit == "rebuild":
                _forget_listed(path, expected)
                extracted = data.draw(extractions())
                _rebuild(path, extracted)
                _assert_respected(path, expected)
                before = path.read_bytes()
                _rebuild(path, extracted)
                assert path.read_bytes() == before
            else:
                _edit_by_hand(path, edit, step, data, expected)
        _forget_listed(path, expected)
        _rebuild(path, data.draw(extractions()))
        _assert_respected(path, expected)


def _forget_listed(path: Path, expected: Expected) -> None:
    """The rebuild removes entries listed under `deleted:`, with any comments inside them."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for entry in parse(text)[0].entries:
        if entry.event.id in expected.listed:
            _forget_comments(expected, lines[entry.first : entry.last + 1])
    expected.listed.clear()


def _rebuild(path: Path, extracted: list[Event]) -> store.StoreUpdate:
    with store.locked(path):
        update = store.update_store(store.load_store(path), extracted)
        store.write_store(path, update)
    return update


def _edit_by_hand(
    path: Path, edit: str, step: int, data: st.DataObject, expected: Expected
) -> None:
    """Change the file as a person would, line by line, and note what must survive."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    document, problems = parse("".join(lines))
    assert problems == []
    entries = list(document.entries)
    if edit == "comment_line":
        marker = f"# note {step}"
        lines.insert(data.draw(st.integers(0, len(lines))), marker + "\n")
        expected.comments.add(marker)
    elif edit == "comment_inline":
        candidates = [i for i, line in enumerate(lines) if line.strip() and "#" not in line]
        if not candidates:
            return
        index = data.draw(st.sampled_from(candidates))
        marker = f"# aside {step}"
        lines[index] = lines[index].rstrip("\n") + "  " + marker + "\n"
        expected.comments.add(marker)
    elif edit == "by_hand":
        if not entries:
            return
        event = Event(f"mine-{step}", data.draw(TEXT), data.draw(iso_dates()), "treaty")
        last = entries[-1]
        lines[last.last + 1 : last.last + 1] = emit.event_lines(event, last.dash_col, last.key_col)
        expected.by_hand[event.id] = event
    elif entries:
        entry = data.draw(st.sampled_from(entries))
        event = entry.event
        if edit == "delete":
            _forget_comments(expected, lines[entry.first : entry.last + 1])
            del lines[entry.first : entry.last + 1]
            expected.deleted.add(event.id)
            expected.by_hand.pop(event.id, None)
        elif edit == "list_deleted":
            key = document.deleted_key
            if event.id in document.deleted:
                return
            if key is None:
                lines.extend(["deleted:\n", f"  - {emit.scalar(event.id)}\n"])
            else:
                _forget_comments(expected, lines[key.first : key.last + 1])
                lines[key.first : key.last + 1] = emit.deleted_lines([*document.deleted, event.id])
            expected.listed.add(event.id)
            expected.deleted.add(event.id)
            expected.by_hand.pop(event.id, None)
        elif edit == "move":
            moved = lines[entry.first : entry.last + 1]
            end = entries[-1].last + 1
            lines[end:end] = moved
            del lines[entry.first : entry.last + 1]
        else:
            strategy = {
                "title": TEXT,
                "date": iso_dates(),
                "category": st.sampled_from(CATEGORIES),
                "notes": TEXT,
            }
            value = data.draw(strategy[edit])
            if value == getattr(event, edit) or value == _proposed(path, event.id, edit):
                return  # writing the same value again, or the tool's own proposal, is no edit
            if edit == "date" and not _span_ok(value, event.end):
                return  # a date after the event's end is refused by the build
            edited = replace(event, **{edit: value})  # type: ignore[arg-type]
            new_lines = emit.field_lines(edited, edit, entry.key_col)
            span = next((span for span in entry.fields if span.name == edit), None)
            if span is None:
                lines[entry.last + 1 : entry.last + 1] = new_lines
            else:
                _forget_comments(expected, lines[span.first : span.last + 1])
                lines[span.first : span.last + 1] = new_lines
            if event.id in expected.by_hand:
                expected.by_hand[event.id] = edited
            else:
                expected.fields[(event.id, edit)] = value
    path.write_text("".join(lines), encoding="utf-8")


def _proposed(path: Path, event_id: str, name: str) -> object:
    """What the tool last proposed for a field (a hand edit back to it is no edit: 3-way merge)."""
    base_file = store.base_path(path)
    snapshot = (
        store.snapshot_from_text(base_file.read_text(encoding="utf-8"))
        if base_file.exists()
        else None
    )
    proposal = next((e for e in snapshot.events if e.id == event_id), None) if snapshot else None
    return getattr(proposal, name) if proposal is not None else None


def _forget_comments(expected: Expected, lines: list[str]) -> None:
    expected.comments -= {
        marker for marker in expected.comments if any(marker in line for line in lines)
    }


def _assert_respected(path: Path, expected: Expected) -> None:
    text = path.read_text(encoding="utf-8")
    loaded = store.load_store(path)
    by_id = {event.id: event for event in loaded.events}
    for (event_id, name), value in expected.fields.items():
        if event_id not in expected.deleted:
            assert getattr(by_id[event_id], name) == value, (event_id, name)
    for event_id in expected.deleted:
        assert event_id not in by_id
        assert event_id in loaded.document.deleted or event_id.startswith("mine-")
    for event_id, event in expected.by_hand.items():
        assert by_id[event_id] == event
    for marker in expected.comments:
        assert marker in text, marker


@SETTINGS
@given(st.data())
def test_any_hand_mangled_store_builds_or_fails_with_file_and_line_touching_nothing(
    data: st.DataObject,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        _rebuild(path, data.draw(extractions()))
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        at = data.draw(st.integers(0, len(lines)))
        garbage = data.draw(st.text(st.sampled_from(list("ab:-[]{}#'\"!&* \n\t|>%@")), max_size=12))
        lines.insert(at, garbage)
        path.write_text("".join(lines), encoding="utf-8")
        before = {
            p: p.read_bytes()
            for p in Path(folder).rglob("*")
            if p.is_file() and p.suffix != ".lock"
        }
        try:
            _rebuild(path, data.draw(extractions()))
        except TimelineError as error:
            assert re.match(rf"{re.escape(str(path))}:\d+: ", str(error)), str(error)
            after = {
                p: p.read_bytes()
                for p in Path(folder).rglob("*")
                if p.is_file() and p.suffix != ".lock"
            }
            assert after == before


@SETTINGS
@given(stores(), st.lists(IDS, max_size=3), st.lists(st.tuples(IDS, st.lists(TEXT, max_size=2))))
def test_the_snapshot_is_what_json_writes(
    content: tuple[list[Event], list[str]],
    deleted: list[str],
    owned: list[tuple[str, list[str]]],
) -> None:
    events, _ = content
    snapshot = Snapshot(
        tuple(events), tuple(deleted), tuple((key, tuple(names)) for key, names in owned)
    )
    expected = {
        "events": [event_record(event) for event in events],
        "deleted": deleted,
        "owned": {key: names for key, names in dict(owned).items()},
    }
    assert store.snapshot_text(snapshot) == (
        json.dumps(expected, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    )
