"""`timeline tag`: JSON out, JSON Lines batches, clear errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from timeline.cli import main


def test_tag_prints_the_timexes_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Kim met Shoigu on Wednesday.", encoding="utf-8")
    assert main(["tag", "--published", "2025-06-05", str(article)]) == 0
    [timex] = json.loads(capsys.readouterr().out)
    assert {k: timex[k] for k in ("start", "end", "text", "type", "value")} == {
        "start": 18,
        "end": 27,
        "text": "Wednesday",
        "type": "DATE",
        "value": "2025-06-04",
    }
    assert (timex["earliest"], timex["latest"], timex["granularity"]) == (
        "2025-06-04",
        "2025-06-04",
        "day",
    )


def test_tag_batch_writes_one_line_per_record(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        {"id": "a", "text": "last year", "published": "2025-06-05"},
        {"id": "b", "text": "nothing here", "published": "2025-06-05"},
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(json.dumps(r) + "\n" for r in records)))
    assert main(["tag", "--batch"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["id"], [t["value"] for t in line["timexes"]]) for line in lines] == [
        ("a", ["2024"]),
        ("b", []),
    ]


def test_tag_rejects_a_bad_publish_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("today", encoding="utf-8")
    assert main(["tag", "--published", "2025-13-05", str(article)]) == 1
    assert capsys.readouterr().err == (
        "Error: --published: '2025-13-05' is not a date; write it as YYYY-MM-DD\n"
    )


def test_tag_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["tag", "--published", "2025-06-05", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {missing}: cannot read") and "UTF-8 text file" in err


def test_tag_batch_names_the_bad_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO('{"id": 1, "text": "x", "published": "2025-06-05"}\n{oops\n')
    )
    assert main(["tag", "--batch"]) == 1
    assert capsys.readouterr().err.startswith("Error: stdin line 2: not JSON")


def test_tag_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["tag", "--help"])
    assert "--published" in capsys.readouterr().out


ARTICLE = "---\ntitle: Talks\npublished: 2025-06-05\n---\nKim met Shoigu on Wednesday.\n"


def test_tag_skips_an_articles_front_matter_and_keeps_file_offsets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["tag", str(article)]) == 0
    [timex] = json.loads(capsys.readouterr().out)
    assert (timex["text"], timex["value"]) == ("Wednesday", "2025-06-04")
    assert ARTICLE[timex["start"] : timex["end"]] == "Wednesday"


def test_tag_published_option_wins_over_the_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["tag", "--published", "2025-06-12", str(article)]) == 0
    assert [t["value"] for t in json.loads(capsys.readouterr().out)] == ["2025-06-11"]


def test_tag_without_any_publish_date_says_how_to_give_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Kim met Shoigu on Wednesday.", encoding="utf-8")
    assert main(["tag", str(article)]) == 1
    assert capsys.readouterr().err == (
        f"Error: {article}: no publish date; give --published YYYY-MM-DD (or a 'published:' "
        "line in the file's front matter)\n"
    )
