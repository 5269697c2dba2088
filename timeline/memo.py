"""What a build worked out that the next build takes as it is, kept in `.timeline/events.memo`:
each article file as read, each article's candidates, the merge record (how the candidates
clustered and each cluster's event), each event's texts (page, exports, base snapshot), the
page's plotly template, and events.yaml and the base as the build left them.

Nothing in it can be stale, because each part is keyed by what it was worked out from: an article
by its file name and a digest of its bytes (`ingest.ParsedFiles`); candidates by the extraction
cache's key, the article as read and the tool's version, model included (`ExtractionCache`); the
merge record is taken again only for the candidates this build has that are equal to its own
(`clustering.recluster`: the clusters come out as merging afresh gives them); texts by the
event's value (`timeline.remembered`); events.yaml and the base by a digest of their text
(`store.parsed`), so a hand edit is parsed, and checked, as it always was. The memo as a whole
belongs to one version of the code and of plotly: another's is ignored, as is one that cannot be
read; one that cannot be written costs only speed. On Linux it is written by a forked copy of
the build while the build draws its page (`writing`).

The file is a pickle, read with only the tool's own value classes allowed: a file planted in
`.timeline/` can name no other class or function, so it cannot run code.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, TypeGuard

from timeline.events.cache import Extracted
from timeline.events.merge import Merged
from timeline.ingest.ingest import FileKey
from timeline.model import Article, Event, TimelineError
from timeline.safewrite import write_files
from timeline.store.parsed import NOTHING_PARSED, Parsed

FORMAT = 1  # raised when the memo's layout changes
# The classes a memo holds (module, name): find_class refuses every other.
_VALUES = frozenset(
    {
        ("timeline.model", "Article"),
        ("timeline.model", "Event"),
        ("timeline.model", "Source"),
        ("timeline.events.cache", "Extracted"),
        ("timeline.events.merge", "Merged"),
        ("timeline.events.clustering", "Clustering"),
        ("timeline.store.parsed", "Parsed"),
        ("timeline.store.reconcile", "Snapshot"),
        ("timeline.store.storefile", "Document"),
        ("timeline.store.storefile", "Entry"),
        ("timeline.store.storefile", "Span"),
        ("datetime", "date"),
    }
)


@dataclass(frozen=True)
class Memo:
    """The last build's work: articles by file, candidates by cache key, the merge record,
    texts by event, the template, the store's and the base's texts parsed."""

    articles: Mapping[FileKey, Article] = field(default_factory=dict)
    extracted: Mapping[str, Extracted] = field(default_factory=dict)
    merged: Merged | None = None
    texts: Mapping[Event, Mapping[str, Any]] = field(default_factory=dict)  # timeline.remembered
    template: dict[str, Any] | None = None  # the page's plotly template (render.plain)
    store: Parsed = NOTHING_PARSED  # events.yaml and the base as the build left them


def load_memo(path: Path, version: str) -> Memo:
    """The memo at `path` if it was written by this version of the code, else an empty one."""
    try:
        content = path.read_bytes()
    except OSError:
        return Memo()
    try:
        stamp, memo = _ValuesOnly(io.BytesIO(content)).load()
        if stamp == _stamp(version) and _well_formed(memo):
            return memo
    except _UNREADABLE:
        pass  # as if there were none
    return Memo()


# What reading a truncated, damaged or planted pickle raises (a class renamed since included).
_UNREADABLE = (
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    IndexError,
    KeyError,
    TypeError,
    ValueError,
)


def _well_formed(memo: object) -> TypeGuard[Memo]:
    """A memo of the right shape (a planted one may hold anything)."""
    return (
        isinstance(memo, Memo)
        and isinstance(memo.articles, dict)
        and isinstance(memo.extracted, dict)
        and (memo.merged is None or isinstance(memo.merged, Merged))
        and isinstance(memo.texts, dict)
        and (memo.template is None or isinstance(memo.template, dict))
        and isinstance(memo.store, Parsed)
    )


@contextlib.contextmanager
def writing(path: Path, version: str, memo: Callable[[], Memo]) -> Iterator[None]:
    """Work out the memo and write it while the block runs (the build draws its page): on
    Linux in a forked process, waited for when the block ends, so that no process outlives the
    build; elsewhere here, before the block."""
    if sys.platform != "linux":
        save_memo(path, version, memo())
        yield
        return
    stamp = _stamp(version)
    child = os.fork()
    if child == 0:  # the copy of the build: write and end, running none of the build's exits
        try:
            _save(path, stamp, memo())
        finally:
            os._exit(0)
    try:
        yield
    finally:
        os.waitpid(child, 0)


def save_memo(path: Path, version: str, memo: Memo) -> None:
    """Write the memo atomically; one that cannot be written only costs the next build time."""
    _save(path, _stamp(version), memo)


def _save(path: Path, stamp: str, memo: Memo) -> None:
    content = pickle.dumps((stamp, memo), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_files([(path, content)], durable=False)  # one lost in a crash: read as none
    except (OSError, TimelineError):
        pass


def holds_news(kept: Memo, read: Memo) -> bool:
    """Whether the memo a build would keep has other articles or candidates than the one it
    read. A build with none that leaves the store as it is keeps the memo it read (its merge
    record and texts are still right, if not the latest): a rebuild that changes nothing
    changes no byte."""
    return kept.articles != read.articles or kept.extracted != read.extracted


def _stamp(version: str) -> str:
    """What a memo must be written by to be read: this format, code version, Python and plotly
    (whose template the memo keeps)."""
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return f"{FORMAT}|{version}|{python}|plotly={_plotly_version()}"


def _plotly_version() -> str:
    try:
        return metadata.version("plotly")
    except metadata.PackageNotFoundError:
        return ""


class _ValuesOnly(pickle.Unpickler):
    """An unpickler that builds the memo's values and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (__name__, "Memo") or (module, name) in _VALUES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not one of the memo's values")
