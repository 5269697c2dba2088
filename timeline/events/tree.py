"""Small readings of a dependency tree: who acts, on whom, where, and how a clause is told
(negated, unreal, future). Each function takes spaCy tokens and says in its name what it finds.
Which predicate a time expression modifies is `attachment`."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from timeline.events.predicates import lexicon
from timeline.events.relatives import antecedent, named_one

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
OBJECTS = ("dobj", "obj", "dative", "attr", "oprd")
PLACE_PREPOSITIONS = ("in", "at", "to", "into", "near", "inside", "outside", "across", "from")
PLACE_LABELS = ("GPE", "LOC", "FAC")
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
WH_WORDS = ("who", "which", "that", "whom")
# _TIMING: what opens a clause told beside the main one; _ASIDES: what a phrase drops
_TIMING = ("after", "before", "when", "while", "since", "until", "because", "once")
_QUANTIFIERS = ("ADJ", "PRON", "DET", "NUM")  # "much of", "some of", "two of"
_ASIDES = ("relcl", "acl", "appos", "advcl", "parataxis", "punct", "cc", "conj", "prep", "ccomp")


def is_verbal(token: Token) -> bool:
    """A verb, or an auxiliary that heads its clause ("The talks were on Monday")."""
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in ("ROOT", "ccomp", "conj"))


def is_eventive_noun(token: Token) -> bool:
    """A noun that names a happening: "attack", "summit", "talks", "ruling"."""
    return token.pos_ in ("NOUN", "PROPN") and lemma(token) in lexicon().nouns


def lemma(token: Token) -> str:
    """The lower-case lemma ("talks" stays "talks" when the tagger reads it as a plural noun)."""
    word = token.lower_
    if token.pos_ == "NOUN" and word in lexicon().nouns:
        return word
    return token.lemma_.lower() or word


def purpose_of(verb: Token) -> Token | None:
    """ "dispatched troops to fight in Kursk last year": a purpose clause tells why, so its date
    is the deed's."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    purpose = verb.dep_ == "advcl" and to and not caused(verb)
    return verb.head if purpose and is_verbal(verb.head) else None


def subject_of(predicate: Token) -> Token | None:
    """Who or what acts: the subject, or for a participle, relative clause or conjunct without
    one, the subject of the clause it hangs on ("Meeting Shoigu, Kim said": Kim)."""
    token: Token | None = predicate
    seen = 0
    while token is not None and seen < 4:
        verb = token.i
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if len(subjects) > 1:  # "who as recently as Friday had been named": not the date
            subjects = [c for c in subjects if c.ent_type_ not in ("DATE", "TIME")] or subjects
        # "Field Marshal Munir - raised ... - used", "After Modi's speech, drones were spotted":
        # of two subjects the parser gave, the one nearest the verb
        for child in sorted(subjects, key=lambda c: abs(c.i - verb)):
            if child.dep_ in SUBJECTS:
                if child.lower_ in WH_WORDS and token.dep_ == "relcl":
                    return named_one(antecedent(child, token.head))
                if child.lower_ == "who" and child.i > 0:  # a relative clause misread
                    return named_one(antecedent(child, child))
                return child
        misread = _misread_subject(token)
        if misread is not None:
            return misread
        if caused(token):  # "led prosecutor Gil to present the case": Gil presents it
            return object_of(token.head)
        if token.dep_ == "relcl":
            return named_one(token.head)
        if token.dep_ in ("advcl", "conj", "xcomp") and token.head.i != token.i:
            token, seen = token.head, seen + 1
            continue
        return None
    return None


def caused(verb: Token) -> bool:
    """A "to" clause of a causative verb with an object: what that object does ("led prosecutor
    Gil to present the case"), not a purpose."""
    head = verb.head
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not to or verb.dep_ not in ("advcl", "xcomp") or head.i == verb.i:
        return False
    return lemma(head) in lexicon().causatives and object_of(head) is not None


def _misread_subject(verb: Token) -> Token | None:
    """ "FIFA on Saturday suspended Rubiales": a name opening the clause that the parser hung on
    the verb as an adverb, because a date came between them, is its subject."""
    first = next(iter(verb.children), None)
    if first is None or first.i != verb.left_edge.i or first.i > verb.i:
        return None
    named = first.pos_ == "PROPN" and first.ent_type_ not in ("DATE", "TIME")
    return first if named and first.dep_ in ("advmod", "npadvmod", "dep") else None


def framing_subject(noun: Token) -> Token | None:
    """Who acts in a happening named as the frame of another deed: "Shoigu hailed the deal
    during a visit": Shoigu visits; "In an address to the nation, Modi hailed ...": Modi's. Not
    whom a deed befell ("was wounded during the raid"), nor who acts "in" a happening other
    than a saying ("accusing Pakistan of a role in the attack")."""
    frame = noun.head
    if noun.dep_ != "pobj" or frame.lower_ not in ("during", "on", "at", "in"):
        return None
    if frame.lower_ == "in" and lexicon().nouns.get(lemma(noun)) != "statement":
        return None
    if not is_verbal(frame.head):
        return None
    for deed in [frame.head, *frame.head.ancestors]:  # "hailed it as 'meeting ...' during"
        if is_verbal(deed) and is_passive(deed):
            return None
        subject = subject_of(deed) if is_verbal(deed) else None
        if subject is not None or deed.dep_ in ("ROOT", "relcl", "ccomp"):
            return subject
    return None


def agent_of(predicate: Token) -> Token | None:
    """The agent of a passive ("was approved by the cabinet": cabinet)."""
    for child in predicate.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def is_passive(predicate: Token) -> bool:
    """ "was revoked", and "had his bail revoked": what was done to the subject."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in predicate.children):
        return True
    causative = predicate.dep_ in ("ccomp", "xcomp") and lemma(predicate.head) in ("have", "get")
    return causative and predicate.tag_ == "VBN"


def object_of(predicate: Token) -> Token | None:
    """The direct object ("suspended the treaty": treaty); in a relative clause, the noun its
    "that" or "which" stands for ("the treaty that the leaders signed": treaty)."""
    # "told the brass that the forces have "complete freedom"": a "that" the parser took for
    # an object before the clause's verb opens the clause; the object is the one after
    misread = predicate.dep_ != "relcl"
    found = next(
        (
            c
            for c in predicate.children
            if c.dep_ in OBJECTS
            and not (misread and c.lower_ == "that" and c.i < predicate.i)
            and c.pos_ != "ADP"  # "gave to Hermoso": whom to, not what
            # "co-founder Greg Brockman" misread as three objects, co, - and Brockman
            and "-"
            not in (c.text, *(t.text for t in c.doc[c.i + 1 : c.i + 2] if t.head == predicate))
        ),
        None,
    )
    if found is None:
        found = _misread_object(predicate)
    if found is not None and found.lower_ in WH_WORDS and predicate.dep_ == "relcl":
        return predicate.head
    if found is None and predicate.dep_ == "relcl" and _gap_is_object(predicate):
        return predicate.head  # "the kiss he gave to Hermoso": the kiss
    return found


def _gap_is_object(clause: Token) -> bool:
    """A relative clause with a subject of its own and no object: the noun it hangs on is what
    its verb takes ("the kiss he gave", not "the man who left")."""
    if clause.head.ent_type_ in ("DATE", "TIME"):
        return False  # "the same day South Korea swore in Lee": when, not what
    if any(c.dep_ == "advmod" and c.lower_ in ("when", "where") for c in clause.children):
        return False  # "a return to ..., when hundreds of thousands rallied": when, not what
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ not in WH_WORDS and subject.i > clause.head.i


def _misread_object(predicate: Token) -> Token | None:
    """ "destroyed parts of its railway once used to carry grain": the parser took the object
    for the subject of a clause hung on the verb without "that"; the noun right after the verb
    is its object."""
    for child in predicate.children:
        if child.dep_ != "ccomp" or any(c.dep_ == "mark" for c in child.children):
            continue
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
        if (
            subject is not None
            and subject.pos_ == "NOUN"
            and subject.left_edge.i == predicate.i + 1
        ):
            return subject
    # "have traded shelling across the border": a noun in -ing right after the verb, read as
    # a clause of its own with nothing in it but where
    after = predicate.nbor(1) if predicate.i + 1 < len(predicate.doc) else None
    if (
        after is not None
        and after.dep_ == "xcomp"
        and after.head.i == predicate.i
        and after.tag_ == "VBG"
        and lemma(predicate) not in lexicon().light
        and not any(c.dep_ in (*SUBJECTS, *OBJECTS, "aux") for c in after.children)
        and after.lower_ in lexicon().nouns
    ):
        return after
    return None


def complement_of(report: Token) -> Token | None:
    """What a report verb tells: its complement clause ("said that Kim met Shoigu": met), or the
    clause it is attached to ("Kim met Shoigu, the agency said": met); a report after a comma
    frames the whole sentence before it ("Kim said he will help, the agency reported": said)."""
    for child in report.children:
        if child.dep_ in ("ccomp", "xcomp") and is_verbal(child):
            return child
    misread = report.dep_ == "acl" and report.head.i < report.i  # "..., the agency reported"
    frame = report.head if misread else report
    framing = frame.i > frame.head.i and _after_comma(frame)
    if framing and (misread or report.dep_ in ("parataxis", "advcl", "conj", "ccomp", "prep")):
        top = list(report.ancestors)[-1]
        return top if is_verbal(top) else None
    if report.dep_ == "advcl" and any(m.lower_ in _TIMING for m in report.children):
        return None  # "shares surged after Trump announced his backing": no frame
    if report.dep_ in ("parataxis", "advcl", "conj") and is_verbal(report.head):
        return report.head
    return None


def _after_comma(report: Token) -> bool:
    """ "..., the agency reported", "..., according to reports": the report follows a comma."""
    before = next(t.i for t in report.subtree if not t.is_punct) - 1
    while before > 0 and report.doc[before].is_quote:  # "... issues,' the agency reported"
        before -= 1
    return before >= 0 and report.doc[before].text == ","


def preposition_objects(token: Token, words: tuple[str, ...]) -> Iterator[tuple[Token, Token]]:
    """(preposition, its object) under a token, for the given prepositions."""
    for child in token.children:
        preposition = child.dep_ == "prep" or (child.dep_ == "dative" and child.pos_ == "ADP")
        if preposition and child.lower_ in words:  # "sent troops to Kashmir": "to" as dative
            for grand in child.children:
                if grand.dep_ == "pobj":
                    yield child, grand


def entity_of(token: Token) -> Span | None:
    """The named entity a token belongs to."""
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def is_visiting(predicate: Token) -> bool:
    return is_verbal(predicate) and lexicon().verbs.get(lemma(predicate)) == "visit"


def core(token: Token) -> list[Token]:
    """The words that name a thing: the token with its determiners, compounds, modifiers and
    possessors, without the clauses and asides that say more about it."""
    kept = [token]
    for child in token.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in ("of", "against", "between")
            and (token.pos_ == "NOUN" or (child.lower_ == "of" and token.pos_ in _QUANTIFIERS))
        ) or (child.dep_ == "prep" and child.lower_ == "with" and is_eventive_noun(token)):
            kept.extend(core(child))  # "parts of its railway", "much of the investment"
            continue
        joined = token.dep_ in ("compound", "amod", "nmod") or token.head.lower_ == "between"
        modifier = joined and child.dep_ in ("cc", "conj")  # "between Russia and North Korea"
        if child.dep_ in _ASIDES and child.tag_ != "HYPH" and not modifier:
            continue  # "the funeral home and cemetery operator" keeps both its modifiers
        kept.extend(core(child))
    return sorted(kept, key=lambda t: t.i)


def content_of(noun: Token) -> Token | None:
    """What a proposal, decision or plan is to do: "a proposal to promote Munir": promote."""
    clauses = (c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB")
    return next(
        (c for c in clauses if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None
    )


def _for_whom(noun: Token) -> list[Token]:
    """Who a clause hung on a noun with "for" has act: "an agreement for Sam Altman to return"."""
    return [
        doer
        for clause in noun.children
        if clause.dep_ in ("advcl", "acl", "relcl")
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)
        and (doer := subject_of(clause)) is not None
        and doer.ent_type_ == "PERSON"
    ]


def participants(predicate: Token) -> list[Token]:
    """The heads of the phrases that take part: subject, agent, object, "with X", "between X"."""
    found: list[Token] = []
    subject = subject_of(predicate)
    if subject is not None:
        found.append(subject)
    elif predicate.dep_ == "acl" and predicate.tag_ == "VBN":
        found.append(predicate.head)  # "Munir, raised last month to the rank": Munir
    for getter in (agent_of, object_of):
        token = getter(predicate)
        if token is not None and not (getter is object_of and is_visiting(predicate)):
            found.append(token)  # whom someone visited is a place, told by place_of
    for _, pobj in preposition_objects(predicate, ("with", "between", "against", "to", "in")):
        if pobj.ent_type_ == "PERSON" or pobj.head.lower_ != "in":  # "swore in Lee"
            found.append(pobj)
    if predicate.pos_ in ("NOUN", "PROPN"):  # "Putin's summit with Trump": Putin takes part
        found.extend(c for c in predicate.children if c.dep_ == "poss")
        found.extend(agent for _, agent in preposition_objects(predicate, ("by",)))
        found.extend(  # "the trial of Omar Haddad": the person it is of
            pobj
            for _, pobj in preposition_objects(predicate, ("of",))
            if pobj.ent_type_ == "PERSON"
        )
        frame = framing_subject(predicate)
        if frame is not None and not found:
            found.append(frame)
    for _, purpose in preposition_objects(predicate, ("for",)):  # "left for talks with Syria"
        if is_eventive_noun(purpose):
            found.extend(pobj for _, pobj in preposition_objects(purpose, ("with", "between")))
    for clause in clauses_within(predicate):  # "visited Lima, where she met Diaz"
        found.extend(t for t in (object_of(clause), agent_of(clause)) if t is not None)
        speaker = subject_of(clause) if predicate.pos_ in ("NOUN", "PROPN") else None
        if speaker is not None and speaker.ent_type_ in ("PERSON", "ORG"):
            found.append(speaker)  # "a defiant speech in which Rubiales insisted ...": his
    for holder in list(found):  # "Smith's bail was revoked": whose bail takes part
        if not holder.ent_type_ and holder.pos_ == "NOUN":
            found.extend(c for c in holder.children if c.dep_ == "poss" and c.ent_type_ == "PERSON")
    for holder in list(found):  # "a proposal to promote Munir was approved": Munir is named
        content = content_of(holder)
        told = object_of(content) if content is not None else None
        if told is not None and told.ent_type_ == "PERSON":
            found.append(told)
        found.extend(_for_whom(holder))  # "an agreement for Sam Altman to return": Altman
    for head in found:  # grows as it goes: "Lopez, Vega and Diaz" chain conjunct to conjunct
        found.extend(c for c in head.children if c.dep_ == "conj" and c not in found)
    for _, frame in preposition_objects(predicate, ("during",)):  # "during a visit by Putin"
        if is_eventive_noun(frame):
            found.extend(c for c in frame.children if c.dep_ == "poss")
            found.extend(agent for _, agent in preposition_objects(frame, ("by",)))
    return [state for token in found for state in (states_of(token) or [token])]


def states_of(token: Token) -> list[Token]:
    """The states a body or office of theirs stands for: "the governments of Syria and Jordan",
    "the presidents of Chile and Peru"; none for any other word."""
    words = lexicon()
    if lemma(token) not in words.bodies | words.pairs:
        return []
    states = [pobj for _, pobj in preposition_objects(token, ("of",)) if pobj.ent_type_ == "GPE"]
    for state in states:
        states.extend(c for c in state.children if c.dep_ == "conj" and c.ent_type_ == "GPE")
    return states


def clauses_within(predicate: Token) -> list[Token]:
    """Clauses that tell what happened within a happening: "visited Lima last month, where she
    met Diaz", "made a visit during which she briefed Diaz"."""
    found: list[Token] = []
    for holder in [predicate, *predicate.children]:
        for clause in holder.children:
            if clause.dep_ != "relcl" or not is_verbal(clause):
                continue
            where = any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children)
            framed = any(
                p.lower_ in ("during", "in") and any(w.lower_ == "which" for w in p.children)
                for p in clause.children
                if p.dep_ == "prep"
            )
            if where or framed:
                found.append(clause)
    return found
