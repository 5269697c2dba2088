"""Titles a reader would write, from the predicate and its arguments: "Kim Jong Un meets Sergei
Shoigu in Pyongyang", "India suspends the Indus Waters Treaty", "Terrorist attack in Pahalgam"."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from timeline.events.cast import Cast
from timeline.events.places import place_of
from timeline.events.predicates import lexicon
from timeline.events.tree import (
    ACTOR_LABELS,
    PLACE_LABELS,
    agent_of,
    complement_of,
    content_of,
    core,
    entity_of,
    framing_subject,
    is_eventive_noun,
    is_passive,
    lemma,
    object_of,
    preposition_objects,
    states_of,
    subject_of,
)

_MAX_PHRASE = 8
_MAX_SAID = 10  # words of one argument a title keeps
_PARTICLES = ("down", "up", "off", "out", "back", "away", "over")
_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_NOUN_PREPOSITIONS = ("of", "on", "against", "between", "with", "to", "by", "from", "for")
_VERB_PREPOSITIONS = (
    *("to", "on", "with", "for", "against", "over", "into", "from", "of", "as", "through", "at"),
)
_PRONOUNS = ("he", "she", "it", "they")  # a subject that names someone only through the cast
_LEADING = ("the", "a", "an", "this", "that", "these", "those")


def title_of(predicate: Token, cast: Cast, skip: Collection[int]) -> str:
    """The title of the happening a predicate tells; skip: token indices of the time expression."""
    subject = subject_of(predicate) if predicate.pos_ not in ("NOUN", "PROPN") else None
    done_to = object_of(predicate) if subject is not None else None
    unnamed = (
        done_to is not None and done_to.lower_ in ("it", "them") and not cast.names_of(done_to)
    )
    if subject is not None and is_eventive_noun(subject) and unnamed:
        predicate = subject  # "an attack on a bus sent it plunging": the attack on a bus
    if predicate.pos_ in ("NOUN", "PROPN"):
        words = _noun_title(predicate, cast, skip)
        if predicate.dep_ == "nsubjpass" and lemma(predicate.head) in lexicon().reporting:
            words.append(predicate.head.text.lower())  # "Explosions reported"
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
    elif passive and agent is not None and _acts(agent, cast):  # "approved by the cabinet"
        who, what = agent, subject
        verb = present(predicate, _plural(agent))
    elif passive:  # "Two Americans killed by a bomb": who suffered it, by what if anything
        who, what, verb = subject, None, predicate.text.lower()
        if agent is not None:
            verb = f"{verb} by {phrase(agent, cast, skip, leading=True)}"
    else:
        who, what = subject, object_of(predicate)
        verb = present(predicate, _plural(subject) if subject is not None else False)
        head = predicate.head
        if predicate.dep_ == "xcomp" and lemma(head) in lexicon().light and head.i < predicate.i:
            # "began raising its stake": the start of it, not the whole
            to = "to " if any(c.lower_ == "to" for c in predicate.children) else ""
            plural = _plural(subject) if subject is not None else False
            verb = f"{present(head, plural)} {to}{predicate.text.lower()}"
    if who is not None and who.pos_ == "NUM" and not passive and what is not None:
        return []  # "One more held a ceremony": a count of ones told before names no one
    if who is not None and who.lower_ in _PRONOUNS and not cast.names_of(who):
        # "It imposed new tariffs" with no body for "it": what was done, by no one named
        if what is None or passive or predicate.tag_ not in ("VBD", "VBN"):
            return []
        if lemma(predicate) in lexicon().reporting:
            return []
        who, verb = None, predicate.text.lower()
        words = [phrase(what, cast, skip), verb]
        what = None
    else:
        words = [_with_partners(who, cast, skip) if who is not None else "", verb]
    told = _saying(predicate)
    named_addressee = what is not None and bool(cast.names_of(what))
    if told is not None and lemma(predicate) in lexicon().reporting and not named_addressee:
        what = None  # "told lawmakers that ...": says; "told Sergei Shoigu that ...": tells him
        words[1] = "say" if verb == lemma(predicate) else "says"
    else:
        words.extend(_particles(predicate))
    if what is not None:
        words.append(phrase(what, cast, skip, leading=True))
        words.extend(_object_reach(predicate, cast, skip))
    elif told is None:
        words.extend(_first_complement(predicate, cast, skip))
    words.extend(_purpose(predicate, cast, skip))
    if told is not None:
        words.extend(["that"] if named_addressee else [])
        words.extend(_clause(told, cast, skip))
    place = place_of(predicate)
    if place is not None and place.text not in " ".join(words):
        words.append(f"{_toward(place)} {cast.full(place.text)}")
    if words[-1] in ("says", "say"):  # what was said is out of the parser's reach
        words[-1] = "speaks" if words[-1] == "says" else "speak"
    return words


def _acts(agent: Token, cast: Cast) -> bool:
    """Whether a passive's agent is someone a headline puts first: a named person, body or
    state, or a body named by what it is ("the cabinet"); not "a bomb" or "a gunman"."""
    return bool(cast.names_of(agent)) or lemma(agent) in lexicon().bodies


def _with_partners(token: Token, cast: Cast, skip: Collection[int]) -> str:
    """A subject with those joined to it ("India and Pakistan")."""
    partners = [c for c in token.children if c.dep_ == "conj"]
    if not partners:
        return _named(token, cast, skip)
    names = [_named(t, cast, skip) for t in [token, *partners]]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _named(token: Token, cast: Cast, skip: Collection[int]) -> str:
    """Who acts, as a headline names them: a named person, body or country by name alone
    ("the North's arch-enemy South Korea" -> "South Korea", "the Russian leader" -> "Vladimir
    Putin"), anyone else by their phrase."""
    states = states_of(token)  # "the presidents of Chile and Peru": Chile and Peru
    names = [cast.name_of(t) or t.text for t in states] if states else cast.names_of(token)
    if len(names) > 1:  # "the two leaders": the pair last acting together
        return " and ".join(names)
    name = names[0] if names else ""
    return name if name and token.pos_ in ("PROPN", "NOUN") else phrase(token, cast, skip)


def _first_complement(predicate: Token, cast: Cast, skip: Collection[int]) -> list[str]:
    """ "agreed to a ceasefire", "went to the air base": the first prepositional phrase of a
    verb without an object, unless it only gives the time."""
    kept: tuple[str, ...] = (*_VERB_PREPOSITIONS, "in")
    if lemma(predicate) == "be":  # "had been under fire": being is told by its phrase
        kept = tuple(c.lower_ for c in predicate.children if c.dep_ == "prep")
    for preposition, pobj in preposition_objects(predicate, kept):
        timed = any(c.i in skip for c in pobj.children if c.dep_ in ("compound", "nummod"))
        if pobj.i in skip or preposition.i in skip or preposition.i < predicate.i or timed:
            continue  # "In an outcome that surprised nobody, ...": set apart; "at 5 p.m. PT"
        named = any(t.ent_type_ in (*PLACE_LABELS, *ACTOR_LABELS) for t in pobj.subtree)
        unnamed = pobj.pos_ == "NOUN" and not named  # "raised in the debate", not "in the area"
        if preposition.lower_ == "in" and not (pobj.ent_type_ == "PERSON" or unnamed):
            continue  # "swore in Lee" names whom; "in Seoul" is the place, said last
        if preposition.lower_ == "at" and pobj.ent_type_:
            continue  # "at 1 pm", "at the White House": the time or the place, said apart
        return [preposition.text, phrase(pobj, cast, skip, leading=True)]
    return []


def _object_reach(predicate: Token, cast: Cast, skip: Collection[int]) -> list[str]:
    """ "lowered its offer to $26.50 a share", "rejected objections to a case", "sent troops to
    Kashmir": where or to what the verb took its object."""
    for preposition, pobj in preposition_objects(predicate, ("to",)):
        if pobj.i not in skip:
            place = pobj.ent_type_ in PLACE_LABELS  # "sends troops to Kashmir": where, as said
            name = cast.full(pobj.text) if place else ""
            return [preposition.text, name or phrase(pobj, cast, skip, leading=not pobj.ent_type_)]
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
    joined = [subject, *(c for c in subject.children if c.dep_ == "conj")] if subject else []
    words = [" and ".join(phrase(t, cast, skip, leading=True) for t in joined)] if joined else []
    if subject is not None and subject.pos_ == "PRON":
        words = [subject.lower_]  # "Netanyahu says he had no qualms"
    words += [c.text for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    words += [verb.text, *_particles(verb)]
    found = object_of(verb) or next((c for c in verb.children if c.dep_ == "acomp"), None)
    if found is not None:  # "Israel was willing to withdraw"
        words.append(phrase(found, cast, skip, leading=True))
    if found is None or found.dep_ != "acomp":  # "willing to withdraw" says its own purpose
        words += _purpose(verb, cast, skip)
    if found is None:  # "he hopes talks will go well", "he was acting to ensure that ..."
        ends = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "advcl"))]
        inner = next((c for e in ends for c in e.children if c.dep_ == "ccomp"), None)
        if inner is not None and len(words) < _MAX_SAID:
            words += _clause(inner, cast, skip)
    return [w for w in words if w.strip("'\"‘’“”")][:_MAX_SAID]


def _toward(place: Span) -> str:
    """ "sent troops to Russia": "to" a place a deed heads for, else "in"."""
    head = place.root.head
    return "to" if head.dep_ == "prep" and head.lower_ in ("to", "into") else "in"


def _purpose(predicate: Token, cast: Cast, skip: Collection[int]) -> list[str]:
    """ "agreed to suspend the treaty": what the verb leads to."""
    for child in predicate.children:
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        # "vowed on Friday to cut taxes", "sent troops to fight": a to-clause, also one the
        # parser hung as an adverbial; a verb, not a gerund ("traded shelling")
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB" and to:
            words = ["to"]
            joined = [c for c in child.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            for verb in [child, *joined]:  # "to hunt down and bring to justice"
                words += ["and"] if verb is not child else []
                words += [verb.lemma_.lower(), *_particles(verb)]
                found = object_of(verb)
                if found is not None and found.pos_ != "PRON":
                    words.append(phrase(found, cast, skip, leading=True))
                elif found is not None and cast.name_of(found):
                    words.append(cast.name_of(found))  # "to prevent him": whom "him" names
                elif found is not None and verb is child:
                    return []  # "to prevent him" with no one for "him": half a purpose
                elif verb is not child:
                    words.extend(_first_complement(verb, cast, skip))
            return words
    return []


def _noun_title(noun: Token, cast: Cast, skip: Collection[int]) -> list[str]:
    words = [_owned(noun, cast, skip)]
    for preposition, pobj in preposition_objects(noun, _NOUN_PREPOSITIONS):
        if pobj.i in skip or preposition.lower_ == "of":  # "invasion of Kuwait": in its phrase
            continue
        words += [preposition.text, phrase(pobj, cast, skip, leading=True)]
        break
    words += _content(noun, cast, skip)
    place = place_of(noun)
    if place is not None and place.text not in " ".join(words):
        words.append(f"in {cast.full(place.text)}")
    return words


def _content(noun: Token, cast: Cast, skip: Collection[int]) -> list[str]:
    """ "decision to suspend the treaty", "proposal to promote Asim Munir": what it is to do."""
    clause = content_of(noun)
    if clause is None:
        return []
    found = object_of(clause)
    told = [phrase(found, cast, skip, leading=True)] if found is not None else []
    return ["to", clause.lemma_.lower(), *told]


def _owned(noun: Token, cast: Cast, skip: Collection[int]) -> str:
    """A happening noun with whose it is named in full: "his visit" -> "Sergei Shoigu's visit";
    "Shoigu hailed the deal during a visit" -> "Sergei Shoigu's visit"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    name = cast.name_of(owner) if owner is not None else ""
    if owner is None and not list(preposition_objects(noun, ("by",))):  # "a visit by Costa"
        frame = framing_subject(noun)
        name = cast.name_of(frame) if frame is not None else ""
    if not name:
        return phrase(noun, cast, skip, content=False)
    mine = {t.i for t in owner.subtree} if owner is not None else set()
    return f"{name}'s {phrase(noun, cast, set(skip) | mine, content=False)}"


def phrase(
    token: Token, cast: Cast, skip: Collection[int], leading: bool = False, content: bool = True
) -> str:
    """The words that name an argument, a name given in full, without the time expression;
    leading: keep an article ("suspends the treaty"); content: what a proposal or decision is
    to do ("approves proposal to promote Asim Munir")."""
    named = cast.name_of(token)
    ent = entity_of(token)
    tokens = [
        t
        for t in core(token)
        if t.i not in skip and not t.is_quote and not (t.dep_ == "case" and t.head.i in skip)
    ]
    if token.lower_ in ("he", "she", "him", "her", "it") and named:
        return named
    if ent is not None and named and ent.label_ == "PERSON" and ent.root.i == token.i:
        return named  # "met Chinese President Xi Jinping": a person is titled by name alone
    pieces: list[str] = []
    kept = {t.i for t in tokens}
    for t in tokens:
        # "His bail revoked": whose, named; in an object it is most often the subject's own
        whose = t.lower_ in ("his", "her") and t.dep_ == "poss" and t.head.i == token.i
        owner = cast.owner_above(t) if whose and token.dep_ in ("nsubj", "nsubjpass") else ""
        if t.lower_ == "whose" and t.dep_ == "poss" and token.head.dep_ == "relcl":
            owner = cast.name_of(token.head.head)  # "Nadella, whose company made": his
        if owner:
            pieces.append(f"{owner}'s ")  # "revokes his bail": Sam Bankman-Fried's bail
            continue
        if ent is not None and named and ent.start <= t.i < ent.end:
            if t.i == ent.start or not pieces:
                pieces.append(named + " ")
            continue
        joined = t.i + 1 in kept or t.i + 1 >= len(t.doc)  # a word a dropped quote mark ends
        opening = t.is_sent_start and t.pos_ != "PROPN" and not t.ent_type_
        text = t.lower_ if opening else t.text  # "approves the proposal", "says ferries could"
        pieces.append(text + t.whitespace_ if joined or t.whitespace_ else text + " ")
    words = "".join(pieces).replace(" 's", "'s").replace(" - ", "-")
    dated = any(c.dep_ == "poss" and c.i in skip for c in token.children)
    if dated and not any(c.dep_ == "det" for c in token.children):
        words = "the " + words  # "in Saturday night's debate": in the debate
    parts = words.split()
    while parts and parts[0].lower() in (_LEADING if not leading else ("a", "an")):
        parts = parts[1:]  # a headline drops "a": "hold summit", keeps "the": "the treaty"
    if len(parts) > _MAX_PHRASE:
        parts = parts[-_MAX_PHRASE:] if token.pos_ in ("NOUN", "PROPN") else parts[:_MAX_PHRASE]
    if content and is_eventive_noun(token):
        parts += _content(token, cast, skip)  # "approves proposal to promote Asim Munir"
    return " ".join(parts).strip(" ,")


def _particles(verb: Token) -> list[str]:
    """The particle a phrasal verb needs ("stepped down", "called off"), also where the parser
    took it for an adverb right after the verb; the adjective a verb without an object needs
    ("was found guilty")."""
    return [
        c.text
        for c in verb.children
        if c.dep_ == "prt"
        or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in _PARTICLES)
        or (c.dep_ == "oprd" and c.pos_ == "ADJ" and c.i > verb.i and not _has_object(verb))
    ]  # "was found guilty"; "called the sentence inadequate" says its object first


def present(verb: Token, plural: bool) -> str:
    """The verb in the present tense a headline uses ("met" -> "meets", plural "meet")."""
    base = _base(verb)
    if plural:
        return "are" if base == "be" else base
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def _base(verb: Token) -> str:
    """The verb's lemma, mended where the lemmatizer cut a silent e: a one-syllable "fin"
    would make "finned", so "fined" is "fine"."""
    base = lemma(verb)
    cut = verb.lower_ == base + "ed" and len(base) >= 3
    one_syllable = sum(ch in "aeiou" for ch in base) == 1
    if cut and one_syllable and base[-2] in "aeiou" and base[-1] not in "aeiouwxy":
        return base + "e"
    return base


def _plural(token: Token | None) -> bool:
    if token is None:
        return False
    if any(c.dep_ == "conj" for c in token.children):
        return True
    if token.tag_ == "VBZ" and token.dep_ == "nsubj":  # "The Monday blasts killed": a noun
        return True
    if token.pos_ == "NUM":  # "Three died"
        return token.lower_ not in ("one", "1")
    if token.ent_type_ == "PERSON":  # "Rubiales stepped down": one man
        return False
    whole = next((p for _, p in preposition_objects(token, ("of",))), None)
    if whole is not None and token.pos_ in ("ADJ", "PRON", "DET"):  # "some of the workers"
        return _plural(whole)
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in ("they", "we")


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in verb.children)
