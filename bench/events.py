"""Score the events built from a folder of articles against a gold timeline.

    python bench/events.py [articles] [--gold bench/gold/demo.yaml] [--show]

Prints: the share of datable gold events found with the right date (granularity included),
the share of output events that are real and rightly dated, the multi-source gold events
merged into one output event, and the events whose sources lie in page furniture.
--show lists every output event with its verdict, and every gold event missed.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from timeline.events import extract, merge
from timeline.model import Article, Event, MainText, Passage


@dataclass(frozen=True)
class Report:
    article: str
    phrase: str
    dated: bool


@dataclass(frozen=True)
class Gold:
    id: str
    title: str
    date: str
    end: str
    qualifier: str
    datable: bool
    optional: bool
    reports: tuple[Report, ...]


def _norm(text: str) -> str:
    text = re.sub(r"[‘’`]", "'", text)
    text = re.sub(r"[“”]", '"', text)
    return re.sub(r"\s+", " ", text).strip().lower()


def load_gold(path: Path) -> list[Gold]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    names: dict[str, str] = data.get("articles", {})
    golds = []
    for item in data["events"]:
        reports = tuple(
            Report(
                names.get(r["article"], r["article"]),
                _norm(r["phrase"]),
                bool(r.get("dated", True)),
            )
            for r in item["reports"]
        )
        golds.append(
            Gold(
                id=item["id"],
                title=str(item.get("title", "")),
                date=str(item["date"]),
                end=str(item.get("end", "")),
                qualifier=str(item.get("qualifier", "")),
                datable=bool(item.get("datable", True)),
                optional=bool(item.get("optional", False)),
                reports=reports,
            )
        )
    return golds


def build(folder: Path) -> tuple[list[Event], dict[str, MainText], str]:
    """Candidates and merged events, with ingest and furniture when this checkout has them."""
    try:
        from timeline.ingest import furniture, ingest

        articles, _ = ingest.read_articles(folder)
        mains = {a.name: furniture.main_text(a) for a in articles}
        mode = "ingest + furniture"
    except ImportError:
        mains = {
            a.name: MainText(a, (Passage(0, len(a.body), a.body),)) for a in _fallback_read(folder)
        }
        mode = "fallback: front matter read here, whole body as main text (no furniture removal)"
    candidates: list[Event] = []
    for name in sorted(mains):
        candidates.extend(extract.extract_events(mains[name]))
    return merge.merge_events(candidates), mains, mode


def _fallback_read(folder: Path) -> list[Article]:
    articles = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".txt", ".md"):
            continue
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        published = date.fromisoformat(str(meta["published"]))
        articles.append(
            Article(
                path.name, published, body, str(meta.get("title", "")), str(meta.get("source", ""))
            )
        )
    return articles


def _title_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2}


def _assigned(event: Event, golds: list[Gold], dated_only: bool = False) -> dict[int, Gold]:
    """For each source of the event, the gold event it reports: the gold whose key phrase its
    quote holds; when one sentence tells several, the one whose title is closest to the event's."""
    title = _title_words(event.title) | _title_words(" ".join(event.actors))
    found: dict[int, Gold] = {}
    for index, source in enumerate(event.sources):
        quote = _norm(source.quote)
        candidates = [
            (g, r.dated)
            for g in golds
            for r in g.reports
            if r.article == source.article and r.phrase in quote
        ]
        if not candidates:
            continue
        best, dated = max(
            candidates,
            key=lambda c: (
                len(title & _title_words(c[0].title)) / (len(_title_words(c[0].title)) or 1),
                c[1],
            ),
        )
        if dated or not dated_only:
            found[index] = best
    return found


def _matches(event: Event, gold: Gold, golds: list[Gold], dated_only: bool = False) -> set[str]:
    """Articles whose sources in this event report this gold event."""
    return {
        event.sources[i].article
        for i, g in _assigned(event, golds, dated_only).items()
        if g.id == gold.id
    }


def _primary(event: Event, golds: list[Gold]) -> Gold | None:
    assigned = list(_assigned(event, golds).values())
    if not assigned:
        return None
    return max(assigned, key=lambda g: (assigned.count(g), -golds.index(g)))


def _right_date(event: Event, gold: Gold) -> bool:
    if not gold.datable or event.date != gold.date or event.end != gold.end:
        return False
    return not gold.qualifier or event.qualifier == gold.qualifier


def _from_furniture(event: Event, mains: dict[str, MainText]) -> bool:
    for source in event.sources:
        main = mains.get(source.article)
        if main is None:
            continue
        if not any(_norm(source.quote) in _norm(p.text) for p in main.passages):
            return True
        body = main.article.body
        at = body.find(source.quote)
        if at >= 0 and any(d.start <= at < d.end for d in main.dropped):
            return True
    return False


def main(argv: list[str]) -> int:
    show = "--show" in argv
    args = [a for a in argv if not a.startswith("--")]
    gold_path = (
        Path(argv[argv.index("--gold") + 1]) if "--gold" in argv else Path("bench/gold/demo.yaml")
    )
    if "--gold" in argv:
        args.remove(str(gold_path))
    folder = Path(args[0]) if args else Path("articles")
    golds = load_gold(gold_path)
    events, mains, mode = build(folder)
    print(f"mode: {mode}; {len(mains)} articles, {len(events)} events, {len(golds)} gold events")

    good = 0
    verdicts = []
    for event in events:
        primary = _primary(event, golds)
        right = primary is not None and _right_date(event, primary)
        good += right
        verdict = "ok" if right else ("wrong date" if primary else "not in gold")
        ids = sorted({g.id for g in _assigned(event, golds).values()})
        verdicts.append((event, verdict, ids))

    datable = [g for g in golds if g.datable and not g.optional and any(r.dated for r in g.reports)]
    found = [
        g
        for g in datable
        if any(_matches(e, g, golds, dated_only=True) and _right_date(e, g) for e in events)
    ]
    multi = [g for g in golds if len({r.article for r in g.reports if r.dated}) >= 2]
    merged = [
        g
        for g in multi
        if any(
            _matches(e, g, golds, dated_only=True) == {r.article for r in g.reports if r.dated}
            for e in events
        )
    ]
    furniture_events = [e for e in events if _from_furniture(e, mains)]
    over = [e for e in events if len({g.id for g in _assigned(e, golds, True).values()}) > 1]
    duplicated = [
        g for g in golds if len([e for e in events if _matches(e, g, golds, dated_only=True)]) > 1
    ]

    print(
        f"gold events found with the right date: {len(found)}/{len(datable)} = {_pct(len(found), len(datable))}"
    )
    print(
        f"output events real and rightly dated:  {good}/{len(events)} = {_pct(good, len(events))}"
    )
    print(f"multi-article gold events merged:       {len(merged)}/{len(multi)}")
    print(f"events from furniture:                  {len(furniture_events)}")
    print(f"output events holding several gold events (over-merged): {len(over)}")
    print(
        f"gold events split over several output events (under-merged): {len(duplicated)}"
        + (f" ({', '.join(g.id for g in duplicated)})" if duplicated else "")
    )
    if show:
        print("\noutput events:")
        for event, verdict, ids in verdicts:
            print(
                f"  [{verdict:11}] {event.date:10} {event.end:10} {event.qualifier:6} {event.title}  <- {', '.join(ids)}"
            )
        print("\ngold events missed:")
        for g in datable:
            if g not in found:
                print(f"  {g.id} {g.date} {g.end}")
        for g in multi:
            if g not in merged:
                print(f"  not merged: {g.id}")
    return 0


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "n/a"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
