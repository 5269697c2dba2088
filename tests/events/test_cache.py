"""The extraction cache: an unchanged article is not extracted again; any change extracts afresh."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from timeline.events.cache import Extracted, ExtractionCache, article_key, tool_version
from timeline.model import Article, Dropped, Event, MainText, Passage, Source

ARTICLE = Article(
    "kim.txt", date(2025, 6, 5), "Kim met Shoigu on Wednesday.", title="Kim vows support"
)
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


def main_text(article: Article) -> MainText:
    return MainText(article, (Passage(0, 3, article.body[:3]),), (Dropped(3, 10, "furniture"),))


def read(cache: ExtractionCache, article: Article, extract: CountingExtractor) -> Extracted:
    return cache.extracted(article, main_text, extract)


def test_unchanged_article_is_not_extracted_again(tmp_path: Path) -> None:
    extract = CountingExtractor()
    first = read(ExtractionCache(tmp_path, "1"), ARTICLE, extract)
    second = read(ExtractionCache(tmp_path, "1"), ARTICLE, extract)
    assert extract.calls == 1
    assert first == second == Extracted((EVENT,), 7)


def test_unchanged_article_skips_furniture_removal(tmp_path: Path) -> None:
    read(ExtractionCache(tmp_path, "1"), ARTICLE, CountingExtractor())

    def no_furniture(article: Article) -> MainText:
        raise AssertionError("furniture removal ran on a cached article")

    cached = ExtractionCache(tmp_path, "1").extracted(ARTICLE, no_furniture, CountingExtractor())
    assert cached.dropped_chars == 7


@pytest.mark.parametrize(
    "edit",
    [
        {"published": date(2025, 6, 6)},
        {"body": "Kim met Shoigu on Tuesday."},
        {"title": "Kim vows full support"},
    ],
)
def test_changed_article_is_extracted_again(tmp_path: Path, edit: dict[str, object]) -> None:
    extract = CountingExtractor()
    read(ExtractionCache(tmp_path, "1"), ARTICLE, extract)
    read(ExtractionCache(tmp_path, "1"), replace(ARTICLE, **edit), extract)
    assert extract.calls == 2


def test_new_tool_version_extracts_again(tmp_path: Path) -> None:
    extract = CountingExtractor()
    read(ExtractionCache(tmp_path, "1"), ARTICLE, extract)
    read(ExtractionCache(tmp_path, "2"), ARTICLE, extract)
    assert extract.calls == 2


def test_unreadable_cache_entry_is_extracted_again(tmp_path: Path) -> None:
    extract = CountingExtractor()
    read(ExtractionCache(tmp_path, "1"), ARTICLE, extract)
    (tmp_path / f"{article_key(ARTICLE, '1')}.json").write_text("{not json", encoding="utf-8")
    assert read(ExtractionCache(tmp_path, "1"), ARTICLE, extract).events == (EVENT,)
    assert extract.calls == 2


def test_prune_forgets_articles_the_build_did_not_read(tmp_path: Path) -> None:
    extract = CountingExtractor()
    read(ExtractionCache(tmp_path, "1"), ARTICLE, extract)
    cache = ExtractionCache(tmp_path, "2")
    read(cache, ARTICLE, extract)
    cache.prune()
    assert [path.stem for path in tmp_path.glob("*.json")] == [article_key(ARTICLE, "2")]


def test_tool_version_names_the_package_version_and_is_stable() -> None:
    from timeline import __version__

    assert tool_version().startswith(f"{__version__}+")
    assert tool_version() == tool_version()


def test_tool_version_names_the_english_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline import nlp

    assert tool_version().endswith(f"+{nlp.model_id()}")
    monkeypatch.setattr(nlp, "model_id", lambda: "en_core_web_sm-3.8.1")
    assert tool_version().endswith("+en_core_web_sm-3.8.1")


def test_second_build_extracts_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.build import build
    from timeline.events import extract

    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "articles", tmp_path / "articles")
    calls = tmp_path / "calls"  # one file per extraction: the articles are read in workers
    calls.mkdir()
    real = extract.extract_events

    def counting(main: MainText, **given: Any) -> list[Event]:  # given: the parsed passages
        (calls / main.article.name).touch()
        return list(real(main, **given))

    monkeypatch.setattr(extract, "extract_events", counting)
    args = (tmp_path / "articles", tmp_path / "events.yaml", tmp_path / "output")
    first = build(*args)
    assert len(list(calls.iterdir())) == first.articles
    shutil.rmtree(calls)
    calls.mkdir()
    second = build(*args)
    assert list(calls.iterdir()) == []
    assert second.dropped == first.dropped  # furniture figures kept, not measured again


def test_second_build_removes_no_furniture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.build import build
    from timeline.ingest import furniture

    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "articles", tmp_path / "articles")
    args = (tmp_path / "articles", tmp_path / "events.yaml", tmp_path / "output")
    build(*args)
    calls: list[str] = []
    real = furniture.main_text

    def counting(article: Article) -> MainText:
        calls.append(article.name)
        return real(article)

    monkeypatch.setattr(furniture, "main_text", counting)
    build(*args)
    assert calls == []


# A fresh process runs a build and says whether spaCy was ever imported in it.
_BUILD_AND_SAY_IF_SPACY = (
    "import sys; from pathlib import Path; from timeline.build import build; "
    "build(*(Path(arg) for arg in sys.argv[1:4])); print('spacy' in sys.modules)"
)


def test_cached_build_never_imports_spacy(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "articles", tmp_path / "articles")
    args = [str(tmp_path / name) for name in ("articles", "events.yaml", "output")]
    command = [sys.executable, "-c", _BUILD_AND_SAY_IF_SPACY, *args]
    subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)  # extracts
    second = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
    assert second.stdout.strip() == "False"
    assert (tmp_path / "events.yaml").is_file()
