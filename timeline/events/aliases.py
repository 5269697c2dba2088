"""One person, one name across articles: "Jenni Hermoso" in one article and "Jennifer Hermoso"
in another are one woman, so merge sees the same person in both. Names are variants when they
have the same surname and the same number of words, and one first name begins the other
("Jenni", "Jennifer"; "Sam", "Samuel"). A group of variants takes the name told most often.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from timeline.events.gazetteers import is_person
from timeline.model import Event

_SHORTEST_FIRST_NAME = 3  # "Al" begins too many names to say it is "Alan"


def one_name_each(events: Sequence[Event]) -> list[Event]:
    """The events with each person named by the name told most often among its variants."""
    told = Counter(a for e in events for a in dict.fromkeys(e.actors) if is_person(a))
    chosen = _chosen_names(told)
    if not chosen:
        return list(events)
    renamed = []
    for event in events:
        actors = tuple(dict.fromkeys(chosen.get(a, a) for a in event.actors))
        renamed.append(replace(event, actors=actors) if actors != event.actors else event)
    return renamed


def _chosen_names(told: Counter[str]) -> dict[str, str]:
    """Each name that has a variant told more often (then longer, then first in the
    alphabet) -> that variant."""
    by_surname: defaultdict[tuple[str, int], list[str]] = defaultdict(list)
    for name in sorted(told):
        words = name.split()
        by_surname[(words[-1], len(words))].append(name)
    chosen: dict[str, str] = {}
    for names in by_surname.values():
        for name in names:
            variants = [other for other in names if _variants(name, other)]
            best = min([name, *variants], key=lambda n: (-told[n], -len(n), n))
            if best != name:
                chosen[name] = best
    return chosen


def _variants(one: str, other: str) -> bool:
    """ "Jenni Hermoso", "Jennifer Hermoso": one first name begins the other; the rest alike."""
    first, *rest = one.split()
    second, *others = other.split()
    if one == other or rest != others:
        return False
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) >= _SHORTEST_FIRST_NAME and longer.startswith(shorter)
