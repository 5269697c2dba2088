"""Rule and false-friend patterns made ready to scan with, by one reader (`scan_pattern`):
placeholders ({month}, {year}, ...) expanded into regexes, and what lets the scanner skip a
pattern: the words that trigger trying it (triggers.py) and the strings every match contains
(prefilter.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from timeline.model import TimelineError
from timeline.temporal.prefilter import Requirement, implied, required
from timeline.temporal.triggers import DIGITS, STOPWORDS, TOKEN, YEARS, cover, token_key
from timeline.temporal.vocabulary import PLACEHOLDER, Rule, alternation, rules, vocabulary

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


def pattern_requirements(pattern: str, flags: int) -> tuple[Requirement, ...]:
    """What every match of a pattern as written holds, its placeholders read once for all."""
    skeleton = PLACEHOLDER.sub(lambda m: f"(?:{_MARKS[m['kind']]})", pattern)
    parts = {_MARKS[kind]: _body(kind) for kind in _PLACEHOLDERS if _MARKS[kind] in skeleton}
    return required(skeleton, flags, parts)


# Placeholders whose every match holds one of a few words: a year is four digits or starts
# "nineteen ..." or reads "two thousand ...".
_COVERS = {"year": frozenset({YEARS, "nineteen", "thousand"})}


@cache
def placeholder_cover(kind: str) -> frozenset[str]:
    """Words one of which every match of the placeholder holds (its trigger words)."""
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
class ScanPattern:
    """A regex the scanner tries, a rule's or a false friend's, and what lets it skip trying
    it: the words that trigger it (triggers.py) and the strings every match holds
    (prefilter.py), both read from the pattern as written in the rule files."""

    name: str  # how an error names it: "temporal rule 'ago'"
    written: str  # as in the rule files: placeholders ({month}, ...) unexpanded
    pattern: str  # the regex tried: placeholders expanded (and bounded at word edges)
    flags: int
    triggers: frozenset[str]
    # strings every match contains; None: read from the pattern on first use
    required: tuple[Requirement, ...] | None = None

    @cached_property
    def requirements(self) -> tuple[Requirement, ...]:
        """The required strings a window around a trigger word does not already hold, read
        on first use: a short text never reads those of the rules its words do not trigger."""
        if self.required is not None:
            return self.required
        return unimplied(pattern_requirements(self.written, self.flags), self.triggers)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern: a text uses a quarter of the rules, so one text compiles few."""
        try:
            return re.compile(self.pattern, self.flags)
        except re.error as error:
            raise TimelineError(f"{self.name}: bad pattern ({error})") from error


def scan_pattern(name: str, written: str, flags: int, *, word_edges: bool) -> ScanPattern:
    """A pattern as written in the rule files made ready to scan with: its placeholders
    expanded, bounded at word edges when `word_edges`, and its trigger words read."""
    pattern = PLACEHOLDER.sub(_expand, written)
    if word_edges:
        pattern = rf"(?<![\w])(?:{pattern})(?![\w])"
    return ScanPattern(name, written, pattern, flags, cover(written, placeholder_cover))


@dataclass(frozen=True)
class CompiledRule:
    """A rule and its pattern made ready to scan with."""

    rule: Rule
    scan: ScanPattern


@cache
def compiled() -> tuple[CompiledRule, ...]:
    """Every rule's pattern, case-insensitive, placeholders expanded, bounded at word edges."""
    return tuple(
        CompiledRule(
            rule,
            scan_pattern(
                f"temporal rule {rule.name!r}", rule.pattern, re.IGNORECASE, word_edges=True
            ),
        )
        for rule in rules()
    )


@cache
def false_friends() -> tuple[ScanPattern, ...]:
    """Every false friend's pattern ("Theresa May", "6-year-old"), case as written."""
    return tuple(
        scan_pattern(f"false friend {written!r}", written, 0, word_edges=False)
        for written in vocabulary().false_friends
    )


def compile_all() -> None:
    """Compile every rule's and false friend's regex and read its requirements now (before
    forking workers that then share them)."""
    for pattern in (*(rule.scan for rule in compiled()), *false_friends()):
        pattern.regex  # noqa: B018 - compiled on first access
        pattern.requirements  # noqa: B018 - read on first access


def unimplied(found: tuple[Requirement, ...], triggers: frozenset[str]) -> tuple[Requirement, ...]:
    """The requirements a window around any trigger word does not already meet."""
    words = frozenset() if DIGITS in triggers or YEARS in triggers else triggers
    return tuple(r for r in found if not implied(r, words))
