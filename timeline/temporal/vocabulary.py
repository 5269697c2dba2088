"""Load the temporal vocabulary and rules (YAML shipped in timeline/temporal/rules/)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from timeline.model import TimelineError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from importlib.resources.abc import Traversable

RULES_PACKAGE = "timeline.temporal.rules"
VOCABULARY_FILE = "vocabulary.yaml"


@dataclass(frozen=True)
class Example:
    """A rule's example: a sentence, its publish date, the expected value (None: nothing tagged)."""

    text: str
    published: date
    value: str | None
    span: str = ""  # the expected tagged text, when the example checks it
    source: str = ""  # "file.yaml: rule name", for test ids


# A placeholder in a rule's pattern: {kind}, or {kind:group_name} to name what it matched.
PLACEHOLDER = re.compile(r"\{(?P<kind>[a-z_]+)(?::(?P<name>[a-z_0-9]+))?\}")


@dataclass(frozen=True)
class Rule:
    """A pattern over vocabulary placeholders and the builder that types what it matched."""

    name: str
    pattern: str
    build: str
    params: dict[str, Any] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()
    priority: int = 0


@dataclass(frozen=True)
class Vocabulary:
    """Each word class maps its (lowercased, dot-less) words to their meaning."""

    words: dict[str, dict[str, Any]]
    units: dict[str, dict[str, Any]]
    seasons: dict[str, dict[str, Any]]
    holidays: dict[str, dict[str, Any]]
    false_friends: tuple[str, ...]
    examples: tuple[Example, ...]

    def meaning(self, kind: str, word: str) -> Any:
        """What `word` of class `kind` means ("Sept." in months -> 9); KeyError if unknown."""
        return self.words[kind][normalize(word)]


# The four non-ASCII letters a case-insensitive regex matches for an ASCII one ("the mİddle of"
# matches "the middle of"); lower() would turn "İ" into "i" plus a combining dot.
_REGEX_CASE_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def normalize(word: str) -> str:
    """Case-fold a matched word and drop dots and spacing differences, for vocabulary lookup."""
    folded = word.translate(_REGEX_CASE_TWINS).lower()
    return re.sub(r"[\s\-]+", " ", folded.replace(".", "")).strip()


def _rules_folder() -> Path | Traversable:
    """The folder of rule files: on disk where the package is (importing importlib.resources,
    for a package inside a zip, took a tenth of `timeline tag`'s imports)."""
    folder = Path(__file__).with_name("rules")
    if folder.is_dir():
        return folder
    from importlib import resources

    return resources.files(RULES_PACKAGE)


def _load_yaml(name: str) -> Any:
    path = _rules_folder() / name
    try:
        # the C loader when available: the pure-Python one took a third of a batch's start
        return yaml.load(
            path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
    except yaml.YAMLError as error:
        raise TimelineError(f"{path}: invalid YAML ({error}); fix the rule file") from error


def _examples(entries: list[dict[str, Any]] | None, source: str) -> tuple[Example, ...]:
    found = []
    for entry in entries or []:
        value = entry.get("value")
        found.append(
            Example(
                text=str(entry["text"]),
                published=entry["published"],
                value=None if value is None else str(value),
                span=str(entry.get("span", "")),
                source=source,
            )
        )
    return tuple(found)


def _invert(entries: dict[Any, list[str]]) -> dict[str, Any]:
    return {normalize(word): meaning for meaning, words in entries.items() for word in words}


@cache
def _raw_vocabulary() -> dict[str, Any]:
    raw: dict[str, Any] = _load_yaml(VOCABULARY_FILE)
    return raw


@cache
def vocabulary() -> Vocabulary:
    """The word classes of vocabulary.yaml, inverted for lookup."""
    raw = _raw_vocabulary()
    words: dict[str, dict[str, Any]] = {}
    for kind in ("months", "weekdays", "numbers", "ordinals", "parts_of_day", "fuzzy", "bounds"):
        words[kind] = _invert(raw[kind]["entries"])
    words["approximators"] = {**_invert(raw["approximators"]["entries"]), **words["bounds"]}
    numbers = raw["numbers"]["entries"]
    words["number_tens"] = _invert({n: numbers[n] for n in numbers if n in range(20, 100, 10)})
    words["number_ones"] = _invert({n: numbers[n][:1] for n in numbers if n in range(1, 10)})
    words["vague_numbers"] = {normalize(w): None for w in raw["vague_numbers"]["entries"]}
    words["units"] = {
        normalize(w): unit for unit, spec in raw["units"]["entries"].items() for w in spec["words"]
    }
    words["holidays"] = {
        normalize(w): name
        for name, spec in raw["holidays"]["entries"].items()
        for w in spec["words"]
    }
    words["decade_words"] = _invert(raw["decade_words"]["entries"])
    words["seasons"] = {
        normalize(w): code
        for code, spec in raw["seasons"]["entries"].items()
        for w in spec["words"]
    }
    words["tense_cues"] = raw["tense_cues"]["entries"]
    words["signals"] = _invert(raw["signals"]["entries"])
    words["day_pair_joins"] = {str(w): None for w in raw["day_pair_joins"]["entries"]}
    words["range_words"] = raw["range_words"]["entries"]
    words["offset_joins"] = _invert(raw["offset_joins"]["entries"])
    words["weekday_beside"] = raw["weekday_beside"]["entries"]
    words["time_beside_day"] = raw["time_beside_day"]["entries"]
    words["abbreviations"] = {normalize(w): None for w in raw["abbreviations"]["entries"]}
    examples: list[Example] = []
    for kind, section in raw.items():
        examples.extend(_examples(section.get("examples"), f"{VOCABULARY_FILE}: {kind}"))
    return Vocabulary(
        words=words,
        units=raw["units"]["entries"],
        seasons=raw["seasons"]["entries"],
        holidays=raw["holidays"]["entries"],
        false_friends=tuple(raw["false_friends"]["entries"]),
        examples=tuple(examples),
    )


@cache
def full_month_names() -> frozenset[str]:
    """Month names in full ("september"), the first word listed for each month."""
    entries = _raw_vocabulary()["months"]["entries"]
    return frozenset(normalize(words[0]) for words in entries.values())


def phrases(words: Iterable[str]) -> str:
    """A regex alternation of these words and phrases as written, any spacing between words."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)


def alternation(kind: str) -> str:
    """A regex alternation of the words of a class, longest first; dots optional after words.

    Words are grouped by their first character ("j(?:anuary|une|an)"), each group in the
    same order: the regex tries the same words in the same order where they can match at
    all, and skips the others at their first character (much quicker for long lists)."""
    words = sorted(vocabulary().words[kind], key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for word in words:
        escaped = re.escape(word[1:]).replace(r"\ ", r"[\s\-]+")
        # "sept" may be written "Sept."; "tues." was listed with its dot and must keep it.
        if kind == "months" and len(word) <= 4 and word not in full_month_names():
            escaped += r"\.?"
        elif kind == "weekdays" and len(word) < 6:
            escaped += r"\."  # "Tues." yes, "Mon" the name no
        groups.setdefault(word[:1], []).append(escaped)
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule of rules/*.yaml except the vocabulary, in file then listed order."""
    found: list[Rule] = []
    folder = _rules_folder()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml") or entry.name == VOCABULARY_FILE:
            continue
        for spec in _load_yaml(entry.name) or []:
            try:
                found.append(
                    Rule(
                        name=spec["name"],
                        pattern=spec["pattern"],
                        build=spec["build"],
                        params=dict(spec.get("params") or {}),
                        examples=_examples(spec.get("examples"), f"{entry.name}: {spec['name']}"),
                        priority=int(spec.get("priority", 0)),
                    )
                )
            except KeyError as missing:
                raise TimelineError(
                    f"{entry.name}: rule {spec.get('name', '?')!r} lacks {missing}; "
                    "every rule needs name, pattern and build"
                ) from missing
    return tuple(found)
