"""Strings every match of a rule's regex contains, so the scanner skips windows without them.

Read from the regex parser's own tree, so the reading is exact: a literal run ("from now"),
a small class expanded ("q[1-4]"), a group, a repeat taken at least once, one string of each
branch of an alternation. Lookarounds, optional parts and wide classes require nothing. Text and
strings are compared case-folded (`fold`). A window lacking a required string cannot hold a
match, so skipping it changes no result; regex matching in windows that find nothing was most
of a batch's scanning time.
"""

from __future__ import annotations

import importlib
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

try:  # the regex parser of the standard library (re._parser since Python 3.11)
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - without it nothing is required and nothing skipped
    _parser = None

_MAX_EXPANSION = 16  # "q[1-4]" is four strings; a wider product ends the run instead
_MAX_CLASS = 6  # a class of more characters than this ends a run ("[a-z]" requires nothing)
_KEPT = 2  # requirements checked per rule: the rarest few
_WEAK = 3  # a requirement whose commonest string scores below this is not worth checking
_MAX_STRINGS = 12  # looking for more strings than this costs more than it saves
_FREQUENT = frozenset({"the", "and", "for", "was", "are", "has", "his", "her", "its", "not"})
# Characters outside ASCII that an ASCII letter matches case-insensitively (re.IGNORECASE):
# İ and ı match i, ſ matches s, the Kelvin sign matches k. Every other character folds as
# itself or its ASCII lowercase, one character for one, so offsets stay valid.
_FOLD = {
    **{ord(c): ord(c.lower()) for c in map(chr, range(65, 91))},
    0x130: ord("i"),
    0x131: ord("i"),
    0x17F: ord("s"),
    0x212A: ord("k"),
}


@dataclass(frozen=True)
class Requirement:
    """Every match contains one of these strings (case-folded)."""

    strings: frozenset[str]
    shortest: int = 0  # the length of the shortest string


def fold(text: str) -> str:
    """`text` with ASCII letters lowercased (and the few non-ASCII letters an ASCII letter
    matches case-insensitively folded to it); same length, same offsets."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def required(
    pattern: str, flags: int, parts: Mapping[str, str] | None = None
) -> tuple[Requirement, ...]:
    """The rarest few requirements of `pattern`: each holds for every match; () if none.

    `parts` maps a character to the sub-pattern it stands for in `pattern`, written as a group
    holding that one character: a sub-pattern shared by many patterns is read once."""
    atoms = {ord(char): _part(body, flags) for char, body in (parts or {}).items()}
    found = {
        Requirement(r, min(map(len, r)))
        for r in _read(pattern, flags, atoms)
        if _strength(r) >= _WEAK and len(r) <= _MAX_STRINGS
    }
    return tuple(sorted(found, key=lambda r: (-_strength(r.strings), sorted(r.strings)))[:_KEPT])


@cache
def _part(pattern: str, flags: int) -> frozenset[str] | None:
    return _best(_read(pattern, flags, {}))


def _read(
    pattern: str, flags: int, atoms: Mapping[int, frozenset[str] | None]
) -> list[frozenset[str]]:
    if _parser is None:
        return []
    try:
        tree = _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unreadable pattern simply gets no pre-filter
        return []
    return _sequence(tree, atoms)


def implied(requirement: Requirement, words: frozenset[str]) -> bool:
    """Whether every one of `words` holds a string of the requirement: a window around any
    of them then holds it too, and checking it would only cost time."""
    return bool(words) and all(any(s in word for s in requirement.strings) for word in words)


def occurrences(folded: str, requirement: Requirement) -> list[int]:
    """Every offset in `folded` where one of the requirement's strings starts, in order."""
    found = []
    for string in requirement.strings:
        at = folded.find(string)
        while at >= 0:
            found.append(at)
            at = folded.find(string, at + 1)
    return sorted(found)


def holds(starts: list[int], requirement: Requirement, start: int, end: int) -> bool:
    """Whether a string of `requirement` may lie within [start, end), given its `occurrences`;
    False only when none does."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] <= end - requirement.shortest


def holds_all(needs: list[tuple[list[int], int]], start: int, end: int) -> bool:
    """`holds` for several requirements at once, each given as (its occurrences, the length
    of its shortest string)."""
    for starts, shortest in needs:
        i = bisect_left(starts, start)
        if i == len(starts) or starts[i] > end - shortest:
            return False
    return True


def _strength(requirement: frozenset[str]) -> int:
    """How rare a requirement's commonest string is likely to be in news text."""
    return min(map(_rarity, requirement))


def _rarity(string: str) -> int:
    if string in _FREQUENT:
        return 0
    if len(string) == 1:
        return 9 if string in "/:" else 0  # "/" of a numeric date, ":" of a clock time
    if len(string) == 2:  # "q1", ":3" (of "10:30") yes; "th", "is" or the "19" of a year, no
        digit = any(c.isdigit() for c in string)
        if (digit and any(c.isalpha() for c in string)) or any(c in "/:" for c in string):
            return 9
        return 3 if digit and "-" in string else 1  # the "-0" of "2024-06-05": rarer than "20"
    return len(string)


def _best(requirements: list[frozenset[str]]) -> frozenset[str] | None:
    if not requirements:
        return None
    return max(requirements, key=lambda r: (_strength(r), -len(r)))


def _class_chars(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a small ASCII class, case-folded; None if it is wide or negated."""
    chars: set[str] = set()
    for op, av in items:
        if op is _parser.LITERAL and av < 128:
            chars.add(chr(av).lower())
        elif op is _parser.RANGE and av[1] < 128 and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


def _flat(items: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
    """The items of a sequence with groups opened up: a group's text lies between its
    neighbours' texts, so "(?-i:Q)[1-4]" reads as the run "q1" ... "q4"."""
    for op, av in items:
        if op is _parser.SUBPATTERN:
            yield from _flat(av[-1])
        elif op is _parser.ATOMIC_GROUP:
            yield from _flat(av)
        else:
            yield op, av


def _minimal(strings: Iterable[str]) -> frozenset[str]:
    """The strings none of the others is part of: a text holding "days" holds "day"."""
    unique = set(strings)
    return frozenset(s for s in unique if not any(o != s and o in s for o in unique))


def _optional_char(item: Any) -> set[str] | None:
    """For "x?" after a literal: "x" or nothing, as strings; None if x is no single char."""
    if len(item) != 1:
        return None
    op, av = item[0]
    if op is _parser.LITERAL:
        return {chr(av).lower(), ""} if av < 128 else None
    if op is _parser.IN:
        chars = _class_chars(av)
        return chars | {""} if chars is not None else None
    return None


def _lead(items: Iterable[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """The literal strings a branch starts with, and whether that is all of it; None if it
    starts with anything else."""
    run: set[str] = {""}
    for op, av in _flat(items):
        chars = None
        if op is _parser.LITERAL:
            chars = {chr(av).lower()} if av < 128 else None
        elif op is _parser.IN:
            chars = _class_chars(av)
        if chars is None or len(run) * len(chars) > _MAX_EXPANSION:
            return (run, False) if run != {""} else None
        run = {s + c for s in run for c in chars}
    return (run, True) if run != {""} else None


def _sequence(
    items: Iterable[tuple[Any, Any]], atoms: Mapping[int, frozenset[str] | None]
) -> list[frozenset[str]]:
    """Requirements of a sequence of parsed items, every one of which holds."""
    found: list[frozenset[str]] = []
    run: set[str] = {""}  # the literal strings the current run may read

    def close() -> None:
        nonlocal run
        if "" not in run:  # a run that may read nothing requires nothing
            found.append(_minimal(run))
        run = {""}

    for op, av in _flat(items):
        chars: set[str] | None = None
        if op is _parser.LITERAL and av in atoms:  # a sub-pattern read before
            close()
            if (atom := atoms[av]) is not None:
                found.append(atom)
            continue
        if op is _parser.LITERAL:
            chars = {chr(av).lower()} if av < 128 else None
        elif op is _parser.IN:
            chars = _class_chars(av)
        elif op is _parser.MAX_REPEAT and av[:2] == (0, 1) and run != {""}:
            chars = _optional_char(av[2])  # "0'?s" reads "0s" or "0's"
        if chars is not None:
            if len(run) * len(chars) > _MAX_EXPANSION:
                close()
            run = {s + c for s in run for c in chars}
            continue
        if op is _parser.BRANCH and run != {""}:  # "s" then "(?:eptember|ept|ep)": "sep"
            leads = [_lead(branch) for branch in av[1]]
            strings = {s for lead in leads if lead for s in lead[0]}
            if all(leads) and len(run) * len(strings) <= _MAX_EXPANSION:
                run = {r + s for r in run for s in strings}
                if not all(lead[1] for lead in leads if lead):
                    close()  # a branch goes on past its literal start: the run ends here
                continue
        close()
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                found.extend(_sequence(av[2], atoms))
        elif op is _parser.BRANCH:
            branches = [_best(_sequence(branch, atoms)) for branch in av[1]]
            if all(branches):
                found.append(_minimal(s for b in branches if b for s in b))
        # anything else (lookarounds, anchors, wide classes, back-references) requires nothing
    close()
    return found
