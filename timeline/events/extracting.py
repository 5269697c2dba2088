"""The articles the cache lacks, extracted by forked workers while the build reads its store.

Nearly all of an article's extraction time is spaCy's loading and parse, and each article is read
on its own, so articles are shared out whole, a few at a time: the passages of those few are
parsed in one go, which the model does faster than article by article (each passage is still its
own Doc, parsed the same either way). With several workers, they are forked once the English model
and the date rules are loaded: they share them instead of loading them again. Results come back in
input order, and each article is parsed exactly as in one process, so the build's output is
byte-identical whatever the number of jobs.

A build that will likely read a few articles (a file in the folder newer than the cache: one added
or edited since a build last read one) forks its one worker before anything else (`head_start`),
so that spaCy's import and the model's loading, the most of such a build, happen while the build
reads the articles, the cache and the store; the worker is then given the articles to read, or
stopped when none needs reading after all. The build itself takes their main texts and tags their
dates meanwhile (`read_ahead`), the part of reading them that needs no model, and the worker
parses them and reads the events.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.model import Article, MainText, TimelineError, Timex

# Only what forking the head-start worker needs is imported here: the rest when it is used.
if TYPE_CHECKING:  # spaCy is imported by the workers that parse, never by the build itself
    from multiprocessing.pool import Pool

    from spacy.tokens import Doc

    from timeline.events.cache import Extracted
    from timeline.events.extract import Parser
    from timeline.events.passages import Tagger

FEW = 4  # this many articles or fewer are read by one worker by default
AT_A_TIME = 8  # articles a worker takes at a time (fewer when that would leave a worker idle)
Extractor = Callable[[Article], "Extracted"]
Tags = dict[tuple[str, date], list[Timex]]  # what the date tagger gave, by text and publish date
BatchExtractor = Callable[[Sequence[Article]], "list[Extracted]"]

# What the forked workers read (inherited, not sent): the extractor and the articles by index.
_WORK: tuple[BatchExtractor, Sequence[Article]] | None = None


def extract_articles(
    articles: Sequence[Article], jobs: int | None = None, extract: Extractor | None = None
) -> list[Extracted]:
    """What each article gives, in input order, read as `extracting` reads them."""
    with extracting(articles, jobs, extract) as results:
        return results()


def likely_unread(folder: Path, cache: Path) -> int:
    """How many files in the articles folder are newer than the extraction cache folder (whose
    time is that of the last build that stored or forgot an article): added or edited since, so
    probably to be read; 0 without a cache. Only a hint for `head_start`: the cache decides."""
    try:
        since = cache.stat().st_mtime_ns
        with os.scandir(folder) as entries:
            return sum(
                1
                for entry in entries
                if not entry.name.startswith(".")
                and entry.is_file()
                and entry.stat().st_mtime_ns > since
            )
    except OSError:
        return 0


@contextlib.contextmanager
def head_start(likely: int) -> Iterator[Pool | None]:
    """One worker forked at once to import spaCy and load the English model while the block runs
    (the build reads its articles, cache and store), when a few articles (1 to FEW) are `likely`
    to need reading and the platform forks; else None. Given to `extracting`, it reads them; it
    is stopped when the block ends."""
    if not 0 < likely <= FEW or sys.platform != "linux":
        yield None
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1, initializer=_ready_to_read) as pool:
        yield pool


@contextlib.contextmanager
def extracting(
    articles: Sequence[Article],
    jobs: int | None = None,
    extract: Extractor | None = None,
    ready: Pool | None = None,
) -> Iterator[Callable[[], list[Extracted]]]:
    """Start reading the articles; the block runs meanwhile (the build reads its store) and calls
    the function it is given for what each article gives, in input order. On Linux they are read
    by `jobs` worker processes (by default one per CPU no other process is busy on when there
    are more than FEW articles, else one), elsewhere here. `extract` reads one article
    (default: page furniture dropped, events extracted with the English model). `ready` is a
    `head_start` worker: it reads them when one job does (their dates tagged here first), else it
    is stopped."""
    global _WORK
    run = _one_by_one(extract) if extract is not None else extract_batch
    if not articles or sys.platform != "linux":  # workers are forked: Linux only
        _stop(ready)
        yield (lambda: run(articles)) if articles else list  # nothing to read: no English model
        return
    if jobs is None:
        from timeline.temporal.records import default_jobs, others_running

        jobs = default_jobs(others_running()) if len(articles) > FEW else 1
    jobs = max(1, min(jobs, len(articles)))
    size = max(1, min(AT_A_TIME, -(-len(articles) // jobs)))
    batches = [(start, min(start + size, len(articles))) for start in range(0, len(articles), size)]
    if ready is not None and jobs == 1 and extract is None:  # the articles are sent to it,
        # their dates tagged here while it loads the model
        read = [read_ahead(article) for article in articles]
        sent = ready.map_async(extract_read, [read[a:b] for a, b in batches], chunksize=1)
        yield lambda: [found for batch in sent.get() for found in batch]
        return
    _stop(ready)
    if jobs > 1 and extract is None:
        _load_shared()  # once here rather than in every worker
    import multiprocessing

    _WORK = (run, articles)  # the workers are forked with it
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_start) as pool:
            pending = pool.map_async(_extract_batch, batches, chunksize=1)
            yield lambda: [found for batch in pending.get() for found in batch]
    finally:
        _WORK = None


def extract_article(article: Article) -> Extracted:
    """One article's events and the furniture characters dropped from it, as the build reads it."""
    return extract_batch([article])[0]


def extract_batch(articles: Sequence[Article]) -> list[Extracted]:
    """What each article gives, as `extract_article` gives it, the passages of all of them
    parsed in one go (when the first article asks for its own)."""
    from timeline.ingest import furniture

    return extract_read([(furniture.main_text(article), {}) for article in articles])


def read_ahead(article: Article) -> tuple[MainText, Tags]:
    """An article's main text and what the date tagger gives for it: the part of extraction
    that needs no English model, done by the build while a head-start worker loads it."""
    from timeline import temporal
    from timeline.events.passages import tag_passages
    from timeline.ingest import furniture

    main = furniture.main_text(article)
    tags: Tags = {}

    def noted(text: str, published: date) -> list[Timex]:
        found = tags[(text, published)] = temporal.tag(text, published)
        return found

    tag_passages(noted, main.passages, article.published)
    return main, tags


def extract_read(read: Sequence[tuple[MainText, Tags]]) -> list[Extracted]:
    """What each article gives from its main text, its dates tagged as `read_ahead` noted
    them (the others tagged here), the passages of all of them parsed in one go (when the first
    article asks for its own)."""
    from timeline import nlp
    from timeline.events import extract  # extract imports spaCy: only when an article needs it
    from timeline.events.cache import Extracted
    from timeline.events.passages import passage_texts

    texts = [passage_texts(main) for main, _ in read]

    @functools.cache
    def parsed() -> list[list[Doc]]:
        docs = iter(nlp.parse([text for passages in texts for text in passages]))
        return [[next(docs) for _ in passages] for passages in texts]

    found: list[Extracted] = []
    for index, (main, tags) in enumerate(read):
        events = extract.extract_events(
            main, tag=_replayed(tags), parse=_passages_of(parsed, index)
        )
        found.append(Extracted(tuple(events), main.dropped_chars))
    return found


def _replayed(tags: Tags) -> Tagger:
    """The date tagger, giving what was noted for a text without tagging it again."""
    from timeline import temporal

    def tag(text: str, published: date) -> list[Timex]:
        noted = tags.get((text, published))
        return noted if noted is not None else temporal.tag(text, published)

    return tag


def _passages_of(parsed: Callable[[], list[list[Doc]]], index: int) -> Parser:
    """A parser giving the docs of the article at `index` of a batch parsed together."""
    return lambda _texts: parsed()[index]


def _one_by_one(extract: Extractor) -> BatchExtractor:
    """A batch read by an extractor of one article, article by article."""
    return lambda articles: [extract(article) for article in articles]


def _load_shared() -> None:
    """Load the model and compile the date rules in this process, so forked workers share them."""
    from timeline import nlp, temporal

    nlp.load()
    temporal.warm()


def _stop(ready: Pool | None) -> None:
    """Stop a head-start worker that will not read: its CPU is the build's again at once."""
    if ready is not None:
        ready.terminate()


def _ready_to_read() -> None:
    """A head-start worker's start: spaCy, the model and extraction's modules loaded before the
    articles come (their main texts and dates, the build reads ahead), with the cyclic garbage
    collector off meanwhile: what loading makes lives as long as the worker, and collecting
    walked it to no avail (0.07 s of the 1.0 s it took). A model that cannot be loaded is left
    for reading them to report."""
    _worker_signals()
    gc.disable()
    from timeline import nlp

    try:
        nlp.load()
        from timeline.events import extract  # noqa: F401  (loaded now, not when the articles come)
    except TimelineError:
        pass  # extract_batch meets the error again and the build reports it
    _collect_new_only()


def _worker_start() -> None:
    """A worker's start: signals as _worker_signals sets them, and garbage collected among
    what the worker makes only."""
    _worker_signals()
    _collect_new_only()


def _collect_new_only() -> None:
    """The cyclic garbage collector on, never walking what the process holds now (forked from
    the build, or loaded): only what it makes from here on, reading articles."""
    gc.freeze()
    gc.enable()


def _worker_signals() -> None:
    """Ctrl-C and `kill` are this process's to handle: it stops the workers, which then end
    without a traceback of their own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)


def _extract_batch(bounds: tuple[int, int]) -> list[Extracted]:
    """A worker's task: the articles from one index to another of those forked with it."""
    assert _WORK is not None, "a worker reads the articles it was forked with"
    run, articles = _WORK
    start, end = bounds
    return run(articles[start:end])
