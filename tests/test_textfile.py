"""A text file's bytes as text: UTF-8, the one decoder for articles, events.yaml and `tag` files."""

from __future__ import annotations

import pytest

from timeline.textfile import NotUtf8, decode_text


def test_utf8_bytes_are_their_text() -> None:
    assert decode_text("Kim\u2019s visit, 4 June\n".encode()) == "Kim\u2019s visit, 4 June\n"


def test_a_byte_order_mark_at_the_start_is_dropped() -> None:
    assert decode_text(b"\xef\xbb\xbfpublished: 2025-06-05\n") == "published: 2025-06-05\n"


def test_newlines_are_kept_as_written() -> None:
    assert decode_text(b"one\r\ntwo\rthree\n") == "one\r\ntwo\rthree\n"


def test_a_byte_that_is_not_utf8_is_named_with_its_line_and_what_it_likely_meant() -> None:
    with pytest.raises(NotUtf8) as refused:
        decode_text("title: Kim\nKim\u2019s visit\n".encode("cp1252"))
    assert refused.value.line == 2
    assert str(refused.value) == (
        "not UTF-8 text (byte 14 is 0x92, likely '\u2019' saved as Windows-1252 or Latin-1); "
        "save the file as UTF-8 (in your editor: Save As, encoding UTF-8)"
    )


def test_a_byte_with_no_printable_meaning_is_named_without_a_guess() -> None:
    with pytest.raises(NotUtf8) as refused:
        decode_text(b"one\ntwo\nthree \x81\n")
    assert refused.value.line == 3
    assert str(refused.value) == (
        "not UTF-8 text (byte 14 is 0x81); save the file as UTF-8 "
        "(in your editor: Save As, encoding UTF-8)"
    )


def test_a_utf8_sequence_cut_short_is_not_utf8() -> None:
    with pytest.raises(NotUtf8) as refused:
        decode_text("caf\u00e9".encode()[:-1] + b"\n")
    assert refused.value.line == 1
    assert str(refused.value).startswith("not UTF-8 text (byte 3 is 0xc3,")
