"""`timeline explain` written out: plain text for people, a JSON object for tools."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from timeline.explain import DateReading, Explanation, Joined, Proposed, SentenceReading

_MAX_WORDS = 12  # shared words listed before "+N more"


def as_json(explanation: Explanation, store: Path | None) -> dict[str, object]:
    """The explanation as JSON-ready values: every dataclass field, plus the path of the
    store searched (None when there was none)."""
    found = asdict(explanation)
    found["store"] = str(store) if explanation.store_events is not None else None
    return found


def as_text(explanation: Explanation, store: Path | None) -> str:
    """The explanation as a person reads it: a header, then each sentence with its names and
    its time expressions, each with the event it became or why it became none."""
    lines = _header(explanation, store)
    searched = store if explanation.store_events is not None else None
    for sentence in explanation.sentences:
        lines.append("")
        lines.extend(_sentence(sentence, searched))
    for event in explanation.unplaced:
        lines.append("")
        lines.append("event not found again in any sentence (explain.py is behind extract.py):")
        lines.extend(_event(event, searched))
    return "\n".join(lines) + "\n"


def _header(explanation: Explanation, store: Path | None) -> list[str]:
    outlet = f", {explanation.outlet}" if explanation.outlet else ""
    lines = [f"{explanation.article}: published {explanation.published}{outlet}"]
    if explanation.title:
        lines.append(f"title: {explanation.title}")
    lines.append(
        f"main text: {explanation.passages} passage(s), {len(explanation.sentences)} "
        f"sentence(s); {explanation.dropped_chars:,} of {explanation.body_chars:,} characters "
        "dropped as page furniture"
    )
    events = explanation.events
    lines.append(f"events proposed: {len(events)}")
    if store is not None and explanation.store_events is not None:
        joined = sum(1 for event in events if event.joined is not None)
        lines.append(
            f"store: {store} ({explanation.store_events} events); {joined} of the "
            f"{len(events)} proposed here are sources of a stored event"
        )
    elif store is not None:
        lines.append(f"store: {store} does not exist; run timeline build to match events")
    return lines


def _sentence(sentence: SentenceReading, store: Path | None) -> list[str]:
    lines = [f"[{sentence.number}] {sentence.text}"]
    if sentence.entities:
        names = ", ".join(f"{e.text} ({e.label})" for e in sentence.entities)
        lines.append(f"    names: {names}")
    if not sentence.dates:
        lines.append("    no time expression")
    for reading in sentence.dates:
        lines.extend(_date(reading, store))
    return lines


def _date(reading: DateReading, store: Path | None) -> list[str]:
    value = f"{reading.value}, {reading.granularity}" if reading.granularity else reading.value
    if reading.anchor == "event":
        value = "words naming another happening"
    where = f', attaches to "{reading.attaches_to}"' if reading.attaches_to else ""
    lead = reading.event is not None and reading.event.basis == "lead"
    unsaid = "(no time words: the article's lead)" if lead else "(no time words)"
    said = f'"{reading.text}"' if reading.text else unsaid
    head = f"    {said} ({value}){where}"
    if reading.event is None:
        return [head, f"        skipped: {reading.why}"]
    return [head, f"        event: {reading.why}", *_event(reading.event, store)]


def _event(event: Proposed, store: Path | None) -> list[str]:
    dated = event.date + (f"/{event.end}" if event.end else "")
    rows = [
        ("title", event.title),
        ("date", event.label if event.label == dated else f"{event.label} ({dated})"),
        ("category", event.category),
        ("actors", ", ".join(event.actors) or "-"),
        ("place", event.place or "-"),
    ]
    if store is not None:
        stored = _stored(event.joined, store) if event.joined else [event.store_note]
        rows.extend(zip(("stored", *[""] * (len(stored) - 1)), stored, strict=True))
    return [f"        {name:<9} {text}".rstrip() for name, text in rows]


def _stored(joined: Joined, store: Path) -> list[str]:
    edited = ", edited by hand" if joined.edited else ""
    lines = [f'{store}:{joined.line} "{joined.title}" ({joined.date}{edited})', f"id {joined.id}"]
    if not joined.other_sources:
        return [*lines, "its only source"]
    words = list(joined.shared_words[:_MAX_WORDS])
    if len(joined.shared_words) > _MAX_WORDS:
        words.append(f"+{len(joined.shared_words) - _MAX_WORDS} more")
    return [
        *lines,
        (
            f"{joined.other_sources} other source(s); the people in them: "
            f"{', '.join(joined.shared_people) or 'none'}; same category: "
            f"{'yes' if joined.same_category else 'no'}"
        ),
        f"words in common: {', '.join(words) or 'none'}",
        (
            f"merge would join them now (fit {joined.fit:g})"
            if joined.fit
            else "merge would now keep them apart"
        ),
    ]
