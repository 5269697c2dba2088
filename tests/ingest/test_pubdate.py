"""Publish dates inferred from the article's own text, URL or file name; never the clock."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.ingest import datewords, pubdate

EXAMPLES: list[dict[str, Any]] = pubdate.cue_data()["examples"]
PARA = "North Korean leader Kim Jong Un met Russia's security chief in Pyongyang, state media said."


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.get("evidence", "none") for e in EXAMPLES])
def test_pubdate_examples(example: dict[str, Any]) -> None:
    inference = pubdate.infer(example["text"], example.get("name", ""), example.get("url", ""))
    found = inference.found
    assert (found.published if found else None) == example["published"]
    if found:
        assert found.evidence == example["evidence"]


CALENDAR: list[dict[str, Any]] = datewords.calendar_data()["examples"]


@pytest.mark.parametrize("example", CALENDAR, ids=[e["text"] for e in CALENDAR])
def test_written_date_examples(example: dict[str, Any]) -> None:
    found = datewords.find_dates(example["text"])
    if "date" not in example:
        assert found == []
    else:
        assert [(d.date, d.time) for d in found] == [(example["date"], example.get("time", ""))]


def test_date_inside_a_related_story_is_not_the_publish_date() -> None:
    body = f"Kim meets Shoigu\n{PARA * 4}\nRelated Articles\nOther outlet\nJune 7, 2025\nPutin speaks\n"
    assert pubdate.infer(body).found is None


def test_byline_date_beats_an_updated_label() -> None:
    body = f"Kim meets Shoigu\nJune 5, 2025\nUpdated: June 9, 2025\n{PARA}\n"
    found = pubdate.infer(body).found
    assert found is not None and found.published == date(2025, 6, 5)


def test_dateline_without_a_year_takes_the_year_from_the_file_name() -> None:
    body = f"MOSCOW, Aug 12 (Reuters) - {PARA}\n"
    found = pubdate.infer(body, name="2025-russia-villages.txt").found
    assert found is not None and found.published == date(2025, 8, 12)
    assert "year from the file name" in found.evidence


def test_dateline_without_a_year_and_nothing_else_is_a_hint_not_a_date() -> None:
    inference = pubdate.infer(f"MOSCOW, Aug 12 (Reuters) - {PARA}\n")
    assert inference.found is None
    assert "'MOSCOW, Aug 12'" in inference.hint and "YYYY-08-12" in inference.hint


def test_dates_far_down_the_article_are_not_publish_dates() -> None:
    body = "\n".join([PARA] * 30 + ["Published: June 5, 2025"])
    assert pubdate.infer(body).found is None


def test_relative_timestamps_are_not_publish_dates() -> None:
    assert pubdate.infer(f"Kim meets Shoigu\nDaily Herald 2 days ago\n{PARA}\n").found is None


def test_byline_time_and_zone_are_kept_as_written() -> None:
    found = pubdate.infer(f"Kim meets Shoigu\nThu 5 Jun 2025 10.32 BST\n{PARA}\n").found
    assert found is not None and found.time == "10.32 BST"


def test_evidence_counts_lines_of_the_file() -> None:
    found = pubdate.infer(f"Kim meets Shoigu\nJune 5, 2025\n{PARA}\n", first_line=6).found
    assert found is not None and found.evidence == "byline 'June 5, 2025' on line 7"


@given(st.text(max_size=300), st.text(max_size=40))
def test_infer_never_raises(body: str, name: str) -> None:
    pubdate.infer(body, name=name)


def test_updated_label_before_a_time_is_not_a_byline() -> None:
    body = f"Kim meets Shoigu\nUpdated 10:32 AM EDT, Thu June 5, 2025\n{PARA}\n"
    found = pubdate.infer(body).found
    assert found is not None and found.evidence.startswith("updated label")


def test_dateline_after_top_furniture_is_found() -> None:
    top = [
        "World › Asia",
        "Share",
        "Listen to this article",
        "Kim meets Shoigu",
        "By Jane Doe",
        "5 min read",
    ]
    body = "\n".join(top + [f"SEOUL, June 5, 2025 (Yonhap) -- {PARA}"])
    found = pubdate.infer(body).found
    assert found is not None and found.evidence == "dateline 'SEOUL, June 5, 2025' on line 7"


def test_date_in_a_prose_sentence_near_the_top_is_not_a_label() -> None:
    body = f"Kim meets Shoigu\nThe report was released on June 3, 2025, by the ministry.\n{PARA}\n"
    assert pubdate.infer(body).found is None


def test_dateline_without_a_year_takes_the_year_from_an_updated_label() -> None:
    body = f"Kim meets Shoigu\nUpdated: Jan 2, 2026\nSEOUL, Dec 31 (Yonhap) -- {PARA}\n"
    found = pubdate.infer(body).found
    assert found is not None and found.published == date(2025, 12, 31)
    assert found.evidence.endswith("year from the updated label")


@pytest.mark.parametrize(
    ("line", "published", "kind"),
    [
        ("June 5, 2025 / 10:32 AM / CBS News", date(2025, 6, 5), "byline"),
        ("Published On 5 Jun 2025", date(2025, 6, 5), "published label"),
        ("5 Jun 2025 · 10:32 · 3 min read", date(2025, 6, 5), "byline"),
        ("By HT News Desk | Jun 05, 2025 10:32 AM IST", date(2025, 6, 5), "byline"),
        ("Posted on June 5, 2025 by admin", date(2025, 6, 5), "published label"),
        (
            "World News | Edited by Jane Doe | Updated: June 05, 2025 10:32 pm IST",
            date(2025, 6, 5),
            "updated label",
        ),
        ("Thursday 5 June 2025 10:32", date(2025, 6, 5), "byline"),
        ("Jun 5 2025", date(2025, 6, 5), "byline"),
    ],
)
def test_date_lines_of_news_pages(line: str, published: date, kind: str) -> None:
    found = pubdate.infer(f"Kim meets Shoigu\n{line}\n{PARA}\n").found
    assert found is not None and (found.published, found.evidence.split(" '")[0]) == (
        published,
        kind,
    )


@pytest.mark.parametrize(
    "line", ["Kim to visit Russia on June 5, 2025", "Talks were held on June 5, 2025.", "Jun 5"]
)
def test_headlines_and_sentences_with_dates_are_not_date_lines(line: str) -> None:
    assert pubdate.infer(f"Kim meets Shoigu\n{line}\n{PARA}\n").found is None
