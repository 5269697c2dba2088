"""Titles a reader would write, from the predicate and its arguments: "Kim Jong Un meets Sergei
Shoigu in Pyongyang", "India suspends the Indus Waters Treaty", "Terrorist attack in Pahalgam"."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from timeline.cast import Cast
from timeline.predicates import lexicon
from timeline.tree import (
    agent_of,
    complement_of,
    core,
    entity_of,
    framing_subject,
    is_passive,
    lemma,
    object_of,
    place_of,
    preposition_objects,
    subject_of,
)

_MAX_PHRASE = 8
_MAX_SAID = 10  # words of one argument a title keeps
_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_NOUN_PREPOSITIONS = ("of", "on", "against", "between", "with", "to", "by")
_VERB_PREPOSITIONS = ("to", "on", "with", "for", "against", "over", "into", "from", "of", "as")
_LEADING = ("the", "a", "an", "this", "that", "these", "those")


def title_of(predicate: Token, cast: Cast, skip: Collection[int]) -> str:
    """The title of the happening a predicate tells; skip: token indices of the time expression."""
    if predicate.pos_ in ("NOUN", "PROPN"):
        words = _noun_title(predicate, cast, skip)
    else:
        words = _verb_title(predicate, cast, skip)
    text = " ".join(w for w in words if w).strip(" ,;:-")
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def _verb_title(predicate: Token, cast: Cast, skip: Collection[int]) -> list[str]:
    subject, agent = subject_of(predicate), agent_of(predicate)
    who: Token | None
    what: Token | None
    passive = is_passive(predicate)
    if predicate.dep_ == "acl" and predicate.tag_ == "VBN":  # "Munir, raised to the rank"
        who, what, verb = predicate.head, None, predicate.text.lower()
    elif passive and agent is not None:  # "was approved by the cabinet": the cabinet approves it
        who, what = agent, subject
        verb = present(predicate, _plural(agent))
    elif passive:
        who, what, verb = subject, None, predicate.text.lower()
    else:
        who, what = subject, object_of(predicate) or _misread_object(predicate)
        verb = present(predicate, _plural(subject) if subject is not None else False)
    particles = [c.text for c in predicate.children if c.dep_ == "prt"]
    told = _saying(predicate)
    if told is not None and lemma(predicate) in lexicon().reporting:  # "told lawmakers": says
        what, verb, particles = None, "say" if verb == lemma(predicate) else "says", []
    words = [_with_partners(who, cast, skip) if who is not None else "", verb, *particles]
    if what is not None:
        words.append(_named(what, cast, skip, leading=True))
    elif told is None:
        words.extend(_first_complement(predicate, cast, skip))
    words.extend(_purpose(predicate, cast, skip))
    if told is not None:
        words.extend(_clause(told, cast, skip))
    place = place_of(predicate)
    if place is not None and place.text not in " ".join(words):
        words.append(f"{_toward(place)} {cast.full(place.text)}")
    return words


def _toward(place: Span) -> str:
    """ "sent troops to Russia": "to" a place a deed heads for, else "in"."""
    head = place.root.head
    return "to" if head.dep_ == "prep" and head.lower_ in ("to", "into") else "in"


def _with_partners(token: Token, cast: Cast, skip: Collection[int]) -> str:
    """A subject with those joined to it ("India and Pakistan")."""
    partners = [c for c in token.children if c.dep_ == "conj"]
    if not partners:
        return _named(token, cast, skip)
    names = [_named(t, cast, skip) for t in [token, *partners]]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _named(token: Token, cast: Cast, skip: Collection[int], leading: bool = False) -> str:
    """Who acts, as a headline names them: a named person, body or country by name alone
    ("the North's arch-enemy South Korea" -> "South Korea", "the Russian leader" -> "Vladimir
    Putin"), anyone else by their phrase."""
    names = cast.names_of(token)
    if len(names) > 1:  # "the two leaders": the pair last acting together
        return " and ".join(names)
    name = names[0] if names else ""
    if name and token.pos_ in ("PROPN", "NOUN"):
        return name
    return phrase(token, cast, skip, leading)


def _first_complement(predicate: Token, cast: Cast, skip: Collection[int]) -> list[str]:
    """ "agreed to a ceasefire", "went to the air base": the first prepositional phrase of a
    verb without an object, unless it only gives the time."""
    for preposition, pobj in preposition_objects(predicate, (*_VERB_PREPOSITIONS, "in")):
        if pobj.i in skip or preposition.i in skip:
            continue
        if preposition.lower_ == "in" and pobj.ent_type_ != "PERSON":
            continue  # "swore in Lee" names whom; "in Seoul" is the place, said last
        return [preposition.text, phrase(pobj, cast, skip, leading=True)]
    return []


def _saying(predicate: Token) -> Token | None:
    """The clause a saying tells ("said the border will reopen", "..., the ministry told
    lawmakers"), or a bare ruling verb's "that" clause ("ruled that the result stands")."""
    if lemma(predicate) in lexicon().reporting:
        told = complement_of(predicate)
        return told if told is not None and told.i != predicate.i else None
    if object_of(predicate) is not None:
        return None
    return next(
        (
            c
            for c in predicate.children
            if c.dep_ == "ccomp"
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )


def _clause(verb: Token, cast: Cast, skip: Collection[int]) -> list[str]:
    """What a clause tells, in a few words: who, the auxiliaries, the verb, its object and
    what it leads to ("the port workers could leave", "Kim may be preparing to send troops")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    words = [phrase(subject, cast, skip, leading=True)] if subject is not None else []
    if subject is not None and subject.pos_ == "PRON":
        words = [subject.lower_]  # "Netanyahu says he had no qualms"
    words += [c.text for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    words += [verb.text, *(c.text for c in verb.children if c.dep_ == "prt")]
    found = object_of(verb) or next((c for c in verb.children if c.dep_ == "acomp"), None)
    if found is not None:  # "Israel was willing to withdraw"
        words.append(phrase(found, cast, skip, leading=True))
    if found is None or found.dep_ != "acomp":  # "willing to withdraw" says its own purpose
        words += _purpose(verb, cast, skip)
    return [w for w in words if w.strip("'\"‘’“”")][:_MAX_SAID]


def _misread_object(verb: Token) -> Token | None:
    """ "destroyed parts of its railway once used to carry grain": the parser took the object
    for the subject of a clause right after the verb."""
    for clause in verb.children:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if clause.dep_ == "ccomp" and subject is not None and subject.left_edge.i == verb.i + 1:
            return subject
    return None


def _purpose(predicate: Token, cast: Cast, skip: Collection[int]) -> list[str]:
    """ "agreed to suspend the treaty", "sent troops to fight": what the verb leads to."""
    for child in predicate.children:
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB" and to:  # not "traded shelling"
            words = ["to", child.lemma_.lower()]
            found = object_of(child)
            if found is not None:
                words.append(phrase(found, cast, skip, leading=True))
            return words
    return []


def _noun_title(noun: Token, cast: Cast, skip: Collection[int]) -> list[str]:
    words = [_owned(noun, cast, skip)]
    for preposition, pobj in preposition_objects(noun, _NOUN_PREPOSITIONS):
        if pobj.i in skip:
            continue
        words += [preposition.text, phrase(pobj, cast, skip, leading=True)]
        break
    for child in noun.children:
        if (
            child.dep_ == "acl"
            and child.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            words += ["to", child.lemma_.lower()]
            found = object_of(child)
            if found is not None:
                words.append(phrase(found, cast, skip, leading=True))
            break
    place = place_of(noun)
    if place is not None and place.text not in " ".join(words):
        words.append(f"{_toward(place)} {cast.full(place.text)}")
    return words


def _owned(noun: Token, cast: Cast, skip: Collection[int]) -> str:
    """A happening noun with whose it is named in full: "his visit" -> "Sergei Shoigu's visit";
    "Shoigu hailed the deal during a visit" -> "Sergei Shoigu's visit"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    name = cast.name_of(owner) if owner is not None else ""
    if owner is None and not list(preposition_objects(noun, ("by",))):  # "a visit by Costa"
        frame = framing_subject(noun)
        name = cast.name_of(frame) if frame is not None else ""
    if not name:
        return phrase(noun, cast, skip)
    mine = {t.i for t in owner.subtree} if owner is not None else set()
    return f"{name}'s {phrase(noun, cast, set(skip) | mine)}"


def phrase(token: Token, cast: Cast, skip: Collection[int], leading: bool = False) -> str:
    """The words that name an argument, a name given in full, without the time expression;
    leading: keep an article ("suspends the treaty")."""
    named = cast.name_of(token)
    ent = entity_of(token)
    tokens = [t for t in core(token) if t.i not in skip and not t.is_quote]
    if token.lower_ in ("he", "she", "him", "her", "it") and named:
        return named
    pieces: list[str] = []
    kept = {t.i for t in tokens}
    for t in tokens:
        if ent is not None and named and ent.start <= t.i < ent.end:
            if t.i == ent.start or not pieces:
                pieces.append(named + " ")
            continue
        joined = t.i + 1 in kept or t.i + 1 >= len(t.doc)  # a word a dropped quote mark ends
        opening = t.is_sent_start and t.pos_ != "PROPN" and not t.ent_type_
        text = t.lower_ if opening else t.text  # "approves the proposal", "says ferries could"
        pieces.append(text + t.whitespace_ if joined or t.whitespace_ else text + " ")
    words = "".join(pieces).replace(" 's", "'s").replace(" - ", "-")
    parts = words.split()
    while parts and parts[0].lower() in (_LEADING if not leading else ("a", "an")):
        parts = parts[1:]  # a headline drops "a": "hold summit", keeps "the": "the treaty"
    if len(parts) > _MAX_PHRASE:
        parts = parts[-_MAX_PHRASE:] if token.pos_ in ("NOUN", "PROPN") else parts[:_MAX_PHRASE]
    return " ".join(parts).strip(" ,")


def present(verb: Token, plural: bool) -> str:
    """The verb in the present tense a headline uses ("met" -> "meets", plural "meet")."""
    base = lemma(verb)
    if plural:
        return "are" if base == "be" else base
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def _plural(token: Token | None) -> bool:
    if token is None:
        return False
    if any(c.dep_ == "conj" for c in token.children):
        return True
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in ("they", "we")
