"""What the sentences told before give a later one: the day "the same day" means, and the told
happening an undated sentence goes on about ("The meeting in Tokyo lasted two hours")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from timeline.events.cast import Cast
from timeline.events.deadlines import counted_on
from timeline.events.places import place_of
from timeline.events.predicates import lexicon
from timeline.events.tree import (
    complement_of,
    is_eventive_noun,
    is_verbal,
    lemma,
    participants,
    subject_of,
)
from timeline.model import Event, Timex
from timeline.temporal.when import shift_days


def same_story(
    sentence: Span, timexes: list[Timex], told: Sequence[Event], published: date
) -> list[Timex]:
    """ "the same day", "a day later", "within hours": dated from the last happening told on a
    known day, never from the publish date; without one they date nothing. "Within 45 days",
    "over the next 14 months" count from that day, or else from the publish date. The timexes'
    offsets index the sentence's Doc; a phrase the tagger did not find is added where the text
    says it."""
    text = sentence.doc.text
    last = next((e.date for e in reversed(told) if _on_a_day(e)), "")
    day = date.fromisoformat(last) if last else published
    timexes = [counted_on(t, text[sentence.start_char : t.start], day) for t in timexes]
    timexes = _clocks_on_the_story_day(timexes, last)
    found: list[Timex] = []
    for timex in timexes:
        words = _story_phrase(text, timex.start, timex.end)
        if words is None:
            found.append(timex)
        elif last:  # the tagger's words keep their place in the tree: "a day" in "on a day when"
            found.append(_from_story(timex, words, last))
    if not last:
        return found
    lowered = sentence.text.lower()
    for words in lexicon().same_story:
        for found_at in re.finditer(rf"\b{re.escape(words)}\b", lowered):
            match = range(
                found_at.start() + sentence.start_char, found_at.end() + sentence.start_char
            )
            if not any(t.start < match.stop and match.start < t.end for t in found):
                timex = Timex(match.start, match.stop, text[match.start : match.stop], "DATE", "")
                found.append(_from_story(timex, words, last))
    return sorted(found, key=lambda t: (t.start, t.end))


def _clocks_on_the_story_day(timexes: list[Timex], last: str) -> list[Timex]:
    """ "The next day ... At 12:19 p.m., Greg received a text": a clock time with no day of its
    own is on the day of the happening told last, when the tagger's last day named ("Thursday
    night") is behind it; a day named after that ("will travel on Thursday. He will leave at
    4 a.m."), or before it in the same sentence, is its day."""
    found: list[Timex] = []
    for timex in timexes:
        on_a_day = any(t.type == "DATE" and t.granularity == "day" for t in found)
        clock = timex.type == "TIME" and timex.explanation.startswith("the day last mentioned")
        behind = clock and bool(last) and timex.value[:10] < last  # never back to a day past
        if behind and not on_a_day:
            timex = _on_story_day(timex, last)
        found.append(timex)
    return found


def _on_story_day(clock: Timex, last: str) -> Timex:
    day = date.fromisoformat(last)
    time = clock.value.partition("T")[2]
    return replace(
        clock,
        value=f"{last}T{time}",
        earliest=day,
        latest=day,
        explanation=f"the day of the happening told before ({last}); time of day {time}",
    )


def tells_on(sentence: Span) -> bool:
    """Whether a sentence goes on from a happening told before ("Hours later, ...")."""
    lowered = sentence.text.lower()
    return any(re.search(rf"\b{re.escape(words)}\b", lowered) for words in lexicon().same_story)


def _on_a_day(event: Event) -> bool:
    """Told on a known day: a dated happening, or one a report dates ("agreed to a ceasefire,
    Trump said on Saturday": the story is at Saturday)."""
    if len(event.date) != 10 or event.end:
        return False
    reported = bool(event.sources) and event.sources[0].basis == "report"
    return not event.qualifier or (reported and event.qualifier == "before")


def _story_phrase(text: str, start: int, end: int) -> str | None:
    """The same-story phrase around text[start:end] ("within hours" around "hours"), or None."""
    inner = text[start:end].lower()
    for words in lexicon().same_story:
        at = words.find(inner)
        while at >= 0:
            first = start - at
            if first >= 0 and text[first : first + len(words)].lower() == words:
                return words
            at = words.find(inner, at + 1)
    return None


def _from_story(timex: Timex, words: str, last: str) -> Timex:
    offset = lexicon().same_story[words]
    day = date.fromisoformat(shift_days(last, offset))
    return replace(
        timex,
        type="DATE",
        value=day.isoformat(),
        earliest=day,
        latest=day,
        granularity="day",
        explanation=f"{offset:+d} days from the happening told before ({last})",
        anchor="previous",
        mod="",
    )


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
