"""Quotations: a speaker's own words, in which a relative date counts from the speaker's day.

A quotation may run over several sentences of a passage ("He thought he was above the law.
Today's verdict proves he was wrong," said ...), so it is found in the passage's whole text.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from timeline.model import Timex

_CALENDAR = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
_QUOTES = re.compile(r"[\"“][^\"“”]*[\"”]")


def speakers_date(sentence: Span, timex: Timex) -> bool:
    """A date in a speaker's words counted from the speaker's day ("Today's verdict proves
    ..."), not one the calendar fixes ("It claimed the April 22 attack")."""
    return inside_quote(sentence, timex.start) and not _CALENDAR.search(timex.text)


def inside_quote(sentence: Span, at: int) -> bool:
    """Whether the passage's character `at` is a speaker's words; a quotation may run over
    several sentences ("... above the law. Today's verdict proves he was wrong," said ...)."""
    return any(m.start() <= at < m.end() for m in _QUOTES.finditer(sentence.doc.text))
