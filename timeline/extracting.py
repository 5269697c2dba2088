"""The articles the cache lacks, extracted here or, when there are many, in forked workers.

Nearly all of an article's extraction time is spaCy's parse, and each article is read on its own,
so articles are shared out whole. The workers are forked once the English model and the date rules
are loaded: they share them instead of loading them again. Results come back in input order, and
each article is parsed exactly as in one process, so the build's output is byte-identical
whatever the number of jobs.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Sequence

from timeline.cache import Extracted
from timeline.model import Article
from timeline.temporal.records import default_jobs, others_running

IN_PROCESS = 4  # this many articles or fewer are extracted here by default: no workers
Extractor = Callable[[Article], Extracted]

# What the forked workers read (inherited, not sent): the extractor and the articles by index.
_WORK: tuple[Extractor, Sequence[Article]] | None = None


def extract_articles(
    articles: Sequence[Article], jobs: int | None = None, extract: Extractor | None = None
) -> list[Extracted]:
    """What each article gives, in input order, read by `jobs` processes (by default, on Linux,
    one per CPU no other process is busy on when there are more than IN_PROCESS articles; one
    elsewhere). `extract` reads one article (default: page furniture dropped, events extracted
    with the English model)."""
    if not articles:
        return []
    run = extract if extract is not None else extract_article
    if jobs is None:
        many = len(articles) > IN_PROCESS and sys.platform == "linux"
        jobs = default_jobs(others_running()) if many else 1
    jobs = min(jobs, len(articles))
    if jobs <= 1 or sys.platform != "linux":  # workers are forked: Linux only
        return [run(article) for article in articles]
    if extract is None:
        _load_shared()
    return _in_workers(run, articles, jobs)


def extract_article(article: Article) -> Extracted:
    """One article's events and the furniture characters dropped from it, as the build reads it."""
    from timeline import extract, furniture  # extract imports spaCy: only when an article needs it

    main = furniture.main_text(article)
    return Extracted(tuple(extract.extract_events(main)), main.dropped_chars)


def _load_shared() -> None:
    """Load the model and compile the date rules in this process, so forked workers share them."""
    from timeline import extract, nlp, temporal  # noqa: F401 (imported to be shared)

    nlp.load()
    temporal.warm()


def _in_workers(run: Extractor, articles: Sequence[Article], jobs: int) -> list[Extracted]:
    global _WORK
    import multiprocessing

    context = multiprocessing.get_context("fork")
    _WORK = (run, articles)
    try:
        with context.Pool(jobs, initializer=_worker_signals) as pool:
            return list(pool.imap(_extract_one, range(len(articles)), chunksize=1))
    finally:
        _WORK = None


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
