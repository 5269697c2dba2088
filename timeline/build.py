"""The build: articles in, events.yaml and output/ out. Each stage is one module."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.events.extracting import FEW, extracting, head_start, likely_unread
from timeline.store.paths import cache_path, memo_path

# The rest is imported once a head-start worker is forked (extracting.head_start), so that it
# starts loading the English model sooner.
if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from timeline.events.cache import Extracted, ExtractionCache
    from timeline.events.merge import Merged
    from timeline.memo import Memo
    from timeline.model import Article
    from timeline.store import store
    from timeline.store.changes import Changes


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the summary the CLI prints."""

    articles: int
    new: int
    updated: int
    unchanged: int
    edited: int  # events the user changed or added by hand, kept as they wrote them
    deleted: int  # ids the user deleted, kept out of the store
    cached: int  # articles whose events came from the cache, not extracted again
    skipped: tuple[tuple[str, str], ...]  # (file name, why)
    warnings: tuple[
        tuple[str, str], ...
    ]  # (file name, what to check), e.g. an inferred publish date
    dropped: tuple[tuple[str, int, int], ...]  # (file name, furniture chars dropped, body chars)
    outputs: tuple[Path, ...]
    changes: Changes  # what this build changed (or, dry, would change), by event
    latest: int = 0  # when it changed nothing: how many changes the page still stars, from before
    dry_run: bool = False  # True: nothing was written


def build(
    articles_dir: Path,
    store_path: Path,
    out_dir: Path,
    dry_run: bool = False,
    jobs: int | None = None,
) -> BuildReport:
    """Read every article, extract and merge events, update the store, render the outputs.

    Articles the cache lacks are extracted while the store is read, by `jobs` processes
    (default: see extracting.extracting); the outputs are the same whatever the number. With
    `dry_run`, the same work is done and reported but no file is written or touched: not the
    store, the outputs, the extraction cache, the backup nor the lock.
    """
    with head_start(likely_unread(articles_dir, cache_path(store_path))) as ready:
        return _build(articles_dir, store_path, out_dir, dry_run, jobs, ready)


def _build(
    articles_dir: Path,
    store_path: Path,
    out_dir: Path,
    dry_run: bool,
    jobs: int | None,
    ready: Pool | None,
) -> BuildReport:
    """`build`, given the head-start worker if one was forked."""
    from timeline.events.cache import ExtractionCache, tool_version
    from timeline.ingest import ingest
    from timeline.memo import Memo
    from timeline.store import store

    memo = _last_memo(store_path)
    files = ingest.ParsedFiles(memo.articles)
    articles, skipped = ingest.read_articles(articles_dir, files)  # a wrong folder leaves no trace
    version = tool_version()  # names the English model: a missing one stops before any write
    # A dry run writes nothing, so it needs no lock (whose file it would create).
    with contextlib.nullcontext() if dry_run else store.locked(store_path):
        # unchanged articles are not read again; the others are read while the store is
        cache = ExtractionCache(cache_path(store_path), version, not dry_run, memo.extracted)
        held = [cache.lookup(article) for article in articles]
        unread = [article for article, found in zip(articles, held) if found is None]
        with extracting(unread, jobs, ready=ready) as extracted:
            # imported while the workers extract (merge's rules, plotly): they need not wait
            from timeline.events import merge
            from timeline.render import render

            stored = store.load_store(store_path, memo.store)  # a broken one aborts: no write
            if not dry_run:
                render.check_out_dir(out_dir)  # an output folder that cannot be written aborts too
            # the last build's merge: what did not change is taken from it
            before = _meanwhile(held, stored, memo.merged) if unread else memo.merged
            fresh = extracted()
        found = _cached(articles, held, fresh, cache)
        candidates = [event for reading in found for event in reading.events]
        merged = merge.merge_record(candidates, known=stored.events, before=before)
        update = store.update_store(stored, merge.merged_events(merged))
        memos = (memo, Memo(files.used, cache.read, merged))  # this build's and the next's
        outputs = [] if dry_run else _written(store_path, out_dir, stored, update, cache, memos)
    return BuildReport(
        articles=len(articles),
        new=update.new,
        updated=update.updated,
        unchanged=update.unchanged,
        edited=sum(1 for event in update.events if event.edited),
        deleted=len(update.deleted),
        cached=cache.hits,
        skipped=tuple((s.name, s.reason) for s in skipped),
        warnings=tuple((a.name, warning) for a in articles for warning in a.warnings),
        dropped=_dropped(articles, found),
        outputs=tuple(outputs),
        changes=update.changes,
        latest=len(stored.latest.changes),
        dry_run=dry_run,
    )


def _last_memo(store_path: Path) -> Memo:
    """The last build's work, each part keyed by what it came from (see timeline.memo), its
    events' texts recalled."""
    from timeline.events.cache import code_version
    from timeline.memo import load_memo
    from timeline.remembered import recall
    from timeline.render.plain import recall_template

    memo = load_memo(memo_path(store_path), code_version())
    recall(memo.texts)
    if memo.template is not None:
        recall_template(memo.template)
    return memo


def _meanwhile(
    held: list[Extracted | None], stored: store.Store, before: Merged | None
) -> Merged | None:
    """While the workers extract: what the cache holds merged, unless the last build's merge
    (`before`, from its memo) holds most of it already, the data merging reads loaded, and the
    page's and the snapshot's texts of the stored events worked out (a rebuild shows most of
    them again). The merge is what merging again starts from."""
    from timeline.events import merge
    from timeline.render import render
    from timeline.store import store

    cached = [event for found in held if found is not None for event in found.events]
    if cached and before is None:
        before = merge.merge_record(cached, known=stored.events)
    merge.warm()
    render.warm(stored.events)
    store.warm(stored)
    return before


def _written(
    store_path: Path,
    out_dir: Path,
    stored: store.Store,
    update: store.StoreUpdate,
    cache: ExtractionCache,
    memos: tuple[Memo, Memo],
) -> list[Path]:
    """The store written, the cache pruned, the outputs rendered and the memo kept: the paths
    written (but the memo's)."""
    from timeline.render import render
    from timeline.store import store

    store.write_store(store_path, update)
    cache.prune()
    # The page and changes.md show the latest changes: a rebuild that changes nothing (a hand
    # edit taken in, the same articles) keeps the stars of the one before.
    latest = update.changes if update.changes.changes else stored.latest
    render.warm(update.events)  # the page's texts, for the memo written while it is drawn
    with _keeping(store_path, stored, update, cache.misses, memos):
        return render.write_outputs(update.events, out_dir, latest)


def _keeping(
    store_path: Path,
    stored: store.Store,
    update: store.StoreUpdate,
    extracted: int,
    memos: tuple[Memo, Memo],
) -> contextlib.AbstractContextManager[None]:
    """The memo for the next build written while the block runs (memo.writing), with the texts
    of the events shown and the store as the build leaves it; none when it would hold nothing
    new and the store is as it was."""
    from timeline.events.cache import code_version
    from timeline.memo import holds_news, writing
    from timeline.remembered import remembered
    from timeline.render.plain import known_template
    from timeline.store.parsed import parsed_as_left

    read, kept = memos
    if not (update.changed or holds_news(kept, read)):
        return contextlib.nullcontext()

    def completed() -> Memo:
        texts = remembered([*update.events, *update.base.events])
        # a build that read many articles can afford to parse the store it wrote, for the next
        left = parsed_as_left(
            stored.document, update.text, update.base_text, update.base, extracted > FEW
        )
        return replace(kept, texts=texts, template=known_template(), store=left)

    return writing(memo_path(store_path), code_version(), completed)


def _dropped(articles: list[Article], found: list[Extracted]) -> tuple[tuple[str, int, int], ...]:
    """Each article's furniture dropped: its name, the characters dropped, its length."""
    return tuple(
        (a.name, f.dropped_chars, len(a.body)) for a, f in zip(articles, found, strict=True)
    )


def _cached(
    articles: list[Article],
    held: list[Extracted | None],
    fresh: list[Extracted],
    cache: ExtractionCache,
) -> list[Extracted]:
    """What each article gave, in order: what the cache held, else what was just extracted,
    which the cache now keeps."""
    extracted = iter(fresh)
    found: list[Extracted] = []
    for article, cached in zip(articles, held, strict=True):
        if cached is None:
            cached = next(extracted)
            cache.keep(article, cached)
        found.append(cached)
    return found
