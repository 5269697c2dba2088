"""`timeline check`: every problem in events.yaml (and the articles), each at its line.

Errors (the build would refuse the store, or a date is impossible) make the check fail;
warnings (a likely duplicate, an unresolved date, a source whose article is missing) do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from timeline.events.merge import months_touched, same_happening
from timeline.model import CATEGORIES, Event
from timeline.store.storefile import Document, Entry, Problem, date_bounds, parse

QUALIFIERS = ("", "early", "mid", "late", "before", "after", "since", "about", "planned")
_UNRESOLVED = re.compile(
    r"\b(unresolved|not resolved|not dated|could not resolve|cannot resolve)\b", re.IGNORECASE
)


def check_text(text: str, article_names: Iterable[str] | None = None) -> list[Problem]:
    """All problems in events.yaml text, by line; `article_names` (when given) are the files
    the sources may cite."""
    document, problems = parse(text)
    problems.extend(check_document(document))
    if article_names is not None:
        problems.extend(_missing_articles(document.entries, set(article_names)))
    return sorted(problems, key=lambda problem: problem.line)


def check_document(document: Document) -> list[Problem]:
    """The problems parsing does not catch: spans, vocabulary, duplicates, unresolved dates."""
    problems: list[Problem] = []
    for entry in document.entries:
        problems.extend(_check_entry(entry))
    problems.extend(_likely_duplicates(document.entries))
    present = {entry.event.id: entry for entry in document.entries}
    for event_id, line in zip(document.deleted, document.deleted_lines, strict=True):
        if event_id in present:
            problems.append(
                _warning(
                    line,
                    f"`{event_id}` is listed under `deleted:` but still has "
                    "an entry: the next build removes the entry",
                )
            )
    return problems


def store_errors(document: Document) -> list[Problem]:
    """The errors parsing does not catch (an end before its date), which the build refuses too;
    linear in the entries, unlike the duplicate search."""
    return [p for entry in document.entries for p in _check_entry(entry) if p.severity == "error"]


def format_problem(path: Path | str, problem: Problem) -> str:
    """`events.yaml:LINE: error: message`, the form editors and CI logs link to."""
    return f"{path}:{problem.line}: {problem.severity}: {problem.message}"


def _check_entry(entry: Entry) -> list[Problem]:
    event = entry.event
    problems: list[Problem] = []
    start = date_bounds(event.date)
    finish = date_bounds(event.end) if event.end else None
    if start and finish and finish[1] < start[0]:
        problems.append(
            Problem(entry.line_of("end"), f"`end: {event.end}` is before `date: {event.date}`")
        )
    if event.category not in CATEGORIES:
        problems.append(
            _warning(
                entry.line_of("category"),
                f"unknown category `{event.category}` "
                f"(known: {', '.join(CATEGORIES)}); it gets a lane of its own",
            )
        )
    if event.qualifier not in QUALIFIERS:
        problems.append(
            _warning(
                entry.line_of("qualifier"),
                f"unknown qualifier `{event.qualifier}` "
                f"(known: {', '.join(q for q in QUALIFIERS if q)})",
            )
        )
    for source in event.sources:
        for name in ("published", "date"):
            value = getattr(source, name)
            if value and not all(date_bounds(part) for part in value.split("/", 1)):
                problems.append(
                    _warning(
                        entry.line_of("sources"),
                        f"source {source.article}: "
                        f"`{name}: {value}` is not an ISO date or interval",
                    )
                )
        if _UNRESOLVED.search(source.resolution):
            phrase = f"`{source.phrase}`" if source.phrase else "the date"
            problems.append(
                _warning(
                    entry.line_of("sources"),
                    f"{phrase} in {source.article} is "
                    f"unresolved ({source.resolution}); check `date` by hand",
                )
            )
    return problems


def _likely_duplicates(entries: Sequence[Entry]) -> list[Problem]:
    """Two events merge would join: dates that meet, the same people, place and kind. Each entry
    is compared only with earlier ones naming one of its actors or its place in a month both
    touch, so big stores stay fast."""
    problems: list[Problem] = []
    events = [_named_as_written(entry.event) for entry in entries]
    seen: dict[tuple[int, int, str], list[int]] = {}
    for index, later in enumerate(entries):
        keys = _meeting_keys(events[index])
        nearby = sorted({i for key in keys for i in seen.get(key, ())})
        for earlier_index in nearby:
            if same_happening(events[earlier_index], events[index]):
                earlier = entries[earlier_index]
                problems.append(
                    _warning(
                        later.first + 1,
                        f"`{later.event.id}` looks like a duplicate "
                        f"of `{earlier.event.id}` (line {earlier.first + 1}): dates "
                        "that meet, the same people, place and kind; merge them or "
                        "delete one",
                    )
                )
                break
        for key in keys:
            seen.setdefault(key, []).append(index)
    return problems


def _meeting_keys(event: Event) -> set[tuple[int, int, str]]:
    """(year, month, name) for each month the event touches and each actor or place it names."""
    names = {actor.casefold() for actor in event.actors}
    if event.place:
        names.add(event.place.casefold())
    return {(year, month, name) for year, month in months_touched(event) for name in names}


def _named_as_written(event: Event) -> Event:
    """The event with hand-typed lower-case names capitalised ("kim jong un" -> "Kim Jong Un")."""
    actors = tuple(actor.title() if actor == actor.lower() else actor for actor in event.actors)
    return replace(event, actors=actors)


def _missing_articles(entries: Sequence[Entry], names: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for entry in entries:
        for source in entry.event.sources:
            if source.article not in names:
                problems.append(
                    _warning(
                        entry.line_of("sources"),
                        f"source article `{source.article}` is not in the articles folder",
                    )
                )
    return problems


def _warning(line: int, message: str) -> Problem:
    return Problem(line, message, "warning")
