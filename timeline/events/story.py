"""What the sentences told before give a later one: the day "the same day" means, and the told
happening an undated sentence goes on about ("The meeting in Tokyo lasted two hours")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from timeline.events.cast import Cast
from timeline.events.predicates import lexicon
from timeline.events.tree import (
    complement_of,
    is_eventive_noun,
    is_verbal,
    lemma,
    participants,
    place_of,
    subject_of,
)
from timeline.model import Event, Timex
from timeline.temporal.when import shift_days


def same_story(timexes: list[Timex], told: Sequence[Event]) -> list[Timex]:
    """ "the same day", "a day later": dated from the last happening told on a known day,
    never from the publish date; without one they date nothing."""
    shifts = lexicon().same_story
    last = next(
        (e.date for e in reversed(told) if len(e.date) == 10 and not e.end and not e.qualifier),
        "",
    )
    found: list[Timex] = []
    for timex in timexes:
        offset = shifts.get(timex.text.lower())
        if offset is None:
            found.append(timex)
        elif last:
            day = date.fromisoformat(shift_days(last, offset))
            explanation = f"{offset:+d} days from the happening told before ({last})"
            found.append(
                replace(
                    timex,
                    value=day.isoformat(),
                    earliest=day,
                    latest=day,
                    granularity="day",
                    explanation=explanation,
                    anchor="previous",
                    mod="",
                )
            )
    return found


def continued(sentence: Span, told: list[Event], cast: Cast) -> list[Event]:
    """ "The meeting in Tokyo lasted two hours": an undated sentence whose subject points back
    at a happening told before ("the meeting", "Shoigu's visit") adds its place and people to
    the last one of that kind, and takes no date."""
    clause = sentence.root
    if is_verbal(clause) and lemma(clause) in lexicon().reporting:
        clause = complement_of(clause) or clause  # "The meeting lasted two hours, officials said"
    subject = subject_of(clause) if is_verbal(clause) else None
    if subject is not None and not is_eventive_noun(subject):
        return _met_after(clause, told, cast)
    if subject is None:
        return told
    if not any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in subject.children):
        return told  # "a meeting" is another one
    kind = lexicon().nouns[lemma(subject)]
    index = next((i for i in reversed(range(len(told))) if told[i].category == kind), None)
    if index is None:
        return told
    event = told[index]
    place = place_of(subject)
    people = [  # a surname the recognizer took for a place is still the person named before
        name
        for token in participants(subject)
        for name in cast.names_of(token)
        if token.ent_type_ == "PERSON" or name in cast.people
    ]
    updated = replace(
        event,
        place=event.place or (cast.full(place.text) if place is not None else ""),
        actors=tuple(dict.fromkeys([*event.actors, *people])),
    )
    return [*told[:index], updated, *told[index + 1 :]]


def _met_after(clause: Token, told: list[Event], cast: Cast) -> list[Event]:
    """ "Lopez met Senator Jorge Diaz", "He was received by Diaz": an undated meeting by whoever
    acted in the happening told last adds whom they met to it, and takes no date."""
    if not told:
        return told
    last = told[-1]
    met: list[str] = []
    for verb in [clause, *(c for c in clause.children if c.dep_ == "conj" and is_verbal(c))]:
        if lexicon().verbs.get(lemma(verb)) != "meeting":
            continue
        subject = subject_of(verb)
        if subject is None or not set(cast.names_of(subject)) & set(last.actors):
            continue
        met.extend(
            name
            for token in participants(verb)
            for name in cast.names_of(token)
            if name in cast.people and name not in last.actors
        )
    if not met:
        return told
    return [*told[:-1], replace(last, actors=tuple(dict.fromkeys([*last.actors, *met])))]
