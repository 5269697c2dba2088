"""Phase one: find candidate temporal expressions with precompiled regexes built from the rules."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, cached_property

from timeline.model import TimelineError
from timeline.temporal import values as v
from timeline.temporal.builders import build
from timeline.temporal.prefilter import Requirement, fold, holds_all, implied, occurrences, required
from timeline.temporal.triggers import DIGITS, STOPWORDS, TOKEN, YEARS, cover, token_key
from timeline.temporal.values import Modified, Temporal

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
from timeline.temporal.vocabulary import Rule, alternation, rules, vocabulary

# Placeholders a rule pattern may use, as {kind} or {kind:group_name}.
_NUMBER = (
    r"(?:\d+(?:\.\d+)?(?:\s+1/2|\s?[½¼¾])?"
    r"|(?:(?:{number_tens})[\s\-]+(?:{number_ones})|{numbers})(?:[\s\-]+and[\s\-]+a[\s\-]+half)?)"
)
_PLACEHOLDERS: dict[str, str] = {
    "month": "{months}",
    "weekday": "{weekdays}",
    "ordinal": "{ordinals}",
    "unit": "{units}",
    "season": "{seasons}",
    "holiday": "{holidays}",
    "decade_word": "{decade_words}",
    "part": "{parts_of_day}",
    "fuzzy": "{fuzzy}",
    "approx": "{approximators}",
    "bound": "{bounds}",
    "vague": "{vague_numbers}",
    "count": _NUMBER,
    "year": (
        r"(?<![\d$€£.,/])(?:1[5-9]|20)\d\d(?![\d,]\d|%|\.\d)"
        r"|nineteen[\s\-]+(?:{number_tens})(?:[\s\-]+(?:{number_ones}))?"
        r"|two[\s\-]+thousand(?:[\s\-]+(?:and[\s\-]+)?(?:{number_ones}))?"
    ),
    "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
}
_PLACEHOLDER = re.compile(r"\{(?P<kind>[a-z_]+)(?::(?P<name>[a-z_0-9]+))?\}")
_CAPITALISED = ("month", "weekday", "holiday")  # proper names: "may" the verb is not May the month


_WINDOW = 50  # no match reaches further than this from the word that triggered it
_NUMBERS = re.compile(r"\d+")


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
        raise TimelineError(
            f"unknown placeholder {{{kind}}} in a temporal rule; use one of "
            + ", ".join(sorted(_PLACEHOLDERS))
        )
    return f"(?P<{name}>{_body(kind)})"


@cache
def _body(kind: str) -> str:
    return re.sub(r"\{([a-z_]+)\}", lambda m: alternation(m[1]), _PLACEHOLDERS[kind])


# For the pre-filter, each placeholder stands as one private-use character, read once.
_MARKS = {kind: chr(0xE000 + i) for i, kind in enumerate(_PLACEHOLDERS)}


def _requirements(pattern: str) -> tuple[Requirement, ...]:
    """What every match of a rule pattern holds, its placeholders read once for all rules."""
    skeleton = _PLACEHOLDER.sub(lambda m: f"(?:{_MARKS[m['kind']]})", pattern)
    parts = {_MARKS[kind]: _body(kind) for kind in _PLACEHOLDERS}
    return required(skeleton, re.IGNORECASE, parts)


# Placeholders whose every match holds one of a few words: a year is four digits or starts
# "nineteen ..." or reads "two thousand ...".
_COVERS = {"year": frozenset({YEARS, "nineteen", "thousand"})}


@cache
def _placeholder_cover(kind: str) -> frozenset[str]:
    if kind in _COVERS:
        return _COVERS[kind]
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
    """A rule, its regex (compiled on first use) and the words that trigger trying it."""

    rule: Rule
    pattern: str  # placeholders expanded, bounded at word edges
    triggers: frozenset[str]
    # strings every match contains (prefilter.py); None: read from the pattern on first use
    required: tuple[Requirement, ...] | None = None

    @cached_property
    def requirements(self) -> tuple[Requirement, ...]:
        """The required strings a window around a trigger word does not already hold, read
        on first use: a short text never reads those of the rules its words do not trigger."""
        if self.required is not None:
            return self.required
        return _unimplied(_requirements(self.rule.pattern), self.triggers)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern: a text uses a quarter of the rules, so one text compiles few."""
        try:
            return re.compile(self.pattern, re.IGNORECASE)
        except re.error as error:
            raise TimelineError(
                f"temporal rule {self.rule.name!r}: bad pattern ({error})"
            ) from error


@cache
def compiled() -> tuple[CompiledRule, ...]:
    """Every rule's pattern with placeholders expanded and bounded at word edges, once."""
    result = []
    for rule in rules():
        pattern = rf"(?<![\w])(?:{_PLACEHOLDER.sub(_expand, rule.pattern)})(?![\w])"
        result.append(CompiledRule(rule, pattern, cover(rule.pattern, _placeholder_cover)))
    return tuple(result)


def compile_all() -> None:
    """Compile every rule's regex and read its requirements now (before forking workers that
    then share them)."""
    for rule in compiled():
        rule.regex  # noqa: B018 - compiled on first access
        rule.requirements  # noqa: B018 - read on first access


def _unimplied(found: tuple[Requirement, ...], triggers: frozenset[str]) -> tuple[Requirement, ...]:
    """The requirements a window around any trigger word does not already meet."""
    words = frozenset() if DIGITS in triggers or YEARS in triggers else triggers
    return tuple(r for r in found if not implied(r, words))


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
    friends = (triggers for _, triggers, _ in _false_friends())
    return frozenset().union(*(c.triggers for c in compiled()), *friends)


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


def _properly_capitalised(match: re.Match[str], shouting: bool) -> bool:
    if shouting:
        return True
    for kind in _CAPITALISED:
        word = match.groupdict().get(kind)
        if word is not None and not word[0].isupper():
            return False
    return True


Occurrences = dict[frozenset[str], list[int]]  # where required strings occur in a text


def _needs(
    required: tuple[Requirement, ...], folded: str, starts_of: Occurrences
) -> list[tuple[list[int], int]] | None:
    """Each requirement's occurrences and shortest length, for holds_all; None when one of
    them is missing from the whole text, so no match can exist. Found once per text."""
    needs = []
    for requirement in required:
        starts = starts_of.get(requirement.strings)
        if starts is None:
            starts = starts_of[requirement.strings] = occurrences(folded, requirement)
        if not starts:
            return None
        needs.append((starts, requirement.shortest))
    return needs


def _raw_candidates(
    text: str, positions: dict[str, list[int]], folded: str, starts_of: Occurrences
) -> Iterator[Candidate]:
    shouting = text.upper() == text
    length = len(text)
    present = positions.keys()
    windows_of: dict[frozenset[str], list[tuple[int, int]]] = {}  # rules often share triggers
    for compiled_rule in compiled():
        triggers = compiled_rule.triggers
        windows = windows_of.get(triggers)
        if windows is None:
            if not triggers:
                windows = [(0, length)]
            elif triggers.isdisjoint(present):
                windows = []  # the commonest case: no trigger word in the text
            else:
                windows = _windows(
                    [p for word in triggers & present for p in positions[word]], length
                )
            windows_of[triggers] = windows
        if not windows:
            continue
        needs = _needs(compiled_rule.requirements, folded, starts_of)
        if needs is None:
            continue  # a string every match holds is missing from the text
        rule = compiled_rule.rule
        for start, end in windows:
            if needs and not holds_all(needs, start, end):
                continue  # ... or from this window: no match here
            for match in compiled_rule.regex.finditer(text, start, end):
                if match.end() == end < length and text[end].isalnum():
                    continue  # cut by the window's edge, not at a word's end
                if not _properly_capitalised(match, shouting):
                    continue
                fields = {k: v for k, v in match.groupdict().items() if v is not None}
                value = build(rule, fields)
                if value is not None:
                    yield Candidate(match.start(), match.end(), value, rule.name, rule.priority)


FalseFriend = tuple[re.Pattern[str], frozenset[str], tuple[Requirement, ...]]


@cache
def _false_friends() -> tuple[FalseFriend, ...]:
    """Each false friend's regex, trigger words and required strings."""
    found = []
    for pattern in vocabulary().false_friends:
        triggers = cover(pattern, _placeholder_cover)
        found.append((re.compile(pattern), triggers, _unimplied(required(pattern, 0), triggers)))
    return tuple(found)


def _false_friend_spans(
    text: str, positions: dict[str, list[int]], folded: str, starts_of: Occurrences
) -> list[tuple[int, int]]:
    """Spans of false friends ("Theresa May", "6-year-old"), looked for near their trigger words."""
    spans: list[tuple[int, int]] = []
    for pattern, triggers, friend_requires in _false_friends():
        if not triggers:
            windows = [(0, len(text))]
        elif triggers.isdisjoint(positions.keys()):
            continue
        else:
            windows = _windows(
                [p for word in triggers & positions.keys() for p in positions[word]], len(text)
            )
        needs = _needs(friend_requires, folded, starts_of) if windows else None
        if needs is None:
            continue
        for start, end in windows:
            if not needs or holds_all(needs, start, end):
                spans.extend(m.span() for m in pattern.finditer(text, start, end))
    return spans


def scan(text: str) -> list[Candidate]:
    """Non-overlapping candidates in text order; the longest match wins, then the higher priority."""
    positions = _trigger_positions(text)
    folded = fold(text)
    starts_of: Occurrences = {}
    ranked = sorted(
        _raw_candidates(text, positions, folded, starts_of),
        key=lambda c: (-(c.end - c.start), -c.priority, c.start),
    )
    if not ranked:
        return []
    blocked = _false_friend_spans(text, positions, folded, starts_of)
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
    taken = _with_second_days(text, taken)
    return [_signalled(text, candidate) for candidate in sorted(taken, key=lambda c: c.start)]


@cache
def _second_day() -> re.Pattern[str]:
    joins = "|".join(
        map(re.escape, sorted(vocabulary().words["day_pair_joins"], key=len, reverse=True))
    )
    return re.compile(
        rf"\s*(?:{joins})\s*(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.:/,]\d)"
        r"(?:,?\s+(?P<year>(?:1[5-9]|20)\d\d)(?![\d%]))?"
        r"(?!\s*(?:%|percent|per\b|[ap]\.?m\b|million|billion|hours?\b|days?\b|weeks?\b"
        r"|months?\b|years?\b|minutes?\b|of\b|more\b|other|people\b|men\b|women\b|children\b))",
        re.IGNORECASE,
    )


@cache
def _first_day() -> re.Pattern[str]:
    joins = "|".join(
        map(re.escape, sorted(vocabulary().words["day_pair_joins"], key=len, reverse=True))
    )
    return re.compile(
        rf"(?<![\w$€£.,/])(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:{joins})\s*$",
        re.IGNORECASE,
    )


def _with_first_days(text: str, taken: list[Candidate]) -> list[Candidate]:
    """Adds the first day of "3-5 June" or "3 and 4 June" as a date of its own."""
    result = list(taken)
    for candidate in taken:
        value = candidate.value
        if not (
            isinstance(value, v.CalendarDate)
            and value.month
            and value.day
            and text[candidate.start].isdigit()
        ):
            continue
        found = _first_day().search(text, max(0, candidate.start - 12), candidate.start)
        if found is None or int(found["day"]) >= value.day:
            continue
        if any(other.start < found.end("day") and found.start() < other.end for other in result):
            continue
        first = replace(value, day=int(found["day"]), weekday=None)
        result.append(
            replace(candidate, start=found.start("day"), end=found.end("day"), value=first)
        )
    return result


def _with_second_days(text: str, taken: list[Candidate]) -> list[Candidate]:
    """Adds the second day of "April 24 and 25" or "June 3-5" as a date of its own; a year
    after it ("March 3 and 4, 2024") holds for both days."""
    result = _with_first_days(text, taken)
    for candidate in list(result):
        value = candidate.value
        if not (
            isinstance(value, v.CalendarDate) and value.month and value.day and value.year is None
        ):
            continue
        if text[candidate.start].isdigit():
            continue  # "3 June": a day-first date takes no second day after it
        found = _second_day().match(text, candidate.end)
        if found is None or int(found["day"]) <= value.day:
            continue
        end = found.end("year") if found["year"] else found.end("day")
        if any(
            other.start < end and found.start("day") < other.end
            for other in result
            if other is not candidate and not (found["year"] and other.start == found.start("year"))
        ):
            continue
        year = int(found["year"]) if found["year"] else None
        result = [other for other in result if not (year and other.start == found.start("year"))]
        if year:
            result = [
                replace(other, value=replace(value, year=year)) if other is candidate else other
                for other in result
            ]
        second = replace(value, day=int(found["day"]), weekday=None, year=year)
        result.append(replace(candidate, start=found.start("day"), end=end, value=second))
    return result


@cache
def _signal_before() -> re.Pattern[str]:
    words = sorted(vocabulary().words["signals"], key=len, reverse=True)
    return re.compile(
        r"(?<!\w)(?P<signal>" + "|".join(map(re.escape, words)) + r")\s+$", re.IGNORECASE
    )


def _signalled(text: str, candidate: Candidate) -> Candidate:
    """The candidate as an open interval when a signal precedes it ("since 2022")."""
    found = _signal_before().search(text, max(0, candidate.start - 20), candidate.start)
    if found is None or not isinstance(candidate.value, _DATED):
        return candidate
    mod = str(vocabulary().meaning("signals", found["signal"]))
    return replace(candidate, value=Modified(candidate.value, mod, so_far=True))
