"""What changed: a rebuild reports, event by event, what the new articles added, moved or
contradicted, in the CLI, output/changes.md and the page; never a hand edit; --dry-run writes
nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.store.samples import FIRST, SECOND, run_build, table_extraction, write_article
from timeline.model import Event, Source
from timeline.render.changelog import changes_markdown
from timeline.store import store
from timeline.store.changes import (
    NO_CHANGES,
    Change,
    Changes,
    changes_from_text,
    changes_text,
    cli_lines,
)

VISIT_ID = "sergei-shoigu-visits-pyongyang-2025-03"
MEETING_ID = "kim-jong-un-meets-sergei-shoigu-2025-06-04"
LETTER_ID = "vladimir-putin-writes-to-kim-jong-un-2025-06-05"
THE_THREE = [
    f"new event: 5 June 2025 · Vladimir Putin writes to Kim Jong Un (from {SECOND})",
    f"new source: Kim Jong Un meets Sergei Shoigu (4 June 2025), from {SECOND}",
    f"date moved: Sergei Shoigu visits Pyongyang: March 2025 → 21 March 2025, from 'on March 21' in {SECOND}",
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project built once from FIRST, with SECOND saved in articles/ but not yet built."""
    monkeypatch.setattr("timeline.events.extract.extract_events", table_extraction)
    write_article(tmp_path / "articles", FIRST)
    assert run_build(tmp_path) == 0
    write_article(tmp_path / "articles", SECOND)
    return tmp_path


def _report(out: str) -> list[str]:
    """The indented lines after "What changed:" in the build's output, or ["No changes."]."""
    lines = out.splitlines()
    if "No changes." in lines:
        return ["No changes."]
    start = lines.index("What changed:") + 1
    report = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        report.append(line.strip())
    return report


def _starred(page: Path) -> set[str]:
    """The ids of the list items the page marks as changed."""
    return set(re.findall(r'<li data-id="([^"]+)" data-changed', page.read_text(encoding="utf-8")))


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under the folder, hidden ones included, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_new_article_reports_its_new_event_new_source_and_moved_date(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run_build(project) == 0
    out = capsys.readouterr().out
    assert "Events: 1 new, 2 updated, 0 unchanged" in out
    assert _report(out) == THE_THREE


def test_changes_md_holds_the_same_report(project: Path) -> None:
    run_build(project)
    text = (project / "output" / "changes.md").read_text(encoding="utf-8")
    assert "1 new event, 1 event with a new source, 1 date moved." in text
    bullets = [line[2:] for line in text.splitlines() if line.startswith("- ")]
    assert len(bullets) == 3
    assert "## New events" in text and "## Dates moved" in text
    assert "'on March 21' in 2025-06-06-shoigu-in-pyongyang-again.txt" in bullets[2]


def test_page_stars_exactly_the_changed_events(project: Path) -> None:
    run_build(project)
    page = project / "output" / "timeline.html"
    assert _starred(page) == {VISIT_ID, MEETING_ID, LETTER_ID}
    text = page.read_text(encoding="utf-8")
    assert "new or changed in the latest build that changed anything (3 events)" in text
    assert "★ latest build: date moved" in text
    assert "only the 3 new or changed ★" in text


def test_first_build_stars_every_event_it_added(project: Path) -> None:
    assert _starred(project / "output" / "timeline.html") == {VISIT_ID, MEETING_ID}


def test_second_rebuild_reports_no_changes_and_changes_no_byte(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_build(project)
    before = _tree(project)
    capsys.readouterr()
    assert run_build(project) == 0
    out = capsys.readouterr().out
    assert _report(out) == ["No changes."]
    assert "still show the 3 change(s) of the latest build that made some" in out
    assert _tree(project) == before  # the page keeps the latest changes' stars


def test_dry_run_prints_the_report_and_leaves_every_file_byte_identical(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _tree(project)
    capsys.readouterr()
    assert run_build(project, "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.startswith("Dry run: nothing is written")
    assert _report(out) == THE_THREE
    assert "(not written)" in out and "Wrote" not in out
    assert _tree(project) == before


def test_dry_run_on_a_fresh_folder_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("timeline.events.extract.extract_events", table_extraction)
    write_article(tmp_path / "articles", FIRST)
    before = _tree(tmp_path)
    assert run_build(tmp_path, "--dry-run") == 0
    assert _tree(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles"]


def test_dry_run_then_build_report_the_same(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    run_build(project, "--dry-run")
    dry = _report(capsys.readouterr().out)
    run_build(project)
    assert _report(capsys.readouterr().out) == dry


def test_hand_edits_are_never_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "events.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Sergei Shoigu visits Pyongyang", "title: Shoigu in Pyongyang", 1)
    text = text.replace('date: "2025-06-04"', 'date: "2025-06-03"', 1)
    path.write_text(text, encoding="utf-8")
    (project / "articles" / SECOND).unlink()
    capsys.readouterr()
    assert run_build(project) == 0
    assert _report(capsys.readouterr().out) == ["No changes."]


def test_deleted_event_a_new_article_reports_is_kept_deleted_and_said_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "events.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + f"deleted:\n  - {VISIT_ID}\n", encoding="utf-8"
    )
    capsys.readouterr()
    run_build(project)
    report = _report(capsys.readouterr().out)
    assert (
        f"kept deleted: Sergei Shoigu visits Pyongyang (21 March 2025), reported by {SECOND}"
        in report
    )
    assert not any(VISIT_ID in line or "visits Pyongyang" in line for line in report[:-1])
    run_build(project)
    assert _report(capsys.readouterr().out) == ["No changes."]


def test_long_report_is_cut_with_a_count_and_where_the_rest_is() -> None:
    changes = Changes(tuple(Change("new", f"e{n}", f"event {n}") for n in range(50)))
    lines = cli_lines(changes, 12, "output/changes.md")
    assert len(lines) == 12
    assert lines[-1] == "… and 39 more: see output/changes.md"
    assert changes_markdown(changes).count("\n- ") == 50


def test_no_changes_reads_no_changes() -> None:
    assert cli_lines(NO_CHANGES, 12, "output/changes.md") == ["No changes."]
    assert NO_CHANGES.summary() == "no changes"
    assert "No changes" in changes_markdown(NO_CHANGES)


def test_report_survives_being_remembered() -> None:
    changes = Changes((Change("date", "x", "X: March → 1 March"), Change("new", "y", "Y")))
    assert changes_from_text(changes_text(changes)) == changes


@pytest.mark.parametrize("text", ["", "{", '{"changes": 3}', '{"changes": [{"kind": "new"}]}'])
def test_unreadable_remembered_report_means_none(text: str) -> None:
    assert changes_from_text(text) == NO_CHANGES


# The store alone: the comparison behind the report.

WIRE = Source(
    "wire.txt", "2025-06-05", "Kim met Shoigu on Wednesday.", "on Wednesday", date="2025-06-04"
)
OTHER = Source(
    "other.txt", "2025-06-06", "Kim met Shoigu on Tuesday.", "on Tuesday", date="2025-06-03"
)
MEETING = Event("meeting-2025-06-04", "Kim meets Shoigu", "2025-06-04", "meeting", sources=(WIRE,))


def _update(path: Path, extracted: list[Event]) -> store.StoreUpdate:
    update = store.update_store(store.load_store(path), extracted)
    store.write_store(path, update)
    return update


def test_a_new_disagreement_is_reported_and_so_is_its_resolution(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _update(path, [MEETING])
    clash = "kept 4 June 2025; other.txt gives 3 June 2025 (on Tuesday)"
    disputed = _update(
        path, [Event(**{**MEETING.__dict__, "sources": (WIRE, OTHER), "disagreement": clash})]
    )
    assert [c.kind for c in disputed.changes.changes] == ["source", "disagreement"]
    assert (
        disputed.changes.lines()[1] == f"sources disagree: Kim meets Shoigu (4 June 2025): {clash}"
    )
    settled = _update(path, [Event(**{**MEETING.__dict__, "sources": (WIRE, OTHER)})])
    assert settled.changes.lines() == [
        "disagreement resolved: Kim meets Shoigu (4 June 2025): the sources now agree"
    ]


def test_other_refreshed_fields_are_named(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    _update(path, [MEETING])
    update = _update(
        path, [Event(**{**MEETING.__dict__, "place": "Pyongyang", "actors": ("Kim Jong Un",)})]
    )
    assert update.changes.lines() == [
        "updated: Kim meets Shoigu (4 June 2025): actors + Kim Jong Un, place 'Pyongyang'"
    ]
    assert update.updated == 1
