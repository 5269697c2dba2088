"""Sentence splitting: abbreviations, initials and quotes stay inside their sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The U.S. envoy arrived. He met the king.", 2),
        ("Talks began on Dec. 3, 2024, in Geneva. They ended a day later.", 2),
        ("Donald J. Trump spoke. Reporters listened.", 2),
        ("Gen. Kim inspected the troops. 'We are ready,' he said.", 2),
        ("He said: 'It is over.' The crowd cheered.", 2),
        ("Sanctions hit the U.S. The market fell.", 2),
        ("Prices rose 2.5 percent. Analysts were surprised!", 2),
        ("No full stop at the end", 1),
    ],
)
def test_sentence_count(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


def test_sentences_keep_offsets_into_the_text() -> None:
    text = "  First one. Second one.  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


@given(st.text(alphabet="abc ABC.,'!?\n", max_size=120))
def test_sentences_never_overlap_and_always_index_the_text(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        previous_end = sentence.end
