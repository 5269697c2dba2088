"""TempEval-3 figures for the temporal tagger, and its batch speed next to dateparser's.

Runs ../shared/bench/score_timex.py on TimeBank and AQUAINT (the gold data stays in shared/),
then times `timeline tag --batch` and dateparser's `search_dates` on the same texts.

    python bench/tempeval.py [--shared PATH] [--dateparser-docs N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SETS = ("TimeBank", "AQUAINT")
COLUMNS = ("strict_f1", "relaxed_f1", "value_f1", "type_f1", "docs_per_s")


def find_shared(given: Path | None) -> Path:
    """The shared folder holding bench/score_timex.py: --shared, else ../shared or ../../shared."""
    candidates = [given] if given else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for folder in candidates:
        if folder is not None and (folder / "bench" / "score_timex.py").is_file():
            return folder.resolve()
    raise SystemExit(f"no bench/score_timex.py under {', '.join(map(str, candidates))}; "
                     "pass --shared PATH")


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_timex", shared / "bench" / "score_timex.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(shared: Path) -> dict[str, dict[str, float]]:
    """The scorer's own figures, run as a separate process through the adapter."""
    gold = [f"{name}={shared / 'bench' / 'tempeval3' / 'train' / name}" for name in SETS]
    command = [sys.executable, str(shared / "bench" / "score_timex.py"), *gold,
               "--adapter", "timeline.temporal.bench_adapter:tag", "--json"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout)["sets"])


def batch_speed(records: list[dict[str, str]]) -> float:
    """Documents per second through `python -m timeline tag --batch`, process start included."""
    lines = "".join(json.dumps(record) + "\n" for record in records)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "timeline", "tag", "--batch"], cwd=ROOT,
                          input=lines, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    assert len(done.stdout.splitlines()) == len(records)
    return len(records) / seconds


def dateparser_speed(records: list[dict[str, str]]) -> float:
    """Documents per second through dateparser's search_dates, anchored on each publish date."""
    from dateparser.search import search_dates

    search_dates("warm up on Monday", settings={"RELATIVE_BASE": datetime(2000, 1, 1)})
    start = time.perf_counter()
    for record in records:
        base = datetime.fromisoformat(record["published"])
        search_dates(record["text"], languages=["en"], settings={"RELATIVE_BASE": base})
    return len(records) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, help="the shared folder (default: ../shared)")
    parser.add_argument("--dateparser-docs", type=int, default=40,
                        help="documents to time dateparser on (it is slow; default 40)")
    args = parser.parse_args()
    shared = find_shared(args.shared)
    results = score(shared)
    print("set".ljust(10) + "".join(column.rjust(12) for column in COLUMNS))
    for name, figures in results.items():
        print(name.ljust(10) + "".join(str(figures[column]).rjust(12) for column in COLUMNS))
    scorer = load_scorer(shared)
    records = [
        {"id": doc["name"], "text": doc["text"], "published": doc["dct"]}
        for name in SETS
        for doc in scorer.load_set(str(shared / "bench" / "tempeval3" / "train" / name))
    ]
    ours = batch_speed(records)
    ours_long = batch_speed(records * 4)
    subset = records[: args.dateparser_docs]
    theirs = dateparser_speed(subset)
    print(f"\nthroughput on {len(records)} TempEval-3 documents:")
    print(f"  timeline tag --batch        {ours:8.1f} docs/s  (all {len(records)}, process start included)")
    print(f"  timeline tag --batch        {ours_long:8.1f} docs/s  (all, 4 times over: start amortised)")
    print(f"  dateparser search_dates     {theirs:8.1f} docs/s  (first {len(subset)} only: it is slow)")


if __name__ == "__main__":
    main()
