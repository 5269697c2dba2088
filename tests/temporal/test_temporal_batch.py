"""`timeline tag --batch --jobs N`: worker processes change nothing but the speed."""

from __future__ import annotations

import io
import json

import pytest

from timeline.cli import main
from timeline.model import TimelineError
from timeline.temporal.records import IN_PROCESS, cpus, default_jobs, tag_lines

PHRASES = (
    "Kim met Shoigu on Wednesday.",
    "Sales fell in July from a year earlier.",
    "The talks, held since 2022, resume next Monday.",
    "nothing dated here",
    "Troops left three years ago; the treaty ends in late October.",
)


def _records(count: int) -> list[str]:
    """`count` JSON Lines records, more than a small batch, each with its number as id."""
    return [
        json.dumps(
            {"id": n, "text": PHRASES[n % len(PHRASES)], "published": f"2025-06-{1 + n % 28:02d}"}
        )
        + "\n"
        for n in range(count)
    ]


def _run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lines: list[str],
    *options: str,
) -> tuple[int, list[str], str]:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(lines)))
    code = main(["tag", "--batch", *options])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_two_jobs_write_the_same_bytes_as_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _records(3 * IN_PROCESS)
    one = _run(capsys, monkeypatch, lines, "--jobs", "1")
    two = _run(capsys, monkeypatch, lines, "--jobs", "2")
    assert one == two
    assert one[0] == 0 and len(one[1]) == len(lines)


def test_jobs_keep_the_input_order() -> None:
    lines = _records(5 * IN_PROCESS + 3)
    ids = [json.loads(line)["id"] for line in tag_lines(lines, jobs=3)]
    assert ids == list(range(len(lines)))


def test_blank_lines_give_no_output_but_keep_their_numbers() -> None:
    lines = _records(2 * IN_PROCESS)
    lines.insert(IN_PROCESS + 1, "\n")
    lines.append("{oops\n")
    last = list(tag_lines(lines, jobs=2))[-1]
    assert isinstance(last, TimelineError)
    assert str(last).startswith(f"stdin line {len(lines)}: not JSON")


def test_a_bad_record_among_workers_is_reported_at_its_line_and_the_others_tagged(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _records(4 * IN_PROCESS)
    bad = 2 * IN_PROCESS + 3  # inside a chunk a worker tags
    lines[bad - 1] = '{"id": "x", "text": "no date field"}\n'
    code, out, err = _run(capsys, monkeypatch, lines, "--jobs", "2")
    assert code == 1
    assert err.startswith(f"Error: stdin line {bad}: a record needs")
    expected = [n for n in range(len(lines)) if n != bad - 1]
    assert [json.loads(line)["id"] for line in out] == expected


def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["tag", "--batch", "--jobs", "0"])
    assert "--jobs" in capsys.readouterr().err


@pytest.mark.parametrize(("others", "expected"), [(0, cpus()), (cpus() - 1, 1), (cpus() + 5, 1)])
def test_by_default_one_job_per_cpu_no_other_process_is_busy_on(others: int, expected: int) -> None:
    assert default_jobs(others) == expected


def test_a_large_batch_with_the_default_jobs_matches_one_process() -> None:
    lines = _records(3 * IN_PROCESS)
    assert list(tag_lines(lines)) == list(tag_lines(lines, jobs=1))
