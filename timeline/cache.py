"""The extraction cache: an unchanged article is not extracted again.

Each article's events are kept in `.timeline/<store>.cache/<key>.json` beside the store, keyed by a
hash of the article's main text (front matter included) and of the tool itself (its version, the
code and rule files of the package, the versions of the libraries that resolve dates), so any change
to the article or to the tool extracts afresh. A cache file that cannot be read is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import fields
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from timeline import __version__
from timeline.model import Event, MainText, Source

_LIBRARIES = ("dateparser", "pendulum", "trafilatura", "pyyaml")
_CODE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".txt")


def event_record(event: Event) -> dict[str, Any]:
    """An event as plain JSON values (what dataclasses.asdict gives, faster)."""
    record: dict[str, Any] = {item.name: getattr(event, item.name) for item in fields(event)}
    record["actors"] = list(event.actors)
    record["sources"] = [{item.name: getattr(s, item.name) for item in fields(s)} for s in event.sources]
    return record


def event_from_record(record: dict[str, Any]) -> Event:
    """The event event_record wrote; raises KeyError, TypeError or AttributeError if it is not one."""
    return Event(**{
        **record,
        "actors": tuple(record["actors"]),
        "sources": tuple(Source(**source) for source in record["sources"]),
    })


@lru_cache(maxsize=1)
def tool_version() -> str:
    """The package version plus a digest of its code, rule files and date libraries."""
    root = Path(__file__).resolve().parent
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


def article_key(main: MainText, version: str) -> str:
    """The cache key of one article's extraction: its main text and the tool version, hashed."""
    return hashlib.sha256(f"{version}\0{main!r}".encode()).hexdigest()


class ExtractionCache:
    """Extract each article once per content and tool version; remembers which keys a build used."""

    def __init__(self, folder: Path, version: str | None = None) -> None:
        self.folder = folder
        self.version = version or tool_version()
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def events(self, main: MainText, extract: Callable[[MainText], Iterable[Event]]) -> list[Event]:
        """The article's events: from the cache when it holds them, else extracted and stored."""
        key = article_key(main, self.version)
        self.used.add(key)
        cached = self._read(key)
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        events = list(extract(main))
        self._write(key, events)
        return events

    def prune(self) -> None:
        """Forget the articles this build did not read (removed or changed since)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)

    def _read(self, key: str) -> list[Event] | None:
        try:
            content = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            return [event_from_record(record) for record in content["events"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _write(self, key: str, events: list[Event]) -> None:
        """Store atomically; a cache that cannot be written only costs speed, so errors pass."""
        content = json.dumps({"version": self.version, "events": [event_record(e) for e in events]},
                             ensure_ascii=False, sort_keys=True)
        path = self.folder / f"{key}.json"
        temporary = path.with_name(f".{key}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_text(content, encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            temporary.unlink(missing_ok=True)
