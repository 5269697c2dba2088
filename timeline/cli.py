"""Command-line interface: a thin shell over the library. Errors become `Error: ...` on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from timeline import __version__
from timeline.model import TimelineError


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `timeline` command; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        code: int = args.run(args)
    except TimelineError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Turn a folder of news articles into a dated, sourced, "
        "hand-editable chronology (events.yaml) and an interactive timeline (output/).",
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="read articles/, update events.yaml, write output/timeline.html",
        description="Read every article, resolve dates, extract and merge events into the "
        "store (keeping your edits), and write the interactive timeline and exports.",
    )
    build.add_argument("--articles", type=Path, default=Path("articles"), help="folder of articles (default: articles)")
    build.add_argument("--store", type=Path, default=Path("events.yaml"), help="the events file (default: events.yaml)")
    build.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output)")
    build.set_defaults(run=_run_build)

    check = commands.add_parser(
        "check",
        help="validate events.yaml and the articles; list each problem at its line",
        description="Check events.yaml (YAML syntax, fields, ISO dates, end not before date, "
        "duplicate ids, likely duplicate events, unresolved dates) and that every article reads. "
        "Prints each problem as FILE:LINE: error|warning: message; exits 1 if there are errors.",
    )
    check.add_argument("--store", type=Path, default=Path("events.yaml"), help="the events file (default: events.yaml)")
    check.add_argument("--articles", type=Path, default=Path("articles"), help="folder of articles (default: articles)")
    check.set_defaults(run=_run_check)
    return parser


def _run_build(args: argparse.Namespace) -> int:
    from timeline.build import build

    report = build(args.articles, args.store, args.out)
    print(f"Read {report.articles} article(s) from {args.articles}/")
    for name, dropped, total in report.dropped:
        if dropped:
            print(f"  {name}: dropped {dropped} of {total} characters as page furniture")
    print(f"Events: {report.new} new, {report.updated} updated, {report.unchanged} unchanged -> {args.store}")
    for name, reason in report.skipped:
        print(f"Skipped {name}: {reason}", file=sys.stderr)
    for path in report.outputs:
        print(f"Wrote {path}")
    return 3 if report.skipped else 0


def _run_check(args: argparse.Namespace) -> int:
    from timeline.check import check_text, format_problem

    if not args.store.is_file():
        raise TimelineError(f"{args.store}: not found — run `timeline build` first, or pass --store")
    try:
        text = args.store.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise TimelineError(f"{args.store}: not UTF-8 text — save the file as UTF-8") from error
    names = sorted(p.name for p in args.articles.iterdir()) if args.articles.is_dir() else None
    found = [(p.severity, format_problem(args.store, p)) for p in check_text(text, names)]
    found.extend(_article_problems(args.articles))
    errors = sum(severity == "error" for severity, _ in found)
    for _, line in found:
        print(line)
    print(f"{args.store}: {errors} error(s), {len(found) - errors} warning(s)")
    return 1 if errors else 0


def _article_problems(folder: Path) -> list[tuple[str, str]]:
    """Articles that cannot be read (errors) or need a look (warnings), as (severity, line);
    none when the ingest stage is not installed."""
    if not folder.is_dir():
        return [("warning", f"{folder}: warning: not a folder; articles not checked")]
    try:
        from timeline.ingest import read_articles
    except ImportError:
        return []
    articles, skipped = read_articles(folder)
    found = [("error", f"{folder / s.name}: error: {s.reason}") for s in skipped]
    for article in articles:
        for warning in getattr(article, "warnings", ()):  # e.g. an inferred publish date
            found.append(("warning", f"{folder / article.name}: warning: {warning}"))
    return sorted(found, key=lambda problem: problem[1])
