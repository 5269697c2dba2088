"""Shared samples of the store tests: hand-built events for the store and the three-way merge,
and a small store grown by one article with extraction replaced by a table (article -> events),
so the build's own stages (ingest, merge, store, report, page) run on known candidates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from timeline import cli
from timeline.model import Event, MainText, Source

KIM = Source(
    "kim.txt",
    "2025-06-05",
    "Meeting Shoigu on Wednesday, Kim said he backs Russia.",
    "on Wednesday",
)
VISIT = Event(
    "shoigu-visit-2025-06-04",
    "Shoigu visits Pyongyang",
    "2025-06-04",
    "visit",
    actors=("Sergei Shoigu", "Kim Jong Un"),
    place="Pyongyang",
    sources=(KIM,),
)


def _source(article: str, published: str, quote: str, phrase: str, day: str) -> Source:
    return Source(article, published, quote, phrase, outlet="Wire", date=day)


FIRST = "2025-06-05-kim-backs-russia.txt"
SECOND = "2025-06-06-shoigu-in-pyongyang-again.txt"
VISIT_TITLE = "Sergei Shoigu visits Pyongyang"
MEETING_TITLE = "Kim Jong Un meets Sergei Shoigu"
LETTER_TITLE = "Vladimir Putin writes to Kim Jong Un"
SHOIGU = ("Sergei Shoigu", "Kim Jong Un")

CANDIDATES: dict[str, list[Event]] = {
    FIRST: [
        Event(
            "",
            VISIT_TITLE,
            "2025-03",
            "visit",
            label="March 2025",
            actors=SHOIGU,
            place="Pyongyang",
            sources=(
                _source(
                    FIRST, "2025-06-05", "Shoigu was in Pyongyang in March.", "in March", "2025-03"
                ),
            ),
        ),
        Event(
            "",
            MEETING_TITLE,
            "2025-06-04",
            "meeting",
            actors=SHOIGU,
            place="Pyongyang",
            sources=(
                _source(
                    FIRST,
                    "2025-06-05",
                    "Kim met Shoigu on Wednesday.",
                    "on Wednesday",
                    "2025-06-04",
                ),
            ),
        ),
    ],
    SECOND: [
        Event(
            "",
            VISIT_TITLE,
            "2025-03-21",
            "visit",
            actors=SHOIGU,
            place="Pyongyang",
            sources=(
                _source(
                    SECOND,
                    "2025-06-06",
                    "Shoigu first came on March 21.",
                    "on March 21",
                    "2025-03-21",
                ),
            ),
        ),
        Event(
            "",
            MEETING_TITLE,
            "2025-06-04",
            "meeting",
            actors=SHOIGU,
            place="Pyongyang",
            sources=(
                _source(
                    SECOND,
                    "2025-06-06",
                    "On June 4 Kim received Shoigu.",
                    "On June 4",
                    "2025-06-04",
                ),
            ),
        ),
        Event(
            "",
            LETTER_TITLE,
            "2025-06-05",
            "statement",
            actors=("Vladimir Putin", "Kim Jong Un"),
            sources=(
                _source(
                    SECOND,
                    "2025-06-06",
                    "Putin wrote to Kim on Thursday.",
                    "on Thursday",
                    "2025-06-05",
                ),
            ),
        ),
    ],
}


def table_extraction(main: MainText, **given: Any) -> list[Event]:
    """The events the table gives for the article (stands in for timeline.events.extract;
    `given`: the tagger and parser it would use, not needed here)."""
    return CANDIDATES[main.article.name]


def write_article(folder: Path, name: str) -> None:
    published = name[:10]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(
        f"---\ntitle: {name}\npublished: {published}\nsource: Wire\n---\nText of {name}.\n",
        encoding="utf-8",
    )


def run_build(project: Path, *extra: str) -> int:
    return cli.main(
        [
            "build",
            "--articles",
            str(project / "articles"),
            "--store",
            str(project / "events.yaml"),
            "--out",
            str(project / "output"),
            *extra,
        ]
    )
