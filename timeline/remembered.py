"""Values worked out from one event (its hover and click texts, its export rows, its snapshot
text), each worked out once per process, and handed on to the next build by its memo
(timeline.memo): a rebuild shows most of the events it showed before. Kept by the event's value,
so an event that changed in any field is worked out afresh."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from timeline.model import Event

T = TypeVar("T")
EVENTS_REMEMBERED = 1 << 16  # more than this and the process starts again from nothing

# event -> (name of the function -> its value); one lookup per event whatever the functions
_KNOWN: dict[Event, dict[str, Any]] = {}
# The same by the identity of the event objects asked about, each kept with its values: an event
# from the store and the equal one a memo recalled are different objects, which a lookup in
# _KNOWN compares field by field; a build asks about each of its events several times.
_ASKED: dict[int, tuple[Event, dict[str, Any]]] = {}


def per_event(name: str) -> Callable[[Callable[[Event], T]], Callable[[Event], T]]:
    """The decorated function's value for each event worked out once, remembered as `name`
    (the value is shared: never change it)."""

    def decorate(work: Callable[[Event], T]) -> Callable[[Event], T]:
        @functools.wraps(work)
        def remembered(event: Event) -> T:
            values = _values_of(event)
            if name not in values:
                values[name] = work(event)
            value: T = values[name]
            return value

        return remembered

    return decorate


def _known_of(event: Event) -> dict[str, Any] | None:
    """What is known of the event, found by its identity when it was asked about before."""
    asked = _ASKED.get(id(event))
    if asked is not None and asked[0] is event:
        return asked[1]
    return _KNOWN.get(event)


def _values_of(event: Event) -> dict[str, Any]:
    """What is known of the event, to be added to; found by its identity from now on."""
    asked = _ASKED.get(id(event))
    if asked is not None and asked[0] is event:
        return asked[1]
    values = _KNOWN.get(event)
    if values is None:
        if len(_KNOWN) >= EVENTS_REMEMBERED:
            _forget()
        values = _KNOWN[event] = {}
    if len(_ASKED) >= EVENTS_REMEMBERED:
        _ASKED.clear()
    _ASKED[id(event)] = (event, values)
    return values


def _forget() -> None:
    _KNOWN.clear()
    _ASKED.clear()


def remembered(events: Iterable[Event]) -> dict[Event, dict[str, Any]]:
    """What was worked out for these events, for the next build."""
    found = {}
    for event in events:
        values = _known_of(event)
        if values:
            found[event] = values
    return found


def recall(known: Mapping[Event, Mapping[str, Any]]) -> None:
    """Take what a build before worked out (from its memo), where nothing is known yet."""
    if len(_KNOWN) + len(known) > EVENTS_REMEMBERED:
        _forget()
    for event, values in known.items():
        mine = _KNOWN.setdefault(event, {})
        for name, value in values.items():
            mine.setdefault(name, value)
