"""Who is who in one article: the full names the recognizer found, so that a later "Kim",
"Modi" or "he" is named as the article first named them ("Kim Jong Un", "Narendra Modi")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from timeline.tree import ACTOR_LABELS, entity_of

_PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON"}
_HONORIFICS = ("mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.")


@dataclass
class Cast:
    """The article's named people and bodies, in the order met; the last person acting."""

    people: list[str] = field(default_factory=list)
    last_person: str = ""

    def learn(self, ents: Sequence[Span]) -> None:
        """Remember the full names of the people a passage names."""
        for ent in ents:
            if ent.label_ == "PERSON":
                name = _clean(ent.text)
                if len(name.split()) > 1 and name not in self.people:
                    self.people.append(name)

    def full(self, name: str) -> str:
        """The full name a short one stands for ("Kim" -> "Kim Jong Un"), when only one fits."""
        words = name.split()
        if len(words) != 1:
            return name
        fits = [p for p in self.people if words[0] in p.split() and p != name]
        return fits[-1] if len(set(fits)) == 1 else name

    def name_of(self, token: Token) -> str:
        """The name a participant token stands for: its entity in full, a pronoun's person,
        or "" when it names no one."""
        if token.lower_ in _PRONOUNS:
            return self.last_person
        ent = entity_of(token)
        if ent is None or ent.label_ not in ACTOR_LABELS:
            return ""
        if ent.label_ == "NORP":
            return ""  # "Indian", "Russian": a people, not an actor
        name = _clean(ent.text)
        return self.full(name) if ent.label_ in ("PERSON", "ORG") else name

    def saw_acting(self, name: str, token: Token) -> None:
        """A person acting as subject: whom a later "he" or "she" most likely stands for."""
        ent = entity_of(token)
        if name and ent is not None and ent.label_ == "PERSON":
            self.last_person = name


def _clean(text: str) -> str:
    words = text.replace("’s", "").replace("'s", "").split()
    while words and words[0].lower() in _HONORIFICS:
        words = words[1:]
    return " ".join(words).strip(" ,.")
