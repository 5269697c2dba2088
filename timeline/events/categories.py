"""The lane a happening goes in ("meeting", "attack", "statement"...): from its noun, its verb,
or the noun a support verb carries."""

from __future__ import annotations

from spacy.tokens import Token

from timeline.events.predicates import lexicon
from timeline.events.tree import lemma, object_of, preposition_objects


def category_of(predicate: Token) -> str:
    """The lane a happening goes in: from its noun, its verb, or the noun a support verb
    carries ("held talks": meeting)."""
    words = lexicon()
    base = lemma(predicate)
    if predicate.pos_ in ("NOUN", "PROPN"):
        return words.nouns.get(base, "other")
    if base in words.reporting:
        return "statement"
    found = object_of(predicate)
    means = [pobj for _, pobj in preposition_objects(predicate, ("by", "via", "over"))]
    for thing in [found, *means]:
        if thing is None:
            continue
        by_object = words.objects.get(base, {})
        if lemma(thing) in by_object:
            return by_object[lemma(thing)]
        if lemma(thing) in words.support.get(base, frozenset()):
            return words.nouns.get(lemma(thing), "other")
    if base in words.guests and not (found is not None and _is_someone(found)):
        return "other"  # "the firm received a new offer": no meeting
    return words.verbs.get(base, "other")


def _is_someone(token: Token) -> bool:
    """A person or a body: a named one, or one named by what it is ("the envoy")."""
    return (
        token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or lemma(token) in lexicon().bodies
        or (lemma(token) in ("envoy", "delegation", "leader", "official", "guest", "counterpart"))
    )
