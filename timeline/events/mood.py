"""How a clause tells its happening: denied ("did not meet"), only possible, wished or
conditional ("could strike", "if it attacks"), or still to come ("will meet")."""

from __future__ import annotations

from spacy.tokens import Token

from timeline.events.predicates import lexicon
from timeline.events.tree import lemma

MODALS = ("would", "could", "may", "might", "should", "must", "can", "shall")


REFUSALS = ("refuse", "decline", "fail")  # "refused to communicate": no communicating


def refused(predicate: Token) -> bool:
    """ "refused to communicate", "failed to overthrow": what was refused did not happen; the
    refusing did."""
    return predicate.dep_ == "xcomp" and lemma(predicate.head) in REFUSALS


def is_negated(predicate: Token) -> bool:
    """ "did not meet", "no casualties were reported", "no talks", "refused to communicate"."""
    if refused(predicate):
        return True
    return any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in predicate.children
    )


def is_irrealis(predicate: Token) -> bool:
    """Told as possible, wished or conditional ("could strike", "if it attacks")."""
    if predicate.dep_ in ("xcomp", "ccomp") and lemma(predicate.head) in lexicon().wishes:
        return True  # "urged workers to accept the offer", "expected the company to lose"
    if (
        predicate.dep_ == "xcomp"
        and predicate.head.i != predicate.i
        and is_irrealis(predicate.head)
    ):
        return True  # "may be preparing to send troops": the sending as unreal as the preparing
    for child in predicate.children:
        if child.dep_ == "aux" and child.lower_ in MODALS:
            return True
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return True
    return False


def is_future(predicate: Token) -> bool:
    """Told as still to come ("will meet", "is to visit", "is set to sign")."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in predicate.children):
        return True
    planning = ("set", "due", "expect", "plan", "schedule")
    return predicate.dep_ == "xcomp" and lemma(predicate.head) in planning
