"""TempEval-3 figures for the temporal tagger, and its batch speed next to dateparser's.

Runs ../shared/bench/score_timex.py on TimeBank and AQUAINT (the gold data stays in shared/),
then times `timeline tag --batch` and dateparser's `search_dates` on the same texts.

    python bench/tempeval.py [--shared PATH] [--runs N] [--dateparser-docs N]

Each batch figure is the median of --runs runs of a fresh process, start included, on a copy of
the package with its bytecode compiled, as pip installs it: this sandbox sets
PYTHONDONTWRITEBYTECODE, so a run from the source tree compiles every module at each start; that
figure is printed too.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
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
    raise SystemExit(
        f"no bench/score_timex.py under {', '.join(map(str, candidates))}; pass --shared PATH"
    )


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_timex", shared / "bench" / "score_timex.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(shared: Path) -> dict[str, dict[str, float]]:
    """The scorer's own figures, run as a separate process through the adapter."""
    gold = [f"{name}={shared / 'bench' / 'tempeval3' / 'train' / name}" for name in SETS]
    command = [
        sys.executable,
        str(shared / "bench" / "score_timex.py"),
        *gold,
        "--adapter",
        "timeline.temporal.bench_adapter:tag",
        "--json",
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout)["sets"])


def batch_speed(
    records: list[dict[str, str]], runs: int, options: tuple[str, ...], package: Path
) -> tuple[float, float, float, float]:
    """Documents per second through `python -m timeline tag --batch` run from the folder
    holding `package`, process start included: the median, slowest and fastest of `runs`,
    and the median CPU milliseconds per document (all processes; less swayed by load)."""
    lines = "".join(json.dumps(record) + "\n" for record in records)
    speeds, cpu = [], []
    for _ in range(runs):
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "timeline", "tag", "--batch", *options],
            cwd=package.parent,
            input=lines,
            capture_output=True,
            text=True,
            check=True,
        )
        speeds.append(len(records) / (time.perf_counter() - start))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds = after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime
        cpu.append(1000 * seconds / len(records))
        assert len(done.stdout.splitlines()) == len(records)
    return statistics.median(speeds), min(speeds), max(speeds), statistics.median(cpu)


def package_copy(folder: Path, compiled: bool) -> Path:
    """A copy of the timeline package in `folder`, with its bytecode compiled or none at all."""
    copy = folder / "timeline"
    shutil.copytree(ROOT / "timeline", copy, ignore=shutil.ignore_patterns("__pycache__"))
    if compiled:
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(copy)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return copy


def cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


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
    parser.add_argument(
        "--dateparser-docs",
        type=int,
        default=40,
        help="documents to time dateparser on (it is slow; default 40)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        help="runs of each batch timing; the median is shown (default 5)",
    )
    args = parser.parse_args()
    load = os.getloadavg()[0]
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
    with tempfile.TemporaryDirectory() as built, tempfile.TemporaryDirectory() as bare:
        installed, source = package_copy(Path(built), True), package_copy(Path(bare), False)
        timings = [
            (
                "timeline tag --batch",
                records,
                (),
                installed,
                f"all {len(records)}, default: one process per CPU not busy elsewhere",
            ),
            (
                "timeline tag --batch --jobs 1",
                records,
                ("--jobs", "1"),
                installed,
                f"all {len(records)}, one process",
            ),
            (
                f"timeline tag --batch --jobs {cpus()}",
                records,
                ("--jobs", str(cpus())),
                installed,
                f"all {len(records)}, one process per CPU",
            ),
            (
                "timeline tag --batch",
                records * 4,
                (),
                installed,
                "all, 4 times over: start amortised",
            ),
            (
                "timeline tag --batch",
                records,
                (),
                source,
                f"all {len(records)}, no bytecode: the package compiled at each start",
            ),
        ]
        speeds = [
            (name, batch_speed(docs, args.runs, options, package), note)
            for name, docs, options, package, note in timings
        ]
    subset = records[: args.dateparser_docs]
    theirs = dateparser_speed(subset)
    print(
        f"\nthroughput on {len(records)} TempEval-3 documents, process start included "
        f"(median of {args.runs} runs, slowest-fastest; {cpus()} CPUs, load average "
        f"{load:.1f} before the bench: other work on the machine slows every figure):"
    )
    for name, (median, low, high, cpu), note in speeds:
        print(
            f"  {name:31} {median:6.0f} docs/s  ({low:.0f}-{high:.0f}; {cpu:.1f} ms CPU/doc; "
            f"{note})"
        )
    print(
        f"  {'dateparser search_dates':31} {theirs:6.0f} docs/s  "
        f"(first {len(subset)} only: it is slow)"
    )


if __name__ == "__main__":
    main()
