"""Which predicate a time expression modifies: the nearest head above it that is a verb or a
noun naming a happening, past the parser's usual misreadings (an -ing word read as a verb, a
subject read as one, a participle describing a noun); the clauses a day's noun takes ("the same
day South Korea swore in Lee"); and whether a date opens a span ("from early Wednesday").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from timeline.events.predicates import lexicon
from timeline.events.tree import (
    OBJECTS,
    WH_WORDS,
    clauses_within,
    is_eventive_noun,
    is_verbal,
    lemma,
    object_of,
    purpose_of,
    subject_of,
)

# what places one happening against another ("past the elections", "after the summit")
_RELATIONS = ("past", "after", "before", "until", "following", "since")


def predicate_of(span: Span) -> Token | None:
    """The predicate a time expression modifies: the nearest head above it that is a verb or a
    noun naming a happening ("the April 22 attack": attack; "met on Monday": met)."""
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if token.dep_ == "prep" and token.tag_ == "VBG" and lemma(token) not in lexicon().reporting:
            return None  # "following Spain's final win on Aug. 20": the win's date, no happening
        if span.start <= token.i < span.end or _misread_noun(token) or _describing(token):
            continue
        if _standing_state(token, span):
            continue
        if is_eventive_noun(token):
            return _supporting_verb(token) or _told_by_its_verb(token) or _doer(token) or token
        if is_verbal(token):
            closing = _closing_happening(token, span)
            return closing or purpose_of(token) or _opening_participle(token, span) or token
    return token if is_verbal(token) and not (span.start <= token.i < span.end) else None


def _standing_state(token: Token, span: Span) -> bool:
    """ "detailed the rights that the government has ... in a post Saturday": a state a relative
    clause tells as holding now is no happening on a day; the date is the clause's above it,
    however the parser hung it. "since 2018" still dates the state's start."""
    if token.dep_ != "relcl" or token.tag_ not in ("VBZ", "VBP"):
        return False
    if lemma(token) not in lexicon().stative:
        return False
    return not any(t.lower_ in _RELATIONS for t in span.root.ancestors if t.i < span.start)


def _opening_participle(verb: Token, span: Span) -> Token | None:
    """ "Meeting Shoigu on Wednesday, Kim said": a date that closes an opening participle
    clause dates that clause, wherever the parser hung it."""
    head = span.root.head
    start = head.i if head.dep_ == "prep" and head.i < span.start else span.start
    if start > verb.i:
        return None
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.right_edge.i == start - 1:
            return clause if clause.i < start else None
    return None


def _closing_happening(verb: Token, span: Span) -> Token | None:
    """ "pushing a decision past the US elections in November": a date right after a happening
    that another one is placed after or before is that happening's date, wherever the parser
    hung it."""
    head = span.root.head
    start = head.i if head.dep_ == "prep" and head.i < span.start else span.start
    if start == 0:
        return None
    before = span.doc[start - 1]
    noun = next((t for t in [before, *before.ancestors] if t.dep_ == "pobj"), None)
    if noun is None or noun.right_edge.i != start - 1 or not is_eventive_noun(noun):
        return None
    relation = noun.head
    if relation.lower_ not in _RELATIONS or verb not in relation.ancestors:
        return None
    return noun


def _describing(token: Token) -> bool:
    """ "the mountains surrounding the city": a participle that describes a noun tells no
    happening of its own."""
    return token.dep_ == "acl" and token.tag_ == "VBG"


def _misread_noun(token: Token) -> bool:
    """ "a ceasefire understanding": an -ing word the tagger read as a verb, right after the noun
    it modifies and with no object of its own, is part of that noun; a subject read as a verb
    ("The Monday blasts killed") is a noun; "the governing body", and "by soccer's world
    governing body", a second object the preposition cannot take, are none."""
    if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "VERB" and token.tag_ != "VBG":
        return True  # "The Monday blasts ... killed 40": a subject is no verb
    if token.dep_ in ("amod", "compound") and token.tag_ == "VBG":
        return True
    if token.dep_ == "pcomp" and token.tag_ == "VBG":
        return any(c.dep_ == "pobj" and c.i == token.i - 1 for c in token.head.children)
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBG"
        and token.i == token.head.i + 1
        and object_of(token) is None
    )


def _doer(noun: Token) -> Token | None:
    """ "Prosecutors requested a restraining order on Friday": a happening noun a deed told as
    done takes as its object is dated with that deed, which says who did what."""
    verb = noun.head
    if noun.dep_ != "dobj" or not is_verbal(verb) or verb.tag_ not in ("VBD", "VBN"):
        return None
    return None if lemma(verb) in lexicon().reporting else verb


def _told_by_its_verb(noun: Token) -> Token | None:
    """ "The twin attacks Jan. 7 killed 40 people": a happening noun acting as the subject of a
    verb of a known kind is told by that verb."""
    verb = noun.head
    if noun.dep_ != "nsubj" or not is_verbal(verb) or verb.i == noun.i:
        return None
    return verb if lemma(verb) in lexicon().verbs else None


def _supporting_verb(noun: Token) -> Token | None:
    """ "reached a ceasefire", "held talks": the verb whose object the happening noun is."""
    head = noun.head
    if noun.dep_ in OBJECTS and noun.lower_ in lexicon().support.get(lemma(head), ()):
        return head
    if noun.dep_ in OBJECTS and lemma(noun) in lexicon().support.get(lemma(head), ()):
        return head
    # "said in a statement on Tuesday that ...": the telling's date is the report's; "In a
    # speech in Rawalpindi on May 5, he said" tells the speech, a happening of its own
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.dep_ == "prep":
        verb = head.head
        if is_verbal(verb) and lemma(verb) in lexicon().reporting and verb.i < head.i:
            return verb
    # "agreed on a ceasefire in May", "talks over the deal on Monday": a verb of a known
    # kind whose argument the noun is tells the happening; "during a visit" only frames it
    if noun.dep_ == "pobj" and head.lower_ in ("on", "over") and head.dep_ == "prep":
        verb = head.head
        if is_verbal(verb) and lemma(verb) in lexicon().verbs and verb.i != head.i:
            return verb
    return None


def day_clauses(span: Span) -> list[Token]:
    """ "the same day South Korea swore in Lee": the clause the day's noun takes happened then;
    not one whose "which" only relates it to another happening ("his arrest in December 2022,
    which followed the collapse": the arrest's order, not a happening of its own)."""
    within = clauses_within(span.root.head)  # "last month, where she met Diaz": the visit's
    return [
        c
        for c in span.root.children
        if c.dep_ == "relcl"
        and is_verbal(c)
        and c not in within
        and not (lemma(c) in lexicon().light and any(s.lower_ in WH_WORDS for s in c.children))
    ]


def when_clause(span: Span) -> Token | None:
    """ "a turn of events that began Friday afternoon, when OpenAI announced that Altman had
    been fired": a "when" clause right after a date tells what happened then, wherever the
    parser hung it."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    when = doc[span.end + 1]
    if when.lower_ != "when" or when.dep_ != "advmod" or not is_verbal(when.head):
        return None
    return when.head if when.head.i > when.i else None


def names_nothing(predicate: Token) -> bool:
    """A support verb whose subject names no happening ("events that began", unlike "the talks
    began")."""
    if lemma(predicate) not in lexicon().light:
        return False
    subject = subject_of(predicate)
    return subject is None or not is_eventive_noun(subject)


def opens_a_span(span: Span) -> bool:
    """ "From early Wednesday the two sides have traded fire": the date opens a span."""
    head = span.root.head
    return head.dep_ == "prep" and head.lower_ in ("from", "since") and head.i < span.start
