"""The `timeline tag` formats: a publish date from the command line, JSON Lines for batches.

A large batch is tagged by this process and jobs - 1 workers (`tag_lines`), forked once the rules
are compiled; the output keeps the input's order and bytes, whatever the number of jobs.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from timeline.days import read_day_and_time
from timeline.model import TimelineError
from timeline.temporal import tag, warm

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

IN_PROCESS = 32  # a batch of this many records or fewer is tagged without worker processes
CHUNK = 4  # records tagged at a time, here or by a worker
_AHEAD = 2  # chunks waiting per worker: it never idles, and little is left to it at the end
Tagged = str | TimelineError  # a record's output line, or what is wrong with the record


def parse_published(text: str, where: str = "--published") -> date:
    """A publish date written YYYY-MM-DD (a time after it ignored); TimelineError names `where`."""
    try:
        return read_day_and_time(str(text))[0]
    except ValueError as error:
        raise TimelineError(f"{where}: {error}") from None


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
        raise TimelineError(f'{where}: a record needs "text" and "published" (and an "id")')
    if not isinstance(record["text"], str):
        raise TimelineError(f'{where}: "text" must be a string, the text to tag')
    published = parse_published(record["published"], f"{where}: published")
    timexes = tag_json(str(record["text"]), published)
    return json.dumps({"id": record.get("id"), "timexes": timexes}, ensure_ascii=False)


def cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_jobs(others_running: int) -> int:
    """One job per CPU that no other process is running on: a second process only slows a
    batch down when the CPU it would get is taken."""
    return max(1, cpus() - others_running)


def others_running() -> int:
    """How many other processes are running or ready to run now (the fewest of a few looks
    at /proc/loadavg); 0 where that is not known."""
    seen = []
    for _ in range(3):
        try:
            with open("/proc/loadavg", encoding="ascii") as status:
                seen.append(int(status.read().split()[3].split("/")[0]) - 1)  # less this one
        except (OSError, ValueError, IndexError):
            return 0
        time.sleep(0.002)
    return max(0, min(seen))


def tag_lines(
    lines: Iterable[str], jobs: int | None = None, source: str = "stdin"
) -> Iterator[Tagged]:
    """One {"id","timexes"} line per non-blank JSON Lines record, in input order; a bad record
    gives, in its place, the TimelineError naming its line, and the others are still tagged. A batch of more than IN_PROCESS records
    (read ahead to know) is tagged by `jobs` processes, this one and jobs - 1 workers; by
    default, on Linux, one per CPU free at that moment."""
    numbered = (
        (f"{source} line {number}", line)
        for number, line in enumerate(lines, start=1)
        if line.strip()
    )
    first = list(itertools.islice(numbered, IN_PROCESS + 1))  # is the batch a small one?
    if len(first) > IN_PROCESS and jobs is None and sys.platform == "linux":
        jobs = default_jobs(others_running())  # elsewhere workers compile the rules afresh
    if jobs is None or jobs <= 1 or len(first) <= IN_PROCESS:
        yield from (_tagged(line, where) for where, line in itertools.chain(first, numbered))
        return
    import multiprocessing  # only here: a small batch does not pay for importing it

    warm()  # compile the rules once, before the workers are forked off this process
    # Forked workers share the compiled rules; elsewhere they start afresh (and compile them).
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    workers = jobs - 1  # this process tags too, whenever the workers have enough to do
    with context.Pool(workers) as pool:
        pending: deque[list[Tagged] | AsyncResult[list[Tagged]]] = deque()  # in input order
        sent = 0  # chunks in `pending` a worker tags
        for chunk in _chunks(itertools.chain(first, numbered)):
            if sent < _AHEAD * workers:
                pending.append(pool.apply_async(_tag_chunk, (chunk,)))
                sent += 1
            else:
                pending.append(_tag_chunk(chunk))
            while pending and (isinstance(pending[0], list) or pending[0].ready()):
                head = pending.popleft()
                sent -= not isinstance(head, list)
                yield from head if isinstance(head, list) else head.get()
        while pending:
            head = pending.popleft()
            yield from head if isinstance(head, list) else head.get()


def _chunks(records: Iterable[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    batch = iter(records)
    while chunk := list(itertools.islice(batch, CHUNK)):
        yield chunk


def _tag_chunk(records: list[tuple[str, str]]) -> list[Tagged]:
    """A worker's share: the output of a few (where, line) records, in order."""
    return [_tagged(line, where) for where, line in records]


def _tagged(line: str, where: str) -> Tagged:
    """The record's output line, or the TimelineError saying what is wrong with it."""
    try:
        return tag_record(line, where)
    except TimelineError as error:
        return error
