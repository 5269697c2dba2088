"""Rewrite events.yaml's text after a rebuild, touching as little as possible.

Entries the rebuild does not change keep their exact text; in a changed entry only the changed
fields are rewritten (a comment after a one-line value is kept), new sources and new deleted ids
are appended to their lists, and new entries are inserted before the first entry dated later,
after that entry's leading comments, in the file's own indentation and line endings.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline import emit
from timeline.model import Event
from timeline.reconcile import Outcome
from timeline.storefile import Document, Entry, Span

HEADER = "# The timeline's events. Edit freely: `timeline build` keeps your edits (see README).\n"


def splice(document: Document, outcome: Outcome, exists: bool = True) -> str:
    """The new text: untouched entries verbatim, changed fields rewritten, new entries inserted."""
    if not document.text.strip() and not document.events_key:
        header = HEADER if not exists else document.text
        if not outcome.events and not outcome.deleted and exists:
            return document.text
        return header + emit.document_text(outcome.events, outcome.deleted)
    if not document.root_block:
        return emit.document_text(outcome.events, outcome.deleted)
    lines = document.text.splitlines(keepends=True)
    edits = _Edits(lines)
    if document.events_key is None:
        edits.insert(len(lines), _events_block(outcome.events))
    elif document.events_block:
        _splice_entries(edits, document.entries, outcome)
    elif outcome.events or document.entries:  # an empty or flow-style list: written as a block
        key = document.events_key
        block = _events_block(outcome.events)
        if key.comment:
            block[0] = block[0].rstrip("\n") + key.comment + "\n"
        edits.replace(key.first, key.last, block)
    if outcome.deleted != document.deleted:
        _splice_deleted(edits, document, outcome.deleted)
    return edits.apply()


def _splice_deleted(edits: _Edits, document: Document, deleted: Sequence[str]) -> None:
    """Add the newly deleted ids to the `deleted:` list, or write the list at the end."""
    key = document.deleted_key
    if key is None:
        edits.insert(len(edits.lines), emit.deleted_lines(deleted))
    elif key.item_dash >= 0 and tuple(deleted[: len(document.deleted)]) == document.deleted:
        indent = " " * key.item_dash + "-" + " " * (key.item_key - key.item_dash - 1)
        added = deleted[len(document.deleted) :]
        edits.insert(key.last + 1, [f"{indent}{emit.scalar(event_id)}\n" for event_id in added])
    else:
        block = emit.deleted_lines(deleted)
        if block and key.comment:
            block[0] = block[0].rstrip("\n") + key.comment + "\n"
        edits.replace(key.first, key.last, block)


def _events_block(events: Sequence[Event]) -> list[str]:
    if not events:
        return ["events: []\n"]
    return ["events:\n", *(line for event in events for line in emit.event_lines(event))]


def _splice_entries(edits: _Edits, entries: Sequence[Entry], outcome: Outcome) -> None:
    final = {event.id: event for event in outcome.events}
    removed = set(outcome.removed)
    for entry in entries:
        if entry.event.id in removed:
            edits.replace(entry.first, entry.last, [])
        elif final[entry.event.id] != entry.event:
            _splice_fields(edits, entry, final[entry.event.id])
    style = entries[0]
    floors = [0, *(entry.last + 1 for entry in entries[:-1])]
    starts = {entry.event.id: _leading_start(edits.lines, entry, floor) for entry, floor in zip(entries, floors, strict=True)}
    for event in outcome.events:
        if event.id in outcome.before:
            follower = outcome.before[event.id]
            at = starts[follower] if follower is not None else entries[-1].last + 1
            edits.insert(at, emit.event_lines(event, style.dash_col, style.key_col))


def _splice_fields(edits: _Edits, entry: Entry, result: Event) -> None:
    """Rewrite only the fields that changed; a flow-style entry, or one losing the field on its
    `- ` line, is rewritten whole."""
    first_span = min(entry.fields, key=lambda span: span.first)
    if entry.flow or not emit.field_lines(result, first_span.name, entry.key_col):
        key_col = entry.dash_col + 2 if entry.flow else entry.key_col
        edits.replace(entry.first, entry.last, emit.event_lines(result, entry.dash_col, key_col))
        return
    spans = {span.name: span for span in entry.fields}
    anchor = first_span
    for name in emit.EVENT_FIELDS:
        span = spans.get(name)
        if span is not None:
            anchor = span
        if getattr(result, name) == getattr(entry.event, name):
            continue
        new_lines = emit.field_lines(result, name, entry.key_col)
        if span is None:
            edits.insert(anchor.last + 1, new_lines)
        elif name == "sources" and _appended_only(span, entry.event, result):
            added = result.sources[len(entry.event.sources) :]
            edits.insert(
                span.last + 1,
                [line for source in added for line in emit.source_lines(source, span.item_dash, span.item_key)],
            )
        else:
            if new_lines:
                prefix = edits.lines[span.first][: entry.key_col]
                new_lines[0] = prefix + new_lines[0][entry.key_col :]
            if len(new_lines) == 1 and span.comment:
                new_lines[0] = new_lines[0].rstrip("\n") + span.comment + "\n"
            edits.replace(span.first, span.last, new_lines)


def _appended_only(span: Span, before: Event, after: Event) -> bool:
    """The sources only grew at the end of a block list: the new items can just be added."""
    kept = after.sources[: len(before.sources)]
    return span.item_dash >= 0 and bool(before.sources) and kept == before.sources


def _leading_start(lines: Sequence[str], entry: Entry, floor: int) -> int:
    """The first line of the comments and blank lines right above an entry (they belong to it)."""
    start = entry.first
    while start > floor and (not lines[start - 1].strip() or lines[start - 1].lstrip().startswith("#")):
        start -= 1
    return start


class _Edits:
    """Line edits on the original text, applied together so earlier line numbers stay valid."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._replacements: list[tuple[int, int, list[str]]] = []
        self._insertions: dict[int, list[str]] = {}

    def replace(self, first: int, last: int, new_lines: list[str]) -> None:
        """Replace lines first..last (inclusive) by new_lines."""
        self._replacements.append((first, last + 1, new_lines))

    def insert(self, at: int, new_lines: list[str]) -> None:
        """Insert new_lines before line `at` (after earlier insertions at the same place)."""
        self._insertions.setdefault(at, []).extend(new_lines)

    def apply(self) -> str:
        if not self._replacements and not self._insertions:
            return "".join(self.lines)
        lines = list(self.lines)
        newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"  # keep the file's
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += newline
        output: list[str] = []
        replaced = {
            first: (end, [line.replace("\n", newline) for line in new])
            for first, end, new in self._replacements
        }
        insertions = {
            at: [line.replace("\n", newline) for line in new] for at, new in self._insertions.items()
        }
        index = 0
        while index <= len(lines):
            output.extend(insertions.get(index, []))
            if index == len(lines):
                break
            if index in replaced:
                end, new = replaced[index]
                output.extend(new)
                index = end
            else:
                output.append(lines[index])
                index += 1
        return "".join(output)
