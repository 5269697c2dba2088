"""The recognizer's labels made one through an article: a name it took for a person once is
that person wherever it took the name for something else, and a one-word name it took for a
person but more often for a body is that body."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from timeline.events.cast import clean_name
from timeline.events.gazetteers import is_known

_MISTAKEN = ("ORG", "NORP", "GPE")  # labels a person's name is mistaken for


def people_named_alike(docs: Sequence[Doc], headline: Doc | None = None) -> None:
    """One name, one kind through an article: a name the recognizer took for a person once, in
    the article or its headline ("Sam Bankman-Fried", "Luis Rubiales"), is the person where it
    took the name, or its surname, for a body, a people or an unknown place ("Bankman-Fried
    said", "Rubiales (NORP) insisted"), or missed it ("Rubiales stepped down"), so "he" and
    "his" find him. Places the gazetteers know keep their label ("Washington")."""
    read = [*docs, *([headline] if headline is not None else [])]
    people = {clean_name(e.text) for doc in read for e in doc.ents if e.label_ == "PERSON"}
    names = {p for p in people if len(p.split()) > 1}
    surnames = Counter(p.split()[-1] for p in names)
    alike = names | {s for s, n in surnames.items() if n == 1}
    bodies = _bodies_mistaken(read, alike)
    for doc in docs:
        ents = [_as_body(_as_person(e, alike), bodies) for e in doc.ents]
        taken = {t.i for e in ents for t in e}
        missed = [
            Span(doc, t.i, t.i + 1, label="PERSON")
            for t in doc
            if t.i not in taken and t.text in alike and t.dep_ != "compound"
        ]
        if missed or any(a.label_ != b.label_ for a, b in zip(ents, doc.ents, strict=True)):
            doc.ents = sorted([*ents, *missed], key=lambda e: e.start)


def _bodies_mistaken(read: Sequence[Doc], people: set[str]) -> dict[str, str]:
    """One-word names the recognizer took for a person, but for a body or place more often
    ("OpenAI ousted Altman", OpenAI a company twice elsewhere): name -> that label."""
    kinds: dict[str, Counter[str]] = {}
    for doc in read:
        for ent in doc.ents:
            name = clean_name(ent.text)
            if " " not in name and name not in people:
                kinds.setdefault(name, Counter())[ent.label_] += 1
    mistaken: dict[str, str] = {}
    for name, counts in kinds.items():
        label, most = max(((k, n) for k, n in counts.items() if k != "PERSON"), default=("", 0))
        if counts["PERSON"] and label in ("ORG", "GPE") and most > counts["PERSON"]:
            mistaken[name] = label
    return mistaken


def _as_body(ent: Span, bodies: dict[str, str]) -> Span:
    """The entity relabelled as the body it is named as most, where it was taken for a person."""
    label = bodies.get(clean_name(ent.text), "") if ent.label_ == "PERSON" else ""
    return Span(ent.doc, ent.start, ent.end, label=label) if label else ent


def _as_person(ent: Span, people: set[str]) -> Span:
    """The entity relabelled a person when its name is one of the article's people."""
    name = clean_name(ent.text)
    if ent.label_ not in _MISTAKEN or name not in people:
        return ent
    if ent.label_ == "GPE" and is_known(name):
        return ent  # "Washington" the city, whoever else is named so
    return Span(ent.doc, ent.start, ent.end, label="PERSON")
