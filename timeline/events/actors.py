"""Who and where: people, states, organisations and places named in a sentence.

Names come from the gazetteers (`gazetteers`), as they stand on the publish date. Unknown people
are found after a title ("analyst Choe Ju Hyun"); a later bare surname names the same person.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from timeline import data as package_data
from timeline.events.gazetteers import CAPITAL, PERSON, PLACE, STATE, Entity, Gazetteer, gazetteer

_PLACE_PREPOSITIONS = (
    "in",
    "to",
    "at",
    "into",
    "near",
    "from",
    "inside",
    "bordering",
    "visit",
    "visited",
    "visiting",
)


@dataclass(frozen=True)
class Mention:
    """A named thing found in a sentence; start/end index the sentence."""

    start: int
    end: int
    text: str
    entity: Entity
    as_place: bool = False  # named after "in", "to", ...: where, not who


def find_mentions(
    sentence: str, published: date, cast: dict[str, Entity]
) -> tuple[list[Mention], dict[str, Entity]]:
    """Named things in a sentence, and the article's cast (short name -> person) updated.

    cast carries, from sentence to sentence, who a bare surname means in this article.
    """
    found = gazetteer(published)
    cast = dict(cast)
    spans: list[Mention] = []
    for match in found.names_pattern.finditer(sentence):
        spans.append(
            Mention(match.start(), match.end(), match.group(0), found.names[match.group(0)])
        )
    for match in found.roles_pattern.finditer(sentence):
        spans.append(
            Mention(match.start(), match.end(), match.group(0), found.roles[match.group(0).lower()])
        )
    for match in found.person_pattern.finditer(sentence):
        words = re.sub(r"['’]s$", "", match.group("name").rstrip(".")).split()
        while words and words[-1] in _CALENDAR_WORDS:  # "President Bill Clinton Saturday"
            words.pop()
        if not words:
            continue
        name = " ".join(words)
        if (
            name in found.names
            or name.split()[0] in found.names
            and found.names[name.split()[0]].kind != PERSON
        ):
            continue
        entity = _unknown_person(name, cast, found)
        spans.append(Mention(match.start("name"), match.start("name") + len(name), name, entity))
    spans.extend(_family_first_names(sentence, found))
    spans.extend(_untitled_people(sentence, cast, found))
    spans.extend(_bare_shorts(sentence, cast, found))
    mentions = [m for m in _without_overlaps(spans) if not _inside_bigger_name(sentence, m)]
    for mention in mentions:
        if mention.entity.kind == PERSON:
            for short in _shorts_of(mention.entity):
                cast[short] = mention.entity
    return [_placed(sentence, m) for m in mentions], cast


_CALENDAR_WORDS = frozenset(calendar.day_name[i] for i in range(7)) | frozenset(
    calendar.month_name[i] for i in range(1, 13)
)


def _inside_bigger_name(sentence: str, mention: Mention) -> bool:
    """ "New York" in "New York Stock Exchange" names the exchange, not the city."""
    if mention.entity.kind not in (PLACE, CAPITAL, STATE):
        return False
    following = re.match(r" ([A-Z][\w'’-]*)", sentence[mention.end :])
    return following is not None and following.group(1) not in _CALENDAR_WORDS


def _family_first_names(sentence: str, found: Gazetteer) -> list[Mention]:
    """Names written family name first that the gazetteer lacks: a known family name ("Kim")
    then a hyphenated or short given name ("Kim Moon-soo", "Kim Keon Hee")."""
    if not found.shorts:
        return []
    families = "|".join(
        re.escape(s) for s in sorted(found.shorts, key=len, reverse=True) if " " not in s
    )
    pattern = rf"(?<![\w-])(?:{families}) (?:[A-Z][a-z]+-[a-z]+|[A-Z][a-z]{{1,3}}(?: [A-Z][a-z]{{1,3}})?)(?![\w-])"
    mentions = []
    for match in re.finditer(pattern, sentence):
        name = match.group(0)
        if name not in found.names:
            entity = Entity(name, PERSON, short=name.split()[0])
            mentions.append(Mention(match.start(), match.end(), name, entity))
    return mentions


# A name with its age in apposition ("Kopp, 44,", "Jorge Hernandez, 49.") or with a middle
# initial ("Robert F. Angelo") names a person even with no title before it.
_NAME_WORD = r"[A-Z][a-z'’-]*[a-z]"
_WITH_AGE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{_NAME_WORD}){{0,2}}),\s+\d{{1,2}}"
    r"(?=[,;)]|\.(?:\s|$)|$)"
)
_WITH_INITIAL = re.compile(rf"(?<![\w-])(?P<name>{_NAME_WORD}\s+[A-Z]\.\s+{_NAME_WORD})(?![\w-])")
# Someone met, told or received is a person: "Bush met Saddam Hussein", "told Ana Ruiz".
_MET = re.compile(
    r"\b(?:met|meets|meet|meeting|met\s+with|meets\s+with|talks\s+with|told|tells|hosted|hosts|"
    r"received|receives|telephoned|phoned|thanked|congratulated|urged)\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})(?![\w-])"
    # not "met Western Union officials": a lowercase word after the name makes it a modifier
    r"(?!\s+(?!(?:in|on|at|and|for|to|of|during|after|before|last|this|with|about|over|"
    r"that|as|who|when|while)\b)[a-z])"
)
_OPENERS = frozenset(
    str(w).capitalize() for w in package_data.load("cues.yaml")["title_words"]["sentence_openers"]
) | frozenset(["No", "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen"])


def _untitled_people(sentence: str, cast: dict[str, Entity], found: Gazetteer) -> list[Mention]:
    """People named without a title: with their age ("Kopp, 44,") or a middle initial."""
    mentions = []
    for pattern in (_WITH_AGE, _WITH_INITIAL, _MET):
        for match in pattern.finditer(sentence):
            words = match.group("name").split()
            start = match.start("name")
            while words and (words[0] in _OPENERS or words[0] in _CALENDAR_WORDS):
                start = sentence.index(words[1], start) if len(words) > 1 else start
                words = words[1:]  # "In Trujillo, 12": no name left
            name = " ".join(words)
            if not words or any(w in _CALENDAR_WORDS or w in found.names for w in words):
                continue  # "Kuwait, 12,", "Monday, 5": a state, a date
            if found.person_pattern.search(" ".join(words)) or name in found.names:
                continue  # "met Foreign Minister Jan Kavan": the title finds him
            entity = _unknown_person(name, cast, found)
            mentions.append(Mention(start, start + len(name), name, entity))
    return mentions


def _unknown_person(name: str, cast: dict[str, Entity], found: Gazetteer) -> Entity:
    if " " not in name:
        known = cast.get(name) or next(iter(found.shorts.get(name, ())), None)
        if known:
            return known
    return Entity(name, PERSON, short=_short_name(name))


def _short_name(name: str) -> str:
    words = name.split()
    # East Asian names written family name first carry a hyphenated or short given name.
    if len(words) >= 2 and ("-" in words[-1] or (len(words) == 3 and len(words[0]) <= 4)):
        return words[0]
    return words[-1]


def _shorts_of(entity: Entity) -> list[str]:
    return [entity.short] if entity.short else [_short_name(entity.name)]


def _bare_shorts(sentence: str, cast: dict[str, Entity], found: Gazetteer) -> list[Mention]:
    shorts = set(cast) | set(found.shorts)
    if not shorts:
        return []
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(s) for s in sorted(shorts, key=len, reverse=True))
        + r")(?![\w-])"
    )
    mentions = []
    for match in pattern.finditer(sentence):
        short = match.group(0)
        following = re.match(r" ([A-Z][\w'’-]*)", sentence[match.end() :])
        if following and following.group(1) not in _CALENDAR_WORDS:
            continue  # "Lee Pearce" is someone else
        if re.search(r"\b[A-Z]\.\s$", sentence[: match.start()]):
            continue  # "M. Lee": an initial, so a given name
        entity = cast.get(short) or _default_holder(found.shorts.get(short, ()))
        if entity is not None:
            mentions.append(Mention(match.start(), match.end(), short, entity))
    return mentions


def _default_holder(candidates: tuple[Entity, ...]) -> Entity | None:
    """A bare surname nobody in the article has used yet: the gazetteer's first such person."""
    return candidates[0] if candidates else None


def _without_overlaps(spans: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for span in sorted(spans, key=lambda m: (-(m.end - m.start), m.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda m: m.start)


def _placed(sentence: str, mention: Mention) -> Mention:
    if mention.entity.kind not in (PLACE, CAPITAL, STATE):
        return mention
    before = re.findall(r"[\w'’]+", sentence[: mention.start])[-3:]
    words = [w.lower() for w in before]
    # "in Pyongyang", "to Russia's Kursk region", "in North Korea's capital"
    according = len(words) >= 2 and words[-2:] == ["according", "to"]
    as_place = (
        bool(words)
        and not according
        and (
            words[-1] in _PLACE_PREPOSITIONS
            or (len(words) >= 2 and words[-2] in _PLACE_PREPOSITIONS and words[-1] in ("the",))
        )
    )
    if mention.entity.kind == PLACE:
        as_place = True
    if as_place:
        return Mention(mention.start, mention.end, mention.text, mention.entity, as_place=True)
    return mention
