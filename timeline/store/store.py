"""events.yaml, the user's store: load it, merge a rebuild into it, write it back safely.

The format::

    # Comments anywhere are kept.
    events:
      - id: shoigu-meets-kim-in-pyongyang-2025-06-04   # stable: never renamed by a rebuild
        title: Shoigu meets Kim Jong Un in Pyongyang   # required
        date: "2025-06-04"      # required; quoted ISO YYYY, YYYY-MM or YYYY-MM-DD: the form is
                                # the granularity
        end: "2025-06-30"       # optional: the last day, month or year of a span
        label: early June 2025  # optional: the date as people write it
        qualifier: early        # optional: early | mid | late | before | after | since | about
        category: visit         # summit, visit, meeting, deployment, treaty, ... (default other)
        actors: [Sergei Shoigu, Kim Jong Un]
        place: Pyongyang
        sources:                # one per article reporting the event
          - article: 2025-06-05-kim-vows-unconditional-support.txt   # file name in articles/
            published: "2025-06-05"
            quote: "Meeting ... Sergei Shoigu on Wednesday, Kim said ..."  # the sentence, verbatim
            phrase: on Wednesday  # the temporal expression, verbatim
            outlet: ...           # optional: outlet, url, date (what this source says), resolution
        disagreement: ...       # optional: set when sources give different dates
        notes: ...              # optional: yours; the tool never writes it
    deleted:                    # ids that must never come back
      - some-event-id

Keys come in that order, empty optional fields are left out, and the same events always give the
same bytes. What a rebuild does with your edits (see timeline.store.reconcile):

- a field you changed keeps your value; fields you did not touch take the newly extracted value,
  and a field the tool has nothing new for is never rewritten;
- to delete an event, remove its entry or add its id under `deleted:`; either way the id is listed
  under `deleted:` and the event never comes back; take the id off `deleted:` to bring it back;
- an entry you add by hand (new id; `sources` optional) is kept as written; new sources found
  for it in new articles are appended;
- new events are inserted before the first entry dated later; new sources are appended;
- entries the rebuild does not change keep their exact text, comments and layout; a changed entry
  has only its changed fields rewritten (a comment after a one-line value is kept; an entry written
  in flow style, `- {id: ..., ...}`, is rewritten whole in block style), and new sources and
  deleted ids are appended to their lists. An entry removed because its id is under `deleted:`
  takes the comments inside it along; comments above it stay.

What the tool proposed last time (the base of the three-way merge) and which fields are yours are
kept in `.timeline/events.base.json` beside the store; it is not meant to be edited or committed.
Without it (a fresh clone) a value in the file that differs from what the tool extracts now
counts as yours, and empty fields may be filled.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from timeline.events.cache import event_from_record, event_record
from timeline.model import Event, TimelineError
from timeline.remembered import per_event
from timeline.safewrite import folder_name, write_files
from timeline.store.changes import (
    NO_CHANGES,
    Changes,
    changes_from_text,
    changes_text,
    what_changed,
)
from timeline.store.check import store_errors
from timeline.store.parsed import NOTHING_PARSED, Parsed, text_digest
from timeline.store.paths import backup_path, base_path, changes_path, lock_path
from timeline.store.reconcile import Snapshot, reconcile
from timeline.store.splice import splice
from timeline.store.storefile import Document, parse
from timeline.textfile import NotUtf8, decode_text

LOCK_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class Store:
    """events.yaml as loaded: its events, its text and layout, and the tool's last proposals."""

    document: Document
    exists: bool = False
    base: Snapshot | None = None
    latest: Changes = NO_CHANGES  # what the latest build that changed anything changed

    @property
    def events(self) -> tuple[Event, ...]:
        return self.document.events

    @property
    def text(self) -> str:
        return self.document.text


@dataclass(frozen=True)
class StoreUpdate:
    """The store after a rebuild: the final events, the counts, and the text to write."""

    events: tuple[Event, ...]
    new: int
    updated: int
    unchanged: int
    text: str
    changed: bool  # the text differs from the file's
    base_text: str  # the new base snapshot, for .timeline/events.base.json
    base: Snapshot = field(default_factory=Snapshot)  # that snapshot (the tool's proposals)
    deleted: tuple[str, ...] = ()
    read: str | None = None  # the file's text when loaded (None: no file), to see a save meanwhile
    changes: Changes = NO_CHANGES  # what the rebuild changed, event by event (never a hand edit)


def load_store(path: Path, parsed: Parsed = NOTHING_PARSED) -> Store:
    """Read and validate events.yaml (missing means empty); raise TimelineError at the first problem.
    A text `parsed` holds (one a build wrote or read without error) is taken as parsed then.

    A missing store starts afresh (the last build's proposals are not used). A store emptied of
    everything, not even `events:`, is refused while the last build wrote events: an accident
    must not turn every event into a deleted one.
    """
    if path.is_dir():
        raise TimelineError(
            f"{path}: is a folder, not the events file; pass --store FILE, e.g. --store events.yaml"
        )
    if not path.exists():
        return Store(Document(""), exists=False, base=None)
    text = _read(path)
    document = parsed.documents.get(text_digest(text)) or _checked(path, text)
    base = _load_base(path, parsed.bases)
    if document.events_key is None and base is not None and base.events:
        raise TimelineError(
            f"{path}:1: the file holds no events, not even an `events:` line, but the last build "
            f"wrote {len(base.events)}; nothing was changed. If it was emptied by mistake, restore "
            f"it from {backup_path(path).name} or your version control; to delete every event, "
            f"write `events: []` in it; to start afresh, delete {path.name}"
        )
    return Store(document, exists=True, base=base, latest=_load_latest(path))


def _checked(path: Path, text: str) -> Document:
    """The store's text parsed; TimelineError at its first error."""
    document, problems = parse(text)
    problems.extend(store_errors(document))
    errors = sorted(
        (problem for problem in problems if problem.severity == "error"),
        key=lambda problem: problem.line,
    )
    if errors:
        first = errors[0]
        raise TimelineError(
            f"{path}:{first.line}: {first.message} — fix this line and build again "
            f"(run `timeline check --store {path}` to list every problem)"
        )
    return document


def update_store(stored: Store, extracted: Sequence[Event]) -> StoreUpdate:
    """Merge extracted events into the store, keeping every user edit; pure, writes nothing."""
    document = stored.document
    outcome = reconcile(document.events, document.deleted, stored.base, extracted)
    text = splice(document, outcome, stored.exists)
    new = len(outcome.new)
    updated = len(outcome.updated)
    edited = set(outcome.edited)
    return StoreUpdate(
        events=tuple(replace(e, edited=True) if e.id in edited else e for e in outcome.events),
        new=new,
        updated=updated,
        unchanged=len(outcome.events) - new - updated,
        text=text,
        changed=text != document.text or not stored.exists,
        base_text=snapshot_text(outcome.base),
        base=outcome.base,
        deleted=outcome.deleted,
        read=document.text if stored.exists else None,
        changes=what_changed(document.events, outcome, stored.base),
    )


def write_store(path: Path, update: StoreUpdate) -> None:
    """Write the store, its backup (the previous file, events.yaml.bak) and the base as one group:
    each atomically, and none when one cannot be written; no-op for what is unchanged."""
    files: list[tuple[Path, bytes]] = []
    if update.changed:
        _refuse_if_saved_meanwhile(path, update.read)
        if path.exists():
            files.append((backup_path(path), path.read_bytes()))
        files.append((path, update.text.encode("utf-8")))
    base = base_path(path)
    if not base.exists() or base.read_bytes() != update.base_text.encode("utf-8"):
        try:
            base.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise TimelineError(
                f"{base.parent}: cannot create the tool's folder ({error.strerror}); check that "
                f"you may write to {folder_name(base.parent.parent)}, and that no file there is "
                f"named {base.parent.name}"
            ) from error
        files.append((base, update.base_text.encode("utf-8")))
    changes = changes_path(path)
    if update.changes.changes:  # a build that changes nothing keeps the latest report
        report = changes_text(update.changes).encode("utf-8")
        if not changes.exists() or changes.read_bytes() != report:
            files.append((changes, report))
    write_files(files)


def _load_latest(path: Path) -> Changes:
    """The latest build's report of changes; none when missing or unreadable."""
    try:
        return changes_from_text(changes_path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return NO_CHANGES


def _refuse_if_saved_meanwhile(path: Path, read: str | None) -> None:
    """TimelineError when the file is not what the build read: saved from an editor meanwhile."""
    now = _read(path) if path.exists() else None
    if now != read:
        raise TimelineError(
            f"{path}: changed while the build ran (saved from an editor?); it was not "
            "overwritten, so your changes are safe; run the build again to take them in"
        )


@contextlib.contextmanager
def locked(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the store's lock (in `.timeline/` beside it) so two builds cannot both write it;
    wait up to `wait` seconds for another build to finish."""
    lock = lock_path(path)
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock, "a+b")  # noqa: SIM115 - held for the whole block
    except OSError as error:
        raise TimelineError(
            f"{lock}: cannot create the lock file ({error.strerror}); the tool keeps its state "
            f"in the folder {lock.parent}: check that you may write to "
            f"{folder_name(lock.parent.parent)} and that no file there is named "
            f"{lock.parent.name}; nothing was changed"
        ) from error
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise TimelineError(
                    f"{path}: another `timeline build` is using this store (lock {lock}); "
                    "wait for it to finish and run the build again"
                )
            time.sleep(0.1)
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()


def _try_lock(handle: object) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # type: ignore[attr-defined]
    except BlockingIOError:
        return False
    return True


def _unlock(handle: object) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)  # type: ignore[attr-defined]


def _read(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise TimelineError(f"{path}: cannot read the store ({error.strerror})") from error
    try:
        return decode_text(raw)
    except NotUtf8 as error:
        raise TimelineError(f"{path}:{error.line}: {error}") from None


def snapshot_text(snapshot: Snapshot) -> str:
    """The base snapshot as JSON, keys sorted, so the same snapshot gives the same bytes: what
    `json.dumps(..., indent=1, sort_keys=True)` writes, each event's part written once per
    process (a rebuild proposes most events again)."""
    content = {
        "deleted": list(snapshot.deleted),
        "events": [],
        "owned": {event_id: list(names) for event_id, names in snapshot.owned},
    }
    text = json.dumps(content, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if not snapshot.events:
        return text
    # the events' list, one step in; a JSON string holds no newline, so this is the key's line
    listed = ",\n".join(snapshot_event_text(event) for event in snapshot.events)
    return text.replace('\n "events": [],', f'\n "events": [\n{listed}\n ],', 1)


def warm(stored: Store) -> None:
    """Work out the snapshot texts of the events the store's base holds (a rebuild proposes
    most of them again): a build does it while its workers extract."""
    for event in stored.base.events if stored.base else ():
        snapshot_event_text(event)


@per_event("snapshot")
def snapshot_event_text(event: Event) -> str:
    """One event of the snapshot as json.dumps writes it inside the snapshot's list of events."""
    text = json.dumps(event_record(event), indent=1, sort_keys=True, ensure_ascii=False)
    return "  " + text.replace("\n", "\n  ")


def snapshot_from_text(text: str) -> Snapshot | None:
    """The snapshot written by snapshot_text; None when it cannot be read (treated as no base)."""
    try:
        content = json.loads(text)
        events = tuple(event_from_record(record) for record in content["events"])
        owned = tuple(
            (event_id, tuple(names)) for event_id, names in sorted(content["owned"].items())
        )
        return Snapshot(events, tuple(content["deleted"]), owned)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _load_base(path: Path, parsed: Mapping[str, Snapshot]) -> Snapshot | None:
    """The tool's last proposals (as `parsed` holds them, when it does); a missing or unreadable
    base means none."""
    try:
        text = base_path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return parsed.get(text_digest(text)) or snapshot_from_text(text)
