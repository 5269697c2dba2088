"""Dates as people write them: "4 June 2025", "June 2024", "2024", "early 2025", "since 2022"."""

from __future__ import annotations

from datetime import date

from timeline.extent import parse_iso
from timeline.model import Event

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

QUALIFIERS = ("early", "mid", "late", "before", "after", "since", "about")


def date_label(event: Event) -> str:
    """The event's date for people: its own `label` when set, else derived from date and end."""
    if event.label:
        return event.label
    start = written(event.date, event.id)
    if event.end and event.end != event.date:
        text = _span(event.date, event.end, event.id)
    else:
        text = start
    if event.qualifier == "mid":
        return f"mid-{text}"  # "mid-June 2025", "mid-2025"
    return f"{event.qualifier} {text}" if event.qualifier in QUALIFIERS else text


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
    return granularity


def written(value: str, event_id: str) -> str:
    """One ISO date as people write it: "4 June 2025", "June 2025" or "2025"."""
    first, _, granularity = parse_iso(value, event_id)
    if granularity == "day":
        return _day(first)
    if granularity == "month":
        return f"{MONTHS[first.month - 1]} {first.year}"
    return str(first.year)


def _day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _span(start_value: str, end_value: str, event_id: str) -> str:
    """Share what both ends share: "4–30 June 2025", "June–August 2025", "2022–2024"."""
    first, _, start_granularity = parse_iso(start_value, event_id)
    last, _, end_granularity = parse_iso(end_value, event_id)
    if start_granularity == end_granularity == "day":
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{last.day} {MONTHS[first.month - 1]} {first.year}"
        if first.year == last.year:
            return (
                f"{first.day} {MONTHS[first.month - 1]} – "
                f"{last.day} {MONTHS[last.month - 1]} {last.year}"
            )
    if start_granularity == end_granularity == "month" and first.year == last.year:
        return f"{MONTHS[first.month - 1]}–{MONTHS[last.month - 1]} {first.year}"
    if start_granularity == end_granularity == "year":
        return f"{first.year}–{last.year}"
    return f"{written(start_value, event_id)} – {written(end_value, event_id)}"
