"""An article's passages as extraction reads them: the text parsed, its dateline blanked; the
time expressions, tagged over the whole main text as one, given back passage by passage; and a
parsed passage's sentences."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from timeline.events.datelines import without_dateline
from timeline.model import MainText, Passage, Timex

Tagger = Callable[[str, date], list[Timex]]

_PASSAGE_BREAK = "\n\n"


def passage_texts(main: MainText) -> list[str]:
    """What is parsed of an article: its headline first (it names the story's people in full:
    "Sam Bankman-Fried's trial heads to closing arguments"), then the text of each passage, a
    dateline blanked ("KYIV, June 5 (Reuters) -")."""
    return [main.article.title, *(without_dateline(passage.text) for passage in main.passages)]


def tag_passages(tagger: Tagger, passages: Sequence[Passage], published: date) -> list[list[Timex]]:
    """Each passage's time expressions, offsets within the passage, tagged as one text: "at
    7:37 p.m." is the day the paragraph before set ("It was Thursday night ..."), not the
    publish date."""
    joined = _PASSAGE_BREAK.join(p.text for p in passages)
    timexes = tagger(joined, published)
    found: list[list[Timex]] = []
    start = 0
    for passage in passages:
        end = start + len(passage.text)
        found.append(
            [
                replace(t, start=t.start - start, end=t.end - start)
                for t in timexes
                if start <= t.start and t.end <= end
            ]
        )
        start = end + len(_PASSAGE_BREAK)
    return found


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, a split the parser made after an abbreviation or a bare name ("after
    PM | Modi's speech") joined again: a sentence ends on final punctuation."""
    found: list[Span] = []
    start = None
    for sentence in doc.sents:
        begin = sentence.start if start is None else start
        last = sentence.text.rstrip()
        if last and last[-1] not in ".!?\"”’')" and sentence.end < len(doc):
            start = begin
            continue
        found.append(doc[begin : sentence.end])
        start = None
    if start is not None:
        found.append(doc[start : len(doc)])
    return found
