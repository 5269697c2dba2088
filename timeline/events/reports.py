"""Reports and sayings: whether a reporting verb has a named speaker and says something, and
whether what it tells is told as done ("state media reported Sunday that the army had struck").
"""

from __future__ import annotations

from spacy.tokens import Token

from timeline.events.mood import is_future, is_irrealis, is_negated
from timeline.events.predicates import lexicon
from timeline.events.tree import complement_of, is_verbal, lemma, subject_of
from timeline.model import Timex


def told_as_done(predicate: Token) -> bool:
    """A reported happening told in the past ("had carried out strikes"), not a state or a plan."""
    if is_negated(predicate) or is_irrealis(predicate) or is_future(predicate):
        return False
    if predicate.pos_ in ("NOUN", "PROPN"):
        return True
    return predicate.tag_ in ("VBD", "VBN") or any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in predicate.children
    )


def says_something(report: Token, timex: Timex) -> bool:
    """ "The minister predicted on Monday." says nothing: a saying needs words besides its
    speaker and its date."""
    bare = ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct")
    return any(
        c.dep_ not in bare
        and not (c.dep_ in ("prep", "npadvmod") and only_time(c, timex))
        and not timex.start <= c.idx < timex.end
        for c in report.children
    )


def closing_report(report: Token) -> bool:
    """ "Kim ... said he expected Moscow to win, state media said Thursday": a report closing the
    sentence, which the parser hung under the saying it reports, tells no saying of its own."""
    head = report.head
    if report.dep_ != "ccomp" or head.i > report.i or not is_verbal(head):
        return False
    if lemma(head) not in lexicon().reporting:
        return False
    told = complement_of(report)  # what it reports comes before it: "..., state media said"
    return told is not None and told.i < report.i


def reported_saying(told: Token) -> bool:
    """ "Kim said he will help, the agency reported": a named speaker's saying, told as done."""
    return lemma(told) in lexicon().reporting and named_speaker(told) and told_as_done(told)


def named_speaker(report: Token) -> bool:
    """Whether a reporting verb's subject is a named person, body or state, or a body named by
    what it is ("the intelligence agency")."""
    subject = subject_of(report)
    if subject is None:
        return False
    if subject.pos_ == "PROPN" and not subject.ent_type_:
        return True  # a name the recognizer missed ("KCNA reported on Thursday")
    bodies = lexicon().bodies
    if subject.lower_ in bodies:
        return True  # "State media said": the word as written, whatever the lemmatizer makes of it
    return subject.ent_type_ in ("PERSON", "ORG", "GPE") or lemma(subject) in bodies


def own_date_below(told: Token, dated: set[int]) -> bool:
    """Whether a verb below what a report tells (not the told word itself) is dated."""
    return any(t.i in dated for t in told.subtree if t.i != told.i and is_verbal(t))


def only_time(preposition: Token, timex: Timex) -> bool:
    """ "on" in "on Monday": a preposition whose object is the time expression."""
    return any(c.dep_ == "pobj" and timex.start <= c.idx < timex.end for c in preposition.children)
