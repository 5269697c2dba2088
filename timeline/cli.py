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

    tag = commands.add_parser(
        "tag",
        help="find and resolve the dates, times, durations and sets in a text (JSON out)",
        description="Tag temporal expressions in FILE and resolve them against the publish "
        "date; print a JSON list (TIMEX3 type and value, offsets, interval, granularity, "
        "explanation). With --batch, read JSON Lines {id, text, published} on stdin and write "
        "one {id, timexes} line per input.",
    )
    tag.add_argument("file", nargs="?", type=Path, help="UTF-8 text file to tag")
    tag.add_argument("--published", help="the publish date, YYYY-MM-DD (the anchor)")
    tag.add_argument("--batch", action="store_true", help="JSON Lines on stdin, JSON Lines out")
    tag.set_defaults(run=_run_tag)
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


def _run_tag(args: argparse.Namespace) -> int:
    import json

    from timeline.temporal.records import parse_published, tag_json, tag_record

    if args.batch:
        for number, line in enumerate(sys.stdin, start=1):
            if line.strip():
                print(tag_record(line, f"stdin line {number}"))
        return 0
    if args.file is None or args.published is None:
        raise TimelineError("tag needs FILE and --published YYYY-MM-DD (or --batch)")
    published = parse_published(args.published)
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TimelineError(f"{args.file}: cannot read ({error}); give a UTF-8 text file") from None
    print(json.dumps(tag_json(text, published), ensure_ascii=False, indent=1))
    return 0
