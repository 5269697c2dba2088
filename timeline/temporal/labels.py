"""Dates as people write them: "4 June 2025", "June 2024", "2024", "early 2025", "since 2022"."""

from __future__ import annotations

from timeline.model import Event
from timeline.temporal import when
from timeline.temporal.extent import parse_iso


def date_label(event: Event) -> str:
    """The event's date for people: its own `label` when set, else written from date, end and
    qualifier the way extraction writes labels (timeline.temporal.when.label), so both always agree."""
    if event.label:
        return event.label
    parse_iso(event.date, event.id)  # a malformed date names the event
    if event.end:
        parse_iso(event.end, event.id)
    return when.label(event.date, event.end, event.qualifier)


def precision_label(event: Event) -> str:
    """How precisely the date is known, in a few words ("day", "part of a year", "open: since")."""
    _, _, granularity = parse_iso(event.date, event.id)
    if event.qualifier in ("before", "after", "since") and not event.end:
        return f"open-ended ({event.qualifier} a {granularity})"
    if event.end and event.end != event.date:
        _, _, end_granularity = parse_iso(event.end, event.id)
        if end_granularity == granularity:
            return f"span of {granularity}s"
        return f"span from a {granularity} to a {end_granularity}"
    if event.qualifier in ("early", "mid", "late") and granularity != "day":
        return f"part of a {granularity}"
    if event.qualifier == "about":
        return f"approximate {granularity}"
    if event.qualifier == "planned":
        return f"planned {granularity}"
    return granularity


def written(value: str, event_id: str) -> str:
    """One ISO date as people write it: "4 June 2025", "June 2025" or "2025"."""
    parse_iso(value, event_id)  # a malformed date names the event
    return when.label(value)
