"""A build's output is the same whatever the number of jobs extracting its articles."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from multiprocessing.pool import Pool
from pathlib import Path

import pytest

from timeline.build import build
from timeline.events.cache import Extracted, code_version
from timeline.events.extracting import (
    FEW,
    Extractor,
    extract_article,
    extract_articles,
    extract_batch,
    extracting,
    head_start,
    likely_unread,
)
from timeline.events.merge import merge_events
from timeline.ingest.ingest import read_articles
from timeline.memo import Memo, load_memo
from timeline.model import Article, Event, Source

DEMO = Path(__file__).resolve().parent.parent / "articles"
ARTICLES = [
    Article(f"{number}.txt", date(2025, 6, 5), "x" * (number % 5), title=f"Article {number}")
    for number in range(12)
]


def slow_reader(record: Path) -> Extractor:
    """A stand-in extractor: the article's body length, slower for short bodies (so workers
    finish out of order), noting which process read each article under `record`."""

    def read(article: Article) -> Extracted:
        time.sleep(0.02 * (5 - len(article.body)))
        (record / f"{article.name}.{os.getpid()}").touch()
        return Extracted((), len(article.body))

    return read


def test_articles_come_back_in_input_order_whatever_the_jobs(tmp_path: Path) -> None:
    alone, shared = tmp_path / "alone", tmp_path / "shared"
    alone.mkdir()
    shared.mkdir()
    one = extract_articles(ARTICLES, 1, slow_reader(alone))
    three = extract_articles(ARTICLES, 3, slow_reader(shared))
    assert one == three == [Extracted((), number % 5) for number in range(12)]
    readers = {path.suffix for path in alone.iterdir()}, {path.suffix for path in shared.iterdir()}
    assert (
        f".{os.getpid()}" not in readers[0] | readers[1]
    )  # this process reads the store meanwhile
    assert len(readers[0]) == 1 and len(readers[1]) > 1


def test_the_store_is_read_while_the_articles_are(tmp_path: Path) -> None:
    gate = tmp_path / "store read"

    def wait_for_the_store(article: Article) -> Extracted:
        deadline = time.monotonic() + 20
        while not gate.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return Extracted((), int(gate.exists()))

    with extracting(ARTICLES[:3], 1, wait_for_the_store) as extracted:
        gate.touch()  # the build reads its store here
        found = extracted()
    assert found == [Extracted((), 1)] * 3


def test_no_articles_to_extract_starts_no_worker(tmp_path: Path) -> None:
    assert extract_articles([], 2, slow_reader(tmp_path)) == []
    assert not list(tmp_path.iterdir())


def test_build_with_two_jobs_writes_the_same_bytes_as_with_one(tmp_path: Path) -> None:
    outputs = {}
    for jobs in (1, 2):
        project = tmp_path / f"jobs-{jobs}"
        shutil.copytree(DEMO, project / "articles")
        report = build(project / "articles", project / "events.yaml", project / "output", jobs=jobs)
        assert report.articles == 5 and report.cached == 0
        outputs[jobs] = {
            path.relative_to(project).as_posix(): path.read_bytes()
            for path in sorted(project.rglob("*"))
            if path.is_file() and ".timeline" not in path.parts and path.suffix != ".lock"
        }
    assert outputs[1] == outputs[2]
    assert "events.yaml" in outputs[1] and "output/timeline.html" in outputs[1]


def test_sources_from_one_sentence_come_in_the_order_of_their_phrases() -> None:
    quote = "It expects sales in the current fiscal year above fiscal 1989 sales of $155 million."
    phrases = ("this fiscal year", "fiscal 1989", "the current fiscal year")
    candidates = [
        Event(
            f"sales-{number}",
            "Sales",
            "1989",
            "other",
            label="1989",
            sources=(Source("elco.txt", "1989-11-02", quote, phrase, date="1989"),),
        )
        for number, phrase in enumerate(phrases)
    ]
    (merged,) = merge_events(candidates)
    # a set of sources has no order of its own: the output must not take one from it
    assert [source.phrase for source in merged.sources] == sorted(phrases)


def test_articles_parsed_together_give_what_each_gives_alone() -> None:
    articles, _ = read_articles(DEMO)
    assert extract_batch(articles) == [extract_article(article) for article in articles]


def test_files_newer_than_the_cache_are_likely_unread(tmp_path: Path) -> None:
    cache, folder = tmp_path / "cache", tmp_path / "articles"
    cache.mkdir()
    folder.mkdir()
    built = cache.stat().st_mtime_ns
    for name, offset in (("old.txt", -(10**9)), ("new.txt", 10**9), (".new.txt.swp", 10**9)):
        (folder / name).write_text("x", encoding="utf-8")
        os.utime(folder / name, ns=(built + offset, built + offset))
    assert likely_unread(folder, cache) == 1
    assert likely_unread(folder, tmp_path / "no cache yet") == 0


def test_no_head_start_without_a_few_articles_likely_to_read() -> None:
    for likely in (0, FEW + 1):
        with head_start(likely) as ready:
            assert ready is None


def test_an_article_added_after_a_build_is_read_by_the_head_start_with_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.build

    built = tmp_path / "built"
    shutil.copytree(DEMO, built / "articles")
    added = max((built / "articles").iterdir())
    added.rename(tmp_path / added.name)
    build(built / "articles", built / "events.yaml", built / "output")
    taken: list[bool] = []
    real = timeline.build.head_start

    @contextlib.contextmanager
    def noted(likely: int) -> Iterator[Pool | None]:
        with real(likely) as ready:
            taken.append(ready is not None)
            yield ready

    monkeypatch.setattr(timeline.build, "head_start", noted)
    outputs = {}
    for head in (True, False):
        project = tmp_path / f"head-{head}"
        shutil.copytree(built, project)
        shutil.copy(tmp_path / added.name, project / "articles")  # newer than the cache
        if not head:
            monkeypatch.setattr(timeline.build, "likely_unread", lambda *_: 0)
        report = build(project / "articles", project / "events.yaml", project / "output")
        assert report.cached == 4 and report.new + report.updated > 0
        outputs[head] = _written(project)
    assert taken == [True, False]
    assert outputs[True] == outputs[False]


def _written(project: Path) -> dict[str, object]:
    """Every file a build wrote, but its lock, by path: its bytes, and for the memo what it holds
    (pickle may share equal values otherwise, as the build came by them otherwise)."""
    written: dict[str, object] = {}
    for path in sorted(project.rglob("*")):
        if path.is_file() and path.suffix != ".lock":
            name = path.relative_to(project).as_posix()
            written[name] = path.read_bytes()
            if path.suffix == ".memo":
                written[name] = load_memo(path, code_version())
                assert written[name] != Memo()
    return written


def test_a_head_start_with_nothing_to_read_is_stopped_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.events import extracting as module

    shutil.copytree(DEMO, tmp_path / "articles")
    args = (tmp_path / "articles", tmp_path / "events.yaml", tmp_path / "output")
    build(*args)
    first = _written(tmp_path)
    touched = max((tmp_path / "articles").iterdir())
    touched.write_bytes(touched.read_bytes())  # newer than the cache, the same article
    stopped: list[Pool] = []
    real_stop = module._stop

    def noted(ready: Pool | None) -> None:
        stopped.extend([ready] if ready is not None else [])
        real_stop(ready)

    monkeypatch.setattr(module, "_stop", noted)
    report = build(*args)
    assert report.cached == 5
    assert len(stopped) == 1
    assert _written(tmp_path) == first


def test_head_start_worker_collects_only_the_garbage_it_makes_after_loading() -> None:
    """What loading the model makes lives as long as the worker: it is frozen, not walked by
    the cyclic garbage collector, which is on again for what reading articles makes."""
    script = (
        "import gc, sys\n"
        "from timeline.events import extracting\n"
        "gc.disable()  # as the command line runs\n"
        "before = len(gc.get_objects())\n"
        "extracting._ready_to_read()\n"
        "assert gc.isenabled() and gc.get_freeze_count() > 2 * before\n"
        "assert len(gc.get_objects()) < 100 and 'spacy' in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=DEMO.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
