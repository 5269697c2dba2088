"""Dates anchored on other events: "days before the Alaska summit" is found on a sentence's tree
(`anchors_in`), then takes the summit's date when another candidate or a known event gives it
(`resolve_anchors`); otherwise it stays a bound on the publish date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from timeline.events.cues import vocabulary
from timeline.events.predicates import lexicon
from timeline.events.tree import is_eventive_noun, is_verbal
from timeline.model import Event
from timeline.temporal.when import label

_BEFORE = ("before", "ahead of", "on the eve of", "in the run-up to", "in the lead-up to")


@dataclass(frozen=True)
class Anchor:
    """ "a day after he flew in": one happening dated from another, read on the tree."""

    dated: Token  # the predicate the phrase modifies ("resigned")
    amount: Token  # "day", "days", "shortly"
    relation: Span  # the amount and the relation words: "a day after", "just days ahead of"
    other: Token  # the other happening: a clause's verb ("flew") or a noun ("summit")
    words: Span  # the words that name the other happening ("he flew in from Paris")


def anchors_in(sentence: Span) -> list[Anchor]:
    """The event-anchored dates of a sentence: a relation word ("before", "after", "ahead of")
    right after an amount ("days", "a day", "shortly"), then a clause or a noun naming a
    happening ("days before the summit", "a day after he flew in")."""
    words = lexicon()
    found: list[Anchor] = []
    for token in sentence:
        relation = words.relations.get(token.lower_)
        if relation is None or token.i == sentence.start:
            continue
        amount = token.doc[token.i - 1]
        if amount.pos_ not in ("NOUN", "ADV") or amount.lemma_.lower() not in words.amounts:
            continue  # "Thanksgiving Day after": a name, not an amount
        linked = _other_and_dated(token, relation, amount)
        if linked is None:
            continue
        other, dated = linked
        first = other if is_verbal(other) else other.left_edge
        start = token.i + 1 if other.dep_ == "advcl" else first.i
        doc = token.doc
        found.append(
            Anchor(
                dated=dated,
                amount=amount,
                relation=doc[_amount_start(amount) : token.i + len(relation.split())],
                other=other,
                words=doc[start : other.right_edge.i + 1],
            )
        )
    return found


def _amount_start(amount: Token) -> int:
    """Where an amount's words begin: "just days", "a day", "two weeks" (never a noun the
    parser hung on it from further back)."""
    start = amount.i
    modifiers = ("det", "nummod", "advmod", "amod", "quantmod")
    while start > 0 and amount.doc[start - 1].dep_ in modifiers:
        if amount.doc[start - 1].head.i != amount.i:
            break
        start -= 1
    return start


def _other_and_dated(word: Token, relation: str, amount: Token) -> tuple[Token, Token] | None:
    """For a relation word, the happening it names and the predicate it dates: "[held] before
    the [summit]" (a preposition), "[resigned] a day after he [flew] in" (a clause)."""
    if word.dep_ == "mark":
        other = word.head
        dated = other.head
        ok = other.dep_ == "advcl" and is_verbal(other)
    else:
        holder = word
        if " " in relation:  # "ahead of": the object hangs on "of"
            second = relation.split()[1]
            holder = next((c for c in word.children if c.lower_ == second), word)
        found = next((c for c in holder.children if c.dep_ == "pobj"), None)
        dated = amount.head if word.head.i == amount.i else word.head  # "[Days before X], Y"
        if found is None and word.i + 1 >= len(word.doc):
            return None  # "..., two days before": nothing named after it
        if found is None:  # "Days before Trump and Putin held ...": a clause hung elsewhere
            other = next((a for a in word.doc[word.i + 1].ancestors if is_verbal(a)), word)
            dated = other.head
            ok = other.dep_ == "advcl"
        else:
            other = found
            ok = is_eventive_noun(other) or is_verbal(other)
    if not ok or not (is_verbal(dated) or is_eventive_noun(dated)):
        return None
    return other, dated


def resolve_anchors(candidates: Sequence[Event], known: Sequence[Event] = ()) -> list[Event]:
    """Candidates with their event-anchored dates resolved where the anchor event is dated."""
    dated = [
        c
        for c in [*candidates, *known]
        if not _anchored(c)
        and not any(s.basis == "plan" for s in c.sources)
        and len(c.date.split("-")) == 3
        and c.qualifier not in ("before", "after")
    ]
    return [_resolved(c, dated) if _anchored(c) else c for c in candidates]


def _anchored(event: Event) -> bool:
    return (
        bool(event.sources) and event.sources[0].basis == "anchor" and bool(event.sources[0].anchor)
    )


def _resolved(candidate: Event, dated: Sequence[Event]) -> Event:
    source = candidate.sources[0]
    relation, _, words = source.anchor.partition(" | ")
    target = _anchor_event(words, dated, candidate)
    if target is None:
        return candidate
    qualifier = "before" if any(relation.endswith(r) for r in _BEFORE) else "after"
    resolution = (
        f"{relation} {words}: that event is {target.title} on {target.label or target.date}"
    )
    # before a span ("15-17 August"): by its last day; after it: after its first
    bound = target.end if qualifier == "before" and target.end else target.date
    if len(bound.split("-")) != 3:
        return candidate  # "days before" a month-dated event bounds nothing a day could
    resolved_source = replace(source, date=bound, resolution=resolution)
    return replace(
        candidate,
        date=bound,
        end="",
        qualifier=qualifier,
        label=label(bound, "", qualifier),
        sources=(resolved_source,),
    )


def _anchor_event(words: str, dated: Sequence[Event], candidate: Event) -> Event | None:
    """The dated event the anchor words name: its kind of happening plus its place or people."""
    lowered = words.lower()
    categories = {
        cue.category
        for cue in vocabulary().cues
        if any(
            re.search(rf"(?<![\w-]){re.escape(form.lower())}(?![\w-])", lowered)
            for form in cue.forms
        )
        and cue.rank >= 3
    }
    best: tuple[int, Event] | None = None
    for event in dated:
        if event.category not in categories:
            continue  # "days before the summit" names a summit
        if event.sources and candidate.sources and event.sources[0] == candidate.sources[0]:
            continue
        if event.date > candidate.sources[0].published:
            continue  # an anchor a report names in the past tense happened by its publish date
        score = 0
        if event.category in categories:
            score += 2
        if event.place and event.place.lower() in lowered:
            score += 2
        score += sum(1 for actor in event.actors if _named(actor, lowered))
        if event.category in categories and score >= 3 and (best is None or score > best[0]):
            best = (score, event)
    return best[1] if best else None


def _named(actor: str, lowered: str) -> bool:
    return any(
        len(part) > 2 and re.search(rf"\b{re.escape(part.lower())}\b", lowered)
        for part in actor.split()[-1:]
    )
