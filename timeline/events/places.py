"""Where a happening took place: a place a visit names as its object, or one named after
"in/at/to/near" on the predicate or its object, never whose a thing is ("Spain's victory")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from timeline.events.tree import (
    PLACE_LABELS,
    PLACE_PREPOSITIONS,
    entity_of,
    is_visiting,
    object_of,
    preposition_objects,
    purpose_of,
)


def place_of(predicate: Token) -> Span | None:
    """Where it happened: a place a visit names as its object ("visited Pyongyang"), or one
    named after "in/at/to/near" on the predicate or its object."""
    holders = [predicate, *(c for c in predicate.children if purpose_of(c) is not None)]
    found = object_of(predicate)
    visited = entity_of(found) if found is not None and is_visiting(predicate) else None
    if visited is not None and visited.label_ in PLACE_LABELS:
        return visited
    if found is not None:
        holders.append(found)
    if predicate.pos_ in ("NOUN", "PROPN"):  # "a summit with Trump in Alaska": not Trump's place
        holders.extend(
            pobj
            for _, pobj in preposition_objects(predicate, ("with", "between"))
            if pobj.ent_type_ == "PERSON"
        )
    for holder in holders:
        for preposition, pobj in preposition_objects(holder, PLACE_PREPOSITIONS):
            if holder.i != predicate.i and preposition.lower_ == "from":
                continue  # "dismissed warnings from Moscow": where they came from
            if pobj.ent_type_ == "PERSON":
                continue  # "gave it to Spain player Jenni Hermoso": to whom, not where
            for token in [pobj, *pobj.subtree]:
                ent = entity_of(token)
                if ent is not None and ent.label_ in PLACE_LABELS and not _whose(token):
                    return ent
    return None


def _whose(place: Token) -> bool:
    """ "in celebration of Spain's victory": whose the thing is, not where; unlike the place
    "in" names ("in Russia's western region of Kursk")."""
    if place.dep_ != "poss":
        return False
    owned = place.head
    return not (owned.dep_ == "pobj" and owned.head.lower_ in PLACE_PREPOSITIONS)
