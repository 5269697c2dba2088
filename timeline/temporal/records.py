"""The `timeline tag` formats: a publish date from the command line, JSON Lines for batches.

A large batch is tagged in worker processes (`tag_lines`, jobs > 1), forked once the rules are
compiled; the output keeps the input's order and bytes, whatever the number of jobs.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from timeline.model import TimelineError
from timeline.temporal import tag, warm

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

IN_PROCESS = 16  # a batch of this many records or fewer is tagged without worker processes
CHUNK = 8  # records sent to a worker at a time
_AHEAD = 8  # chunks in flight per worker: enough to keep workers busy, little memory


def parse_published(text: str, where: str = "--published") -> date:
    """An ISO publish date (YYYY-MM-DD, a time part ignored); TimelineError names `where`."""
    try:
        return date.fromisoformat(str(text).strip()[:10])
    except ValueError:
        raise TimelineError(
            f"{where}: {text!r} is not a date; give the publish date as YYYY-MM-DD"
        ) from None


def tag_json(text: str, published: date) -> list[dict[str, object]]:
    """The JSON-ready list `timeline tag` prints for one text."""
    return [timex.to_json() for timex in tag(text, published)]


def tag_record(line: str, where: str) -> str:
    """One JSON Lines record {"id","text","published"} in, one {"id","timexes"} line out."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise TimelineError(f"{where}: not JSON ({error.msg}); one JSON object per line") from None
    if not isinstance(record, dict) or "text" not in record or "published" not in record:
        raise TimelineError(f"{where}: a record needs \"text\" and \"published\" (and an \"id\")")
    published = parse_published(record["published"], f"{where}: published")
    timexes = tag_json(str(record["text"]), published)
    return json.dumps({"id": record.get("id"), "timexes": timexes}, ensure_ascii=False)


def default_jobs() -> int:
    """The CPUs this process may run on: the default number of jobs for a batch."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def tag_lines(lines: Iterable[str], jobs: int = 1, source: str = "stdin") -> Iterator[str]:
    """One {"id","timexes"} line per non-blank JSON Lines record, in input order; the first
    bad record raises TimelineError naming its line. A batch of more than IN_PROCESS records
    (read ahead to know) is tagged in `jobs` worker processes when jobs > 1."""
    numbered = ((f"{source} line {number}", line)
                for number, line in enumerate(lines, start=1) if line.strip())
    first = list(itertools.islice(numbered, IN_PROCESS + 1))  # is the batch a small one?
    if jobs <= 1 or len(first) <= IN_PROCESS:
        yield from (tag_record(line, where) for where, line in itertools.chain(first, numbered))
        return
    import multiprocessing  # only here: a small batch does not pay for importing it

    warm()  # compile the rules once, before the workers are forked off this process
    # Forked workers share the compiled rules; elsewhere they start afresh (and compile them).
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    with context.Pool(jobs) as pool:
        pending: deque[AsyncResult[tuple[list[str], Exception | None]]] = deque()
        chunk: list[tuple[str, str]] = []
        for record in itertools.chain(first, numbered):
            chunk.append(record)
            if len(chunk) == CHUNK:
                pending.append(pool.apply_async(_tag_chunk, (chunk,)))
                chunk = []
            while pending and (len(pending) >= _AHEAD * jobs or pending[0].ready()):
                yield from _lines(pending.popleft())
        if chunk:
            pending.append(pool.apply_async(_tag_chunk, (chunk,)))
        while pending:
            yield from _lines(pending.popleft())


def _tag_chunk(records: list[tuple[str, str]]) -> tuple[list[str], Exception | None]:
    """A worker's share: the output lines of a few (where, line) records, in order, up to the
    first record that fails, and its error (None if none): the lines before it still count."""
    done = []
    for where, line in records:
        try:
            done.append(tag_record(line, where))
        except Exception as error:  # noqa: BLE001 - raised again in order by _lines
            return done, error
    return done, None


def _lines(result: AsyncResult[tuple[list[str], Exception | None]]) -> Iterator[str]:
    done, error = result.get()
    yield from done
    if error is not None:
        raise error
