"""Phase one: find candidate temporal expressions with the rules' regexes (patterns.py), tried
only near their trigger words; the longest match wins, false friends are left out, day pairs
(day_pairs.py) and signals ("since 2022") are read around what was found."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from timeline.temporal import values as v
from timeline.temporal.builders import build
from timeline.temporal.day_pairs import with_day_pairs
from timeline.temporal.patterns import ScanPattern, compile_all, compiled, false_friends
from timeline.temporal.prefilter import Requirement, fold, holds_all, occurrences
from timeline.temporal.triggers import DIGITS, YEARS
from timeline.temporal.values import Candidate, Modified
from timeline.temporal.vocabulary import vocabulary

__all__ = ["Candidate", "compile_all", "compiled", "scan"]

_WINDOW = 50  # no match reaches further than this from the word that triggered it
_NUMBERS = re.compile(r"\d+")


def _windows(positions: list[int], length: int) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger positions."""
    merged: list[tuple[int, int]] = []
    for position in sorted(positions):
        start, end = max(0, position - _WINDOW), min(length, position + _WINDOW)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


@cache
def _all_triggers() -> frozenset[str]:
    friends = (friend.triggers for friend in false_friends())
    return frozenset().union(*(c.scan.triggers for c in compiled()), *friends)


def _trie(words: list[str]) -> str:
    """A regex alternation of `words` with common prefixes shared (quicker to try than a flat
    list of hundreds of words); it matches exactly the same strings."""
    if not words:
        return "(?!)"
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[:1], []).append(word[1:])
    branches = []
    for head in sorted(heads):
        tails = heads[head]
        rest = [t for t in tails if t]
        inner = _trie(rest) if rest else ""
        if rest and len(rest) < len(tails):
            inner = f"(?:{inner})?"  # the head alone is a word too
        branches.append(re.escape(head) + inner)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@cache
def _trigger_words() -> re.Pattern[str]:
    """Every whole [A-Za-z] run (as ASCII-lowercased) that is a trigger word, or one plus "s"."""
    words = sorted(w for w in _all_triggers() if re.fullmatch("[a-z]+", w))
    return re.compile(rf"(?<![a-z]){_trie(words)}s?(?![a-z])")


_ASCII_LOWER = {code: code + 32 for code in range(65, 91)}


def _trigger_positions(text: str) -> dict[str, list[int]]:
    """Where each trigger word (plurals also as their singular) and any number occur."""
    wanted = _all_triggers()
    numbers = list(_NUMBERS.finditer(text))
    positions: dict[str, list[int]] = {
        DIGITS: [m.start() for m in numbers],
        YEARS: [m.start() for m in numbers if len(m[0]) == 4 and "1500" <= m[0] < "2100"],
    }
    # Words are runs of ASCII letters, lowercased; only A-Z are lowered, so offsets hold ("İ").
    lowered = text.lower() if text.isascii() else text.translate(_ASCII_LOWER)
    for token in _trigger_words().finditer(lowered):
        word = token[0]
        if word in wanted:
            positions.setdefault(word, []).append(token.start())
        if word[-1] == "s" and word[:-1] in wanted:  # "Sundays", "years"
            positions.setdefault(word[:-1], []).append(token.start())
    return positions


_CAPITALISED = ("month", "weekday", "holiday")  # proper names: "may" the verb is not May the month


def _properly_capitalised(match: re.Match[str], shouting: bool) -> bool:
    if shouting:
        return True
    for kind in _CAPITALISED:
        word = match.groupdict().get(kind)
        if word is not None and not word[0].isupper():
            return False
    return True


Occurrences = dict[frozenset[str], list[int]]  # where required strings occur in a text
Window = tuple[int, int]


@dataclass(frozen=True)
class _Scanning:
    """One text being scanned, and what is found in it once for every pattern: where its
    trigger words are, where required strings are, the windows around each set of triggers."""

    text: str
    positions: dict[str, list[int]]
    folded: str
    starts_of: Occurrences = field(default_factory=dict)
    windows_of: dict[frozenset[str], list[Window]] = field(default_factory=dict)

    def windows(self, pattern: ScanPattern) -> list[Window]:
        """Where `pattern` may match: around its trigger words (anywhere when it has none),
        in windows holding every string it requires."""
        windows = self._around(pattern.triggers)
        if not windows:
            return []
        needs = self._needs(pattern.requirements)
        if needs is None:
            return []  # a string every match holds is missing from the text
        return [window for window in windows if not needs or holds_all(needs, *window)]

    def _around(self, triggers: frozenset[str]) -> list[Window]:
        windows = self.windows_of.get(triggers)  # patterns often share triggers
        if windows is None:
            present = self.positions.keys()
            if not triggers:
                windows = [(0, len(self.text))]
            elif triggers.isdisjoint(present):
                windows = []  # the commonest case: no trigger word in the text
            else:
                at = [p for word in triggers & present for p in self.positions[word]]
                windows = _windows(at, len(self.text))
            self.windows_of[triggers] = windows
        return windows

    def _needs(self, required: tuple[Requirement, ...]) -> list[tuple[list[int], int]] | None:
        """Each requirement's occurrences and shortest length, for holds_all; None when one of
        them is missing from the whole text, so no match can exist. Found once per text."""
        needs = []
        for requirement in required:
            starts = self.starts_of.get(requirement.strings)
            if starts is None:
                starts = self.starts_of[requirement.strings] = occurrences(self.folded, requirement)
            if not starts:
                return None
            needs.append((starts, requirement.shortest))
        return needs


def _raw_candidates(scanning: _Scanning) -> Iterator[Candidate]:
    text = scanning.text
    shouting = text.upper() == text
    length = len(text)
    for compiled_rule in compiled():
        rule = compiled_rule.rule
        regex = compiled_rule.scan.regex
        for start, end in scanning.windows(compiled_rule.scan):
            for match in regex.finditer(text, start, end):
                if match.end() == end < length and text[end].isalnum():
                    continue  # cut by the window's edge, not at a word's end
                if not _properly_capitalised(match, shouting):
                    continue
                fields = {k: v for k, v in match.groupdict().items() if v is not None}
                value = build(rule, fields)
                if value is not None:
                    yield Candidate(match.start(), match.end(), value, rule.name, rule.priority)


def _false_friend_spans(scanning: _Scanning) -> list[Window]:
    """Spans of false friends ("Theresa May", "6-year-old"), looked for near their trigger words."""
    return [
        match.span()
        for friend in false_friends()
        for start, end in scanning.windows(friend)
        for match in friend.regex.finditer(scanning.text, start, end)
    ]


def scan(text: str) -> list[Candidate]:
    """Non-overlapping candidates in text order; the longest match wins, then the higher priority."""
    scanning = _Scanning(text, _trigger_positions(text), fold(text))
    ranked = sorted(
        _raw_candidates(scanning),
        key=lambda c: (-(c.end - c.start), -c.priority, c.start),
    )
    if not ranked:
        return []
    blocked = _false_friend_spans(scanning)
    taken: list[Candidate] = []
    starts: list[int] = []  # the taken spans, which never overlap, by start (ends in step)
    ends: list[int] = []
    for candidate in ranked:
        # spans are disjoint: only the last one starting before our end can reach into ours
        before = bisect_left(starts, candidate.end) - 1
        if before >= 0 and ends[before] > candidate.start:
            continue
        if blocked and any(
            candidate.start < end and start < candidate.end for start, end in blocked
        ):
            continue
        taken.append(candidate)
        at = bisect_left(starts, candidate.start)
        starts.insert(at, candidate.start)
        ends.insert(at, candidate.end)
    taken = with_day_pairs(text, taken)
    return [_signalled(text, candidate) for candidate in sorted(taken, key=lambda c: c.start)]


@cache
def _signal_before() -> re.Pattern[str]:
    words = sorted(vocabulary().words["signals"], key=len, reverse=True)
    return re.compile(
        r"(?<!\w)(?P<signal>" + "|".join(map(re.escape, words)) + r")\s+$", re.IGNORECASE
    )


# Values that name a stretch of calendar a signal like "since" can open up.
_DATED = (
    v.CalendarDate,
    v.Weekday,
    v.Relative,
    v.Shift,
    v.MonthOfRelativeYear,
    v.Period,
    v.Decade,
    v.Holiday,
    v.Modified,
    v.PeriodOf,
    v.Weekend,
)


def _signalled(text: str, candidate: Candidate) -> Candidate:
    """The candidate as an open interval when a signal precedes it ("since 2022")."""
    found = _signal_before().search(text, max(0, candidate.start - 20), candidate.start)
    if found is None or not isinstance(candidate.value, _DATED):
        return candidate
    mod = str(vocabulary().meaning("signals", found["signal"]))
    return replace(candidate, value=Modified(candidate.value, mod, so_far=True))
