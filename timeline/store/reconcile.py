"""The three-way merge of a rebuild: what the tool proposed last time (the base), what the file
holds now (the user's) and what the tool extracts now.

A field whose file value differs from the base is the user's from then on (ownership is
remembered, so the tool later proposing the same or another value never takes it back); the
user's fields are kept, the others take the newly extracted value unless the tool has nothing for
it. An event with no base entry (added by hand) is the user's in every field. With no base at all
(a fresh clone: `.timeline/` is not committed) a non-empty value that differs from what the tool
extracts now is taken to be the user's; empty fields may be filled.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from timeline.model import Event, Source
from timeline.store.emit import EVENT_FIELDS

SourceKey = tuple[str, str]  # (article, quote): the same report of the same event
MERGED_FIELDS = tuple(name for name in EVENT_FIELDS if name not in ("id", "sources"))


@dataclass(frozen=True)
class Snapshot:
    """The tool's last proposals by id (deleted events included), the deleted ids, and which
    fields of which events the user has changed."""

    events: tuple[Event, ...] = ()
    deleted: tuple[str, ...] = ()
    owned: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (id, fields that are the user's)


@dataclass(frozen=True)
class Outcome:
    """The merged store: final events in file order, deletions, and the new base to remember."""

    events: tuple[Event, ...]
    deleted: tuple[str, ...]
    base: Snapshot
    new: tuple[str, ...] = ()  # ids added by this rebuild
    updated: tuple[str, ...] = ()  # ids whose fields changed
    removed: tuple[str, ...] = ()  # ids whose entry left the file because they are in `deleted:`
    before: dict[str, str | None] = field(default_factory=dict)  # new id -> id it precedes
    edited: tuple[str, ...] = ()  # ids with a field the user changed, or added by hand
    # What the articles report of events the user deleted, under the deleted id: kept out.
    suppressed: tuple[Event, ...] = ()


def source_key(source: Source) -> SourceKey:
    """What makes two sources the same report: the article and the quoted sentence."""
    return (source.article, source.quote)


def reconcile(
    events: Sequence[Event],
    deleted: Sequence[str],
    base: Snapshot | None,
    extracted: Sequence[Event],
) -> Outcome:
    """Merge freshly extracted events into the file's events, keeping every user edit."""
    extracted = [_with(event, sources=_distinct(event.sources)) for event in extracted]
    known = base or Snapshot(deleted=tuple(deleted))
    proposals, owned, final_deleted = _deletions(events, deleted, known)
    gone = set(final_deleted)
    live = [event for event in events if event.id not in gone]
    matches, fresh, suppressed = _match(live, extracted, proposals, gone)
    merged = _merge_live(live, matches, proposals, owned, base is None)
    new_base = dict(merged.base)
    for event in fresh:
        new_base[event.id] = event
    for event_id in final_deleted:
        if event_id in proposals:
            new_base[event_id] = proposals[event_id]
    for event in suppressed:  # remembered, so the next build does not report it again
        new_base[event.id] = replace(propose(proposals.get(event.id), event, event), id=event.id)
    ordered, before = _place(merged.events, fresh)
    return Outcome(
        events=tuple(ordered),
        deleted=tuple(final_deleted),
        base=Snapshot(
            events=tuple(new_base[key] for key in sorted(new_base)),
            deleted=tuple(final_deleted),
            owned=tuple(
                (key, tuple(sorted(merged.owned[key])))
                for key in sorted(merged.owned)
                if merged.owned[key]
            ),
        ),
        new=tuple(event.id for event in fresh),
        updated=tuple(merged.updated),
        removed=tuple(event.id for event in events if event.id in gone),
        before=before,
        edited=tuple(merged.edited),
        suppressed=tuple(suppressed),
    )


def _deletions(
    events: Sequence[Event], deleted: Sequence[str], known: Snapshot
) -> tuple[dict[str, Event], dict[str, frozenset[str]], list[str]]:
    """The last proposals and the user's fields by id, and the ids deleted: those listed under
    `deleted:` and the proposals gone from the file, unless renamed there by hand (then the
    proposal and its user's fields move to the new id)."""
    proposals = {event.id: event for event in known.events}
    owned = {event_id: frozenset(names) for event_id, names in known.owned}
    present = {event.id for event in events}
    final_deleted = [event_id for event_id in deleted if event_id]
    for event_id in sorted(proposals.keys() - present - set(deleted) - set(known.deleted)):
        renamed = _renamed_to(proposals[event_id], events, proposals)
        if renamed:
            proposals[renamed] = replace(proposals.pop(event_id), id=renamed)
            owned[renamed] = owned.pop(event_id, frozenset())
        else:
            final_deleted.append(event_id)
    return proposals, owned, final_deleted


@dataclass
class _Merged:
    """The file's live events merged with what was extracted for them."""

    events: list[Event] = field(default_factory=list)  # in file order
    base: dict[str, Event] = field(default_factory=dict)  # the proposals to remember, by id
    owned: dict[str, frozenset[str]] = field(default_factory=dict)  # the user's fields, by id
    updated: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)


def _merge_live(
    live: Sequence[Event],
    matches: dict[str, Event],
    proposals: dict[str, Event],
    owned: dict[str, frozenset[str]],
    fresh_clone: bool,
) -> _Merged:
    """Each live event merged with the extracted event it matches, its user's fields kept."""
    merged = _Merged()
    for current in live:
        proposal = proposals.get(current.id)
        found = matches.get(current.id)
        known_sources: Sequence[Source] = ()
        if fresh_clone:
            mine = _guessed_user_fields(current, found)
        else:
            mine = user_fields(current, proposal, owned.get(current.id, frozenset()))
            known_sources = proposal.sources if proposal is not None else ()
        if mine:
            merged.edited.append(current.id)
        result = current
        if found is not None:
            result = merge_event(current, mine, known_sources, found)
            proposal = _with(propose(proposal, found, current), id=current.id)
        merged.events.append(result)
        if result != current:
            merged.updated.append(current.id)
        if proposal is not None:
            merged.base[current.id] = proposal
            merged.owned[current.id] = mine
    return merged


def _guessed_user_fields(current: Event, found: Event | None) -> frozenset[str]:
    """With no base (a fresh clone): a value that differs from the extraction may be an edit and
    is kept; an empty field may be filled. Without a match there is nothing to merge."""
    if found is None:
        return frozenset()
    differs = user_fields(current, found, frozenset())
    return frozenset(name for name in differs if _has_news(name, getattr(current, name)))


def user_fields(current: Event, proposal: Event | None, owned: frozenset[str]) -> frozenset[str]:
    """The fields that are the user's: all without a proposal, else those owned or changed."""
    if proposal is None:
        return frozenset(MERGED_FIELDS)
    changed = {name for name in MERGED_FIELDS if getattr(current, name) != getattr(proposal, name)}
    return owned | changed


def merge_event(
    current: Event, mine: frozenset[str], base_sources: Sequence[Source], extracted: Event
) -> Event:
    """One event's merge: the user's fields kept, the rest refreshed when the tool has news."""
    changes: dict[str, object] = {}
    for name in MERGED_FIELDS:
        theirs = getattr(extracted, name)
        if name not in mine and _tool_says(name, theirs):
            changes[name] = theirs
    changes["sources"] = merge_sources(current.sources, base_sources, extracted.sources)
    return _with(current, **changes)


def merge_sources(
    current: Sequence[Source], base: Sequence[Source], extracted: Sequence[Source]
) -> tuple[Source, ...]:
    """Keep the user's sources (edits, removals, order); refresh untouched ones; append new ones."""
    proposed = {source_key(source): source for source in reversed(base)}
    fresh = {source_key(source): source for source in _distinct(extracted)}
    merged = []
    for source in current:
        key = source_key(source)
        untouched = proposed.get(key) == source
        merged.append(fresh[key] if untouched and key in fresh else source)
    seen = {source_key(source) for source in current} | proposed.keys()
    merged.extend(source for key, source in fresh.items() if key not in seen)
    return tuple(merged)


def propose(proposal: Event | None, extracted: Event, current: Event) -> Event:
    """What the tool now proposes for an event: the extracted value where it has one. A source
    the user edited keeps its old proposal, so it still reads as edited next time."""
    if proposal is None:
        return extracted
    changes: dict[str, object] = {}
    for name in MERGED_FIELDS:
        theirs = getattr(extracted, name)
        changes[name] = theirs if _tool_says(name, theirs) else getattr(proposal, name)
    fresh = {source_key(source): source for source in extracted.sources}
    proposed = {source_key(source): source for source in proposal.sources}
    edited = {source_key(s) for s in current.sources if proposed.get(source_key(s), s) != s}
    kept = []
    for source in proposal.sources:
        refreshed = fresh.pop(source_key(source), source)
        kept.append(source if source_key(source) in edited else refreshed)
    changes["sources"] = (*kept, *fresh.values())
    return _with(proposal, **changes)


def _with(event: Event, **changes: object) -> Event:
    """The event with these fields changed: the very event when none changes (a rebuild
    proposes most events as they were, and the texts worked out for an event are found by
    the event)."""
    if all(getattr(event, name) == value for name, value in changes.items()):
        return event
    return replace(event, **changes)  # type: ignore[arg-type]


def _distinct(sources: Sequence[Source]) -> tuple[Source, ...]:
    """One source per (article, quote): the first."""
    seen: dict[SourceKey, Source] = {}
    for source in sources:
        seen.setdefault(source_key(source), source)
    return tuple(seen.values())


def _tool_says(name: str, value: object) -> bool:
    """Whether the tool's value replaces a field the user has not changed: when it has news,
    and always for a disagreement, where no disagreement is news too (the sources now agree)."""
    return name == "disagreement" or _has_news(name, value)


def _has_news(name: str, value: object) -> bool:
    if name == "category":
        return value not in ("", "other")  # "other" is the tool saying it does not know
    return bool(value)


def _renamed_to(
    proposal: Event, events: Sequence[Event], proposals: dict[str, Event]
) -> str | None:
    """The id of a hand-renamed event: a new id in the file sharing a source with `proposal`."""
    keys = {source_key(source) for source in proposal.sources}
    for event in events:
        if event.id not in proposals and keys & {source_key(s) for s in event.sources}:
            return event.id
    return None


def _match(
    live: Sequence[Event],
    extracted: Sequence[Event],
    proposals: dict[str, Event],
    gone: set[str],
) -> tuple[dict[str, Event], list[Event], list[Event]]:
    """Pair extracted events with existing ids (shared source first, then id); the rest are new,
    but for those matching a deleted id: these are returned apart, under that id, sources joined."""
    by_source: dict[SourceKey, list[str]] = {}
    live_ids = {event.id for event in live}
    revivable = set(proposals) - live_ids - gone  # e.g. taken off `deleted:` by the user
    order = [event.id for event in live] + sorted(gone) + sorted(revivable)
    by_id = {event.id: event for event in live}
    for event_id in order:
        sources: Iterable[Source] = by_id[event_id].sources if event_id in by_id else ()
        if event_id in proposals:
            sources = (*sources, *proposals[event_id].sources)
        for source in sources:
            ids = by_source.setdefault(source_key(source), [])
            if event_id not in ids:
                ids.append(event_id)
    rank = {event_id: index for index, event_id in enumerate(order)}
    taken = live_ids | gone | set(proposals)
    matches: dict[str, Event] = {}
    fresh: list[Event] = []
    suppressed: dict[str, Event] = {}
    for event in extracted:
        shared: dict[str, int] = {}
        for source in event.sources:
            for event_id in by_source.get(source_key(source), ()):
                if event_id not in matches:
                    shared[event_id] = shared.get(event_id, 0) + 1
        target = min(
            shared,
            key=lambda event_id: (-shared[event_id], event_id != event.id, rank[event_id]),
            default=None,
        )
        if target is None and event.id in live_ids | gone | revivable and event.id not in matches:
            target = event.id
        if target in gone:  # the user deleted it: it stays deleted
            kept = suppressed.get(target, replace(event, id=target, sources=()))
            suppressed[target] = replace(kept, sources=_distinct((*kept.sources, *event.sources)))
            continue
        if target in revivable:
            matches[target] = event
            fresh.append(replace(event, id=target))
            continue
        if target is not None:
            matches[target] = event
            continue
        event_id = _unique(event.id or "event", taken)
        taken.add(event_id)
        fresh.append(replace(event, id=event_id))
    return matches, fresh, [suppressed[key] for key in sorted(suppressed)]


def _unique(event_id: str, taken: set[str]) -> str:
    if event_id not in taken:
        return event_id
    suffix = 2
    while f"{event_id}-{suffix}" in taken:
        suffix += 1
    return f"{event_id}-{suffix}"


def _place(
    existing: Sequence[Event], fresh: Sequence[Event]
) -> tuple[list[Event], dict[str, str | None]]:
    """Insert new events before the first existing event dated later; keep the file's order."""
    ordered = list(existing)
    before: dict[str, str | None] = {}
    for event in sorted(fresh, key=lambda e: (e.date, e.id)):
        follower = next((e for e in existing if e.date > event.date), None)
        before[event.id] = follower.id if follower else None
        index = ordered.index(follower) if follower else len(ordered)
        ordered.insert(index, event)
    return ordered, before
