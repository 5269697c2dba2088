"""What a rebuild changed, event by event: the report the CLI prints, output/changes.md and the
marks on the page.

The report compares the store as the build read it (the user's hand edits already in it) with the
store the build writes, so only the tool's own changes are reported, never a hand edit. It holds
no clock time: the same inputs and the same previous state give the same report.

The page and changes.md show the latest changes: those of the latest build that changed anything
(kept in `.timeline/events.changes.json`), so a rebuild that changes nothing changes no byte.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.model import Event, Source
from timeline.store.reconcile import MERGED_FIELDS, Outcome, Snapshot, source_key
from timeline.temporal.extent import chronological
from timeline.temporal.labels import date_label

# The kinds of change, in the order the report lists them, with their heading in changes.md.
KINDS = (
    ("new", "New events"),
    ("source", "New sources on known events"),
    ("date", "Dates moved"),
    ("disagreement", "New disagreements between sources"),
    ("agreement", "Disagreements resolved"),
    ("details", "Other details updated"),
    ("deleted", "Kept deleted (you deleted them; a new article reports them again)"),
)
_DATE_FIELDS = ("date", "end", "qualifier", "label")
CLI_LINES = 12  # the CLI lists this many changes; changes.md lists them all


@dataclass(frozen=True)
class Change:
    """One change to one event, told in one line."""

    kind: str  # one of KINDS
    event_id: str
    text: str


@dataclass(frozen=True)
class Changes:
    """Everything one rebuild changed, in report order."""

    changes: tuple[Change, ...] = ()

    @property
    def marked(self) -> dict[str, tuple[str, ...]]:
        """Event id -> the kinds of change it had, for the events the page marks (all but the
        deleted ones, which are not on the page)."""
        kinds: dict[str, tuple[str, ...]] = {}
        for change in self.changes:
            if change.kind != "deleted":
                kinds[change.event_id] = (*kinds.get(change.event_id, ()), change.kind)
        return kinds

    def lines(self) -> list[str]:
        """One line per change, in report order ("new event: ...", "date moved: ...")."""
        return [f"{_LINE_PREFIX[change.kind]}: {change.text}" for change in self.changes]

    def summary(self) -> str:
        """The counts in words: "1 new event, 1 new source, 1 date moved", or "no changes"."""
        counts = [(kind, sum(change.kind == kind for change in self.changes)) for kind, _ in KINDS]
        words = [_counted(number, kind) for kind, number in counts if number]
        return ", ".join(words) if words else "no changes"


NO_CHANGES = Changes()  # a build that changed nothing


def changes_text(changes: Changes) -> str:
    """The report as JSON, to remember the latest changes between builds (same report, same bytes)."""
    records = [{"kind": c.kind, "id": c.event_id, "text": c.text} for c in changes.changes]
    return json.dumps({"changes": records}, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def changes_from_text(text: str) -> Changes:
    """The report changes_text wrote; none when it cannot be read (the marks are only lost)."""
    try:
        records = json.loads(text)["changes"]
        found = tuple(Change(str(r["kind"]), str(r["id"]), str(r["text"])) for r in records)
    except (ValueError, TypeError, KeyError):
        return NO_CHANGES
    return Changes(tuple(change for change in found if change.kind in _LINE_PREFIX))


_LINE_PREFIX = {
    "new": "new event",
    "source": "new source",
    "date": "date moved",
    "disagreement": "sources disagree",
    "agreement": "disagreement resolved",
    "details": "updated",
    "deleted": "kept deleted",
}
_NOUNS = {
    "new": ("new event", "new events"),
    "source": ("event with a new source", "events with new sources"),
    "date": ("date moved", "dates moved"),
    "disagreement": ("new disagreement", "new disagreements"),
    "agreement": ("disagreement resolved", "disagreements resolved"),
    "details": ("event with other details updated", "events with other details updated"),
    "deleted": ("deleted event kept deleted", "deleted events kept deleted"),
}


def _counted(number: int, kind: str) -> str:
    one, many = _NOUNS[kind]
    return f"{number} {one if number == 1 else many}"


def what_changed(before: Sequence[Event], outcome: Outcome, base: Snapshot | None) -> Changes:
    """The tool's changes from the events the build read (`before`) to those it writes."""
    previous = {event.id: event for event in before}
    found: list[Change] = []
    for event in chronological(outcome.events):
        old = previous.get(event.id)
        if old is None:
            found.append(Change("new", event.id, _new_event(event)))
        elif old != event:
            found.extend(_event_changes(old, event))
    proposals = {event.id: event for event in base.events} if base else {}
    for event in chronological(outcome.suppressed):
        known = proposals.get(event.id)
        fresh = _new_sources(known.sources if known else (), event.sources)
        if fresh:
            found.append(
                Change("deleted", event.id, f"{_named(event)}, reported by {_articles(fresh)}")
            )
    order = {kind: index for index, (kind, _) in enumerate(KINDS)}
    return Changes(
        tuple(sorted(found, key=lambda change: order[change.kind]))
    )  # stable: by date within


def _event_changes(old: Event, new: Event) -> list[Change]:
    """How one existing event changed: new sources, a moved date, a disagreement, other fields."""
    changes = []
    fresh = _new_sources(old.sources, new.sources)
    moved = any(getattr(old, name) != getattr(new, name) for name in _DATE_FIELDS)
    relabelled = moved and date_label(old) != date_label(new)
    mover = _mover(new, fresh) if relabelled else None
    # The article that moved the date is named on that line; a new-source line names the others.
    others = [s for s in fresh if mover is None or s.article != mover.article or mover not in fresh]
    if others:
        changes.append(Change("source", new.id, f"{_named(new)}, from {_articles(others)}"))
    if relabelled:
        changes.append(Change("date", new.id, _date_moved(old, new, mover)))
    if new.disagreement and new.disagreement != old.disagreement:
        changes.append(Change("disagreement", new.id, f"{_named(new)}: {new.disagreement}"))
    elif old.disagreement and not new.disagreement:
        changes.append(Change("agreement", new.id, f"{_named(new)}: the sources now agree"))
    details = [
        _field_change(name, getattr(old, name), getattr(new, name))
        for name in MERGED_FIELDS
        if name not in (*_DATE_FIELDS, "disagreement") and getattr(old, name) != getattr(new, name)
    ]
    if moved and not relabelled:
        details.append("date")  # the same words, another value (an end or qualifier refined)
    if not fresh and old.sources != new.sources:
        details.append("sources' details")  # e.g. how a date was resolved, re-explained
    if details:
        changes.append(Change("details", new.id, f"{_named(new)}: {', '.join(details)}"))
    return changes


def _field_change(name: str, old: object, new: object) -> str:
    """One refreshed field in words: "title 'A' → 'B'", "actors + Kim Jong Un − Putin"."""
    if isinstance(old, tuple) and isinstance(new, tuple):
        added = [f"+ {item}" for item in new if item not in old]
        gone = [f"− {item}" for item in old if item not in new]
        return " ".join([name, *added, *gone]) if added or gone else f"{name} reordered"
    if name == "notes":
        return name
    return f"{name} '{old}' → '{new}'" if old else f"{name} '{new}'"


def _new_event(event: Event) -> str:
    return f"{date_label(event)} · {event.title} (from {_articles(event.sources)})"


def _named(event: Event) -> str:
    """An event as a report line names it: its title and date."""
    return f"{event.title} ({date_label(event)})"


def _date_moved(old: Event, new: Event, mover: Source | None) -> str:
    """'Title: March 2025 → 21 March 2025, from 'on March 21' in file.txt'."""
    text = f"{new.title}: {date_label(old)} → {date_label(new)}"
    if mover is not None and mover.phrase:
        return f"{text}, from '{mover.phrase}' in {mover.article}"
    if mover is not None:
        return f"{text}, from {mover.article}"
    return text


def _mover(event: Event, fresh: Sequence[Source]) -> Source | None:
    """The source that gives the event its new date: a new source dating it so first, then any
    new source, then any source dating it so."""
    dating = [source for source in event.sources if source.date.split("/")[0] == event.date]
    for candidates in ([s for s in fresh if s in dating], list(fresh), dating):
        if candidates:
            return candidates[0]
    return None


def _new_sources(old: Sequence[Source], new: Sequence[Source]) -> list[Source]:
    """The sources in `new` reporting from an article and sentence `old` does not hold."""
    known = {source_key(source) for source in old}
    return [source for source in new if source_key(source) not in known]


def _articles(sources: Sequence[Source]) -> str:
    names: list[str] = []
    for source in sources:
        if source.article not in names:
            names.append(source.article)
    return ", ".join(names) if names else "no article (added by hand)"


def cli_lines(changes: Changes, limit: int, rest_in: str) -> list[str]:
    """The report for a terminal: one line per change, the first `limit` of them, then how many
    more and where they are; "No changes." when there are none."""
    lines = changes.lines()
    if not lines:
        return ["No changes."]
    if len(lines) <= limit:
        return lines
    shown = limit - 1  # the last line says how many more
    return [*lines[:shown], f"… and {len(lines) - shown} more: see {rest_in}"]
