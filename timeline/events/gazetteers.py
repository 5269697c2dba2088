"""The gazetteers (timeline/data/*.yaml): names, aliases, short names and offices with dates,
so "the North Korean leader" names whoever held that office on the publish date; and what an
actor's name is (a person, a known body, a place inside another).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from timeline import data as package_data

# Kinds of named things. A capital acts for its state ("Pyongyang vowed") unless it is a place
# ("in Pyongyang").
PERSON, STATE, ORGANISATION, OUTLET, PLACE, CAPITAL = (
    "person",
    "state",
    "organisation",
    "outlet",
    "place",
    "capital",
)


@dataclass(frozen=True)
class Entity:
    """A named thing: its canonical name, kind, and for capitals the state they stand for."""

    name: str
    kind: str
    state: str = ""
    short: str = ""


@dataclass(frozen=True)
class Gazetteer:
    """Aliases indexed for matching: exact-case names and case-folded role phrases."""

    names: dict[str, Entity]
    roles: dict[str, Entity]
    shorts: dict[str, tuple[Entity, ...]]
    names_pattern: re.Pattern[str]
    roles_pattern: re.Pattern[str]
    person_pattern: re.Pattern[str]


def _load(name: str) -> dict[str, Any]:
    return package_data.load(name)


def _holds(office: dict[str, Any], published: date) -> bool:
    start = office.get("from")
    until = office.get("until")
    return (start is None or start <= published) and (until is None or published < until)


_LEADER_OFFICES = ("leader", "president", "prime minister", "chancellor", "supreme leader")


@lru_cache(maxsize=1)
def _fixed() -> tuple[dict[str, Entity], dict[str, Entity], dict[str, tuple[Entity, ...]]]:
    """Names that hold on any date: states, capitals, places, bodies, people; and short names."""
    names: dict[str, Entity] = {}
    lower_aliases: dict[str, Entity] = {}
    shorts: dict[str, list[Entity]] = {}
    for state in _load("states.yaml")["states"]:
        entity = Entity(state["name"], STATE)
        for alias in [state["name"], *state.get("aliases", [])]:
            names[alias] = entity
        names.setdefault(state["capital"], Entity(state["capital"], CAPITAL, state["name"]))
    for place in _load("places.yaml")["places"]:
        if place.get("acts_for"):
            entity = Entity(place["name"], CAPITAL, place["acts_for"])
        else:
            entity = Entity(place["name"], PLACE, place.get("in", ""))
        for alias in [place["name"], *place.get("aliases", [])]:
            names.setdefault(alias, entity)
    for org in _load("organisations.yaml")["organisations"]:
        entity = Entity(org["name"], OUTLET if org.get("outlet") else ORGANISATION)
        for alias in [org["name"], *org.get("aliases", [])]:
            if alias.lower() != alias:
                names[alias] = entity
            else:
                lower_aliases[alias] = entity
    for person in _load("people.yaml")["people"]:
        entity = Entity(person["name"], PERSON, short=person.get("short", ""))
        for alias in [person["name"], *person.get("aliases", [])]:
            names[alias] = entity
        if entity.short:
            shorts.setdefault(entity.short, []).append(entity)
    return names, lower_aliases, {k: tuple(v) for k, v in shorts.items()}


def _holders(published: date) -> tuple[tuple[str, str, str, str], ...]:
    """(person, short, office, state) for every office held on the publish date."""
    return tuple(
        (person["name"], person.get("short", ""), office["office"], office["state"])
        for person in _load("people.yaml")["people"]
        for office in person.get("offices", [])
        if _holds(office, published)
    )


@lru_cache(maxsize=32)
def _roles(
    holders: tuple[tuple[str, str, str, str], ...],
) -> tuple[dict[str, Entity], re.Pattern[str]]:
    """Role phrases ("the Russian leader", "US President") naming the holders given."""
    demonyms = {s["name"]: s["demonym"] for s in _load("states.yaml")["states"]}
    roles: dict[str, Entity] = dict(_fixed()[1])
    leaders: dict[str, Entity] = {}
    for name, short, office, state in holders:
        entity = Entity(name, PERSON, short=short)
        for phrase in _office_phrases(office, state, demonyms):
            roles[phrase.lower()] = entity
        if office == "leader" or (office in _LEADER_OFFICES and state not in leaders):
            leaders[state] = entity
    for state, entity in leaders.items():
        for phrase in _office_phrases("leader", state, demonyms):
            roles[phrase.lower()] = entity
    return roles, _alternation(roles, flags=re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    titles = _load("cues.yaml")["person_titles"]
    person = re.compile(
        r"\b(?:" + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)) + r")"
        r"\s+(?P<name>[A-Z][\w'’.-]*[a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*[a-z][\w'’-]*){0,3})"
    )
    return _alternation(_fixed()[0], flags=0), person


@lru_cache(maxsize=256)
def gazetteer(published: date) -> Gazetteer:
    """The gazetteer as it stands on the publish date (offices change hands)."""
    names, _, shorts = _fixed()
    roles, roles_pattern = _roles(_holders(published))
    names_pattern, person_pattern = _patterns()
    return Gazetteer(
        names=names,
        roles=roles,
        shorts=shorts,
        names_pattern=names_pattern,
        roles_pattern=roles_pattern,
        person_pattern=person_pattern,
    )


def _office_phrases(office: str, state: str, demonyms: dict[str, str]) -> list[str]:
    demonym = demonyms.get(state, state)
    return [
        f"{demonym} {office}",
        f"{state}'s {office}",
        f"{state}’s {office}",
        f"{office} of {state}",
    ]


def _alternation(aliases: dict[str, Entity], flags: int) -> re.Pattern[str]:
    ordered = sorted(aliases, key=len, reverse=True)
    body = "|".join(re.escape(alias) for alias in ordered)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", flags)


def actor_name(entity: Entity) -> str:
    """The name an actor goes by on the timeline: capitals act for their state."""
    return entity.state if entity.kind == CAPITAL else entity.name


_ANY_DAY = date(2000, 1, 1)


def is_person(name: str) -> bool:
    """Whether an actor name names a person: a known person, or capitalised words unknown as a
    state, body or place ("Choe Ju Hyun" yes; "North Korea", "Spy agency" no)."""
    known = gazetteer(_ANY_DAY).names.get(name)
    if known is not None:
        return known.kind == PERSON
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() for w in words if w[0].isalpha())


def warm() -> None:
    """Read the gazetteers now, as naming actors and places reads them (a build: while its
    workers extract, so that merging what they give starts sooner)."""
    gazetteer(_ANY_DAY)
    _by_demonym()


def is_known(name: str) -> bool:
    """Whether an actor name is in the gazetteers (a state, body, place or person we know)."""
    return name in gazetteer(_ANY_DAY).names or name in {
        e.name for e in gazetteer(_ANY_DAY).names.values()
    }


def aliases_of(name: str) -> tuple[str, ...]:
    """Every name the gazetteers give a canonical name ("National Intelligence Service" ->
    "NIS", "South Korean intelligence agency", ...), the name itself first."""
    names, lower_aliases, _ = _fixed()
    found = [
        alias for alias, entity in [*names.items(), *lower_aliases.items()] if entity.name == name
    ]
    return (name, *sorted(a for a in found if a != name))


def places_overlap(first: str, second: str) -> bool:
    """Whether two places can name where one happening was: the same place, or one lies in the
    other ("Pyongyang" and "North Korea"); unknown places overlap only when equal."""
    if first == second:
        return True
    return _container(first) == second or _container(second) == first


def _container(place: str) -> str:
    """The state a capital or place lies in, "" when unknown; a place its state's people name
    ("Pakistani Kashmir") lies in that state."""
    entity = _fixed()[0].get(place)
    if entity is not None and entity.kind in (CAPITAL, PLACE):
        return entity.state
    first, _, rest = place.partition(" ")
    return _by_demonym().get(first, "") if rest else ""


@lru_cache(maxsize=1)
def _by_demonym() -> dict[str, str]:
    return {s["demonym"]: s["name"] for s in _load("states.yaml")["states"]}
