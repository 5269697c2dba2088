"""What names a happening in a clause, and what only looks like one: a wish ("urged them to
accept"), a stock or index quote ("shares closed at $12.50 on Monday"); a plan ("the expected
summit", "postponed his visit next week", "the hearing is scheduled for March 3", "will delay the
rollout to 2026"); and what a passive report tells ("Explosions were reported on Monday")."""

from __future__ import annotations

from spacy.tokens import Token

from timeline.events.predicates import lexicon
from timeline.events.tree import (
    is_eventive_noun,
    is_verbal,
    lemma,
    object_of,
    preposition_objects,
    subject_of,
)
from timeline.model import Timex
from timeline.temporal.vocabulary import vocabulary

_BOUNDING = ("end", "begin", "start")  # "the year ended Jan. 31", "the quarter beginning in April"


def is_price_move(predicate: Token, timex: Timex) -> bool:
    """ "The index fell 30 points on Friday": a price or index moving by a figure is a quote;
    "the stock market fell sharply" is news."""
    words = lexicon()
    subject = subject_of(predicate) if is_verbal(predicate) else None
    if subject is None or lemma(predicate) not in words.market_moves:
        return False
    named = [subject, *(c for c in subject.children if c.dep_ == "compound")]
    if not any(t.lower_ in words.market_words for t in named):
        return False
    after = preposition_objects(predicate, ("after", "following"))
    if any(is_eventive_noun(cause) for _, cause in after):
        return False  # "jumped 11% Monday following the order": news, the market's answer
    return any(
        (t.like_num or t.ent_type_ in ("MONEY", "PERCENT"))
        and not (timex.start <= t.idx < timex.end)
        for t in predicate.subtree
        if t.i != predicate.i and not (subject.left_edge.i <= t.i <= subject.right_edge.i)
    )


def is_planned(noun: Token) -> bool:
    """ "the expected summit", "the planned talks": a happening still to come."""
    plans = lexicon().plans
    return any(c.dep_ in ("amod", "compound") and c.lower_ in plans for c in noun.children)


def happening_of(predicate: Token) -> Token | None:
    """The word that names the happening a predicate tells: the predicate itself, or for
    "The promotion came days after ..." and "The talks were on Monday" the subject noun."""
    words = lexicon()
    if is_eventive_noun(predicate):
        return predicate
    base = lemma(predicate)
    if predicate.dep_ == "acl" and base in _BOUNDING and _names_a_period(predicate.head):
        return None  # "the quarter ended Sept. 30": which quarter, no happening
    if base in words.light or base == "be":
        subject = subject_of(predicate)
        if subject is not None and is_eventive_noun(subject):
            return subject
        carried = object_of(predicate) if is_verbal(predicate) else None
        pointing = subject is not None and subject.lower_ in ("that", "this")
        if pointing and carried is not None and is_eventive_noun(carried):
            return carried  # "That followed a rejection by the board": the rejection
        if base == "be":
            return None
    if base in words.stative and is_verbal(predicate):  # "see you on May 30 for a rally"
        purpose = next(
            (n for _, n in preposition_objects(predicate, ("for",)) if is_eventive_noun(n)), None
        )
        if purpose is not None:
            return purpose
    carried = object_of(predicate) if is_verbal(predicate) else None
    supported = carried is not None and lemma(carried) in words.support.get(base, ())
    if carried is not None and supported and (base in words.light or base in words.stative):
        return carried  # "is continuing her testimony", "had talks with Diaz on Monday"
    if base in words.stative or base in words.reporting:
        return None
    return predicate


def _names_a_period(noun: Token) -> bool:
    """ "quarter", "fiscal year", "the period": a stretch of the calendar, not a thing done."""
    return noun.lower_ in vocabulary().words["units"] or noun.lower_ in ("period", "half")


def is_wished(predicate: Token) -> bool:
    """A clause wished or expected by the verb above it, which the date dates instead."""
    return (
        predicate.dep_ in ("xcomp", "ccomp")
        and lemma(predicate.head) in lexicon().wishes
        and (is_verbal(predicate.head))
    )


def reported_subject(verb: Token) -> Token | None:
    """ "Violations were reported within hours", "Explosions were reported in Kyiv": the passive
    report's subject names the happening."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject if subject is not None and is_eventive_noun(subject) else None


def moved_happening(verb: Token) -> Token | None:
    """ "will delay the rollout of the plane to 2026": the date is the rollout's, moved there."""
    if not is_verbal(verb) or lemma(verb) not in lexicon().scheduling:
        return None
    moved = object_of(verb)
    return moved if moved is not None and moved.pos_ == "NOUN" else None


def planned_object(verb: Token) -> Token | None:
    """ "postponed his visit next week", "announced talks next month": a later date on a deed
    told as done belongs to the happening it names, still to come; one called off is no plan.
    "The hearing is scheduled for March 3": the happening scheduled."""
    scheduled = (
        subject_of(verb) if is_verbal(verb) and lemma(verb) in lexicon().scheduling else None
    )
    if scheduled is not None and is_eventive_noun(scheduled):
        return scheduled
    named = object_of(verb) if is_verbal(verb) else None
    if named is None or not is_eventive_noun(named) or lemma(verb) in lexicon().called_off:
        return None
    return named


def wanted_object(verb: Token) -> Token | None:
    """ "Trump wants a recommendation from CFIUS within 45 days": what a wish asks for by a
    later date is the happening still to come."""
    if not is_verbal(verb) or lemma(verb) not in lexicon().wishes:
        return None
    wanted = object_of(verb)
    return wanted if wanted is not None and wanted.pos_ == "NOUN" else None
