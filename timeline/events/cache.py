"""The extraction cache: an unchanged article is not extracted again.

Each article's events (and how much page furniture it dropped) are kept in
`.timeline/<store>.cache/<key>.json` beside the store, keyed by a hash of the article as read (front
matter and body) and of the tool itself (its version, the code and rule files of the package, the
versions of the libraries that resolve dates, the English model's name and version), so an
unchanged article skips furniture removal and extraction, and any change to the article or to the
tool (a new model included) reads it afresh. A cache file that cannot
be read is ignored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from timeline import __version__, nlp
from timeline.model import Article, Event, MainText, Source, TimelineError
from timeline.safewrite import write_files

_LIBRARIES = ("dateparser", "pendulum", "trafilatura", "pyyaml")
_CODE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".txt")


def event_record(event: Event) -> dict[str, Any]:
    """An event as plain JSON values (what dataclasses.asdict gives, faster)."""
    record: dict[str, Any] = {item.name: getattr(event, item.name) for item in fields(event)}
    record["actors"] = list(event.actors)
    record["sources"] = [
        {item.name: getattr(s, item.name) for item in fields(s)} for s in event.sources
    ]
    return record


def event_from_record(record: dict[str, Any]) -> Event:
    """The event event_record wrote; raises KeyError, TypeError or AttributeError if it is not one."""
    return Event(
        **{
            **record,
            "actors": tuple(record["actors"]),
            "sources": tuple(Source(**source) for source in record["sources"]),
        }
    )


def tool_version() -> str:
    """The package version plus a digest of its code, rule files and date libraries, and the
    English model's name and version (a TimelineError when no model is installed)."""
    return f"{code_version()}+{nlp.model_id()}"


@lru_cache(maxsize=1)
def code_version() -> str:
    """The package version plus a digest of its code, rule files and date libraries."""
    root = Path(__file__).resolve().parents[1]  # the whole timeline package, not events/ alone
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=\0".encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"


@dataclass(frozen=True)
class Extracted:
    """What one article gave: its events and the furniture characters dropped from its body."""

    events: tuple[Event, ...]
    dropped_chars: int


def article_key(article: Article, version: str) -> str:
    """The cache key of one article: the article as read (front matter and body) and the tool
    version, hashed."""
    return hashlib.sha256(f"{version}\0{article!r}".encode()).hexdigest()


class ExtractionCache:
    """Read each article once per content and tool version; remembers which keys a build used."""

    def __init__(
        self,
        folder: Path,
        version: str | None = None,
        write: bool = True,
        held: Mapping[str, Extracted] | None = None,
    ) -> None:
        self.folder = folder
        self.write = write  # False: read only (a dry run leaves the cache as it is)
        self.version = version or tool_version()
        self.held = held or {}  # what the last build kept in memory, by key (timeline.memo)
        self.used: set[str] = set()
        self.read: dict[str, Extracted] = {}  # what each key used gave, for the next build
        self.hits = 0
        self.misses = 0

    def extracted(
        self,
        article: Article,
        main_text: Callable[[Article], MainText],
        extract: Callable[[MainText], Iterable[Event]],
    ) -> Extracted:
        """The article's events: from the cache when it holds them, else its main text is taken,
        its events extracted and both stored."""
        cached = self.lookup(article)
        if cached is not None:
            return cached
        main = main_text(article)
        found = Extracted(tuple(extract(main)), main.dropped_chars)
        self.keep(article, found)
        return found

    def lookup(self, article: Article) -> Extracted | None:
        """What the cache holds for the article as it is now, None when it must be extracted."""
        key = article_key(article, self.version)
        self.used.add(key)
        cached = self.held.get(key)
        if cached is None:
            cached = self._read(key)
        if cached is not None:
            self.hits += 1
            self.read[key] = cached
        return cached

    def keep(self, article: Article, found: Extracted) -> None:
        """Store what the article gave, for the next build."""
        key = article_key(article, self.version)
        self.used.add(key)
        self.read[key] = found
        self.misses += 1
        self._write(key, found)

    def prune(self) -> None:
        """Forget the articles this build did not read (removed or changed since)."""
        if not self.write or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)

    def _read(self, key: str) -> Extracted | None:
        try:
            content = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            events = tuple(event_from_record(record) for record in content["events"])
            return Extracted(events, int(content["dropped_chars"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _write(self, key: str, found: Extracted) -> None:
        """Store atomically; a cache that cannot be written only costs speed, so errors pass."""
        if not self.write:
            return
        content = json.dumps(
            {
                "version": self.version,
                "dropped_chars": found.dropped_chars,
                "events": [event_record(e) for e in found.events],
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # a cache file lost in a crash is read as missing: it costs time only
            write_files([(self.folder / f"{key}.json", content.encode("utf-8"))], durable=False)
        except (OSError, TimelineError):
            pass
