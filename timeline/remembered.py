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


def per_event(name: str) -> Callable[[Callable[[Event], T]], Callable[[Event], T]]:
    """The decorated function's value for each event worked out once, remembered as `name`
    (the value is shared: never change it)."""

    def decorate(work: Callable[[Event], T]) -> Callable[[Event], T]:
        @functools.wraps(work)
        def remembered(event: Event) -> T:
            values = _KNOWN.get(event)
            if values is None:
                if len(_KNOWN) >= EVENTS_REMEMBERED:
                    _KNOWN.clear()
                values = _KNOWN[event] = {}
            if name not in values:
                values[name] = work(event)
            value: T = values[name]
            return value

        return remembered

    return decorate


def remembered(events: Iterable[Event]) -> dict[Event, dict[str, Any]]:
    """What was worked out for these events, for the next build."""
    found = {}
    for event in events:
        values = _KNOWN.get(event)
        if values:
            found[event] = values
    return found


def recall(known: Mapping[Event, Mapping[str, Any]]) -> None:
    """Take what a build before worked out (from its memo), where nothing is known yet."""
    if len(_KNOWN) + len(known) > EVENTS_REMEMBERED:
        _KNOWN.clear()
    for event, values in known.items():
        mine = _KNOWN.setdefault(event, {})
        for name, value in values.items():
            mine.setdefault(name, value)
