"""Rewrite events.yaml's text after a rebuild, touching as little as possible.

Entries the rebuild does not change keep their exact text; in a changed entry only the changed
fields are rewritten (a comment after a one-line value is kept), in a refreshed `sources:` list
only the refreshed items (with the comments they held), new sources and new deleted ids are
appended to their lists, and new entries are inserted before the first entry dated later,
after that entry's leading comments, in the file's own indentation and line endings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml

from timeline.model import Event, Source
from timeline.store import emit
from timeline.store.reconcile import Outcome, source_key
from timeline.store.storefile import Document, Entry, Span

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
    starts = {
        entry.event.id: _leading_start(edits.lines, entry, floor)
        for entry, floor in zip(entries, floors, strict=True)
    }
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
                [
                    line
                    for source in added
                    for line in emit.source_lines(source, span.item_dash, span.item_key)
                ],
            )
        elif name == "sources" and _splice_sources(
            edits, span, entry.event.sources, result.sources
        ):
            continue  # refreshed item by item: the comments inside the list stay
        else:
            if new_lines:
                prefix = edits.lines[span.first][: entry.key_col]
                new_lines[0] = prefix + new_lines[0][entry.key_col :]
            if len(new_lines) == 1 and span.comment:
                new_lines[0] = new_lines[0].rstrip("\n") + span.comment + "\n"
            edits.replace(span.first, span.last, new_lines)


def _splice_sources(
    edits: _Edits, span: Span, before: Sequence[Source], after: Sequence[Source]
) -> bool:
    """Rewrite a block list of sources item by item: an unchanged source keeps its lines, a
    refreshed one is rewritten with the comments it held, a new one is written; False when the
    list's items cannot be told apart line by line."""
    lines = edits.lines
    dashes = [
        i for i in range(span.first + 1, span.last + 1) if _item_start(lines[i], span.item_dash)
    ]
    if span.item_dash < 0 or len(dashes) != len(before):
        return False
    floors = [span.first + 1, *(dash + 1 for dash in dashes[:-1])]
    starts = [_leading(lines, dash, floor) for dash, floor in zip(dashes, floors, strict=True)]
    ends = [*(start - 1 for start in starts[1:]), span.last]
    items = {
        source_key(source): (source, lines[a : b + 1])
        for source, a, b in zip(before, starts, ends, strict=True)
    }
    written = list(lines[span.first : starts[0]])  # the key and any comments above the first item
    for source in after:
        old, old_lines = items.pop(source_key(source), (None, []))
        if old == source:
            written.extend(old_lines)
            continue
        new_lines = emit.source_lines(source, span.item_dash, span.item_key)
        written.extend(_with_comments(old_lines, new_lines, span.item_key))
    for _, old_lines in items.values():  # a source gone: its comments stay
        written.extend(line for line in old_lines if line.lstrip().startswith("#"))
    edits.replace(span.first, span.last, written)
    return True


def _leading(lines: Sequence[str], first: int, floor: int) -> int:
    """The first of the comment and blank lines right above a line, not above `floor`."""
    while first > floor and (
        not lines[first - 1].strip() or lines[first - 1].lstrip().startswith("#")
    ):
        first -= 1
    return first


def _item_start(line: str, dash: int) -> bool:
    return (
        len(line) > dash + 1
        and not line[:dash].strip()
        and line[dash] == "-"
        and line[dash + 1] in " \t"
    )


def _with_comments(old_lines: list[str], new_lines: list[str], key_col: int) -> list[str]:
    """A rewritten item keeps the comments of the old one: full-line comments above it, a comment
    after a value on the line of the same key (above the item when that key is gone)."""
    above = [line for line in old_lines if line.lstrip().startswith("#")]
    keyed = _inline_comments(old_lines)
    result = []
    for line in new_lines:
        key = _key_of(line, key_col)
        comment = keyed.pop(key, "")
        result.append(line.rstrip("\n") + comment + "\n" if comment else line)
    above.extend(" " * key_col + comment.strip() + "\n" for comment in keyed.values())
    return [*above, *result]


def _key_of(line: str, key_col: int) -> str:
    match = re.match(r"\s*(?:-\s+)?([\w-]+):", line)
    return match.group(1) if match else ""


def _inline_comments(old_lines: list[str]) -> dict[str, str]:
    """Comments after the values of a source item's keys, with the spaces before them."""
    try:
        node = yaml.compose("".join(old_lines), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if (
        not isinstance(node, yaml.SequenceNode)
        or not node.value
        or not isinstance(node.value[0], yaml.MappingNode)
    ):
        return {}
    comments = {}
    for key, value in node.value[0].value:
        end = value.end_mark
        rest = old_lines[end.line][end.column :].rstrip("\r\n") if end.line < len(old_lines) else ""
        if rest.strip().startswith("#"):
            comments[str(key.value)] = rest
    return comments


def _appended_only(span: Span, before: Event, after: Event) -> bool:
    """The sources only grew at the end of a block list: the new items can just be added."""
    kept = after.sources[: len(before.sources)]
    return span.item_dash >= 0 and bool(before.sources) and kept == before.sources


def _leading_start(lines: Sequence[str], entry: Entry, floor: int) -> int:
    """The first line of the comments and blank lines right above an entry (they belong to it)."""
    start = entry.first
    while start > floor and (
        not lines[start - 1].strip() or lines[start - 1].lstrip().startswith("#")
    ):
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
            at: [line.replace("\n", newline) for line in new]
            for at, new in self._insertions.items()
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
