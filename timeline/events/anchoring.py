"""Dates anchored on other events: "days before the Alaska summit" is found on a sentence's tree
(`anchors_in`); merge then gives it the summit's date when another candidate or a known event
gives it (`anchored.resolve_anchors`), otherwise it stays a bound on the publish date."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from timeline.events.predicates import DURING, lexicon

BARE_AFTER = "after"  # with no amount: only an order, which bounds what came first
from timeline.events.tree import is_eventive_noun, is_verbal


@dataclass(frozen=True)
class Anchor:
    """ "a day after he flew in": one happening dated from another, read on the tree."""

    dated: Token  # the predicate the phrase modifies ("resigned")
    amount: Token  # "day", "days", "shortly" ("during" itself, which takes none)
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
        bare = relation in (DURING, BARE_AFTER)  # no amount needed
        if relation is None or (token.i == sentence.start and not bare):
            continue  # an amount comes before the relation word
        before = token.doc[token.i - 1] if token.i > sentence.start else token
        amounted = before.pos_ in ("NOUN", "ADV") and before.lemma_.lower() in words.amounts
        if not (amounted or bare):
            continue  # "Thanksgiving Day after": a name, not an amount
        amount = before if amounted else token  # a bare "after" or "during" is its own amount
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
        if dated.i == amount.i:  # "[Just a day after he was fired], Altman began": on the amount
            dated = amount.head
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
