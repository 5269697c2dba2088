"""A state told as holding since a date ("She had been Vilda's assistant coach since 2018", "has
been detained since March") began then: the start is a happening a timeline can place, labelled
"since 2018". What the state began after is dated so too ("had been under fire since last year,
after 15 players staged a mutiny": the mutiny, last year).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from timeline.events.attachment import predicate_of
from timeline.events.mood import is_irrealis, is_negated
from timeline.events.reading import Reading
from timeline.events.reports import told_as_done
from timeline.events.tree import is_verbal
from timeline.model import Timex
from timeline.temporal.when import When

_PLAIN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")  # a year, month or day
_GRANULARITY = {4: "year", 7: "month", 10: "day"}


def since_readings(sentence: Span, timexes: Sequence[Timex], taken: set[int]) -> list[Reading]:
    """The starts of states told as holding "since" a date, and what each began after."""
    readings: list[Reading] = []
    for timex in timexes:
        state = _state_since(sentence, timex)
        if state is None or state.i in taken:
            continue
        start = replace(timex, granularity=_GRANULARITY[len(timex.value)], mod="")
        note = f"; a state holding since {timex.value}: it began then"
        readings.append(Reading(state, start, When(timex.value, qualifier="since"), "", note))
        for clause in _begun_after(state):
            note = f"; what the state holding since {timex.value} began after"
            readings.append(Reading(clause, start, When(timex.value), "", note))
    return readings


def _state_since(sentence: Span, timex: Timex) -> Token | None:
    """The verb of a perfect state a "since" date opens ("has been detained since March")."""
    if timex.mod != "ON_OR_AFTER" or timex.granularity != "open" or not _PLAIN.match(timex.value):
        return None
    span = sentence.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or span.start == 0 or span.doc[span.start - 1].lower_ != "since":
        return None
    state = predicate_of(span)
    if state is None or not is_verbal(state) or is_negated(state) or is_irrealis(state):
        return None
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in state.children)
    return state if perfect and not _running_total(state) else None


def _running_total(verb: Token) -> bool:
    """ "has lost more than $25 billion since 2019": an amount summed up, not a state begun."""
    amounts = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
    return any(
        t.ent_type_ in amounts
        for c in verb.children
        if c.dep_ in ("dobj", "attr")
        for t in c.subtree
    )


def _begun_after(state: Token) -> list[Token]:
    return [
        clause
        for clause in state.children
        if clause.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ == "after" for m in clause.children)
        and told_as_done(clause)
    ]
