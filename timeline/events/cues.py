"""Cue words found in a sentence: happenings (with category), reporting verbs, media, plans.

The vocabulary lives in timeline/data/cues.yaml; this module only matches it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from timeline import data as package_data


@dataclass(frozen=True)
class Cue:
    """A kind of happening: its category, rank and the title pattern a chronology uses."""

    lemma: str
    category: str
    rank: int
    forms: tuple[str, ...]
    title: str
    near: tuple[str, ...] = ()
    alone: str = ""  # the title when the pattern's place is unknown
    named: tuple[str, ...] = ()  # forms that count only when a name follows ("received Kim")


@dataclass(frozen=True)
class Hit:
    """A cue word found in a sentence; start/end index the sentence."""

    start: int
    end: int
    form: str  # the words as written
    cue: Cue | None  # None for reporting verbs


@dataclass(frozen=True)
class Vocabulary:
    """Every cue list of cues.yaml, compiled."""

    cues: tuple[Cue, ...]
    happening: re.Pattern[str]
    by_form: dict[str, Cue]
    reporting: re.Pattern[str]
    media: re.Pattern[str]
    irrealis: re.Pattern[str]
    backrefs: tuple[str, ...]
    same_story: dict[str, int]
    irregular: dict[str, str]
    dependents: re.Pattern[str]
    possessed: re.Pattern[str]
    anchors: re.Pattern[str]
    plans: re.Pattern[str]
    reach: dict[str, int]
    present_words: frozenset[str]
    irregular_past: frozenset[str]
    not_verbs: frozenset[str]
    fallback: Cue


def _words(forms: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


def words_pattern(forms: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """Any of these words or phrases, whole, case-insensitive."""
    return _words(forms)


def load_data() -> dict[str, Any]:
    """timeline/data/cues.yaml, parsed."""
    return package_data.load("cues.yaml")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The cue vocabulary from timeline/data/cues.yaml."""
    data = load_data()
    cues = tuple(
        Cue(
            lemma=c["lemma"],
            category=c["category"],
            rank=int(c["rank"]),
            forms=tuple(c["forms"]),
            title=c["title"],
            near=tuple(c.get("near", ())),
            alone=c.get("alone", ""),
            named=tuple(c.get("named", ())),
        )
        for c in data["cues"]
    )
    by_form: dict[str, Cue] = {}
    for cue in cues:
        for form in cue.forms:
            by_form.setdefault(form.lower(), cue)
    relations = data["event_anchors"]["relations"]
    amounts = data["event_anchors"]["amounts"]
    anchors = re.compile(
        r"(?<![\w-])(?P<amount>"
        + "|".join(re.escape(a) for a in sorted(amounts, key=len, reverse=True))
        + r")?\s*"
        r"(?P<relation>"
        + "|".join(re.escape(r) for r in sorted(relations, key=len, reverse=True))
        + r")\s+"
        r"(?P<anchor>[^,;.]+)",
        re.IGNORECASE,
    )
    return Vocabulary(
        cues=cues,
        happening=_words(list(by_form)),
        by_form=by_form,
        reporting=_words(data["reporting"]),
        media=_words(data["media"]),
        irrealis=_words(data["irrealis"]),
        backrefs=tuple(data["backrefs"]),
        same_story={s["phrase"].lower(): int(s["offset"]) for s in data["same_story"]},
        irregular={k.lower(): v for k, v in data["irregular"].items()},
        dependents=re.compile(
            r"(?:" + "|".join(re.escape(d) for d in data["dependents"]) + r")\s+(?:to|of|for)\s+$",
            re.IGNORECASE,
        ),
        possessed=re.compile(
            r"^['’]s\s+(?:[\w-]+\s+){0,2}(?:"
            + "|".join(re.escape(d) for d in data["dependents"])
            + r")\b",
            re.IGNORECASE,
        ),
        anchors=anchors,
        plans=_words(data["event_anchors"]["plans"]),
        reach={k.lower(): int(v) for k, v in data["event_anchors"]["reach"].items()},
        present_words=frozenset(w.lower() for w in data["present_words"]),
        irregular_past=frozenset(data["irregular_past"]),
        not_verbs=frozenset(data["not_verbs"]),
        fallback=Cue("happen", "other", 0, (), "{who} {says} {rest}"),
    )


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of quoted speech: cue words inside them are someone's words, not the happening.
    Apostrophes inside words ("Russia's") do not close a quote."""
    spans = [(m.start(), m.end()) for m in _DOUBLE_QUOTED.finditer(sentence)]
    for match in _SINGLE_QUOTED.finditer(sentence):
        if not any(a <= match.start() < b for a, b in spans):
            spans.append((match.start(), match.end()))
    return sorted(spans)


_DOUBLE_QUOTED = re.compile(r'(?<![\w])"[^"]{3,}?"(?![\w])|“[^”]{3,}?”')
_SINGLE_QUOTED = re.compile(r"(?<![\w])['‘](?:[^'’\"”]|(?<=\w)['’](?=\w)){3,}?['’\"”](?![\w])")


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def happenings(sentence: str) -> list[Hit]:
    """Happening cues in a sentence, outside quoted speech, honouring each cue's `near` words."""
    words = vocabulary()
    quotes = quoted_spans(sentence)
    hits = []
    lowered = sentence.lower()
    for match in words.happening.finditer(sentence):
        if _inside(quotes, match.start()):
            continue
        cue = words.by_form[match.group(0).lower()]
        if cue.near and not any(re.search(rf"\b{re.escape(n)}", lowered) for n in cue.near):
            continue
        if match.group(0).lower() in cue.named and not _NAME_NEXT.match(sentence[match.end() :]):
            continue  # "received an offer" is no meeting; "received the Chinese envoy" is
        hits.append(Hit(match.start(), match.end(), match.group(0), cue))
    found = hits + _other_past_verbs(sentence, hits, quotes)
    return [h for h in found if not _describes_opening_noun(sentence, h, found)]


# "A 1996 law [named for] him ... strengthened": a participle describing the noun a sentence
# opens on, before the sentence's own verb, tells no happening.
_OPENING_NOUN = re.compile(r"(?:A|An|The)\s+(?:[\w-]+\s+){1,3}$")
_DESCRIBING = re.compile(r"\s+(?:for|after|as)\s")


def _describes_opening_noun(sentence: str, hit: Hit, hits: Sequence[Hit]) -> bool:
    return (
        hit.form.lower().endswith("ed")
        and _OPENING_NOUN.fullmatch(sentence[: hit.start]) is not None
        and _DESCRIBING.match(sentence[hit.end :]) is not None
        and any(other.start > hit.end for other in hits)
    )


# A name within the next three words, before any clause break: "received [the visiting] Kim".
_NAME_NEXT = re.compile(r"\s+(?:[a-z][\w'-]*\s+){0,2}[A-Z]")


_NOT_BEFORE_VERB = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "of",
        "and",
        "from",
        "with",
        "for",
        "in",
        "on",
        "to",
    ]
)


def _other_past_verbs(sentence: str, hits: list[Hit], quotes: list[tuple[int, int]]) -> list[Hit]:
    """Past-tense verbs no cue names ("Rebels overran the town"): a happening of no known
    kind, the weakest cue, so any named cue wins over it."""
    words = vocabulary()
    found = []
    for match in re.finditer(r"(?<![\w'’-])([a-z]{3,}ed|[a-z]+)(?![\w'’-])", sentence):
        word = match.group(1)
        past = word.endswith("ed") and len(word) > 4 or word in words.irregular_past
        if not past or word in words.not_verbs or _inside(quotes, match.start()):
            continue
        if any(h.start <= match.start() < h.end for h in hits):
            continue
        before = sentence[max(0, match.start() - 12) : match.start()].lower().split()[-1:]
        if before and before[0] in _NOT_BEFORE_VERB:
            continue  # "the alleged plot", "the so-called": adjectives, not verbs
        found.append(Hit(match.start(), match.end(), word, words.fallback))
    return found


def reporting(sentence: str) -> list[Hit]:
    """Reporting verbs ("said", "reported", "according to") outside quoted speech."""
    quotes = quoted_spans(sentence)
    return [
        Hit(m.start(), m.end(), m.group(0), None)
        for m in vocabulary().reporting.finditer(sentence)
        if not _inside(quotes, m.start())
    ]


def has_media(text: str) -> bool:
    """Whether a stretch of text names news media as its source ("state media", "reports")."""
    return bool(vocabulary().media.search(text))


def is_irrealis(text: str) -> bool:
    """Whether a clause is a plan, a guess or a future ("may", "expected", "will")."""
    quotes = quoted_spans(text)
    return any(not _inside(quotes, m.start()) for m in vocabulary().irrealis.finditer(text))


def present_tense(form: str) -> str:
    """The third-person present of a cue verb for titles: "met" -> "meets", "vowed" -> "vows"."""
    words = form.split()
    head, tail = words[0].lower(), words[1:]
    irregular = vocabulary().irregular
    if head in irregular:
        return " ".join([irregular[head], *tail])
    stem = _stem(head)
    return " ".join([_third_person(stem), *tail])


def _stem(word: str) -> str:
    if word.endswith("eed"):
        return word[:-1]
    if word.endswith("ied"):
        return word[:-3] + "y"
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if stem.endswith(("pell", "ancell", "avell", "ntroll", "atroll")):
                return stem[:-1]  # "expelled", "cancelled", "controlled": a doubled final l
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                return stem[:-1]
            if _wants_e(stem):
                return stem + "e"
            return stem
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1] if not word.endswith("ies") else word[:-3] + "y"
    return word


_VOWELS = "aeiou"


def _wants_e(stem: str) -> bool:
    if stem.endswith(("c", "s", "v", "z")) or (stem.endswith("g") and not stem.endswith("ng")):
        return True
    if stem.endswith(("iat", "uat", "ang", "uir", "u", "creat", "plor", "gnor", "stor", "scor")):
        # "changed", "acquired", "issued", "deplored", "ignored", "restored", "scored"
        return True
    return (
        len(stem) > 2
        and stem[-2:]
        in (
            "id",
            "ad",
            "ir",
            "at",
            "ur",
            "ar",
            "iz",
            "ut",
            "um",
            "ot",
            "am",
            "ul",
            "in",
            "il",
            "ud",
            "od",  # "exploded"
            "ok",  # "invoked"
            "ob",  # "probed"
            "ik",  # "spiked"
            "ak",  # "staked"
            "om",  # "welcomed"
        )
        and stem[-3] not in _VOWELS
    )


def _third_person(stem: str) -> str:
    if stem.endswith(("s", "sh", "ch", "x", "z", "o")):
        return stem + "es"
    if stem.endswith("y") and len(stem) > 1 and stem[-2] not in _VOWELS:
        return stem[:-1] + "ies"
    return stem + "s"


@lru_cache(maxsize=1)
def _market() -> tuple[frozenset[str], re.Pattern[str]]:
    data = load_data()["market"]
    words = "|".join(re.escape(w) for w in data["words"])
    return frozenset(data["moves"]), re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def is_market_quote(form: str, sentence: str) -> bool:
    """Whether a verb tells a price or volume moving in trading ("shares closed at $18")."""
    moves, words = _market()
    return form.lower() in moves and words.search(sentence) is not None
