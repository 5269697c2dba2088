"""Sentence splitting with offsets: news prose, abbreviations, initials and quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words whose trailing period never ends a sentence on its own (case-folded, without the dot).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "rev",
        "hon",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "corp",
        "ltd",
        "co",
        "dept",
        "univ",
        "est",
        "approx",
        "fig",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
    ]
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"""[.!?]+['"’”)\]]*(?=\s+)""")
_NEXT_START = re.compile(r"""\s+(?P<first>['"‘“(\[]*[A-Z0-9])""")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a passage; start/end index the passage text (end exclusive)."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split running text into sentences, keeping "U.S.", "Dec. 3", "Kim J. Un" together."""
    sentences: list[Sentence] = []
    start = _skip_space(text, 0)
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.end()
        if end <= start or not _ends_sentence(text, boundary.start(), end):
            continue
        sentences.append(Sentence(start, end, text[start:end]))
        start = _skip_space(text, end)
    if start < len(text.rstrip()):
        end = len(text.rstrip())
        sentences.append(Sentence(start, end, text[start:end]))
    return sentences


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    """Whether the punctuation at dot..end closes a sentence."""
    following = _NEXT_START.match(text, end)
    if following is None:  # next word starts lower case: "Dec. 3" handled below, "etc. and" here
        return False
    if text[dot] != ".":
        return True
    word = re.search(r"(\S+)$", text[:dot])
    token = word.group(1).lstrip("'\"‘“([").lower() if word else ""
    if token in ABBREVIATIONS:
        # "Dec. 3" or "Gen. Kim" continue; "the U.S. It said" ends when the next word is a
        # capitalised function word, which abbreviations rarely precede.
        return token.replace(".", "") in {"us", "uk", "un", "usa"} and _starts_clause(
            text, following.start("first")
        )
    return not (len(token) == 1 and token.isalpha())  # an initial: "Donald J. Trump"


_CLAUSE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "in",
        "on",
        "at",
        "after",
        "before",
        "its",
        "his",
        "her",
        "their",
        "there",
        "however",
        "meanwhile",
    ]
)


def _starts_clause(text: str, index: int) -> bool:
    word = re.match(r"[A-Za-z]+", text[index:])
    return word is not None and word.group(0).lower() in _CLAUSE_STARTERS
