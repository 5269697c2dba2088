"""The articles the cache lacks, extracted by forked workers while the build reads its store.

Nearly all of an article's extraction time is spaCy's loading and parse, and each article is read
on its own, so articles are shared out whole, a few at a time: the passages of those few are
parsed in one go, which the model does faster than article by article (each passage is still its
own Doc, parsed the same either way). With several workers, they are forked once the English model
and the date rules are loaded: they share them instead of loading them again. Results come back in
input order, and each article is parsed exactly as in one process, so the build's output is
byte-identical whatever the number of jobs.
"""

from __future__ import annotations

import contextlib
import functools
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from timeline.events.cache import Extracted
from timeline.model import Article
from timeline.temporal.records import default_jobs, others_running

if TYPE_CHECKING:  # spaCy is imported by the workers that parse, never by the build itself
    from spacy.tokens import Doc

    from timeline.events.extract import Parser

FEW = 4  # this many articles or fewer are read by one worker by default
AT_A_TIME = 8  # articles a worker takes at a time (fewer when that would leave a worker idle)
Extractor = Callable[[Article], Extracted]
BatchExtractor = Callable[[Sequence[Article]], list[Extracted]]

# What the forked workers read (inherited, not sent): the extractor and the articles by index.
_WORK: tuple[BatchExtractor, Sequence[Article]] | None = None


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
    run = _one_by_one(extract) if extract is not None else extract_batch
    if not articles:
        yield list  # nothing to read: no worker, no English model
        return
    if sys.platform != "linux":  # workers are forked: Linux only
        yield lambda: run(articles)
        return
    if jobs is None:
        jobs = default_jobs(others_running()) if len(articles) > FEW else 1
    jobs = max(1, min(jobs, len(articles)))
    if jobs > 1 and extract is None:
        _load_shared()  # once here rather than in every worker
    import multiprocessing

    _WORK = (run, articles)  # the workers are forked with it
    size = max(1, min(AT_A_TIME, -(-len(articles) // jobs)))
    batches = [(start, min(start + size, len(articles))) for start in range(0, len(articles), size)]
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_signals) as pool:
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
    from timeline import nlp
    from timeline.events import extract  # extract imports spaCy: only when an article needs it
    from timeline.events.passages import passage_texts
    from timeline.ingest import furniture

    mains = [furniture.main_text(article) for article in articles]
    texts = [passage_texts(main) for main in mains]

    @functools.cache
    def parsed() -> list[list[Doc]]:
        docs = iter(nlp.parse([text for passages in texts for text in passages]))
        return [[next(docs) for _ in passages] for passages in texts]

    found: list[Extracted] = []
    for index, main in enumerate(mains):
        events = extract.extract_events(main, parse=_passages_of(parsed, index))
        found.append(Extracted(tuple(events), main.dropped_chars))
    return found


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
