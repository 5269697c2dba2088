"""The YAML front matter block at the top of an article: `---`, YAML, `---`, then the body."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from timeline.days import read_day_and_time
from timeline.model import TimelineError

try:  # libyaml's parser: a thousand articles' front matter in a tenth of the time
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader
_FENCE = re.compile(r"---[ \t]*")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")


@dataclass(frozen=True)
class FrontMatter:
    """The parsed block (empty when the file has none) and the body after it."""

    fields: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the file where the body starts


@dataclass(frozen=True)
class Published:
    """A publish date read from front matter, with its time and zone as written."""

    day: date
    time: str = ""


def split_front_matter(name: str, text: str) -> FrontMatter:
    """Split `text` (newlines already `\\n`) into its front matter fields and body.

    Front matter is optional; when the first non-blank line is `---` the block must close with
    `---` (or `...`) and hold a YAML mapping, else TimelineError names the file and line.
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _FENCE.fullmatch(lines[first]):
        return FrontMatter({}, text, 1)
    close = next((i for i in range(first + 1, len(lines)) if _CLOSE.fullmatch(lines[i])), None)
    if close is None:
        raise TimelineError(
            f"{name}, line {first + 1}: the front matter block opened with '---' is never closed; "
            "add a line '---' after the last front matter field"
        )
    block = "\n".join(lines[first + 1 : close])
    try:
        fields = yaml.load(block, Loader=_Loader) if block.strip() else {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first + 2 + (mark.line if mark else 0)
        problem = error.problem or str(error)
        raise TimelineError(
            f"{name}, line {line}: the front matter is not valid YAML ({problem}); "
            "write one 'key: value' per line, and quote values that contain ': ' or start with "
            'a quote, e.g. title: "Kim: a profile"'
        ) from error
    except (yaml.YAMLError, ValueError) as error:  # a date-like value that is no date: 2025-02-30
        line = _line_of(lines, first + 1, close, error)
        raise TimelineError(
            f"{name}, line {line}: the front matter has a value YAML cannot read ({error}); "
            "check the dates are real days written YYYY-MM-DD"
        ) from error
    if not isinstance(fields, dict):
        raise TimelineError(
            f"{name}, line {first + 2}: the front matter must be 'key: value' lines, "
            f"not a {type(fields).__name__}; e.g.\n---\npublished: 2025-06-05\n---"
        )
    body = "\n".join(lines[close + 1 :])
    return FrontMatter({str(k): v for k, v in fields.items()}, body, close + 2)


def _line_of(lines: list[str], start: int, stop: int, error: Exception) -> int:
    """The line holding the value an error message quotes, else the block's first line."""
    quoted = re.findall(r"\d{4}-\d{1,2}-\d{1,2}", str(error))
    for i in range(start, stop):
        if any(q in lines[i] for q in quoted):
            return i + 1
    return start + 1


def parse_published(name: str, value: object, line: int) -> Published:
    """Read a `published` value: a YAML date or datetime, or a string written YYYY-MM-DD
    (a time and zone after it kept as written)."""
    if isinstance(value, datetime):
        return Published(value.date(), _time_text(value))
    if isinstance(value, date):
        return Published(value)
    example = "optionally with a time and zone, e.g. published: 2025-06-05"
    hint = f"write it as YYYY-MM-DD, {example}"
    if isinstance(value, (list, dict, bool)):
        kind = {list: "a list", dict: "a set of fields", bool: "yes/no"}[type(value)]
        raise TimelineError(f"{name}, line {line}: published is {kind}, not a date; {hint}")
    text = str(value).strip() if value is not None else ""
    if re.fullmatch(r"\d{4}", text):
        raise TimelineError(
            f"{name}, line {line}: published: {text} is only a year; the publish date needs "
            f"the day: {hint}"
        )
    try:
        return Published(*read_day_and_time(text))
    except ValueError as error:
        raise TimelineError(f"{name}, line {line}: published: {error}, {example}") from None


def _time_text(moment: datetime) -> str:
    time = moment.time().isoformat()
    offset = moment.strftime("%z")
    if offset:
        time += "Z" if offset == "+0000" else f"{offset[:3]}:{offset[3:]}"
    return time


def field_line(fields_text: str, key: str) -> int:
    """The 1-based line of `key:` in a file's text, or 1 when absent."""
    for number, line in enumerate(fields_text.split("\n"), start=1):
        if re.match(rf"{re.escape(key)}\s*:", line):
            return number
    return 1


def as_text(value: object) -> str:
    """A front matter value as text: strings as they are, dates in ISO, the rest as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def render_front_matter(fields: dict[str, str]) -> str:
    """A front matter block for `fields` (in order), values quoted where YAML needs it."""
    dumped = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{dumped}---\n"
