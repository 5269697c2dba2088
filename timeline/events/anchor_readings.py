"""Readings of dates anchored on another happening ("a day after he was fired", "days before
the summit"): after a happening the sentence dates, or bounded by the publish date until merge
finds the one named (`anchored.resolve_anchors`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from spacy.tokens import Span, Token

from timeline.events.anchoring import BARE_AFTER, Anchor, anchors_in
from timeline.events.happenings import happening_of, is_planned
from timeline.events.predicates import DURING, lexicon
from timeline.events.quotes import inside_quote
from timeline.events.reading import Reading
from timeline.events.reports import told_as_done
from timeline.events.tree import is_eventive_noun, is_verbal, lemma, object_of
from timeline.model import Timex
from timeline.temporal.when import When, shift_days


def with_anchored(
    sentence: Span,
    published: date,
    dated: set[int],
    direct: Sequence[Reading],
    timed: Collection[int] = (),
) -> list[Reading]:
    """The readings, and after them the happenings dated by another one ("days after X");
    `timed`: the tokens of the sentence's time expressions."""
    readings = list(direct)
    for anchor in anchors_in(sentence):
        if inside_quote(sentence, anchor.relation.start_char):
            continue  # a speaker's "days after" is not ours either
        during = anchor.relation.text.lower() == DURING
        if during and any(t.i in timed for t in anchor.words):
            continue  # "during the 2023 awards ceremony": dated by its own words
        taken = dated | {r.predicate.i for r in readings}
        if anchor.relation.text.lower() == BARE_AFTER:
            readings.extend(_before_a_dated_one(anchor, readings, taken))
            continue
        relative = _after_a_dated_one(anchor, readings)
        if relative is not None and relative.predicate.i not in taken:
            readings.append(relative)
        elif relative is None:
            readings.extend(_anchored(anchor, published, taken))
    return readings


def _after_a_dated_one(anchor: Anchor, readings: Sequence[Reading]) -> Reading | None:
    """ "shot shortly after he returned home on Friday, Oct. 23": the other happening is dated
    in the sentence, so this one is after (or before) that day."""
    other = happening_of(anchor.other)
    told = next((r for r in readings if other is not None and r.predicate.i == other.i), None)
    happening = happening_of(anchor.dated)
    if told is None or told.basis or len(told.when.date) != 10 or told.when.end:
        return None
    if happening is None or lemma(anchor.dated) in lexicon().light:
        return None
    if not told_as_done(happening):
        return None
    relation = anchor.relation.text.lower()
    qualifier = "after" if relation.endswith("after") else "before"
    if anchor.amount.lemma_.lower() in lexicon().same_day or relation == DURING:
        qualifier = ""  # "hours after the vote on Monday", "during the vote on Monday": Monday
    note = f"; {relation} {anchor.words.text}, dated {told.when.date}"
    return Reading(happening, told.timex, When(told.when.date, qualifier=qualifier), "", note)


def _before_a_dated_one(
    anchor: Anchor, readings: Sequence[Reading], taken: set[int]
) -> list[Reading]:
    """ "FIFA on Saturday suspended Rubiales after the body opened disciplinary proceedings":
    what came first, told as done with no date, is on or before the day the sentence dates the
    happening after it; with no such day, a bare "after" dates nothing."""
    main = happening_of(anchor.dated)
    told = next((r for r in readings if main is not None and r.predicate.i == main.i), None)
    if told is None or told.basis or len(told.when.date) != 10 or told.when.end:
        return []
    other = happening_of(anchor.other)
    if other is None or other.i in taken or not is_verbal(anchor.other):
        return []
    if not told_as_done(other) or lemma(other) in lexicon().reporting:
        return []
    note = f"; told as done before what {told.when.date} dates ('{anchor.relation.text} ...')"
    return [Reading(other, told.timex, When(told.when.date, qualifier="before"), "bound", note)]


def _anchored(anchor: Anchor, published: date, taken: set[int]) -> list[Reading]:
    """ "Days before Trump and Putin held a summit in Alaska, Putin briefed Kim": the briefing is
    on or before the publish date until merge dates the summit; the summit, told as done, took
    place by the publish date; "ahead of the expected summit" makes the summit a plan."""
    readings: list[Reading] = []
    day = published.isoformat()
    relation, words = anchor.relation.text.lower(), anchor.words.text
    whole = _phrase(anchor.relation.doc[anchor.relation.start : anchor.words.end], day)
    # "His remarks came days after Pakistan fired drones": both were told before; only a plan
    # named there ("comes days ahead of the expected summit") is news
    carries = _takes_a_happening(anchor.dated)
    relating = lemma(anchor.dated) in lexicon().light and not carries
    happening = None if relating else happening_of(anchor.dated)
    if happening is None and carries and lemma(anchor.dated) in lexicon().light:
        happening = anchor.dated  # "began talks": the verb titles the talks it begins
    if happening is not None and happening.i not in taken and told_as_done(happening):
        note = (
            f"{relation} {words}: that event is not dated here, so the date is bounded by the "
            f"publish date {day}"
            if relation != DURING
            else f"{relation} {words}: on that event's day, if a source dates it; else no date"
        )
        when = When(day, qualifier="before")
        readings.append(Reading(happening, whole, when, "anchor", note, f"{relation} | {words}"))
    other = happening_of(anchor.other)
    if other is None or other.i in taken:
        return readings
    if is_verbal(anchor.other) and told_as_done(other) and not relating:
        note = f"told as done in '{whole.text}': not dated here, so on or before the publish date"
        when = When(day, qualifier="before")
        readings.append(Reading(other, _phrase(anchor.relation, day), when, "bound", note))
    elif is_eventive_noun(other) and is_planned(other):
        reach = lexicon().reach.get(anchor.amount.lower_)
        when = When(day, shift_days(day, reach)) if reach else When(day, qualifier="since")
        bound = f"between the publish date {day} and {when.end}" if reach else ""
        note = f"still to come in '{whole.text}': {bound or f'on or after the publish date {day}'}"
        readings.append(Reading(other, _phrase(anchor.relation, day), when, "plan", note))
    return readings


def _takes_a_happening(verb: Token) -> bool:
    """ "Altman began talks a day after he was fired": a support verb whose object names a
    happening tells that happening, not only how two others relate."""
    carried = object_of(verb)
    return carried is not None and is_eventive_noun(carried)


def _phrase(words: Span, day: str) -> Timex:
    """The anchor's words as the phrase a source quotes; they date by the publish date only."""
    start, end = words.start_char, words.end_char
    published = date.fromisoformat(day)
    return Timex(
        start,
        end,
        words.text,
        "DATE",
        day,
        earliest=published,
        latest=published,
        granularity="day",
        anchor="event",
    )
