"""The articles the cache lacks, extracted by forked workers while the build reads its store.

Nearly all of an article's extraction time is spaCy's loading and parse, and each article is read
on its own, so articles are shared out whole. With several workers, they are forked once the
English model and the date rules are loaded: they share them instead of loading them again.
Results come back in input order, and each article is parsed exactly as in one process, so the
build's output is byte-identical whatever the number of jobs.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator, Sequence

from timeline.events.cache import Extracted
from timeline.model import Article
from timeline.temporal.records import default_jobs, others_running

FEW = 4  # this many articles or fewer are read by one worker by default
Extractor = Callable[[Article], Extracted]

# What the forked workers read (inherited, not sent): the extractor and the articles by index.
_WORK: tuple[Extractor, Sequence[Article]] | None = None


def extract_articles(
    articles: Sequence[Article], jobs: int | None = None, extract: Extractor | None = None
) -> list[Extracted]:
    """What each article gives, in input order, read as `extracting` reads them."""
    with extracting(articles, jobs, extract) as results:
        return results()


@contextlib.contextmanager
def extracting(
    articles: Sequence[Article], jobs: int | None = None, extract: Extractor | None = None
) -> Iterator[Callable[[], list[Extracted]]]:
    """Start reading the articles; the block runs meanwhile (the build reads its store) and calls
    the function it is given for what each article gives, in input order. On Linux they are read
    by `jobs` worker processes (by default one per CPU no other process is busy on when there
    are more than FEW articles, else one), elsewhere here. `extract` reads one article
    (default: page furniture dropped, events extracted with the English model)."""
    global _WORK
    run = extract if extract is not None else extract_article
    if not articles or sys.platform != "linux":  # workers are forked: Linux only
        yield lambda: [run(article) for article in articles]
        return
    if jobs is None:
        jobs = default_jobs(others_running()) if len(articles) > FEW else 1
    jobs = max(1, min(jobs, len(articles)))
    if jobs > 1 and extract is None:
        _load_shared()  # once here rather than in every worker
    import multiprocessing

    _WORK = (run, articles)  # the workers are forked with it
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_signals) as pool:
            pending = pool.map_async(_extract_one, range(len(articles)), chunksize=1)
            yield pending.get
    finally:
        _WORK = None


def extract_article(article: Article) -> Extracted:
    """One article's events and the furniture characters dropped from it, as the build reads it."""
    from timeline.events import extract  # extract imports spaCy: only when an article needs it
    from timeline.ingest import furniture

    main = furniture.main_text(article)
    return Extracted(tuple(extract.extract_events(main)), main.dropped_chars)


def _load_shared() -> None:
    """Load the model and compile the date rules in this process, so forked workers share them."""
    from timeline import nlp, temporal

    nlp.load()
    temporal.warm()


def _worker_signals() -> None:
    """Ctrl-C and `kill` are this process's to handle: it stops the workers, which then end
    without a traceback of their own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)


def _extract_one(index: int) -> Extracted:
    """A worker's task: one article of those forked with it."""
    assert _WORK is not None, "a worker reads the articles it was forked with"
    run, articles = _WORK
    return run(articles[index])
