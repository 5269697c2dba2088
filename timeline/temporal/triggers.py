"""Which words a rule's every match must contain, so the scanner only tries it near them.

A small reader over a rule's unexpanded pattern: optional parts are skipped, a sequence needs
only its cheapest required part, an alternation needs one of its branches. Regex matching is
the hot path; trying ~80 rules only around their trigger words keeps batches fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.temporal.vocabulary import PLACEHOLDER

DIGITS = "<digits>"  # any number in the text
YEARS = "<years>"  # a number that may be a year (1500-2099): far rarer than numbers in news
TOKEN = re.compile(r"[^\W\d_]+|\d+")
STOPWORDS = frozenset({"the", "of", "and", "a", "an", "on", "at", "in", "to", "for", "s", "by"})
# Words too frequent to trigger on when a sequence offers anything rarer.
_COMMON = frozenset(
    {
        "this",
        "that",
        "last",
        "next",
        "one",
        "some",
        "over",
        "first",
        "second",
        "day",
        "days",
        "about",
        "under",
        "may",
        "early",
        "late",
        "end",
        "past",
    }
)

Cover = frozenset[str]
_QUANTIFIER = re.compile(r"[?*]|\{0,?\d*\}")


def token_key(token: str) -> str:
    """How a text token is looked up among triggers: lowercased, any number as DIGITS."""
    return DIGITS if token[0].isdigit() else token.lower()


def _cost(cover: Cover) -> int:
    return (
        len(cover)
        + 100 * (DIGITS in cover)
        + 10 * (YEARS in cover)
        + 25 * len(cover & _COMMON)
        + 100 * (not cover)
    )


def _closing(pattern: str, start: int) -> int:
    """Index just after the group or class opening at `start`."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = pattern.index("]", i + 2 if pattern[i + 1] == "]" else i + 1) + 1
            if depth == 0:
                return i
            continue
        depth += char == "("
        depth -= char == ")"
        i += 1
        if depth == 0:
            return i
    raise ValueError(f"unbalanced pattern: {pattern!r}")


def _split_alternatives(pattern: str) -> list[str]:
    parts, depth, last, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _closing(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
        i += 1
    parts.append(pattern[last:])
    return parts


def cover(pattern: str, placeholder: Callable[[str], Cover]) -> Cover:
    """Tokens one of which every match of `pattern` contains (placeholders via `placeholder`)."""
    branches = [_sequence_cover(branch, placeholder) for branch in _split_alternatives(pattern)]
    if not all(branches):
        return frozenset()  # a branch needs no particular word: no pre-filter possible
    return frozenset().union(*branches)


def _sequence_cover(pattern: str, placeholder: Callable[[str], Cover]) -> Cover:
    required: list[Cover] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        element: Cover | None = None
        if char == "(":
            end = _closing(pattern, i)
            inner = pattern[i + 1 : end - 1]
            if inner.startswith(("?<=", "?<!", "?=", "?!")):
                i = end
                continue
            inner = re.sub(r"^\?(?::|P<[a-z_0-9]+>)", "", inner)
            element, i = cover(inner, placeholder), end
        elif char == "{" and (found := PLACEHOLDER.match(pattern, i)):
            element, i = placeholder(found["kind"]), found.end()
        elif char == "\\":
            element = frozenset({DIGITS}) if pattern[i + 1] == "d" else None
            i += 2
        elif char == "[":
            i = _closing(pattern, i)
        elif char.isalnum():
            word = re.match(r"[A-Za-z0-9]+", pattern[i:])
            assert word is not None
            text = word[0]
            i += len(text)
            if _QUANTIFIER.match(pattern, i):  # "quarters?": the quantifier takes the last letter
                text = text[:-1]
            # A single letter ("m" of "p.m.") may be glued to other letters in text ("2pm"), and
            # so may letters right after a class or group ("[Tt]he").
            glued = i - len(word[0]) > 0 and pattern[i - len(word[0]) - 1] in "])}"
            useful = len(text) > 1 and text.lower() not in STOPWORDS and not glued
            if useful:
                required.append(frozenset({token_key(text)}))
            continue
        else:
            i += 1
        quantified = _QUANTIFIER.match(pattern, i)
        if quantified:
            i = quantified.end()
            if quantified[0] != "+":
                continue  # optional: a match need not contain it
        if element:
            required.append(element)
    return min(required, key=_cost) if required else frozenset()
