"""The extraction cache: an unchanged article is not extracted again; any change extracts afresh."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from timeline.cache import ExtractionCache, article_key, tool_version
from timeline.model import Article, Event, MainText, Passage, Source

ARTICLE = Article("kim.txt", date(2025, 6, 5), "Kim met Shoigu on Wednesday.", title="Kim vows support")
MAIN = MainText(ARTICLE, (Passage(0, len(ARTICLE.body), ARTICLE.body),))
EVENT = Event(
    "shoigu-visit",
    "Shoigu visits",
    "2025-06-04",
    "visit",
    actors=("Sergei Shoigu",),
    sources=(Source("kim.txt", "2025-06-05", ARTICLE.body, "on Wednesday"),),
)


class CountingExtractor:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, main: MainText) -> list[Event]:
        self.calls += 1
        return [EVENT]


def test_unchanged_article_is_not_extracted_again(tmp_path: Path) -> None:
    extract = CountingExtractor()
    first = ExtractionCache(tmp_path, "1").events(MAIN, extract)
    second = ExtractionCache(tmp_path, "1").events(MAIN, extract)
    assert extract.calls == 1
    assert first == second == [EVENT]


def test_changed_article_is_extracted_again(tmp_path: Path) -> None:
    extract = CountingExtractor()
    ExtractionCache(tmp_path, "1").events(MAIN, extract)
    edited = replace(MAIN, article=replace(ARTICLE, published=date(2025, 6, 6)))
    ExtractionCache(tmp_path, "1").events(edited, extract)
    assert extract.calls == 2


def test_new_tool_version_extracts_again(tmp_path: Path) -> None:
    extract = CountingExtractor()
    ExtractionCache(tmp_path, "1").events(MAIN, extract)
    ExtractionCache(tmp_path, "2").events(MAIN, extract)
    assert extract.calls == 2


def test_unreadable_cache_entry_is_extracted_again(tmp_path: Path) -> None:
    extract = CountingExtractor()
    ExtractionCache(tmp_path, "1").events(MAIN, extract)
    (tmp_path / f"{article_key(MAIN, '1')}.json").write_text("{not json", encoding="utf-8")
    assert ExtractionCache(tmp_path, "1").events(MAIN, extract) == [EVENT]
    assert extract.calls == 2


def test_prune_forgets_articles_the_build_did_not_read(tmp_path: Path) -> None:
    extract = CountingExtractor()
    ExtractionCache(tmp_path, "1").events(MAIN, extract)
    cache = ExtractionCache(tmp_path, "2")
    cache.events(MAIN, extract)
    cache.prune()
    assert [path.stem for path in tmp_path.glob("*.json")] == [article_key(MAIN, "2")]


def test_tool_version_names_the_package_version_and_is_stable() -> None:
    from timeline import __version__

    assert tool_version().startswith(f"{__version__}+")
    assert tool_version() == tool_version()


def test_second_build_extracts_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for stage in ("ingest", "furniture", "extract", "merge", "render"):
        pytest.importorskip(f"timeline.{stage}")
    from timeline import extract
    from timeline.build import build

    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "articles", tmp_path / "articles")
    calls: list[str] = []
    real = extract.extract_events

    def counting(main: MainText) -> list[Event]:
        calls.append(main.article.name)
        return list(real(main))

    monkeypatch.setattr(extract, "extract_events", counting)
    args = (tmp_path / "articles", tmp_path / "events.yaml", tmp_path / "output")
    first = build(*args)
    assert len(calls) == first.articles
    calls.clear()
    build(*args)
    assert calls == []
