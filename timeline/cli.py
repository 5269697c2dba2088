"""Command-line interface: a thin shell over the library. Errors become `Error: ...` on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
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
    _add_paths(build, "articles", "store", "out")
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
    tag.add_argument("--jobs", type=_positive, metavar="N",
                     help="processes tagging a large batch (default on Linux: one per CPU no "
                     "other process is busy on; elsewhere 1); the output is the same whatever N")
    tag.set_defaults(run=_run_tag)

    add = commands.add_parser(
        "add",
        help="copy articles (.txt, .md, .html) into articles/ with front matter, then rebuild",
        description="Copy each FILE into the articles folder as YYYY-MM-DD-slug-of-title.txt with "
        "a front matter block (title, published, source, url); a saved web page becomes its main "
        "text. The publish date comes from --published, the file's front matter or page metadata, "
        "or what the text says (a warning tells you so). The same text is kept once. Then rebuild.",
    )
    add.add_argument("files", nargs="+", type=Path, metavar="FILE", help="article files to add")
    add.add_argument("--published", type=_iso_date, metavar="DATE", help="publish date YYYY-MM-DD for every FILE")
    _add_paths(add, "articles", "store", "out")
    add.set_defaults(run=_run_add)
    check = commands.add_parser(
        "check",
        help="validate events.yaml and the articles; list each problem at its line",
        description="Check events.yaml (YAML syntax, fields, ISO dates, end not before date, "
        "duplicate ids, likely duplicate events, unresolved dates) and that every article reads. "
        "Prints each problem as FILE:LINE: error|warning: message; exits 1 if there are errors.",
    )
    _add_paths(check, "store", "articles")
    check.set_defaults(run=_run_check)
    return parser


# The folders and files a command works on, with the defaults the README names.
_PATHS = {
    "articles": ("articles", "folder of articles (default: articles)"),
    "store": ("events.yaml", "the events file (default: events.yaml)"),
    "out": ("output", "output folder (default: output)"),
}


def _add_paths(command: argparse.ArgumentParser, *names: str) -> None:
    for name in names:
        default, help_text = _PATHS[name]
        command.add_argument(f"--{name}", type=Path, default=Path(default), help=help_text)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def _run_add(args: argparse.Namespace) -> int:
    from timeline.add import add_article

    failed = False
    for path in args.files:
        if not path.is_file():
            print(f"Error: {path}: no such file", file=sys.stderr)
            failed = True
            continue
        try:
            added = add_article(path, args.articles, args.published)
        except TimelineError as error:
            print(f"Error: {error}", file=sys.stderr)
            failed = True
            continue
        print(added.message)
        for warning in added.warnings:
            print(f"  Warning: {warning}", file=sys.stderr)
    code = _run_build(args)
    return 1 if failed else code


def _run_build(args: argparse.Namespace) -> int:
    from timeline.build import build

    report = build(args.articles, args.store, args.out)
    print(f"Read {report.articles} article(s) from {args.articles}/")
    for name, dropped, total in report.dropped:
        if dropped:
            print(f"  {name}: dropped {dropped} of {total} characters as page furniture")
    if report.cached:
        print(f"  {report.cached} unchanged article(s) taken from the cache, not extracted again")
    print(f"Events: {report.new} new, {report.updated} updated, {report.unchanged} unchanged -> {args.store}")
    if report.edited or report.deleted:
        print(f"  kept your edits: {report.edited} event(s) edited or added by hand, {report.deleted} deleted")
    for name, warning in report.warnings:
        print(f"Warning {name}: {warning}", file=sys.stderr)
    for name, reason in report.skipped:
        print(f"Skipped {name}: {reason}", file=sys.stderr)
    for path in report.outputs:
        print(f"Wrote {path}")
    return 3 if report.skipped else 0


def _run_tag(args: argparse.Namespace) -> int:
    import json

    from timeline.temporal.records import parse_published, tag_json, tag_lines

    if args.batch:
        for line in tag_lines(sys.stdin, args.jobs):
            print(line)
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
