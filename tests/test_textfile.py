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


@pytest.mark.parametrize(
    ("raw", "line", "byte"),
    [
        # Windows-1252's curly apostrophe: the byte is named with the character it likely meant
        ("title: Kim\nKim\u2019s visit\n".encode("cp1252"), 2, "byte 14 is 0x92, likely '\u2019'"),
        ("Caf\u00e9 society\n".encode("latin-1"), 1, "byte 3 is 0xe9, likely '\u00e9'"),
        # a byte with no printable meaning in Windows-1252 is named without a guess
        (b"one\ntwo\nthree \x81\n", 3, "byte 14 is 0x81)"),
    ],
)
def test_a_byte_that_is_not_utf8_is_named_with_its_line(raw: bytes, line: int, byte: str) -> None:
    with pytest.raises(NotUtf8) as refused:
        decode_text(raw)
    assert refused.value.line == line
    assert str(refused.value).startswith(f"not UTF-8 text ({byte}")
    assert str(refused.value).endswith(
        "; save the file as UTF-8 (in your editor: Save As, encoding UTF-8)"
    )


def test_a_utf8_sequence_cut_short_is_not_utf8() -> None:
    with pytest.raises(NotUtf8) as refused:
        decode_text("caf\u00e9".encode()[:-1] + b"\n")
    assert refused.value.line == 1
    assert str(refused.value).startswith("not UTF-8 text (byte 3 is 0xc3,")
