"""The canonical text of events.yaml entries: stable key order, empty optional fields omitted.

Same events in, same bytes out. Dates are always double-quoted so YAML never turns them into
timestamps; other strings stay plain when that reads back as the same string, else they are
double-quoted with escapes, on one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

import yaml

from timeline.model import Event, Source

# The stored fields in the order they are written; text fields added to the model later are
# stored too, after these. `edited` is not stored: the store works it out on every load.
_EVENT_ORDER = (
    "id",
    "title",
    "date",
    "end",
    "label",
    "qualifier",
    "category",
    "actors",
    "place",
    "sources",
    "disagreement",
    "notes",
)
_SOURCE_ORDER = ("article", "published", "quote", "phrase", "outlet", "url", "date", "resolution")
_NOT_STORED = frozenset({"edited"})


def _stored(model: type, order: tuple[str, ...]) -> tuple[str, ...]:
    names = {item.name: item.type for item in fields(model)}
    extra = [name for name, kind in names.items() if name not in order and kind == "str"]
    return tuple(name for name in order if name in names) + tuple(
        name for name in extra if name not in _NOT_STORED
    )


EVENT_FIELDS = _stored(Event, _EVENT_ORDER)
SOURCE_FIELDS = _stored(Source, _SOURCE_ORDER)
ALWAYS_WRITTEN = ("id", "title", "date", "category")  # written even when empty
SOURCE_ALWAYS_WRITTEN = ("article", "quote")
QUOTED_FIELDS = frozenset({"date", "end", "published"})  # ISO dates: always quoted

_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_FORBIDDEN_START = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_FORBIDDEN = set(",[]{}:")


def field_value(event: Event | Source, name: str) -> object:
    """The value of one field of an event or a source, by name."""
    value: object = getattr(event, name)
    return value


def scalar(text: str, *, quoted: bool = False, flow: bool = False) -> str:
    """A YAML scalar that reads back as `text`: plain when safe, else double-quoted."""
    if not quoted and _plain_is_safe(text, flow=flow):
        return text
    return _double_quoted(text)


def event_lines(event: Event, dash_col: int = 2, key_col: int = 4) -> list[str]:
    """The lines of one entry of the `events:` list, starting with its `- `."""
    lines: list[str] = []
    for name in EVENT_FIELDS:
        lines.extend(field_lines(event, name, key_col))
    first = lines[0]
    lines[0] = " " * dash_col + "-" + " " * (key_col - dash_col - 1) + first[key_col:]
    return lines


def field_lines(event: Event, name: str, key_col: int) -> list[str]:
    """The lines of one field of an entry at indentation `key_col`; empty when omitted."""
    value = field_value(event, name)
    indent = " " * key_col
    if name == "actors":
        actors = tuple(str(a) for a in value) if isinstance(value, tuple) else ()
        if not actors:
            return []
        return [f"{indent}actors: [{', '.join(scalar(a, flow=True) for a in actors)}]\n"]
    if name == "sources":
        sources = value if isinstance(value, tuple) else ()
        if not sources:
            return []
        lines = [f"{indent}sources:\n"]
        for source in sources:
            lines.extend(source_lines(source, key_col + 2, key_col + 4))
        return lines
    text = str(value)
    if not text and name not in ALWAYS_WRITTEN:
        return []
    return [f"{indent}{name}: {scalar(text, quoted=name in QUOTED_FIELDS)}\n"]


def deleted_lines(deleted: Sequence[str]) -> list[str]:
    """The top-level `deleted:` list of ids; empty when nothing is deleted."""
    if not deleted:
        return []
    return ["deleted:\n", *(f"  - {scalar(event_id)}\n" for event_id in deleted)]


def document_text(events: Sequence[Event], deleted: Sequence[str], header: str = "") -> str:
    """A whole events.yaml in the canonical style, with an optional comment header."""
    lines = [header] if header else []
    if events:
        lines.append("events:\n")
        for event in events:
            lines.extend(event_lines(event))
    else:
        lines.append("events: []\n")
    lines.extend(deleted_lines(deleted))
    return "".join(lines)


def source_lines(source: Source, dash_col: int, key_col: int) -> list[str]:
    """The lines of one item of a `sources:` list, starting with its `- `."""
    lines: list[str] = []
    for name in SOURCE_FIELDS:
        text = str(field_value(source, name))
        if not text and name not in SOURCE_ALWAYS_WRITTEN:
            continue
        lines.append(f"{' ' * key_col}{name}: {scalar(text, quoted=name in QUOTED_FIELDS)}\n")
    lines[0] = " " * dash_col + "-" + " " * (key_col - dash_col - 1) + lines[0][key_col:]
    return lines


def _plain_is_safe(text: str, *, flow: bool) -> bool:
    if not text or text != text.strip() or not text.isprintable():
        return False
    if text[0] in _PLAIN_FORBIDDEN_START or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(ch in _FLOW_FORBIDDEN for ch in text):
        return False
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call,unused-ignore]
    return tag == _STR_TAG


def _double_quoted(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch.isprintable():
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)
