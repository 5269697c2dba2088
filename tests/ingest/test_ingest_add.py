"""`timeline add`: articles copied into the folder with front matter, named for people, kept once."""

from __future__ import annotations

import argparse
import shutil
from datetime import date
from pathlib import Path

import pytest

from timeline import cli
from timeline.cli import main
from timeline.ingest import add, ingest
from timeline.model import TimelineError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_text_with_a_dateline_is_added_with_front_matter_and_a_warning(tmp_path: Path) -> None:
    added = add.add_article(FIXTURES / "dateline.txt", tmp_path / "articles")
    assert added.name == "2025-08-14-north-korea-says-russian-delegation-to-attend-liberation.txt"
    assert added.warnings and "inferred from dateline" in added.warnings[0]
    text = (tmp_path / "articles" / added.name).read_text(encoding="utf-8")
    assert text.startswith(
        "---\ntitle: North Korea says Russian delegation to attend liberation anniversary\n"
        "published: '2025-08-14'\npublished_evidence: inferred from dateline 'SEOUL, Aug 14, 2025' on line 3\n---\n"
    )


def test_added_article_reads_back_with_the_same_text_and_no_warning(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    add.add_article(FIXTURES / "dateline.txt", folder)
    (article,), skipped = ingest.read_articles(folder)
    original = ingest.parse_article("dateline.txt", (FIXTURES / "dateline.txt").read_bytes())
    assert skipped == [] and article.warnings == ()
    assert ingest.body_hash(article.body) == ingest.body_hash(original.body)


def test_published_option_overrides_inference(tmp_path: Path) -> None:
    added = add.add_article(FIXTURES / "no-date.txt", tmp_path, published=date(2025, 6, 1))
    assert added.name.startswith("2025-06-01-analysis-what-the-north-korea-russia-alliance")
    assert added.warnings == ()


def test_text_without_a_date_asks_for_the_published_option(tmp_path: Path) -> None:
    with pytest.raises(
        TimelineError, match="pass the date with --published, e.g. --published 2025-06-05"
    ):
        add.add_article(FIXTURES / "no-date.txt", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_web_page_is_added_as_its_main_text_with_its_metadata(tmp_path: Path) -> None:
    added = add.add_article(FIXTURES / "news-page.html", tmp_path)
    assert added.name == "2025-06-05-shoigu-meets-kim-in-pyongyang-as-russia-thanks.txt"
    (article,), _ = ingest.read_articles(tmp_path)
    assert (article.source, article.published) == ("The Harbour Times", date(2025, 6, 5))
    assert ("author", "Min-ji Park") in article.extra


def test_same_article_added_twice_is_kept_once(tmp_path: Path) -> None:
    first = add.add_article(FIXTURES / "dateline.txt", tmp_path)
    second = add.add_article(FIXTURES / "dateline.txt", tmp_path)
    assert second.name == "" and second.message.endswith(
        f"already in {tmp_path}/{first.name}; kept once"
    )
    assert [p.name for p in tmp_path.iterdir()] == [first.name]


def test_same_text_under_another_name_is_kept_once(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "dateline.txt", tmp_path / "copy.txt")
    folder = tmp_path / "articles"
    add.add_article(FIXTURES / "dateline.txt", folder)
    assert add.add_article(tmp_path / "copy.txt", folder).name == ""


def test_different_articles_with_the_same_title_get_numbered_names(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text(
        "---\ntitle: Kim meets Shoigu\npublished: 2025-06-05\n---\nFirst text.\n", encoding="utf-8"
    )
    two.write_text(
        "---\ntitle: Kim meets Shoigu\npublished: 2025-06-05\n---\nSecond text.\n", encoding="utf-8"
    )
    folder = tmp_path / "articles"
    names = [add.add_article(p, folder).name for p in (one, two)]
    assert names == ["2025-06-05-kim-meets-shoigu.txt", "2025-06-05-kim-meets-shoigu-2.txt"]


def test_front_matter_keys_of_the_original_are_kept(tmp_path: Path) -> None:
    source = tmp_path / "in.md"
    source.write_text(
        "---\npublished: 2025-06-05\nauthor: Jane Doe\n---\n# Kim meets Shoigu\n\nText.\n",
        encoding="utf-8",
    )
    added = add.add_article(source, tmp_path / "articles")
    assert added.name == "2025-06-05-kim-meets-shoigu.md"
    (article,), _ = ingest.read_articles(tmp_path / "articles")
    assert article.title == "Kim meets Shoigu" and ("author", "Jane Doe") in article.extra


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "North Korea's Kim vows 'unconditional support'",
            "north-koreas-kim-vows-unconditional-support",
        ),
        ("Shoigu in Pyongyang: a timeline", "shoigu-in-pyongyang-a-timeline"),
        ("Über Kim’s visit — Ça va", "uber-kims-visit-ca-va"),
        ("!!!", "article"),
        (
            "one two three four five six seven eight nine ten",
            "one-two-three-four-five-six-seven-eight",
        ),
    ],
)
def test_slug_of_title(title: str, expected: str) -> None:
    assert add.slug(title) == expected


def test_add_has_help_text(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["add", "--help"])
    assert exit_info.value.code == 0
    assert "--published DATE" in capsys.readouterr().out


def test_add_rejects_a_published_option_that_is_not_a_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["add", "x.txt", "--published", "June 5"])
    assert exit_info.value.code == 2
    assert "'June 5' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err


def test_add_command_copies_then_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    builds: list[Path] = []

    def fake_build(args: argparse.Namespace) -> int:
        builds.append(args.articles)
        return 0

    monkeypatch.setattr(cli, "_run_build", fake_build)
    folder = tmp_path / "articles"
    code = main(["add", str(FIXTURES / "dateline.txt"), "--articles", str(folder)])
    out, err = capsys.readouterr()
    name = "2025-08-14-north-korea-says-russian-delegation-to-attend-liberation.txt"
    assert (code, builds) == (0, [folder])
    assert out == f"{FIXTURES / 'dateline.txt'}: added as {folder}/{name}\n"
    assert err.startswith(
        "  Warning: front matter gives no 'published' date; publish date 2025-08-14"
    )


def test_add_command_reports_each_bad_file_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_run_build", lambda args: 0)
    folder = tmp_path / "articles"
    missing = tmp_path / "missing.txt"
    code = main(["add", str(missing), str(FIXTURES / "no-date.txt"), "--articles", str(folder)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"Error: {missing}: no such file; check the name and folder" in err
    assert "Error: no-date.txt: no publish date" in err
    assert "pass the date with --published, e.g. --published 2025-06-05" in err
