"""Who is who in one article: the full names the recognizer found, so that a later "Kim",
"Modi" or "he" is named as the article first named them ("Kim Jong Un", "Narendra Modi"); a
name or office the article never spells out ("Putin", "the Russian leader") as the gazetteer
names its one holder on the publish date."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from timeline.events.gazetteers import CAPITAL, PERSON, gazetteer
from timeline.events.predicates import lexicon
from timeline.events.tree import (
    ACTOR_LABELS,
    agent_of,
    complement_of,
    entity_of,
    is_verbal,
    lemma,
    object_of,
    participants,
    subject_of,
)

_PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "his": "PERSON"}
_ANY_DAY = date(2000, 1, 1)  # capitals and states hold on any day
_HONORIFICS = ("mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.")


@dataclass
class Cast:
    """The article's named people and bodies, in the order met; the last person acting."""

    published: date | None = None  # the day the gazetteer's offices are read on
    people: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)  # "Korean Central News Agency"
    last_person: str = ""
    last_body: str = ""  # the last body or state acting: whom a subject "it" stands for
    pair: tuple[str, ...] = ()  # the two people last acting together: "the two leaders"
    described: dict[str, str] = field(default_factory=dict)  # "agency" -> its first description
    mentions: Counter[str] = field(default_factory=Counter)  # full name -> times named so far
    spoken_of: str = ""  # "Kaplan said of the 32-year-old man": whom the last sentence was about

    def learn(self, ents: Sequence[Span]) -> None:
        """Remember the full names of the people a passage names, the last named last."""
        for ent in ents:
            if ent.label_ == "PERSON":
                name = clean_name(ent.text)
                if len(name.split()) > 1:
                    self.people = [p for p in self.people if p != name] + [name]
                self.mentions[self.full(name)] += 1
            elif ent.label_ == "ORG" and len(ent.text.split()) > 1:
                name = clean_name(ent.text.removeprefix("the ").removeprefix("The "))
                self.bodies = [b for b in self.bodies if b != name] + [name]

    def full(self, name: str) -> str:
        """The full name a short one stands for ("Kim" -> "Kim Jong Un"): the one named last
        when several fit ("Lee" after "President Lee Jae-myung")."""
        words = name.split()
        if len(words) != 1:
            return name
        if name.isupper() and len(name) > 1:  # "KCNA": the body whose initials it is
            spelled = [b for b in self.bodies if _initials(b) == name]
            return spelled[-1] if spelled else name
        fits = [p for p in self.people if _has_word(p, words[0]) and p != name]
        if fits:
            return fits[-1]
        # a surname the article never spells out: the gazetteer's first such person, its most
        # prominent ("Kim": Kim Jong Un before Kim Yo Jong)
        known = gazetteer(self.published).shorts.get(name, ()) if self.published else ()
        return known[0].name if known else name

    def name_of(self, token: Token) -> str:
        """The name a participant token stands for: its entity in full, a pronoun's person,
        or "" when it names no one."""
        if token.lower_ in _PRONOUNS:
            if token.dep_ == "poss":
                return self._owner_before(token)
            saying = lemma(token.head) in lexicon().reporting
            spoken_of = "" if saying else self.spoken_of  # "He added": the speaker goes on
            found = self._speaker_above(token) or spoken_of or self.last_person
            return found or ("" if _said_by_someone_unnamed(token) else self._named_before(token))
        if token.lower_ == "it" and token.dep_ in ("nsubj", "nsubjpass"):
            # "Boeing said on Tuesday it had withdrawn its offer": the body saying it; else
            # "KCNA reported ... It also issued a commentary": the body acting before
            return self._body_above(token) or self.last_body
        ent = entity_of(token)
        if ent is None and token.pos_ == "NOUN":
            return self._office(token)
        if ent is None and token.pos_ == "PROPN" and token.text.isupper() and len(token.text) > 1:
            return self.full(token.text)  # "KCNA": a body by its initials
        if ent is None and token.pos_ == "PROPN" and token.text[:1].isupper():
            person = self.full(token.text)  # a surname the recognizer missed: "Lopez met ..."
            return person if person in self.people else ""
        if ent is None or ent.label_ not in ACTOR_LABELS:
            return ""
        if ent.label_ == "NORP":
            return ""  # "Indian", "Russian": a people, not an actor
        name = clean_name(ent.text)
        if ent.label_ in ("PERSON", "ORG"):
            return self.full(name)
        known = [p for p in self.people if name in p.split()] if " " not in name else []
        return known[-1] if known else name  # "Okonkwo" the recognizer took for a place

    def describe(self, body: Token) -> str:
        """A body named by what it is, as the article first described it: "the spy agency"
        after "the South Korean intelligence agency" is that agency."""
        head = body.lemma_.lower()
        if head not in self.described:
            words = [t.text for t in body.children if t.dep_ in ("amod", "compound")]
            self.described[head] = " ".join([*words, body.text])
        return self.described[head]

    def names_of(self, token: Token) -> list[str]:
        """The names a participant stands for: "the two leaders" the pair last acting together,
        else its one name (none when it names no one)."""
        # definite: "the two leaders", "both leaders"; "two Cuban exile leaders" are others
        told = any(c.lower_ in ("the", "both") for c in token.children)
        plural = token.tag_ == "NNS" and told
        if plural and token.lemma_.lower() in lexicon().pairs:
            return list(self.pair) or self._states_acting(token)
        name = self.name_of(token)
        return [name] if name else []

    def _states_acting(self, token: Token) -> list[str]:
        """ "Pyongyang and Moscow keep close ties under the treaty the leaders signed": with no
        pair told before, the leaders are those of the states the sentence has acting."""
        states = [
            self._state_of(t)
            for t in token.sent
            if t.ent_type_ == "GPE"
            and (t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "conj" and t.head.dep_ == "nsubj"))
        ]
        found = list(dict.fromkeys(s for s in states if s))
        return found if len(found) >= 2 else []

    def _state_of(self, token: Token) -> str:
        """The state a capital acting stands for ("Pyongyang and Moscow keep close ties"); a
        place after a preposition stays the place ("returned to Washington")."""
        name = self.name_of(token)
        capital = gazetteer(self.published or _ANY_DAY).names.get(name)
        if capital is not None and capital.kind == CAPITAL and not _named_as_place(token):
            return capital.state
        return name

    def follow(self, sentence: Span) -> None:
        """Remember who acted in the sentence's main clause, for a "he" or "the two leaders" in
        the next ones."""
        root = sentence.root
        reported = is_verbal(root) and lemma(root) in lexicon().reporting
        told = complement_of(root) if reported else None
        actor = subject_of(told) if told is not None and is_verbal(told) else None
        if told is not None and actor is not None and self.name_of(actor):
            root = told  # "Munir used his trip ..., the paper said": Munir acted, not the paper
        subject = subject_of(root) if is_verbal(root) else None
        if subject is not None:
            self.saw_acting(self.name_of(subject), subject)
        if is_verbal(root):
            self.saw_together(participants(root))
        self.spoken_of = self._person_spoken_of(sentence.root) if reported else ""

    def _person_spoken_of(self, saying: Token) -> str:
        """The person a saying is about: "'There is no doubt ...,' Kaplan said of the 32-year-old
        California man": a "he" that next does or undergoes something is that man, not Kaplan."""
        about = [
            o
            for p in saying.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        if not about:
            return ""
        ent = entity_of(about[0])
        if ent is not None:
            return self.full(clean_name(ent.text)) if ent.label_ == "PERSON" else ""
        if about[0].pos_ == "NOUN" and lemma(about[0]) not in lexicon().bodies:
            described = any(c.dep_ in ("amod", "compound") for c in about[0].children)
            return self._most_named() if described else ""
        return ""

    def saw_together(self, tokens: Sequence[Token]) -> None:
        """The people a happening names: two or more of them are the pair a later "the two
        leaders" stands for."""
        people = [
            self.name_of(t)
            for t in tokens
            if t.ent_type_ == "PERSON" or (not t.ent_type_ and t.pos_ in ("PRON", "NOUN"))
        ]
        named = tuple(dict.fromkeys(p for p in people if p))
        if len(named) >= 2:
            self.pair = named[:2]

    def _office(self, noun: Token) -> str:
        """The one person holding an office on the publish date: "the Russian leader"."""
        if self.published is None:
            return ""
        words = [t for t in noun.subtree if t.dep_ in ("amod", "compound") and t.head == noun]
        office = " ".join(t.lower_ for t in [*words, noun])
        holder = gazetteer(self.published).roles.get(office)
        return holder.name if holder is not None and holder.kind == PERSON else ""

    def _owner_before(self, pronoun: Token) -> str:
        """Whom "his" or "her" stands for: the person acting in a clause above it ("Haddad said
        it was discussed during his visit"), or whose happening acts ("Shoigu's visit marks his
        second trip"); else the person last named before it; else the last person acting."""
        return self._speaker_above(pronoun) or self._named_before(pronoun) or self.last_person

    def _named_before(self, pronoun: Token) -> str:
        """The person last named before a pronoun in its sentence, when no one acted before it
        ("FIFA suspended Luis Rubiales over a kiss he gave her": Rubiales)."""
        subject = subject_of(pronoun.head) if pronoun.dep_ not in ("nsubj", "nsubjpass") else None
        acting = self.name_of(subject) if subject is not None and subject.i < pronoun.i else ""
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            ent = entity_of(token)
            if ent is not None and ent.label_ == "PERSON":
                name = self.full(clean_name(ent.text))
                if name != acting:  # "he gave her": "her" is not who gave
                    return name
        return ""

    def owner_above(self, pronoun: Token) -> str:
        """Whom a "his" or "her" stands for when the sentence's tree says it ("Since his bail
        was revoked, Bankman-Fried ..."), or the one the article is about: the person it names
        more than anyone ("His lawyers rested their case"); else "" rather than a guess from
        whoever acted last."""
        if pronoun.lower_ not in ("his", "her"):
            return ""
        return self._speaker_above(pronoun) or self._most_named()

    def _speaker_above(self, pronoun: Token) -> str:
        """The person acting in a clause above a pronoun, named before it ("Clinton said he
        had ordered the strikes": Clinton), or "". A clause whose subject is another pronoun
        ("statements he made before his arrest") stands for the person the article names most
        so far, if one is named more than anyone."""
        for clause in (a for a in pronoun.ancestors if is_verbal(a)):
            subject = subject_of(clause)
            if subject is None:
                continue
            fronted = _fronted(pronoun, clause, subject)
            name = self._person_acting(subject, subject.i + 1 if fronted else pronoun.i)
            if name:
                return name
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who" for c in clause.children):
                return ""  # "the man who seemed atop the world before his businesses collapsed"
            if subject is not None and subject.i < pronoun.i and subject.lower_ in _PRONOUNS:
                return self._most_named()  # "statements he made before his arrest"
            if _described(subject, pronoun):
                # "pressing for the failed crypto mogul to be jailed until his October trial":
                # someone described, not named, most likely the one the article names most
                return self._most_named()
        return ""

    def _body_above(self, pronoun: Token) -> str:
        """The body or state acting in the nearest clause above an "it", named before it."""
        for clause in (a for a in pronoun.ancestors if is_verbal(a)):
            subject = subject_of(clause)
            if subject is None or subject.i == pronoun.i:
                continue
            ent = entity_of(subject)
            named = ent is not None and ent.label_ in ("ORG", "GPE") and subject.i < pronoun.i
            return self.full(clean_name(ent.text)) if named and ent is not None else ""
        return ""

    def _most_named(self) -> str:
        """The person the article has named more often than anyone so far, at least twice."""
        counts = sorted((self.mentions[p] for p in self.people), reverse=True)
        if not counts or counts[0] < 2 or (len(counts) > 1 and counts[1] == counts[0]):
            return ""
        return next(p for p in self.people if self.mentions[p] == counts[0])

    def _person_acting(self, subject: Token | None, before: int) -> str:
        """The person a subject before a word names, or whose happening it names ("Shoigu's
        visit"); "" when it names none."""
        if subject is None or subject.i >= before:
            return ""
        for actor in [subject, *(c for c in subject.children if c.dep_ == "poss")]:
            ent = entity_of(actor)
            if ent is not None and ent.label_ == "PERSON":
                return self.full(clean_name(ent.text))
        return ""

    def saw_acting(self, name: str, token: Token) -> None:
        """A person, body or state acting as subject: whom a later "he", "she" or "it" most
        likely stands for; no one when it may as well be another ("Ruiz and Diaz stayed",
        "Ruiz was shot by a gunman", unlike "Munir will be hosted by Trump")."""
        named = next((c for c in token.children if c.dep_ == "appos" and c.ent_type_), None)
        if named is not None and named.ent_type_ == "PERSON":  # "Her deputy, Senator Diaz,"
            name, token = self.name_of(named), named
        partners = [c for c in token.children if c.dep_ == "conj"]
        doer = agent_of(token.head) if token.dep_ == "nsubjpass" else None
        unnamed_doer = doer is not None and doer.pos_ == "NOUN" and not doer.ent_type_
        if partners or unnamed_doer:  # "shot by a gunman": "he" may be the gunman
            self.last_person = ""
            return
        ent = entity_of(token)
        person = ent is not None and ent.label_ == "PERSON"
        if (name and person) or (name in self.people and ent is None):  # "Field Marshal Munir"
            self.last_person = name
        elif name and ent is not None and ent.label_ in ("ORG", "GPE"):
            self.last_body = name
            acted_on = object_of(token.head) if token.dep_ == "nsubj" else None
            if acted_on is not None and acted_on.ent_type_ == "PERSON":
                self.last_person = self.name_of(acted_on)  # "OpenAI ousted Altman. He was ..."
        elif token.pos_ == "PROPN" and token.text.isupper() and len(token.text) > 1:
            self.last_body = self.full(token.text)  # "KCNA", "NATO": a body by its initials
        else:
            self.last_body = ""


def _said_by_someone_unnamed(pronoun: Token) -> bool:
    """ "a friend of Yitzhak Rabin's assassin said that she regretted ...": the one acting in
    what a saying tells is most likely its speaker, here someone the article does not name."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return False
    speaker = subject_of(clause.head)
    return speaker is not None and speaker.pos_ == "NOUN" and not speaker.ent_type_


def _described(subject: Token, pronoun: Token) -> bool:
    """A subject that describes a person without naming them ("the failed crypto mogul"), the
    nearest one above a "his" or "her"."""
    if pronoun.lower_ not in ("his", "her") or subject.i > pronoun.i or subject.ent_type_:
        return False
    if subject.pos_ != "NOUN" or lemma(subject) in lexicon().bodies:
        return False
    return any(c.dep_ in ("amod", "compound") for c in subject.children)


def _fronted(pronoun: Token, clause: Token, subject: Token) -> bool:
    """ "Since his bail was revoked, Bankman-Fried has been held": a pronoun in a clause or
    phrase put before the subject it stands for."""
    return subject.i > pronoun.i and any(
        c.dep_ in ("advcl", "prep") and c.i < subject.i and pronoun in c.subtree
        for c in clause.children
    )


def _has_word(name: str, word: str) -> bool:
    """ "Sam Bankman-Fried" has "Bankman-Fried" and "Fried"; "Lee Jae-myung" has "Lee"."""
    return word in name.split() or word in name.replace("-", " ").split()


def _named_as_place(token: Token) -> bool:
    """ "returned to Washington", "in Pyongyang and Moscow": after a preposition, a place."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj"


def _initials(name: str) -> str:
    """ "Korean Central News Agency" -> "KCNA"; small words ("of", "for") do not count."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def clean_name(text: str) -> str:
    """A name as a name: no possessive ending ("Kim's", "Rubiales'"), leading "the" or
    honorific; a possessive inside it stays ("the Women's World Cup")."""
    words = re.sub(r"['’]s(?=\W*$)", "", text.strip()).split()
    if words and words[0].lower() == "the":  # "The Immigration and Naturalization Service"
        words = words[1:]
    while words and words[0].lower() in _HONORIFICS:
        words = words[1:]
    return " ".join(words).strip(" ,.'’")  # "Rubiales'": the possessive mark is no part of it
