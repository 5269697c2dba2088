"""Time the build on the inputs that make merge work hardest: one long article of repeated
sentences, and hundreds of articles telling the same summit in different words, dates and outlets.

    python bench/merge_stress.py [--sentences 2500] [--articles 300] [--keep FOLDER]

Prints, for each case, the input size, the candidates extracted, the events out and the seconds
spent in extract, merge and the whole build (store and outputs included).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from timeline.build import build
from timeline.events import extract, merge
from timeline.ingest import furniture, ingest

_SENTENCES = (
    "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on {day}.",
    "Kim Jong Un said on {day} that North Korea would back Russia in every crisis.",
    "Sergei Shoigu visited Pyongyang on {day} for talks with Kim Jong Un.",
    "The two leaders signed a defence treaty in Moscow on {day}, state media said.",
    "Donald Trump and Vladimir Putin held a summit in Anchorage, Alaska, on {day}.",
    "Ukrainian forces shelled Kursk on {day}, killing 12 people, officials said.",
    "Foreign Minister Sergei Lavrov arrived in Wonsan on {day} for a three-day visit.",
    "Choe Son Hui told reporters in Moscow on {day} that ties were at their best.",
)
_OUTLETS = ("Reuters", "AP", "AFP", "BBC", "Bloomberg", "Yonhap", "Tass", "CNN", "NHK", "DW")
_SUMMIT = (
    "{a} and {b} met in Anchorage, Alaska, on {when} for a summit on the war in Ukraine.",
    "{b} held talks with {a} at a summit in Alaska {when}, {outlet} reported.",
    "The Alaska summit between {a} and {b} took place {when} at a military base.",
    "{a} hosted {b} in Anchorage {when}, the first such summit in years.",
    "At the summit in Alaska {when}, {a} and {b} discussed a ceasefire.",
)
_DESCRIBED = (
    "the summit ended without a deal, aides said.",
    "{a} called the talks productive.",
    "{b} said the meeting was constructive and frank.",
    "Protesters gathered outside the base during the talks.",
    "Officials said a second meeting could follow in Moscow.",
)


def long_article(folder: Path, sentences: int) -> None:
    """One live blog of `sentences` sentences cycling through a few dated happenings."""
    start = date(2025, 6, 1)
    lines = []
    for index in range(sentences):
        day = start + timedelta(days=(index // len(_SENTENCES)) % 20)
        told = _SENTENCES[index % len(_SENTENCES)].format(day=f"{day:%B} {day.day}")
        lines.append(f"Update {index + 1}: {told}")  # a live blog's numbered updates
    paragraphs = [" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5)]
    front = "---\ntitle: Live blog\nsource: Wire\npublished: '2025-08-20'\n---\n\n"
    (folder / "live-blog.txt").write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def summit_articles(folder: Path, count: int) -> None:
    """`count` articles from many outlets telling one summit, in different words and dates."""
    rng = random.Random(7)
    summit = date(2025, 8, 15)
    for index in range(count):
        published = summit + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 6)))
        gap = (published - summit).days
        when = rng.choice(
            [f"on {summit:%B} 15", "on Friday" if gap < 7 else "last Friday"]
            + (["yesterday"] if gap == 1 else [])
            + (["last week"] if gap >= 3 else [])
        )
        a, b = rng.sample(("Donald Trump", "Vladimir Putin", "President Trump", "Putin"), 2)
        outlet = _OUTLETS[index % len(_OUTLETS)]
        body = [rng.choice(_SUMMIT).format(a=a, b=b, when=when, outlet=outlet)]
        body += [s.format(a=a, b=b) for s in rng.sample(_DESCRIBED, 3)]
        front = (
            f"---\ntitle: Summit report {index}\nsource: {outlet}\n"
            f"published: '{published.isoformat()}'\n---\n\n"
        )
        name = f"{published.isoformat()}-summit-{index:03d}.txt"
        (folder / name).write_text(front + "\n\n".join(body) + "\n", encoding="utf-8")


def timed(name: str, folder: Path) -> None:
    articles, _ = ingest.read_articles(folder)
    clock = time.perf_counter()
    candidates = [e for a in articles for e in extract.extract_events(furniture.main_text(a))]
    extracted = time.perf_counter() - clock
    clock = time.perf_counter()
    events = merge.merge_events(candidates)
    merged = time.perf_counter() - clock
    with tempfile.TemporaryDirectory() as out:
        clock = time.perf_counter()
        build(folder, Path(out) / "events.yaml", Path(out) / "output")
        built = time.perf_counter() - clock
    size = sum(p.stat().st_size for p in folder.iterdir()) // 1024
    print(
        f"{name}: {len(articles)} articles, {size} KB, {len(candidates)} candidates, "
        f"{len(events)} events; extract {extracted:.1f} s, merge {merged:.1f} s, "
        f"build {built:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2500)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch)
        for name, make, size in (
            ("long article", long_article, args.sentences),
            ("one summit", summit_articles, args.articles),
        ):
            folder = root / name.replace(" ", "-")
            folder.mkdir(parents=True, exist_ok=True)
            make(folder, size)
            timed(name, folder)


if __name__ == "__main__":
    main()
