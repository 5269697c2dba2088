"""Command-line interface: a thin shell over the library. Errors become `Error: ...` on stderr."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from timeline import __version__
from timeline.model import Article, TimelineError


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `timeline` command; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        with _stop_signals_interrupt():
            code: int = args.run(args)
    except TimelineError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped early (`timeline tag ... | head`): no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return code


# Every file is written whole and renamed into place, so stopping never leaves half a file.
INTERRUPTED = (
    "Interrupted: every file is as it was or fully written, none half-written; "
    "run the command again to finish"
)


@contextlib.contextmanager
def _stop_signals_interrupt() -> Iterator[None]:
    """Closing the terminal (SIGHUP) or `kill` (SIGTERM) stops a command like Ctrl-C: cleanly."""
    names = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous: dict[str, object] = {}
    try:
        for name in names:
            previous[name] = signal.signal(getattr(signal, name), _interrupt)
    except ValueError:  # not the main thread: signals stay as they are
        pass
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)  # type: ignore[arg-type]


def _interrupt(number: int, frame: object) -> None:
    raise KeyboardInterrupt


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
        "store (keeping your edits), and write the interactive timeline and exports. Then say "
        "what changed, event by event (new events, new sources, dates moved, disagreements, "
        "deleted events kept deleted; never your own edits); the full report is written to "
        "changes.md in the output folder (a build that changes nothing leaves it, and the "
        "page's stars, as they were). Exit code 0: all built; 3: built, but some articles "
        "were skipped (each named, with what to do); 1: an error stopped the build (the message "
        "says what to do; no file is left half-written).",
    )
    _add_paths(build, "articles", "store", "out")
    build.add_argument(
        "--dry-run",
        action="store_true",
        help="print what the build would change, in full, and write nothing (no file is touched)",
    )
    build.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="processes reading the articles not read before (default on Linux, "
        "for more than a few: one per CPU no other process is busy on; elsewhere "
        "1); the output is the same whatever N",
    )
    build.set_defaults(run=_run_build)

    tag = commands.add_parser(
        "tag",
        help="find and resolve the dates, times, durations and sets in a text (JSON out)",
        description="Tag temporal expressions in FILE and resolve them against the publish "
        "date; print a JSON list (TIMEX3 type and value, offsets, interval, granularity, "
        "explanation). With --batch, read JSON Lines {id, text, published} on stdin and write "
        "one {id, timexes} line per input; a bad line is reported on stderr with its number, "
        "the others are still tagged, and the exit code is 1.",
    )
    tag.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE",
        help="UTF-8 text file to tag; an article's front matter is not tagged "
        "(offsets stay those of the file)",
    )
    tag.add_argument(
        "--published",
        metavar="DATE",
        help="the publish date YYYY-MM-DD, which relative dates are resolved against "
        "(default: the 'published:' line of FILE's front matter)",
    )
    tag.add_argument("--batch", action="store_true", help="JSON Lines on stdin, JSON Lines out")
    tag.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="processes tagging a large batch (default on Linux: one per CPU no "
        "other process is busy on; elsewhere 1); the output is the same whatever N",
    )
    tag.set_defaults(run=_run_tag)

    add = commands.add_parser(
        "add",
        help="copy articles (.txt, .md, .html) into articles/ with front matter, then rebuild",
        description="Copy each FILE into the articles folder as YYYY-MM-DD-slug-of-title.txt with "
        "a front matter block (title, published, source, url); a saved web page becomes its main "
        "text. The publish date comes from --published, the file's front matter or page metadata, "
        "or what the text says (a warning tells you so). The same text is kept once. Then rebuild. "
        "A file that cannot be added is named with what to do, and the exit code is 1.",
    )
    add.add_argument(
        "files", nargs="+", metavar="FILE", help="article files to add (saved on this computer)"
    )
    add.add_argument(
        "--published", type=_iso_date, metavar="DATE", help="publish date YYYY-MM-DD for every FILE"
    )
    _add_paths(add, "articles", "store", "out")
    add.set_defaults(
        run=_run_add, dry_run=False, jobs=None
    )  # its rebuild chooses the jobs as `build` does
    explain = commands.add_parser(
        "explain",
        help="show how one article was read: names, dates, what each date attaches to and "
        "why, the events proposed and the stored events they joined",
        description="Read ARTICLE as the build does (front matter, page furniture dropped) and "
        "show, sentence by sentence: the names the recognizer found; each time expression with "
        "its value, the predicate it attaches to in the parse and the happening it dates, or why "
        "it dates none (a dateline, inside a quote, no predicate, a report whose clause has its "
        "own date, negated, told as possible...); for each event proposed its title, date, "
        "category, actors and place, and, when the store exists, the stored event it is a source "
        "of with the people and words it shares with that event's other sources. Changes nothing.",
    )
    explain.add_argument(
        "file",
        type=Path,
        metavar="ARTICLE",
        help="the article file (.txt, .md or .html), e.g. articles/FILE.txt",
    )
    explain.add_argument(
        "--published",
        type=_iso_date,
        metavar="DATE",
        help="the publish date YYYY-MM-DD (default: the article's front matter "
        "or, as the build does, what its text shows)",
    )
    _add_paths(explain, "store")
    explain.add_argument(
        "--json", action="store_true", help="print one JSON object (for tools) instead of text"
    )
    explain.set_defaults(run=_run_explain)
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
    "articles": ("articles", "FOLDER", "folder of articles (default: articles)"),
    "store": ("events.yaml", "FILE", "the events file (default: events.yaml)"),
    "out": ("output", "FOLDER", "output folder (default: output)"),
}


def _add_paths(command: argparse.ArgumentParser, *names: str) -> None:
    for name in names:
        default, metavar, help_text = _PATHS[name]
        command.add_argument(
            f"--{name}", type=Path, default=Path(default), metavar=metavar, help=help_text
        )


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD"
        ) from None


def _run_add(args: argparse.Namespace) -> int:
    from timeline.ingest.add import add_article

    failed = False
    for name in args.files:
        path = Path(name)
        try:
            _check_addable(name, path)
            added = add_article(path, args.articles, args.published)
        except TimelineError as error:
            print(f"Error: {error}", file=sys.stderr)
            failed = True
            continue
        print(added.message)
        for warning in added.warnings:
            print(f"  Warning: {warning}", file=sys.stderr)
    code = _run_build(args)
    if failed:
        print("Some files were not added: see the errors above.", file=sys.stderr)
    return 1 if failed else code


def _check_addable(name: str, path: Path) -> None:
    """TimelineError saying what to do when FILE of `timeline add` is no file on this computer."""
    if re.match(r"(https?|ftp)://|www\.", name, re.IGNORECASE):
        raise TimelineError(
            f"{name}: a web address; timeline works offline and adds saved files only: open the "
            "page in your browser, save it (File > Save Page As, 'Web Page, HTML only') and add "
            "the .html file, or paste the article text into a .txt file"
        )
    if path.is_dir():
        raise TimelineError(
            f"{path}: is a folder; give the article files in it, e.g. timeline add {path}/*.html"
        )
    if not path.is_file():
        raise TimelineError(
            f"{path}: no such file; check the name and folder (drag the file into the terminal "
            "to paste its full path)"
        )


def _run_build(args: argparse.Namespace) -> int:
    from timeline.build import build
    from timeline.render.render import CHANGES_FILE
    from timeline.store.changes import CLI_LINES, cli_lines

    report = build(args.articles, args.store, args.out, args.dry_run, args.jobs)
    if report.dry_run:
        print("Dry run: nothing is written; this is what a build would do.")
    print(f"Read {report.articles} article(s) from {args.articles}/")
    for name, dropped, total in report.dropped:
        if dropped:
            print(f"  {name}: dropped {dropped} of {total} characters as page furniture")
    if report.cached:
        print(f"  {report.cached} unchanged article(s) taken from the cache, not extracted again")
    target = "(not written)" if report.dry_run else f"-> {args.store}"
    print(
        f"Events: {report.new} new, {report.updated} updated, {report.unchanged} unchanged {target}"
    )
    if report.edited or report.deleted:
        print(
            f"  kept your edits: {report.edited} event(s) edited or added by hand, {report.deleted} deleted"
        )
    full_report = args.out / CHANGES_FILE
    limit = len(report.changes.changes) + 1 if report.dry_run else CLI_LINES
    lines = cli_lines(report.changes, limit, str(full_report))
    if report.changes.changes:
        print("What changed:")
        lines = [f"  {line}" for line in lines]
    print("\n".join(lines))  # "No changes." when there are none
    if not report.changes.changes and report.latest and not report.dry_run:
        print(
            f"  ({full_report} and the page's stars still show the {report.latest} change(s) "
            "of the latest build that made some)"
        )
    for name, warning in report.warnings:
        print(f"Warning {_at(args.articles / name, warning)}", file=sys.stderr)
    for name, reason in report.skipped:
        print(f"Skipped {_at(args.articles / name, reason)}", file=sys.stderr)
    if not report.articles and not report.skipped:
        print(
            f"Warning {args.articles}/: no articles in it; put .txt, .md or .html articles "
            "there, or run `timeline add FILE`",
            file=sys.stderr,
        )
    for path in report.outputs:
        print(f"Wrote {path}")
    return 3 if report.skipped else 0


def _run_tag(args: argparse.Namespace) -> int:
    import json

    from timeline.ingest.frontmatter import FrontMatter, field_line, split_front_matter
    from timeline.ingest.frontmatter import parse_published as front_matter_published
    from timeline.temporal.records import parse_published, tag_json, tag_lines

    if args.batch:
        if args.file is not None or args.published is not None:
            raise TimelineError(
                "tag --batch reads JSON Lines on stdin, with each record's own published date; "
                "give either --batch or FILE with --published, not both"
            )
        failed = False
        for tagged in tag_lines(sys.stdin, args.jobs):
            if isinstance(tagged, TimelineError):  # a bad line does not stop the others
                print(f"Error: {tagged}", file=sys.stderr)
                failed = True
            else:
                print(tagged)
        return 1 if failed else 0
    if args.file is None:
        raise TimelineError("tag needs FILE and --published YYYY-MM-DD (or --batch)")
    text = _read_text(args.file)
    # An article from articles/: its front matter is not tagged, and may give the publish date.
    try:
        matter = split_front_matter(str(args.file), text)
    except TimelineError:
        if args.published is None:
            raise
        matter = FrontMatter({}, text, 1)  # a text opening on a '---' rule, not front matter
    if args.published is not None:
        published = parse_published(args.published)
    elif "published" in matter.fields:
        line = field_line(text, "published")
        published = front_matter_published(str(args.file), matter.fields["published"], line).day
    else:
        raise TimelineError(
            f"{args.file}: no publish date; give --published YYYY-MM-DD (or a 'published:' "
            "line in the file's front matter)"
        )
    offset = len(text) - len(matter.body)  # the body is the end of the text, verbatim
    timexes = tag_json(matter.body, published)
    for timex in timexes:
        timex["start"] = int(str(timex["start"])) + offset
        timex["end"] = int(str(timex["end"])) + offset
    print(json.dumps(timexes, ensure_ascii=False, indent=1))
    return 0


def _read_text(path: Path) -> str:
    """A UTF-8 text file given on the command line; TimelineError says what is wrong."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise TimelineError(f"{path}: is a folder; give a text file") from None
    except OSError as error:
        raise TimelineError(
            f"{path}: cannot read ({error.strerror}); check the name and that you may read it; "
            "give a UTF-8 text file"
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise TimelineError(f"{path}:{line}: not UTF-8 text — save the file as UTF-8") from None


def _run_explain(args: argparse.Namespace) -> int:
    import json

    from timeline.explain import explain
    from timeline.explain_text import as_json, as_text
    from timeline.ingest.furniture import main_text
    from timeline.store.store import load_store

    article = _read_article(args.file, args.published)
    for warning in article.warnings:
        print(f"Warning {_at(args.file, warning)}", file=sys.stderr)
    store = load_store(args.store) if args.store.exists() else None
    explanation = explain(main_text(article), store)
    if args.json:
        print(json.dumps(as_json(explanation, args.store), ensure_ascii=False, indent=1))
    else:
        print(as_text(explanation, args.store), end="")
    return 0


def _read_article(path: Path, published: date | None) -> Article:
    """One article file read as the build reads articles/; TimelineError names the path."""
    from timeline.ingest.ingest import parse_article, read_bytes

    if path.is_dir():
        raise TimelineError(f"{path}: is a folder; give one article file, e.g. {path}/FILE.txt")
    if not path.is_file():
        raise TimelineError(f"{path}: no such file; check the name and folder")
    how_to_date = (
        "give --published YYYY-MM-DD, or add a front matter block at the top of the file, e.g.\n"
        "---\npublished: 2025-06-05\n---"
    )
    try:
        return parse_article(path.name, read_bytes(path), published, how_to_date)
    except TimelineError as error:  # the reader names the file; the user gave a path
        message = str(error)
        if message.startswith(path.name):
            raise TimelineError(_at(path, message[len(path.name) :].lstrip(",: "))) from None
        raise


def _run_check(args: argparse.Namespace) -> int:
    from timeline.store.check import check_text, format_problem

    if args.store.is_dir():
        raise TimelineError(
            f"{args.store}: is a folder; pass the events file, e.g. --store events.yaml"
        )
    if not args.store.is_file():
        raise TimelineError(
            f"{args.store}: not found — run `timeline build` first, or pass --store"
        )
    text = _read_text(args.store)
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
        from timeline.ingest.ingest import read_articles
    except ImportError:
        return []
    articles, skipped = read_articles(folder)
    found = [("error", _located(folder / s.name, "error", s.reason)) for s in skipped]
    for article in articles:
        for warning in getattr(article, "warnings", ()):  # e.g. an inferred publish date
            found.append(("warning", f"{folder / article.name}: warning: {warning}"))
    return sorted(found, key=lambda problem: problem[1])


def _located(path: Path, severity: str, reason: str) -> str:
    """`FILE:LINE: severity: message` when the reason starts with its line, else `FILE: ...`."""
    return _at(path, f"{severity}: {reason}")


def _at(path: Path, message: str) -> str:
    """`FILE:LINE: rest` when the message (after a severity) starts with `line N: `, else
    `FILE: message`: the form editors and terminals link to."""
    match = re.match(r"((?:error|warning): )?line (\d+): ", message)
    if match:
        return f"{path}:{match[2]}: {match[1] or ''}{message[match.end() :]}"
    return f"{path}{'/' if path.is_dir() else ''}: {message}"
