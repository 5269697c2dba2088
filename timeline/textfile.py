"""A text file's bytes as text: UTF-8, the one encoding articles, events.yaml and the files
given to `tag` are read in.

Callers add the file's name, and the line the error gives, to the message."""

from __future__ import annotations


class NotUtf8(ValueError):
    """Bytes that are not UTF-8 text: the line of the first bad byte, and what to do."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def decode_text(raw: bytes) -> str:
    """`raw` as UTF-8 text, a byte-order mark at the start dropped and newlines as written;
    NotUtf8 names the first byte that is not UTF-8, and its 1-based line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = raw[error.start]
        meant = bytes([byte]).decode("cp1252", errors="ignore")  # the commonest other encoding
        hint = (
            f", likely {meant!r} saved as Windows-1252 or Latin-1"
            if meant and meant.isprintable()
            else ""
        )
        raise NotUtf8(
            raw[: error.start].count(b"\n") + 1,
            f"not UTF-8 text (byte {error.start} is 0x{byte:02x}{hint}); save the file as UTF-8 "
            "(in your editor: Save As, encoding UTF-8)",
        ) from None
