"""Writing a group of files safely: each is written beside its target, then all are renamed in.

A reader never sees a half-written file, and a failure while writing (a read-only folder, a full
disk, Ctrl-C) leaves every target as it was, with no temporary file behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from timeline.model import TimelineError

NEW_FILE_MODE = 0o644  # new files are for sharing; a replaced file keeps its own permissions


def write_files(files: Sequence[tuple[Path, bytes]], durable: bool = True) -> None:
    """Write every (target, content) atomically as one group; TimelineError says what to do.
    `durable`: each is flushed to disk before it is renamed in (not for a cache, which a crash
    may lose: it only costs the next run time)."""
    for target, _ in files:
        refuse_unwritable(target)
    temporaries: list[tuple[Path, Path]] = []
    replaced = 0
    current = files[0][0] if files else Path()
    try:
        for current, content in files:
            temporaries.append((_write_beside(current, content, durable), current))
        for temporary, current in temporaries:
            os.replace(temporary, current)
            replaced += 1
    except OSError as error:
        done = [str(target) for _, target in temporaries[:replaced]]
        changed = f"{', '.join(done)} already updated" if done else "no file was changed"
        raise TimelineError(
            f"{current}: cannot write ({error.strerror or error}); check that you may write to "
            f"{folder_name(current.parent)} (permissions, a read-only or full disk) and run the "
            f"command again; {changed}"
        ) from error
    finally:
        for temporary, _ in temporaries[replaced:]:
            temporary.unlink(missing_ok=True)


def folder_name(folder: Path) -> str:
    """A folder as a message names it: "the current folder" for `.`."""
    return "the current folder" if str(folder) == "." else f"the folder {folder}"


def refuse_unwritable(target: Path) -> None:
    """TimelineError when `target` is a folder or a file marked read-only, before any write."""
    if target.is_dir():
        raise TimelineError(
            f"{target}: is a folder, but the tool writes a file there; rename or remove the "
            "folder and run the command again"
        )
    if target.exists() and not target.stat().st_mode & stat.S_IWUSR:
        raise TimelineError(
            f"{target}: is read-only, so it was left as it is; make it writable (chmod u+w "
            f"'{target}', or untick Read-only in its properties) and run the command again"
        )


def _write_beside(target: Path, content: bytes, durable: bool) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        mode = target.stat().st_mode & 0o7777 if target.exists() else NEW_FILE_MODE
        os.chmod(temporary, mode)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary
