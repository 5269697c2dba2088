"""The build memo (.timeline/events.memo): what a build kept is taken by the next only where it
still holds, so a build with the memo writes the very bytes a build without it writes."""

from __future__ import annotations

import functools
import os
import pickle
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.build import build
from timeline.events.cache import Extracted, code_version
from timeline.events.clustering import cluster_all, recluster
from timeline.events.extracting import extract_batch
from timeline.ingest.ingest import ParsedFiles, parse_article, read_articles
from timeline.memo import Memo, holds_news, load_memo, save_memo
from timeline.model import Event, TimelineError
from timeline.remembered import per_event
from timeline.store.parsed import text_digest
from timeline.store.paths import memo_path
from timeline.store.store import load_store
from timeline.store.storefile import parse

DEMO = Path(__file__).resolve().parent.parent / "articles"
ARTICLE = b"---\npublished: 2025-06-05\n---\nKim met Shoigu in Pyongyang on Wednesday.\n"


@functools.cache
def _built_once(folder: Path) -> Path:
    """The demo built once but for its last article, kept aside for `built` to copy."""
    project = folder / "built"
    shutil.copytree(DEMO, project / "articles")
    last = max((project / "articles").iterdir())
    last.rename(folder / last.name)
    build(*_paths(project))
    return project


@pytest.fixture
def built(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A project built from the demo but for its last article, which lies beside it."""
    original = _built_once(tmp_path_factory.getbasetemp() / "memo")
    shutil.copytree(original, tmp_path / "project")
    shutil.copy(max(original.parent.glob("*.txt")), tmp_path / "added.txt")
    return tmp_path / "project"


def _paths(project: Path) -> tuple[Path, Path, Path]:
    return project / "articles", project / "events.yaml", project / "output"


def _files(project: Path) -> dict[str, bytes]:
    """What a user and the next build see: every file but the lock and the memo."""
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in sorted(project.rglob("*"))
        if path.is_file() and path.suffix not in (".lock", ".memo")
    }


def _with_and_without_memo(project: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The project built again as it is, once with its memo and once with the memo gone."""
    twin = project.parent / "without-memo"
    shutil.copytree(project, twin)
    memo_path(twin / "events.yaml").unlink()
    build(*_paths(project))
    build(*_paths(twin))
    return _files(project), _files(twin)


def test_a_build_keeps_what_it_worked_out_for_the_next(built: Path) -> None:
    memo = load_memo(memo_path(built / "events.yaml"), code_version())
    assert len(memo.articles) == len(memo.extracted) == 4
    assert memo.merged is not None and memo.merged.events
    assert memo.texts


def test_an_added_article_builds_the_same_bytes_with_the_memo_as_without(built: Path) -> None:
    shutil.copy(built.parent / "added.txt", built / "articles")
    with_memo, without = _with_and_without_memo(built)
    assert with_memo == without


def test_a_hand_edit_survives_a_build_with_the_memo_as_without(built: Path) -> None:
    store = built / "events.yaml"
    text = store.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.strip().startswith("title:"))
    store.write_text(text.replace(title, "    title: Written by hand", 1), encoding="utf-8")
    shutil.copy(built.parent / "added.txt", built / "articles")
    with_memo, without = _with_and_without_memo(built)
    assert with_memo == without
    assert "    title: Written by hand\n" in with_memo["events.yaml"].decode("utf-8")


def test_an_edited_and_a_removed_article_build_the_same_bytes_with_the_memo(built: Path) -> None:
    first, second = sorted((built / "articles").iterdir())[:2]
    first.write_text(first.read_text(encoding="utf-8") + "\nMore words.\n", encoding="utf-8")
    second.unlink()
    with_memo, without = _with_and_without_memo(built)
    assert with_memo == without
    memo = load_memo(memo_path(built / "events.yaml"), code_version())
    assert {name for name, _ in memo.articles} == {p.name for p in (built / "articles").iterdir()}


def test_a_dry_run_leaves_the_memo_as_it_is(built: Path) -> None:
    shutil.copy(built.parent / "added.txt", built / "articles")
    memo = memo_path(built / "events.yaml")
    before = memo.read_bytes()
    build(*_paths(built), dry_run=True)
    assert memo.read_bytes() == before


def test_a_store_is_taken_as_parsed_until_someone_edits_it(tmp_path: Path) -> None:
    shutil.copytree(DEMO, tmp_path / "articles")  # more than a few articles read: it parses
    build(*_paths(tmp_path))  # the store it wrote, for the next build
    store = tmp_path / "events.yaml"
    memo = load_memo(memo_path(store), code_version())
    text = store.read_text(encoding="utf-8")
    kept = memo.store.documents[text_digest(text)]
    assert load_store(store, memo.store).document is kept
    assert kept == parse(text)[0]
    store.write_text(text + "# a note\n", encoding="utf-8")
    assert load_store(store, memo.store).document == parse(text + "# a note\n")[0]
    store.write_text(text + "events: []\n", encoding="utf-8")
    with pytest.raises(TimelineError, match="appears twice"):
        build(*_paths(tmp_path))


def test_a_memo_of_another_version_of_the_code_is_not_read(tmp_path: Path) -> None:
    save_memo(tmp_path / "events.memo", "1.0+old", Memo(texts={_event(): {"hover": "old"}}))
    assert load_memo(tmp_path / "events.memo", "1.0+new") == Memo()
    assert load_memo(tmp_path / "events.memo", "1.0+old") != Memo()


def test_a_memo_written_with_another_plotly_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_memo(tmp_path / "events.memo", "1.0", Memo(template={"layout": {}}))
    monkeypatch.setattr("timeline.memo._plotly_version", lambda: "0.0-other")
    assert load_memo(tmp_path / "events.memo", "1.0") == Memo()


def test_a_damaged_memo_is_read_as_none_and_the_build_is_the_same(built: Path) -> None:
    memo = memo_path(built / "events.yaml")
    memo.write_bytes(memo.read_bytes()[:1000])
    assert load_memo(memo, code_version()) == Memo()
    shutil.copy(built.parent / "added.txt", built / "articles")
    with_memo, without = _with_and_without_memo(built)
    assert with_memo == without


class _Planted:
    """What an attacker would pickle: unpickling it runs a command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_memo_can_run_no_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    planted = tmp_path / "events.memo"
    planted.write_bytes(pickle.dumps(("any", _Planted(marker))))
    assert load_memo(planted, code_version()) == Memo()
    assert not marker.exists()


def test_a_file_whose_bytes_changed_is_parsed_again() -> None:
    known = ParsedFiles()
    before = known.article("a.txt", ARTICLE)
    again = ParsedFiles(known.used)
    assert again.article("a.txt", ARTICLE) is before  # the same bytes: taken as parsed
    changed = ARTICLE.replace(b"Wednesday", b"Thursday")
    assert again.article("a.txt", changed) == parse_article("a.txt", changed)
    assert again.article("b.txt", ARTICLE).name == "b.txt"  # the name is part of the key


def test_a_memo_holds_news_when_its_articles_or_candidates_changed() -> None:
    articles, _ = read_articles(DEMO)
    read = Memo(articles={("a.txt", "1"): articles[0]})
    assert not holds_news(Memo(articles=dict(read.articles), texts={_event(): {}}), read)
    assert holds_news(Memo(articles={("a.txt", "2"): articles[0]}), read)
    assert holds_news(Memo(articles=dict(read.articles), extracted={"key": _found()}), read)


def test_merging_again_from_an_earlier_builds_merge_takes_every_cluster_as_it_was() -> None:
    candidates = [event for found in _demo_found() for event in found.events]
    order = sorted(candidates, key=lambda e: e.sources[0].quote)
    kept = pickle.loads(pickle.dumps(cluster_all(order)))  # equal candidates, other objects
    assert kept.order[0] is not order[0]
    again = recluster(order, kept)
    assert None not in again.twins
    assert again.members == cluster_all(order).members


def test_equal_candidates_are_told_apart_by_their_turn() -> None:
    event = _demo_found()[0].events[0]
    twice = [event, replace(event)]  # equal values: one sentence told twice
    assert recluster(twice, cluster_all(twice)).members == cluster_all(twice).members
    assert recluster(twice[:1], cluster_all(twice)).members == cluster_all(twice[:1]).members


def test_a_remembered_text_is_worked_out_again_for_a_changed_event() -> None:
    worked: list[str] = []

    @per_event("test-title")
    def shout(event: Event) -> str:
        worked.append(event.title)
        return event.title.upper()

    event = _event()
    assert shout(event) == shout(replace(event)) == "A MEETING"
    assert shout(replace(event, place="Moscow")) == "A MEETING"
    assert shout(replace(event, title="A summit")) == "A SUMMIT"
    assert worked == ["A meeting", "A meeting", "A summit"]


def _event() -> Event:
    return Event(id="a-meeting-2025-06-04", title="A meeting", date="2025-06-04")


@functools.cache
def _demo_found() -> tuple[Extracted, ...]:
    articles, _ = read_articles(DEMO)
    return tuple(extract_batch(articles[:2]))


def _found() -> Extracted:
    return _demo_found()[0]


def test_an_event_read_back_in_another_process_keys_its_equal_there(tmp_path: Path) -> None:
    """An event's hash is worked out once and kept on it, but never pickled: a text's hash
    differs from one process to the next, so a memo's events must hash afresh when read."""
    event = Event("e", "Kim met Shoigu", "2025-06-04", actors=("Kim Jong Un",))
    hash(event)  # worked out here, before it is pickled
    (tmp_path / "event.pickle").write_bytes(pickle.dumps(event))
    script = (
        "import pickle, sys\n"
        "from timeline.model import Event\n"
        "read = pickle.loads(open(sys.argv[1], 'rb').read())\n"
        "equal = Event('e', 'Kim met Shoigu', '2025-06-04', actors=('Kim Jong Un',))\n"
        "assert {equal: 1}.get(read) == 1 and hash(read) == hash(equal)\n"
    )
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "event.pickle")],
            cwd=Path(__file__).resolve().parent.parent,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
