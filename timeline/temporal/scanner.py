"""Phase one: find candidate temporal expressions with precompiled regexes built from the rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from timeline.model import TimelineError
from timeline.temporal.builders import build
from timeline.temporal.triggers import DIGITS, STOPWORDS, TOKEN, cover, token_key
from timeline.temporal.values import Temporal
from timeline.temporal.vocabulary import Rule, alternation, rules, vocabulary

# Placeholders a rule pattern may use, as {kind} or {kind:group_name}.
_NUMBER = (
    r"(?:\d+(?:\.\d+)?(?:\s+1/2)?"
    r"|(?:(?:{number_tens})[\s\-]+(?:{number_ones})|{numbers})(?:[\s\-]+and[\s\-]+a[\s\-]+half)?)"
)
_PLACEHOLDERS: dict[str, str] = {
    "month": "{months}",
    "weekday": "{weekdays}",
    "ordinal": "{ordinals}",
    "unit": "{units}",
    "season": "{seasons}",
    "part": "{parts_of_day}",
    "fuzzy": "{fuzzy}",
    "approx": "{approximators}",
    "vague": "{vague_numbers}",
    "count": _NUMBER,
    "year": r"(?<![\d$€£.,/])(?:1[5-9]|20)\d\d(?![\d,]\d|%|\.\d)",
    "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
}
_PLACEHOLDER = re.compile(r"\{(?P<kind>[a-z]+)(?::(?P<name>[a-z_0-9]+))?\}")
_CAPITALISED = ("month", "weekday")  # proper names: "may" the verb is not May the month


_WINDOW = 60  # no match reaches further than this from the word that triggered it


@dataclass(frozen=True)
class Candidate:
    """A matched expression and its typed, not yet resolved value."""

    start: int
    end: int
    value: Temporal
    rule: str
    priority: int


def _expand(match: re.Match[str]) -> str:
    kind, name = match["kind"], match["name"] or match["kind"]
    if kind not in _PLACEHOLDERS:
        raise TimelineError(f"unknown placeholder {{{kind}}} in a temporal rule; use one of "
                            + ", ".join(sorted(_PLACEHOLDERS)))
    body = _PLACEHOLDERS[kind]
    body = re.sub(r"\{([a-z_]+)\}", lambda m: alternation(m[1]), body)
    return f"(?P<{name}>{body})"


def _placeholder_cover(kind: str) -> frozenset[str]:
    body = _PLACEHOLDERS.get(kind, "")
    found = {DIGITS} if "\\d" in body else set()
    for word_class in re.findall(r"\{([a-z_]+)\}", body):
        for word in vocabulary().words[word_class]:
            tokens = [token_key(t) for t in TOKEN.findall(word)]
            useful = [t for t in tokens if t not in STOPWORDS] or tokens
            found.update(useful)
    return frozenset(found)


@dataclass(frozen=True)
class CompiledRule:
    """A rule, its compiled regex and the words that trigger trying it."""

    rule: Rule
    regex: re.Pattern[str]
    triggers: frozenset[str]


@cache
def compiled() -> tuple[CompiledRule, ...]:
    """Every rule's pattern with placeholders expanded, bounded at word edges, compiled once."""
    result = []
    for rule in rules():
        pattern = _PLACEHOLDER.sub(_expand, rule.pattern)
        try:
            regex = re.compile(rf"(?<![\w]){pattern}(?![\w])", re.IGNORECASE)
        except re.error as error:
            raise TimelineError(f"temporal rule {rule.name!r}: bad pattern ({error})") from error
        result.append(CompiledRule(rule, regex, cover(rule.pattern, _placeholder_cover)))
    return tuple(result)


def _windows(positions: list[int], length: int, text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger positions, ending at a non-word character."""
    merged: list[tuple[int, int]] = []
    for position in sorted(positions):
        start, end = max(0, position - _WINDOW), min(length, position + _WINDOW)
        while end < length and text[end].isalnum():
            end += 1
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _properly_capitalised(match: re.Match[str], shouting: bool) -> bool:
    if shouting:
        return True
    for kind in _CAPITALISED:
        word = match.groupdict().get(kind)
        if word is not None and not word[0].isupper():
            return False
    return True


def _raw_candidates(text: str) -> Iterator[Candidate]:
    shouting = text.upper() == text
    positions: dict[str, list[int]] = {}
    for token in TOKEN.finditer(text):
        positions.setdefault(token_key(token[0]), []).append(token.start())
    present = positions.keys()
    for compiled_rule in compiled():
        hits = [p for word in compiled_rule.triggers & present for p in positions[word]]
        if not hits:
            continue
        rule = compiled_rule.rule
        for start, end in _windows(hits, len(text), text):
            for match in compiled_rule.regex.finditer(text, start, end):
                if not _properly_capitalised(match, shouting):
                    continue
                fields = {k: v for k, v in match.groupdict().items() if v is not None}
                value = build(rule, fields)
                if value is not None:
                    yield Candidate(match.start(), match.end(), value, rule.name, rule.priority)


def _false_friend_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for p in vocabulary().false_friends for m in p.finditer(text)]


def scan(text: str) -> list[Candidate]:
    """Non-overlapping candidates in text order; the longest match wins, then the higher priority."""
    blocked = _false_friend_spans(text)
    ranked = sorted(
        _raw_candidates(text),
        key=lambda c: (-(c.end - c.start), -c.priority, c.start),
    )
    taken: list[Candidate] = []
    for candidate in ranked:
        if any(candidate.start < end and start < candidate.end for start, end in blocked):
            continue
        if any(candidate.start < t.end and t.start < candidate.end for t in taken):
            continue
        taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)
