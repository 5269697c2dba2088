"""The demo story, built end to end from the committed articles, as a user would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from timeline import cli
from timeline.ingest import furniture, ingest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo articles built once into a fresh store and output folder."""
    work = tmp_path_factory.mktemp("demo")
    shutil.copytree(ROOT / "articles", work / "articles")
    assert _build(work) == 0
    return work


def _build(work: Path) -> int:
    return cli.main(
        [
            "build",
            "--articles",
            str(work / "articles"),
            "--store",
            str(work / "events.yaml"),
            "--out",
            str(work / "output"),
        ]
    )


def _events(work: Path) -> list[dict[str, object]]:
    loaded = yaml.safe_load((work / "events.yaml").read_text(encoding="utf-8"))
    events: list[dict[str, object]] = loaded["events"]
    return events


def test_build_writes_store_and_timeline(demo: Path) -> None:
    assert (demo / "output" / "timeline.html").stat().st_size > 1_000_000  # plotly.js inlined
    assert len(_events(demo)) >= 5


def test_second_build_changes_no_byte(demo: Path) -> None:
    before = {
        p: p.read_bytes() for p in [demo / "events.yaml", *sorted((demo / "output").iterdir())]
    }
    assert _build(demo) == 0
    after = {p: p.read_bytes() for p in before}
    assert before == after


def test_shoigu_visits_to_pyongyang_are_on_the_timeline(demo: Path) -> None:
    shoigu = [e for e in _events(demo) if "Sergei Shoigu" in e.get("actors", [])]  # type: ignore[operator]
    dates = {str(e["date"]) for e in shoigu}
    assert "2025-06-04" in dates
    assert any(d.startswith("2025-03") for d in dates)


def test_alaska_summit_is_on_the_timeline(demo: Path) -> None:
    summits = [
        e
        for e in _events(demo)
        if e.get("category") == "summit"
        and "Alaska" in str(e.get("place", "")) + str(e.get("title", ""))
    ]
    assert summits
    assert all(str(e["date"]).startswith("2025-08") for e in summits)


def test_troop_deployments_are_on_the_timeline(demo: Path) -> None:
    assert [e for e in _events(demo) if e.get("category") == "deployment"]


def test_every_quote_comes_from_main_text_never_furniture(demo: Path) -> None:
    articles, _ = ingest.read_articles(demo / "articles")
    main = {a.name: " ".join(p.text for p in furniture.main_text(a).passages) for a in articles}
    for event in _events(demo):
        for source in event["sources"]:  # type: ignore[attr-defined]
            assert source["quote"] in main[source["article"]], source


def test_committed_store_is_up_to_date(tmp_path: Path) -> None:
    """Building the committed articles over the committed events.yaml and the committed base of
    the tool's proposals, as in a fresh clone, changes nothing in either."""
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    shutil.copy(ROOT / "events.yaml", tmp_path / "events.yaml")
    (tmp_path / ".timeline").mkdir()
    shutil.copy(
        ROOT / ".timeline" / "events.base.json", tmp_path / ".timeline" / "events.base.json"
    )
    before = (tmp_path / "events.yaml").read_bytes()
    base = (tmp_path / ".timeline" / "events.base.json").read_bytes()
    assert _build(tmp_path) == 0
    assert (tmp_path / "events.yaml").read_bytes() == before
    assert (tmp_path / ".timeline" / "events.base.json").read_bytes() == base
