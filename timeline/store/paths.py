"""Where the store's companions live, beside events.yaml: the backup, and in `.timeline/` the
tool's last proposals, the latest changes, the extraction cache, the memo and the lock. Named without
importing the store itself, so a build can look at them before it loads anything heavy."""

from __future__ import annotations

from pathlib import Path

STATE_DIR = ".timeline"


def base_path(path: Path) -> Path:
    """Where the tool keeps its last proposals for the store at `path` (`.timeline/events.base.json`)."""
    return path.parent / STATE_DIR / f"{path.stem}.base.json"


def changes_path(path: Path) -> Path:
    """Where the latest build that changed anything keeps its report, for the page's stars
    (`.timeline/events.changes.json`)."""
    return path.parent / STATE_DIR / f"{path.stem}.changes.json"


def cache_path(path: Path) -> Path:
    """The folder of the extraction cache for the store at `path` (`.timeline/events.cache/`)."""
    return path.parent / STATE_DIR / f"{path.stem}.cache"


def memo_path(path: Path) -> Path:
    """Where a build keeps what the next may take as it is (`.timeline/events.memo`, see
    timeline.memo)."""
    return path.parent / STATE_DIR / f"{path.stem}.memo"


def lock_path(path: Path) -> Path:
    """The lock file held while a build updates the store at `path` (`.timeline/events.lock`)."""
    return path.parent / STATE_DIR / f"{path.stem}.lock"


def backup_path(path: Path) -> Path:
    """Where the previous version of the store is kept."""
    return path.with_name(path.name + ".bak")
