"""events.yaml and the tool's base snapshot as a build parsed or wrote them, by a digest of the
text: a build hands them to the next in its memo (timeline.memo), so a file no one changed since
is not parsed again, and a file someone changed (a hand edit) is, as it always was."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from timeline.store.reconcile import Snapshot
from timeline.store.storefile import Document, parse


@dataclass(frozen=True)
class Parsed:
    """Texts parsed before, by digest: store texts (each one that had no error) and bases."""

    documents: Mapping[str, Document] = field(default_factory=dict)
    bases: Mapping[str, Snapshot] = field(default_factory=dict)


NOTHING_PARSED = Parsed()


def text_digest(text: str) -> str:
    """A digest of a file's text: equal digests, equal texts."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def parsed_as_left(
    read: Document, text: str, base_text: str, base: Snapshot, parse_written: bool
) -> Parsed:
    """What the next build would parse, from a build that read the store as `read` and left it
    as `text` with `base_text` (the snapshot `base`): the store the build read, when it wrote no
    other; else, with `parse_written`, the text it wrote parsed again (when it has no error)."""
    document: Document | None = None
    if text == read.text:
        document = read
    elif parse_written:
        document, problems = parse(text)
        if any(problem.severity == "error" for problem in problems):
            document = None
    documents = {text_digest(text): document} if document is not None else {}
    return Parsed(documents, {text_digest(base_text): base})
