"""`timeline check`: each problem in events.yaml at its line; non-zero exit only on errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import cli
from timeline.store.check import check_text

GOOD = """\
events:
  - id: shoigu-visit
    title: Shoigu visits Pyongyang
    date: "2025-06-04"
    category: visit
    actors: [Sergei Shoigu, Kim Jong Un]
    sources:
      - article: kim.txt
        published: "2025-06-05"
        quote: Kim met Shoigu on Wednesday.
        phrase: on Wednesday
"""


def _entry(event_id: str, *fields: str) -> str:
    return f"  - id: {event_id}\n" + "".join(f"    {line}\n" for line in fields)


@pytest.mark.parametrize(
    ("entry", "line", "severity", "message"),
    [
        (
            _entry("x", "title: X", "date: 2025-6-4"),
            14,
            "error",
            "`date: 2025-6-4` is not an ISO date",
        ),
        (_entry("x", "title: X", "date: '2025-02-30'"), 14, "error", "is not an ISO date"),
        (
            _entry("x", "title: X", "date: '2025-06'", "end: '2025-05'"),
            15,
            "error",
            "`end: 2025-05` is before `date: 2025-06`",
        ),
        (_entry("x", "date: '2025'"), 12, "error", "event has no `title`"),
        (
            _entry("shoigu-visit", "title: X", "date: '2025'"),
            12,
            "error",
            "duplicate id `shoigu-visit` (first used on line 2)",
        ),
        (
            _entry(
                "x", "title: X", "date: '2025-06-04'", "category: visit", "actors: [kim jong un]"
            ),
            12,
            "warning",
            "`x` looks like a duplicate of `shoigu-visit` (line 2)",
        ),
        (
            _entry("x", "title: X", "date: '2025'", "category: parade"),
            15,
            "warning",
            "unknown category `parade`",
        ),
        (
            _entry("x", "title: X", "date: '2025'", "qualifier: roughly"),
            15,
            "warning",
            "unknown qualifier `roughly`",
        ),
        (
            _entry(
                "x",
                "title: X",
                "date: '2025'",
                "qualifier: before",
                "sources:",
                "  - article: kim.txt",
                "    quote: Q",
                "    phrase: earlier",
                "    resolution: unresolved (no anchor)",
            ),
            16,
            "warning",
            "`earlier` in kim.txt is unresolved (unresolved (no anchor)); check `date` by hand",
        ),
        (
            _entry(
                "x",
                "title: X",
                "date: '2025-08-17'",
                "qualifier: before",
                "sources:",
                "  - article: kim.txt",
                "    quote: Q",
                "    phrase: days before the summit",
                "    resolution: the summit is not dated here",
            ),
            16,
            "warning",
            "`days before the summit` in kim.txt is unresolved",
        ),
        (
            _entry(
                "x", "title: X", "date: '2025'", "sources:", "  - article: gone.txt", "    quote: Q"
            ),
            15,
            "warning",
            "source article `gone.txt` is not in the articles folder",
        ),
        (
            _entry("x", "title: X", "date: '2025'", "colour: red"),
            15,
            "error",
            "unknown key `colour`",
        ),
    ],
)
def test_problem_is_reported_at_its_line(
    entry: str, line: int, severity: str, message: str
) -> None:
    problems = check_text(GOOD + entry, article_names=["kim.txt"])
    assert [(p.line, p.severity) for p in problems if message in p.message] == [(line, severity)]


def test_source_date_may_be_an_iso_interval() -> None:
    entry = _entry(
        "x",
        "title: X",
        "date: '2025'",
        "sources:",
        "  - article: kim.txt",
        "    quote: Q",
        "    date: 2025-06-23/2025-06-29",
    )
    assert check_text(GOOD + entry, article_names=["kim.txt"]) == []


def test_good_store_has_no_problems() -> None:
    assert check_text(GOOD, article_names=["kim.txt"]) == []


def test_invalid_yaml_is_one_error_at_its_line() -> None:
    problems = check_text(GOOD + "  - id: [broken\n")
    assert [(p.line, p.severity) for p in problems] == [(13, "error")]
    assert problems[0].message.startswith("invalid YAML")


def test_id_still_present_under_deleted_is_a_warning() -> None:
    problems = check_text(GOOD + "deleted:\n  - shoigu-visit\n")
    assert [(p.line, p.severity) for p in problems] == [(13, "warning")]


def _check(tmp_path: Path, text: str) -> int:
    store = tmp_path / "events.yaml"
    store.write_text(text, encoding="utf-8")
    (tmp_path / "articles").mkdir(exist_ok=True)
    (tmp_path / "articles" / "kim.txt").write_text(
        "---\npublished: 2025-06-05\n---\nKim met Shoigu on Wednesday.\n", encoding="utf-8"
    )
    return cli.main(["check", "--store", str(store), "--articles", str(tmp_path / "articles")])


def test_check_cli_prints_file_line_and_fails_on_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _check(tmp_path, GOOD + _entry("x", "title: X", "date: '2025-06'", "end: '2025-05'"))
    out = capsys.readouterr().out.splitlines()
    store = tmp_path / "events.yaml"
    assert code == 1
    assert out[0] == f"{store}:15: error: `end: 2025-05` is before `date: 2025-06`"
    assert out[-1] == f"{store}: 1 error(s), 0 warning(s)"


def test_check_cli_passes_with_warnings_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _check(tmp_path, GOOD + _entry("x", "title: X", "date: '2025'", "category: parade"))
    assert code == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(": 0 error(s), 1 warning(s)")


def test_check_cli_on_missing_store_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["check", "--store", str(tmp_path / "events.yaml")])
    assert code == 1
    assert (
        capsys.readouterr().err
        == f"Error: {tmp_path / 'events.yaml'}: not found — run `timeline build` first, or pass --store\n"
    )


def test_check_cli_reports_an_article_that_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "undated.txt").write_text(
        "---\ntitle: x\n---\nno date here\n", encoding="utf-8"
    )
    code = _check(tmp_path, GOOD)
    out = capsys.readouterr().out
    assert code == 1
    assert f"{tmp_path / 'articles' / 'undated.txt'}: error: " in out


def _statement(event_id: str, title: str, quote: str, actors: str) -> str:
    return _entry(
        event_id,
        f"title: {title}",
        "date: '2025-06-05'",
        "category: statement",
        f"actors: [{actors}]",
        "sources:",
        "  - article: kim.txt",
        "    published: '2025-06-05'",
        f"    quote: {quote}",
        "    phrase: Thursday",
    )


def test_two_reports_by_one_agency_on_one_day_are_not_a_likely_duplicate() -> None:
    text = (
        "events:\n"
        + _statement(
            "agency-reports-on-the-vote",
            "Agency reports on the vote",
            "The agency reported on the vote on Thursday.",
            "Korean Central News Agency",
        )
        + _statement(
            "agency-slams-macron",
            "Agency slams Emmanuel Macron",
            "It issued a commentary Thursday slamming Emmanuel Macron.",
            "Korean Central News Agency, Emmanuel Macron",
        )
    )
    assert not [p for p in check_text(text) if "duplicate" in p.message]


def test_one_visit_told_twice_under_two_ids_is_a_likely_duplicate() -> None:
    text = GOOD + _entry(
        "kim-meets-shoigu",
        "title: Kim Jong Un meets Sergei Shoigu",
        "date: '2025-06-04'",
        "category: meeting",
        "actors: [Kim Jong Un, Sergei Shoigu]",
        "place: Pyongyang",
    )
    assert [p.line for p in check_text(text) if "duplicate" in p.message] == [12]
