"""The command line's grammar: each command with its arguments, defaults and help text.

`cli.py` runs the commands; this module only says what they accept, so `--help` reads from here."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from timeline import __version__
from timeline.days import read_day

# What runs a command: its parsed arguments in, the exit code out.
Run = Callable[[argparse.Namespace], int]


def command_line(runs: Mapping[str, Run]) -> argparse.ArgumentParser:
    """The `timeline` parser, each command set to call its function in `runs` (by name)."""
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Turn a folder of news articles into a dated, sourced, "
        "hand-editable chronology (events.yaml) and an interactive timeline (output/).",
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    _build(commands, runs["build"])
    _tag(commands, runs["tag"])
    _add(commands, runs["add"])
    _explain(commands, runs["explain"])
    _check(commands, runs["check"])
    return parser


def _build(commands: argparse._SubParsersAction[argparse.ArgumentParser], run: Run) -> None:
    """`timeline build`: articles in, events.yaml and output/ out."""
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
    build.set_defaults(run=run)


def _tag(commands: argparse._SubParsersAction[argparse.ArgumentParser], run: Run) -> None:
    """`timeline tag`: one file, or JSON Lines with --batch."""
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
    tag.set_defaults(run=run)


def _add(commands: argparse._SubParsersAction[argparse.ArgumentParser], run: Run) -> None:
    """`timeline add`: files copied into articles/, then a rebuild."""
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
        run=run, dry_run=False, jobs=None
    )  # its rebuild chooses the jobs as `build` does


def _explain(commands: argparse._SubParsersAction[argparse.ArgumentParser], run: Run) -> None:
    """`timeline explain`: how one article was read."""
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
    explain.set_defaults(run=run)


def _check(commands: argparse._SubParsersAction[argparse.ArgumentParser], run: Run) -> None:
    """`timeline check`: events.yaml and the articles validated."""
    check = commands.add_parser(
        "check",
        help="validate events.yaml and the articles; list each problem at its line",
        description="Check events.yaml (YAML syntax, fields, ISO dates, end not before date, "
        "duplicate ids, likely duplicate events, unresolved dates) and that every article reads. "
        "Prints each problem as FILE:LINE: error|warning: message; exits 1 if there are errors.",
    )
    _add_paths(check, "store", "articles")
    check.set_defaults(run=run)


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
        return read_day(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
