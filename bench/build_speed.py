"""Build speed and memory on many articles: the TempEval-3 documents written as articles.

    python bench/build_speed.py [--shared PATH] [--copies 4] [--jobs N]

Prints, each as a fresh `timeline build` process on a fresh store (cold: no extraction cache):
the 256 TempEval-3 training documents; those documents --copies times over (1,024 articles by
default); then one article added to that built project (warm: the others come from the cache).
Each line gives the wall time, the peak memory of the build process and of its largest worker
process (the articles not read before are shared among workers when there are many), and the
load average. The package's bytecode is compiled first, as an install or a first run leaves
it: a machine that sets PYTHONDONTWRITEBYTECODE (this one does) would otherwise compile every
module from source in every run, which is no part of the build's own speed.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SETS = ("TimeBank", "AQUAINT")


def find_shared(given: Path | None) -> Path:
    """The shared folder holding bench/score_timex.py: --shared, else ../shared."""
    folder = given or ROOT.parent / "shared"
    if not (folder / "bench" / "score_timex.py").is_file():
        raise SystemExit(f"no bench/score_timex.py under {folder}; pass --shared PATH")
    return folder.resolve()


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_timex", shared / "bench" / "score_timex.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_articles(shared: Path, folder: Path, copies: int) -> int:
    """The TempEval-3 documents as article files with front matter, `copies` times over (two of
    the 256 have the same text, so the build reads 255 of them, and 4 x 255 of the copies)."""
    scorer = load_scorer(shared)
    docs = [
        doc
        for name in SETS
        for doc in scorer.load_set(str(shared / "bench" / "tempeval3" / "train" / name))
    ]
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for copy in range(copies):
        for doc in docs:
            body = doc["text"].strip()
            if copy:  # one text is read once: each copy differs in a last line
                body += f"\n\n(Copy {copy} of this article.)"
            name = f"{copy}-{doc['name']}.txt"
            front = f"---\ntitle: {doc['name']}\npublished: {doc['dct'][:10]}\n---\n"
            (folder / name).write_text(front + body + "\n", encoding="utf-8")
            count += 1
    return count


def timed_build(articles: Path, project: Path, jobs: int | None) -> tuple[float, float, float, int]:
    """Wall seconds, peak MB of the build process and of its largest worker (0 for none), its
    exit code."""
    command = [
        sys.executable,
        "-c",
        _PEAK_REPORTING,
        "build",
        "--articles",
        str(articles),
        "--store",
        str(project / "events.yaml"),
        "--out",
        str(project / "output"),
        *(["--jobs", str(jobs)] if jobs else []),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 3):
        print(done.stderr[-2000:], file=sys.stderr)
    peaks = [line.split()[1:] for line in done.stderr.splitlines() if line.startswith("PEAK ")]
    build, worker = (int(peaks[-1][0]), int(peaks[-1][1])) if peaks else (0, 0)
    return seconds, build / 1024, worker / 1024, done.returncode


# the CLI in this process, printing its own peak memory (KB) to stderr when it exits
_PEAK_REPORTING = (
    "import atexit, resource, runpy, sys; "
    "atexit.register(lambda: print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
    " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)); "
    "sys.argv = ['timeline', *sys.argv[1:]]; runpy.run_module('timeline', run_name='__main__')"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, help="the shared folder (default: ../shared)")
    parser.add_argument("--copies", type=int, default=4, help="copies for the large build")
    parser.add_argument(
        "--jobs", type=int, help="`timeline build --jobs N` (default: its own choice)"
    )
    args = parser.parse_args()
    shared = find_shared(args.shared)
    compileall.compile_dir(ROOT / "timeline", quiet=1)
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        small, large = base / "small", base / "large"
        n_small = write_articles(shared, small, 1)
        n_large = write_articles(shared, large, args.copies)
        for label, folder, count in (("cold", small, n_small), ("cold", large, n_large)):
            seconds, peak, worker, code = timed_build(folder, base / f"project-{count}", args.jobs)
            print(
                f"{count:5d} articles, {label}: {seconds:6.1f} s, peak {peak:6.0f} MB "
                f"(largest worker {worker:.0f} MB), exit {code}, load {os.getloadavg()[0]:.1f}"
            )
        extra = min(small.iterdir())
        (large / f"added-{extra.name}").write_text(
            extra.read_text(encoding="utf-8").replace("---\n", "---\nsource: added\n", 1)
            + "More.\n",
            encoding="utf-8",
        )
        seconds, peak, worker, code = timed_build(large, base / f"project-{n_large}", args.jobs)
        print(
            f"{n_large + 1:5d} articles, one added to the built project: {seconds:6.1f} s, "
            f"peak {peak:6.0f} MB (largest worker {worker:.0f} MB), exit {code}, "
            f"load {os.getloadavg()[0]:.1f}"
        )


if __name__ == "__main__":
    main()
