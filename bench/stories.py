"""Score the tool on whole stories: each built on a fresh store, scored by the shared scorer.

    python bench/stories.py [--shared PATH]

The stories: the India-Pakistan development story in ../shared/bench/events (story2), and four
kept here, each 12 articles with a gold timeline written before the tool was run on them, then
used for development: bench/stories/court (United States v. Bankman-Fried),
bench/stories/business (Nippon Steel's takeover of U.S. Steel), bench/stories/rubiales (the
Rubiales kiss affair in Spanish football, 2023-2025; scored once held out, then used) and
bench/stories/openai (the ousting and return of OpenAI's CEO Sam Altman, November 2023 - March
2024; scored once held out, then used). Each line prints the scorer's figures:
recall, gold events with the right date, precision, multi-article events merged, over-merged
events and events from page furniture.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def stories(shared: Path) -> dict[str, tuple[Path, Path]]:
    """Story name -> (articles folder, gold file)."""
    events = shared / "bench" / "events"
    return {
        "story2 (India-Pakistan)": (events / "story2", events / "story2-gold.yaml"),
        "court (Bankman-Fried)": (
            ROOT / "bench" / "stories" / "court" / "articles",
            ROOT / "bench" / "stories" / "court" / "gold.yaml",
        ),
        "business (U.S. Steel)": (
            ROOT / "bench" / "stories" / "business" / "articles",
            ROOT / "bench" / "stories" / "business" / "gold.yaml",
        ),
        "sport (Rubiales)": (
            ROOT / "bench" / "stories" / "rubiales" / "articles",
            ROOT / "bench" / "stories" / "rubiales" / "gold.yaml",
        ),
        "governance (OpenAI)": (
            ROOT / "bench" / "stories" / "openai" / "articles",
            ROOT / "bench" / "stories" / "openai" / "gold.yaml",
        ),
    }


def score(articles: Path, gold: Path, scorer: Path) -> dict[str, object]:
    """Build the story on a fresh store and return the scorer's figures."""
    with tempfile.TemporaryDirectory() as folder:
        store, out = Path(folder) / "events.yaml", Path(folder) / "out"
        build = [sys.executable, "-m", "timeline", "build", "--articles", str(articles)]
        where = ["--store", str(store), "--out", str(out)]
        subprocess.run([*build, *where], check=True, cwd=ROOT, capture_output=True)
        run = [sys.executable, str(scorer), str(store), str(gold), str(articles), "--json"]
        printed = subprocess.run(run, check=True, capture_output=True, text=True).stdout
    figures: dict[str, object] = json.loads(printed)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    scorer = args.shared / "bench" / "events" / "score_events.py"
    if not scorer.is_file():
        raise SystemExit(f"no bench/events/score_events.py under {args.shared}; pass --shared")
    keys = ("recall", "date_exact", "precision", "merged", "overmerged", "boilerplate_leaks")
    print("story".ljust(32) + "".join(k.ljust(12) for k in keys))
    for name, (articles, gold) in stories(args.shared).items():
        figures = score(articles, gold, scorer)
        print(name.ljust(32) + "".join(str(figures[k]).ljust(12) for k in keys))
        for kind, label in (("misses", "missed"), ("wrong_dates", "wrong date")):
            for item in figures.get(kind) or []:  # type: ignore[attr-defined]
                print(f"    {label}: {item}")


if __name__ == "__main__":
    main()
