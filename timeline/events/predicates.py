"""What the tree's words mean for a timeline: which predicates tell a happening, of what kind,
which verbs report, which nouns are eventive. The lexicon is data (`data/predicates.yaml`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from timeline import data as package_data

DURING = "during"  # an anchor relation with no amount: the other happening's own day


@dataclass(frozen=True)
class Lexicon:
    """The predicate vocabulary, read once: lemma -> category for verbs and eventive nouns."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    objects: dict[str, dict[str, str]]  # verb -> object lemma -> category
    reporting: frozenset[str]
    light: frozenset[str]
    support: dict[str, frozenset[str]]  # light verb -> object nouns that carry the happening
    stative: frozenset[str]
    wishes: frozenset[str]  # verbs whose clause is wished or expected, not told as done
    causatives: frozenset[str]  # "led the prosecutor to present the case": the presenting
    guests: frozenset[str]  # verbs that tell a meeting only with a person or a body as object
    kinds: dict[str, frozenset[str]]  # word -> the kinds of happening it tells
    relations: dict[str, str]  # "ahead" -> "ahead of": words that date one happening by another
    amounts: frozenset[str]  # "days" in "days before": lemmas that make a relation a date
    same_day: frozenset[str]  # "hours after": on the other happening's day
    plans: frozenset[str]  # "expected summit": the other happening is still to come
    called_off: frozenset[str]  # "cancelled the visit next week": the plan is no more
    scheduling: frozenset[str]  # "the hearing is scheduled for March 3": its subject is a plan
    reach: dict[str, int]  # "days" -> 10: how far past the publish date a plan may lie
    bodies: frozenset[str]  # "agency": a body that speaks for itself
    pairs: frozenset[str]  # "leaders": the two people last acting together
    same_story: dict[str, int]  # "the next day" -> 1: days from the happening told before
    market_moves: frozenset[str]  # "fell": a price moving, a quote when it moves by a figure
    market_words: frozenset[str]  # "shares", "index": what moves in a market quote

    def kinds_of(self, text: str) -> frozenset[str]:
        """The kinds of happening a title's words tell ("Gunmen open fire": attack)."""
        found: set[str] = set()
        for word in re.findall(r"[a-z]+", text.lower()):
            for form in _forms(word):
                found |= self.kinds.get(form, frozenset())
        return frozenset(found)


@lru_cache(maxsize=65536)  # merge asks it of every word of every title, twice
def _forms(word: str) -> tuple[str, ...]:
    """A word and the stems it may come from ("kills" -> kill, "strikes" -> strike)."""
    forms = [word]
    for ending, base in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.append(word[: -len(ending)] + base)
    return tuple(forms)


@lru_cache(maxsize=65536)  # merge asks it of every dated event's title for every anchor
def kinds_told(text: str) -> frozenset[str]:
    """The kinds of happening a title's words tell, as `lexicon().kinds_of` gives them, worked
    out once per title."""
    return lexicon().kinds_of(text)


def _by_lemma(groups: dict[str, list[str]]) -> dict[str, str]:
    return {lemma: category for category, lemmas in groups.items() for lemma in lemmas}


@cache
def lexicon() -> Lexicon:
    """The lexicon in `data/predicates.yaml`."""
    raw = package_data.load("predicates.yaml")
    objects = {
        verb: {obj: category for category, objs in by_category.items() for obj in objs}
        for verb, by_category in raw["objects"].items()
    }
    return Lexicon(
        verbs=_by_lemma(raw["verbs"]),
        nouns=_by_lemma(raw["nouns"]),
        objects=objects,
        reporting=frozenset(raw["reporting"]),
        light=frozenset(raw["light"]),
        support={verb: frozenset(nouns) for verb, nouns in raw["support"].items()},
        stative=frozenset(raw["stative"]),
        wishes=frozenset(raw["wishes"]),
        causatives=frozenset(raw["causatives"]),
        guests=frozenset(raw["guests"]),
        kinds=_kinds(raw["kinds"]),
        relations=dict(raw["anchors"]["relations"]),
        amounts=frozenset(raw["anchors"]["amounts"]),
        same_day=frozenset(raw["anchors"]["same_day"]),
        plans=frozenset(raw["anchors"]["plans"]),
        called_off=frozenset(raw["called_off"]),
        scheduling=frozenset(raw["scheduling"]),
        reach={word: int(days) for word, days in raw["anchors"]["reach"].items()},
        bodies=frozenset(raw["bodies"]),
        pairs=frozenset(raw["pairs"]),
        same_story={phrase: int(days) for phrase, days in raw["same_story"].items()},
        market_moves=frozenset(raw["market"]["moves"]),
        market_words=frozenset(raw["market"]["words"]),
    )


def _kinds(groups: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    by_word: dict[str, set[str]] = {}
    for kind, words in groups.items():
        for word in words:
            by_word.setdefault(word, set()).add(kind)
    return {word: frozenset(kinds) for word, kinds in by_word.items()}
