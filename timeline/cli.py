"""Command-line interface: a thin shell over the library. Errors become `Error: ...` on stderr."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from timeline.arguments import command_line
from timeline.model import Article, TimelineError
from timeline.textfile import NotUtf8, decode_text


def run() -> None:
    """The `timeline` program: `main` in a process of its own, which ends with it."""
    # A build keeps nearly all it makes until it ends (the memo, the store, the events, the
    # page) and makes little cyclic garbage (a few MB building 256 articles): the cyclic
    # collector would only walk those objects again and again (0.3 s of a 3.5 s build adding one
    # article to 1,024 at its default thresholds, 0.1 s at 50,000 objects), and once more as the
    # process ends (0.4 s after a cold build of 1,024). So it stays off, and the objects are
    # frozen before the end. Workers that read articles turn it on for what they make
    # (timeline.events.extracting), collecting less often than by default, as mypy does.
    gc.set_threshold(50_000, 20, 20)
    gc.disable()
    code = main()
    gc.freeze()
    sys.exit(code)


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
    """The parser, each command calling its `_run_*` function of this module as it is now."""
    runs = {
        "build": _run_build,
        "tag": _run_tag,
        "add": _run_add,
        "explain": _run_explain,
        "check": _run_check,
    }
    return command_line(runs)


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

    report = build(args.articles, args.store, args.out, args.dry_run, args.jobs)
    # imported after the build, which starts its worker before it imports much (extracting.py)
    from timeline.render.render import CHANGES_FILE
    from timeline.store.changes import CLI_LINES, cli_lines

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
        return decode_text(raw)
    except NotUtf8 as error:
        raise TimelineError(f"{path}:{error.line}: {error}") from None


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
