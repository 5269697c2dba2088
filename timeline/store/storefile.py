"""Read events.yaml text into events plus where each entry and field sits (0-based lines).

Only PyYAML's composer runs (CSafeLoader when available): it builds nodes, never objects, and
any tag other than YAML's plain scalar, list and mapping tags is reported as a problem.
Scalars are read as the text written, so `date: 2025-06-04` unquoted is the string "2025-06-04".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

import yaml

from timeline.model import Event, Source
from timeline.store.emit import EVENT_FIELDS, SOURCE_FIELDS

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_NULL_TAG = "tag:yaml.org,2002:null"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
REQUIRED_FIELDS = ("id", "title", "date")
_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def date_bounds(text: str) -> tuple[date, date] | None:
    """The first and last day of an ISO YYYY, YYYY-MM or YYYY-MM-DD date; None if not one."""
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    year = int(match["year"])
    try:
        if match["month"] is None:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(match["month"])
        if match["day"] is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(match["day"]))
    except ValueError:
        return None
    return day, day


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the store, at a 1-based line; severity is "error" or "warning"."""

    line: int
    message: str
    severity: str = "error"


@dataclass(frozen=True)
class Span:
    """Where a key and its value sit: first and last line (0-based, inclusive)."""

    name: str
    first: int
    last: int
    comment: str = ""  # a comment after a one-line value, with the spaces before it
    item_dash: int = -1  # for a block list of mappings: the column of each item's `-`
    item_key: int = -1  # ... and of its keys


@dataclass(frozen=True)
class Entry:
    """One entry of the `events:` list: its event and its layout in the file."""

    event: Event
    first: int  # line of the `- `
    last: int
    dash_col: int
    key_col: int
    flow: bool  # written as `- {id: ..., ...}`
    fields: tuple[Span, ...]

    def line_of(self, name: str) -> int:
        """The 1-based line of a field, or of the entry when the field is absent."""
        for span in self.fields:
            if span.name == name:
                return span.first + 1
        return self.first + 1


@dataclass(frozen=True)
class Document:
    """A parsed events.yaml: the events, the deleted ids, and the layout needed to splice."""

    text: str
    entries: tuple[Entry, ...] = ()
    deleted: tuple[str, ...] = ()
    deleted_lines: tuple[int, ...] = ()  # 1-based line of each deleted id
    root_block: bool = True  # the top level is a block mapping (or the file is empty)
    events_key: Span | None = None
    events_block: bool = False  # `events:` holds a block list with at least one entry
    deleted_key: Span | None = None

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(entry.event for entry in self.entries)


def parse(text: str) -> tuple[Document, list[Problem]]:
    """Parse events.yaml text; problems (syntax, schema) are returned, never raised."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return Document(text), [_syntax_problem(text, error)]
    except yaml.YAMLError as error:
        return Document(text), [Problem(1, f"invalid YAML: {error}")]
    if root is None:
        return Document(text), []
    parser = _Parser(text.splitlines(keepends=True))
    document = parser.document(text, root)
    return document, sorted(parser.problems, key=lambda problem: problem.line)


# A value that opens a quote and does not close it on its line: `label: "2024`.
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?[^\s:#][^:#]*:\s+(?P<q>["'])(?P<rest>.*)$""")


def _syntax_problem(text: str, error: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error at its line, with what to do for the usual slips (a tab, a quote)."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    lines = text.splitlines()
    message = f"invalid YAML: {error.problem or error}"
    if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        return Problem(line, f"{message}: a tab; indent with spaces, not tabs")
    for number, row in enumerate(lines[:line], start=1):
        match = _OPEN_QUOTE.match(row)
        if match and not _closes(match["q"], match["rest"]):
            return Problem(
                number,
                f"{message} (on line {line}): the quote opened on this line "
                f"is not closed; add the closing {match['q']}",
            )
    return Problem(line, message)


def _closes(quote: str, rest: str) -> bool:
    """Whether `rest` (what follows an opening quote) holds the closing quote."""
    if quote == "'":
        return bool(re.search(r"(?<!')'(?!')", rest.replace("''", "")))
    return bool(re.search(r'(?<!\\)"', rest))


class _Parser:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.problems: list[Problem] = []

    def error(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(node.start_mark.line + 1, message))

    def tag_ok(self, node: yaml.Node) -> bool:
        """Only YAML's own tags: anything that would build an object is refused."""
        if node.tag in _SCALAR_TAGS or node.tag in (_SEQ_TAG, _MAP_TAG):
            return True
        self.error(
            node,
            f"unsupported YAML tag `{node.tag}`: the store holds plain text, lists "
            "and mappings only; remove the tag",
        )
        return False

    def document(self, text: str, root: yaml.Node) -> Document:
        if not self.tag_ok(root):
            return Document(text)
        if not isinstance(root, yaml.MappingNode):
            self.error(root, "the top level must be a mapping with an `events:` list")
            return Document(text)
        entries: tuple[Entry, ...] = ()
        deleted: tuple[str, ...] = ()
        deleted_lines: tuple[int, ...] = ()
        events_key = deleted_key = None
        events_block = False
        for key, value in self.pairs(root, ("events", "deleted")):
            span = self.span(key, value)
            if key.value == "events":
                events_key = span
                entries = self.entries(value)
                events_block = bool(entries) and not getattr(value, "flow_style", True)
            else:
                deleted_key = span
                items = self.scalar_list(value, "deleted")
                deleted = tuple(text for text, _ in items)
                deleted_lines = tuple(line for _, line in items)
        if events_key is None:
            self.error(root, "no `events:` list")
        first_line: dict[str, int] = {}
        for entry in entries:
            if entry.event.id in first_line:
                self.problems.append(
                    Problem(
                        entry.first + 1,
                        f"duplicate id `{entry.event.id}` (first used on line "
                        f"{first_line[entry.event.id]}); give each event its own id",
                    )
                )
            first_line.setdefault(entry.event.id, entry.first + 1)
        return Document(
            text=text,
            entries=entries,
            deleted=deleted,
            deleted_lines=deleted_lines,
            root_block=not root.flow_style,
            events_key=events_key,
            events_block=events_block,
            deleted_key=deleted_key,
        )

    def pairs(
        self, node: yaml.MappingNode, known: tuple[str, ...]
    ) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
        """The key/value pairs of a mapping; unknown, repeated or non-text keys are problems."""
        seen: set[str] = set()
        pairs: list[tuple[yaml.ScalarNode, yaml.Node]] = []
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                self.error(key, "a key must be plain text")
                continue
            if key.value not in known:
                self.error(key, f"unknown key `{key.value}` (known keys: {', '.join(known)})")
                continue
            if key.value in seen:
                self.error(key, f"`{key.value}` appears twice in the same entry")
                continue
            seen.add(key.value)
            pairs.append((key, value))
        return pairs

    def span(self, key: yaml.ScalarNode, value: yaml.Node) -> Span:
        """Where a field sits, its trailing comment, and the layout of a block list's items."""
        last = _last_line(value, key)
        comment = ""
        end = value.end_mark
        one_line = isinstance(value, yaml.ScalarNode) or bool(getattr(value, "flow_style", False))
        if one_line and end.line == last:
            rest = self.lines[last][end.column :].rstrip("\r\n") if last < len(self.lines) else ""
            comment = rest if rest.strip().startswith("#") else ""
        item_dash = item_key = -1
        if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
            item = value.value[0]
            item_key = item.start_mark.column
            prefix = self.lines[item.start_mark.line][:item_key].rstrip()
            item_dash = len(prefix) - 1 if prefix.endswith("-") else -1
        return Span(key.value, key.start_mark.line, last, comment, item_dash, item_key)

    def text(self, node: yaml.Node, name: str) -> str:
        """A scalar as written; an empty or null scalar is ""."""
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"`{name}` must be a single value, not a list or mapping")
            return ""
        if not self.tag_ok(node):
            return ""
        if node.tag == _NULL_TAG:
            return ""
        return str(node.value)

    def scalar_list(self, node: yaml.Node, name: str) -> list[tuple[str, int]]:
        """A list of scalars (a single scalar counts as a list of one), with 1-based lines."""
        if isinstance(node, yaml.ScalarNode):
            value = self.text(node, name)
            return [(value, node.start_mark.line + 1)] if value else []
        if not self.tag_ok(node):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"`{name}` must be a list")
            return []
        items = [(self.text(item, name), item.start_mark.line + 1) for item in node.value]
        return [(value, line) for value, line in items if value]

    def entries(self, node: yaml.Node) -> tuple[Entry, ...]:
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
            return ()
        if not self.tag_ok(node):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, "`events` must be a list of events, each starting with `- id:`")
            return ()
        entries = [self.entry(item) for item in node.value]
        return tuple(entry for entry in entries if entry is not None)

    def entry(self, node: yaml.Node) -> Entry | None:
        if not self.tag_ok(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.error(node, "an event must be a mapping of fields (id, title, date, ...)")
            return None
        before = len(self.problems)
        values: dict[str, object] = {}
        spans: list[Span] = []
        for key, value in self.pairs(node, EVENT_FIELDS):
            spans.append(self.span(key, value))
            if key.value == "actors":
                values["actors"] = tuple(text for text, _ in self.scalar_list(value, "actors"))
            elif key.value == "sources":
                values["sources"] = self.sources(value)
            else:
                values[key.value] = self.text(value, key.value)
        present = {span.name: span for span in spans}
        for name in REQUIRED_FIELDS:
            if name not in present:
                self.error(node, f"event has no `{name}`")
            elif not values.get(name) and len(self.problems) == before:  # `title:` left empty
                self.problems.append(Problem(present[name].first + 1, f"`{name}` is empty"))
        for span in spans:
            written = values.get(span.name)
            if span.name in ("date", "end") and written and date_bounds(str(written)) is None:
                self.problems.append(
                    Problem(
                        span.first + 1,
                        f"`{span.name}: {written}` is not an ISO date "
                        '(write "YYYY", "YYYY-MM" or "YYYY-MM-DD")',
                    )
                )
        if len(self.problems) > before:
            return None
        values["category"] = values.get("category") or "other"
        event = Event(**values)  # type: ignore[arg-type]
        first = node.start_mark.line
        key_col = node.start_mark.column
        prefix = self.lines[first][:key_col].rstrip() if first < len(self.lines) else ""
        dash_col = len(prefix) - 1 if prefix.endswith("-") else max(key_col - 2, 0)
        last = max(span.last for span in spans) if spans else first
        return Entry(event, first, last, dash_col, key_col, bool(node.flow_style), tuple(spans))

    def sources(self, node: yaml.Node) -> tuple[Source, ...]:
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
            return ()
        if not self.tag_ok(node):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, "`sources` must be a list of sources, each starting with `- article:`")
            return ()
        sources: list[Source] = []
        for item in node.value:
            if not self.tag_ok(item):
                continue
            if not isinstance(item, yaml.MappingNode):
                self.error(item, "a source must be a mapping (article, quote, ...)")
                continue
            values = {
                key.value: self.text(value, key.value)
                for key, value in self.pairs(item, SOURCE_FIELDS)
            }
            if not values.get("article"):
                self.error(item, "source has no `article`")
                continue
            values.setdefault("published", "")
            values.setdefault("quote", "")
            values.setdefault("phrase", "")
            sources.append(Source(**values))
        return tuple(sources)


def _last_line(value: yaml.Node, key: yaml.Node) -> int:
    """The last line holding any of the value's text (0-based), ignoring trailing comments."""
    if isinstance(value, yaml.ScalarNode):
        if value.tag == _NULL_TAG and value.value == "":
            return int(key.end_mark.line)
        end = value.end_mark
        return int(
            end.line if end.column > 0 or end.line == value.start_mark.line else end.line - 1
        )
    if getattr(value, "flow_style", False) or not value.value:
        return int(value.end_mark.line)
    if isinstance(value, yaml.MappingNode):
        last_key, last_value = value.value[-1]
        return _last_line(last_value, last_key)
    last_item = value.value[-1]
    return _last_line(last_item, last_item)
