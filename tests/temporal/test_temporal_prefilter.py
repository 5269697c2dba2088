"""The scanner's shortcuts (pre-filter, trigger words) skip only what cannot match."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import TimelineError
from timeline.temporal import patterns, scanner
from timeline.temporal.prefilter import (
    Requirement,
    fold,
    holds,
    holds_all,
    occurrences,
    required,
)
from timeline.temporal.scanner import compiled
from timeline.temporal.vocabulary import rules, vocabulary

EXAMPLE_TEXTS = sorted(
    {e.text for rule in rules() for e in rule.examples} | {e.text for e in vocabulary().examples}
)


def _unmet(text: str) -> list[tuple[str, Requirement, str]]:
    """(rule or false friend, requirement, matched text) for every match lacking a string
    it requires."""
    folded = fold(text)
    scanned = [*(c.scan for c in compiled()), *patterns.false_friends()]
    return [
        (pattern.name, r, m[0])
        for pattern in scanned
        for m in pattern.regex.finditer(text)
        for r in pattern.requirements
        if not holds(occurrences(folded, r), r, m.start(), m.end())
    ]


def test_every_rule_example_match_holds_what_its_rule_requires() -> None:
    assert [bad for text in EXAMPLE_TEXTS for bad in _unmet(text)] == []


# Words of the rules and their look-alikes: case changes and the non-ASCII letters that
# match ASCII ones case-insensitively (İ, ı, ſ, the Kelvin sign).
_WORDS = sorted(
    {
        w
        for words in vocabulary().words.values()
        if isinstance(words, dict)
        for w in words
        if isinstance(w, str)
    }
    | {"ago", "from now", "Q3", "9/11/2001", "Theresa May", "May said", "$", "old"}
)
_SWAPS = {"i": ["I", "İ", "ı"], "s": ["S", "ſ"], "k": ["K", "\u212a"], "a": ["A"], "e": ["E"]}


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.sampled_from(_WORDS + ["1999", "12", "3", ",", "-", "the"]), min_size=1, max_size=8
        )
    )
    text = " ".join(parts)
    return "".join(draw(st.sampled_from([c, *_SWAPS.get(c, [])])) for c in text)


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_every_match_in_any_text_holds_what_its_rule_requires(text: str) -> None:
    assert _unmet(text) == []


def test_folding_keeps_offsets() -> None:
    text = "İstanbul ſeptember \u212aIEV Mai"
    assert len(fold(text)) == len(text)
    assert fold(text) == "istanbul september kiev mai"


@pytest.mark.parametrize(
    ("pattern", "strings"),
    [
        (r"(?:from\s+now|hence)", {"hence", "from"}),
        (r"(?-i:Q)(?P<n>[1-4])", {"q1", "q2", "q3", "q4"}),
        (r"\d+/\d+/\d{4}", {"/"}),
    ],
)
def test_required_strings_are_read_from_the_pattern(pattern: str, strings: set[str]) -> None:
    assert strings in [set(r.strings) for r in required(pattern, re.IGNORECASE)]


def test_optional_parts_require_nothing() -> None:
    assert required(r"(?:quarter\s+)?\d+", re.IGNORECASE) == ()


@settings(max_examples=200, deadline=None)
@given(_texts())
def test_the_prefilter_changes_no_candidate(text: str) -> None:
    assert scanner.scan(text) == _unfiltered_scan(text)


def test_placeholders_read_once_require_what_the_expanded_patterns_require() -> None:
    for rule in compiled():
        expanded = required(rule.scan.regex.pattern, rule.scan.regex.flags)
        assert set(patterns.pattern_requirements(rule.rule.pattern, re.IGNORECASE)) == set(
            expanded
        ), rule.rule.name


_TOKEN = re.compile("[A-Za-z]+")


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_trigger_words_are_found_as_whole_ascii_words(text: str) -> None:
    wanted = scanner._all_triggers()
    expected: dict[str, list[int]] = {}
    for token in _TOKEN.finditer(text):
        word = token[0].lower()
        if word in wanted:
            expected.setdefault(word, []).append(token.start())
        if word[-1] == "s" and word[:-1] in wanted:
            expected.setdefault(word[:-1], []).append(token.start())
    found = scanner._trigger_positions(text)
    assert {k: v for k, v in found.items() if not k.startswith("<")} == expected


def _unfiltered_scan(text: str) -> list[scanner.Candidate]:
    unfiltered = tuple(replace(c, scan=replace(c.scan, required=())) for c in compiled())
    friends = tuple(replace(friend, required=()) for friend in patterns.false_friends())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scanner, "compiled", lambda: unfiltered)
        patch.setattr(scanner, "false_friends", lambda: friends)
        return scanner.scan(text)


# The rule examples run together, a few at a time: texts longer than a window, dated often.
_RUNS = [" ".join(EXAMPLE_TEXTS[i : i + 6]) for i in range(0, len(EXAMPLE_TEXTS), 3)]


@pytest.mark.parametrize("text", _RUNS, ids=range(len(_RUNS)))
def test_the_prefilter_changes_no_candidate_in_the_rule_examples(text: str) -> None:
    assert scanner.scan(text) == _unfiltered_scan(text)


@given(
    st.lists(st.integers(0, 60), max_size=6).map(sorted),
    st.integers(0, 60),
    st.integers(0, 30),
    st.integers(1, 4),
)
def test_holds_all_agrees_with_holds(
    starts: list[int], start: int, width: int, shortest: int
) -> None:
    requirement = Requirement(frozenset({"x" * shortest}), shortest)
    assert holds_all([(starts, shortest)], start, start + width) == holds(
        starts, requirement, start, start + width
    )


def test_a_bad_rule_pattern_names_its_rule_when_first_compiled() -> None:
    pattern = patterns.scan_pattern("temporal rule 'bad'", "*june", re.IGNORECASE, word_edges=True)
    with pytest.raises(
        TimelineError, match=r"temporal rule 'bad': bad pattern \(nothing to repeat"
    ):
        pattern.regex  # noqa: B018


def test_rules_and_false_friends_are_read_alike_but_for_case_and_word_edges() -> None:
    written = r"(?:last|past)\s+{unit}"
    rule = patterns.scan_pattern("a rule", written, re.IGNORECASE, word_edges=True)
    friend = patterns.scan_pattern("a false friend", written, 0, word_edges=False)
    assert rule.triggers == friend.triggers == frozenset({"last", "past"})
    assert rule.pattern == rf"(?<![\w])(?:{friend.pattern})(?![\w])"
    assert "{unit}" not in friend.pattern and "(?P<unit>" in friend.pattern
    assert rule.regex.search("in the Past week") and not friend.regex.search("in the Past week")


def test_an_optional_character_inside_a_run_gives_both_strings() -> None:
    assert [set(r.strings) for r in required(r"\d0'?s", re.IGNORECASE)] == [{"0s", "0's"}]


def test_a_run_that_may_read_nothing_requires_nothing() -> None:
    assert required(r"(?:ab)?c?", re.IGNORECASE) == ()
