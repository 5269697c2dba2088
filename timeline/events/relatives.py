"""Relative clauses: whom "who" stands for, wherever the parser hung its clause, and the one
an apposition describes, by name."""

from __future__ import annotations

from spacy.tokens import Token


def antecedent(wh: Token, head: Token) -> Token:
    """What "who" stands for: the noun the parser hung the clause on, unless the noun right
    before "who" describes someone else ("both Altman and Greg Brockman, the startup's
    president who quit": the president, Brockman); with no clause found ("Altman and Greg
    Brockman, who quit his position", misread), the noun right before it."""
    before = wh.doc[wh.i - 1] if wh.i > 0 else wh
    if before.text == "," and before.i > 0:
        before = wh.doc[before.i - 1]
    if wh.lower_ != "who" or before.pos_ not in ("NOUN", "PROPN"):
        return head
    if head.i == wh.i:
        return before
    describes_another = before.dep_ == "appos" and before.head.i != head.i
    return before if describes_another else head


def named_one(noun: Token) -> Token:
    """ "Robert F. Angelo, formerly the firm's senior vice president, ..., who left": the one an
    apposition describes, by name."""
    named = noun.head.ent_type_ in ("PERSON", "ORG", "GPE")
    return noun.head if noun.dep_ == "appos" and named and not noun.ent_type_ else noun
