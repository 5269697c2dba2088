"""Temporal tagger: find dates, times, durations and sets in news text and resolve them.

Phase one (scanner) reads typed, under-specified values with regexes built from the YAML rules;
phase two (resolver) applies the publish date, the last date mentioned and the tense.
"""

from __future__ import annotations

from datetime import date

from timeline.model import Timex
from timeline.temporal.resolver import Context, resolve
from timeline.temporal.scanner import scan
from timeline.temporal.tense import tense_at
from timeline.temporal.periods import Span

__all__ = ["tag"]

# Granularities fine enough to anchor "the same day" or "a day earlier" on.
_ANCHORING = ("day", "week", "month", "quarter", "season", "half", "year")


def tag(text: str, published: date) -> list[Timex]:
    """Every temporal expression in `text`, in order, resolved against the publish date."""
    found: list[Timex] = []
    previous: Span | None = None
    for candidate in scan(text):
        ctx = Context(published, previous, tense_at(text, candidate.start, candidate.end))
        resolution = resolve(candidate.value, ctx)
        found.append(
            Timex(
                start=candidate.start,
                end=candidate.end,
                text=text[candidate.start : candidate.end],
                type=resolution.type,
                value=resolution.value,
                mod=resolution.mod,
                earliest=resolution.earliest,
                latest=resolution.latest,
                granularity=resolution.granularity,
                explanation=f"{resolution.explanation} [{candidate.rule}]",
                anchor=resolution.anchor,
            )
        )
        if (
            resolution.type in ("DATE", "TIME")
            and resolution.anchor == "publish"
            and resolution.granularity in _ANCHORING
            and resolution.earliest is not None
            and resolution.latest is not None
        ):
            previous = Span(resolution.value, resolution.earliest, resolution.latest,
                            resolution.granularity)
    return found
