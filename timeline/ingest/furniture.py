"""Main text vs page furniture: split an article body into blocks and drop the furniture.

Cues are data (data/furniture.yaml): trailing-section headings ("Related Articles",
"Comments"), single furniture lines ("Advertisement", "5 hours ago", app banners) and short
promotional lines. Context rules here catch what a line alone cannot: repeated lines, outlet
names beside timestamps, short lines amid furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from timeline import data as package_data
from timeline.ingest.datewords import find_dates
from timeline.model import Article, Dropped, MainText, Passage

MIN_MAIN_CHARS = 300  # main text needed before a heading may end the article
TERMINAL = (".", "!", "?", '"', "'", "”", "’", ")")


@dataclass(frozen=True)
class Block:
    """A line (or a paragraph, in hard-wrapped text) of the body; offsets index the body."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class SectionCue:
    """A heading that starts a trailing block of furniture."""

    reason: str
    pattern: re.Pattern[str]
    resumable: bool


@dataclass(frozen=True)
class LineCue:
    """A pattern for one block that is furniture on its own."""

    reason: str
    pattern: re.Pattern[str]
    full: bool
    max_words: int
    not_sentence: bool


@dataclass(frozen=True)
class Cues:
    """The furniture vocabulary, compiled."""

    sections: tuple[SectionCue, ...]
    lines: tuple[LineCue, ...]
    promo_verbs: tuple[str, ...]
    promo_max_words: int
    promo_near: int
    resume_after: int


def cue_data() -> dict[str, Any]:
    """The raw cue file, with its examples."""
    return package_data.load("furniture.yaml")


def _regex(source: str, case_sensitive: bool = False) -> re.Pattern[str]:
    joined = "".join(line.strip() for line in source.splitlines())
    return re.compile(joined, 0 if case_sensitive else re.IGNORECASE)


@cache
def cues() -> Cues:
    """The cues from data/furniture.yaml, compiled once."""
    data = cue_data()
    return Cues(
        sections=tuple(
            SectionCue(c["reason"], _regex(c["pattern"]), bool(c.get("resumable", False)))
            for c in data["sections"]
        ),
        lines=tuple(
            LineCue(
                c["reason"],
                _regex(c["pattern"], bool(c.get("case_sensitive", False))),
                bool(c.get("full", False)),
                int(c.get("max_words", 1000)),
                bool(c.get("not_sentence", False)),
            )
            for c in data["lines"]
        ),
        promo_verbs=tuple(data["promo"]["verbs"]),
        promo_max_words=int(data["promo"]["max_words"]),
        promo_near=int(data["promo"]["near"]),
        resume_after=int(data["resume_after"]),
    )


def normalise(text: str) -> str:
    """A block as cues see it: Markdown marks, bullets, emphasis and extra spaces removed."""
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text.strip())
    t = re.sub(r"^#{1,6}\s+", "", t)
    t = re.sub(r"^[\s\-*•·▪►»›>–—]+", "", t)
    t = re.sub(r"[\s\-–—•·▪]+$", "", t)
    t = re.sub(r"\*\*|__", "", t)
    return re.sub(r"\s+", " ", t).strip()


def _heading_key(text: str) -> str:
    t = normalise(text)
    t = re.sub(r"\s*\(?\d+\)?$", "", t)
    return re.sub(r"[\s:»›>…|.]+$", "", t).strip()


def section_cue(text: str) -> SectionCue | None:
    """The trailing-section cue `text` is a heading for, if any (headings are short)."""
    key = _heading_key(text)
    if not key or len(key.split()) > 8:
        return None
    return next((c for c in cues().sections if c.pattern.fullmatch(key)), None)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def line_reason(text: str) -> str | None:
    """Why this block is furniture on its own, or None when no single-line cue fires."""
    t = normalise(text) or text.strip()  # a line of bullets or dashes normalises to nothing
    if not t:
        return None
    words = len(t.split())
    for cue in cues().lines:
        if words > cue.max_words or (cue.not_sentence and _ends_sentence(t)):
            continue
        match = cue.pattern.fullmatch(t) if cue.full else cue.pattern.search(t)
        if match:
            return cue.reason
    if is_date_line(t):
        return "publish date line"
    return None


def is_date_line(text: str) -> bool:
    """A short block that is a written date with at most labels, a time and names around it:
    "Thu 5 Jun 2025 10.32 BST", "By Jane Doe | Updated: June 5, 2025", never a sentence."""
    if len(text.split()) > 16 or text.rstrip().endswith("."):
        return False
    dates = find_dates(text)
    if not dates:
        return False
    rest = text
    for found in reversed(dates):
        rest = rest[: found.start] + " " + rest[found.end :]
    words = re.sub(r"[|•·,\-–—:/()\[\]]", " ", rest).split()
    allowed = set(cue_data()["date_line_words"])
    names = [w for w in words if w.casefold() not in allowed]
    return len(names) <= 5 and all(w[0].isupper() or w[0].isdigit() for w in names)


def is_promo(text: str) -> bool:
    """A short imperative line that promotes something ("Try our AI features")."""
    t = normalise(text).casefold()
    c = cues()
    if not t or len(t.split()) > c.promo_max_words or t.endswith("."):
        return False
    return any(t == v or t.startswith(v + " ") for v in c.promo_verbs)


def blocks(body: str) -> list[Block]:
    """The body's non-blank lines, or its paragraphs when the text is hard-wrapped."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", body):
        if match[0].strip():
            spans.append((match.start(), match.end()))
    if _hard_wrapped(body):
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", body)]
    result = []
    for start, end in spans:
        segment = body[start:end]
        lead = len(segment) - len(segment.lstrip())
        trail = len(segment) - len(segment.rstrip())
        result.append(Block(start + lead, end - trail, body[start + lead : end - trail]))
    return result


def _hard_wrapped(body: str) -> bool:
    """Text wrapped at a fixed width: paragraphs span several short lines between blank lines."""
    lines = [line for line in body.split("\n") if line.strip()]
    if len(lines) < 4 or max(len(line) for line in lines) > 120:
        return False
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", body) if len(p.split()) >= 20]
    multi = [p for p in paragraphs if p.strip().count("\n") >= 1]
    return bool(paragraphs) and len(multi) * 2 >= len(paragraphs)


def _is_prose(block: Block) -> bool:
    return block.words >= 20 and _ends_sentence(block.text)


def _is_short_label(block: Block) -> bool:
    return block.words <= 6 and not _ends_sentence(block.text)


def _classify(found: list[Block]) -> tuple[list[str | None], int | None]:
    """A reason per block (None for main text), and the first trailing section's block."""
    reasons: list[str | None] = [line_reason(b.text) for b in found]
    trailing = _trailing_sections(found, reasons)
    _repeats(found, reasons)
    for _ in range(3):  # context rules feed each other (a promo beside a promo)
        if not _context(found, reasons):
            break
    return reasons, trailing


def _trailing_sections(found: list[Block], reasons: list[str | None]) -> int | None:
    """A section heading after the article text ends it; before the text it drops only itself.

    Returns the index of the first heading that started a trailing section, if any.
    """
    first: int | None = None
    main_chars = 0
    prose_before = False
    i = 0
    while i < len(found):
        cue = section_cue(found[i].text)
        if cue is None:
            if reasons[i] is None:
                main_chars += len(found[i].text)
                prose_before = prose_before or _is_prose(found[i])
            i += 1
            continue
        heading = normalise(found[i].text)
        if main_chars < MIN_MAIN_CHARS and not prose_before:
            reasons[i] = f"'{heading}' heading ({cue.reason})"
            i += 1
            continue
        first = i if first is None else first
        resume = _resumes(found, i + 1) if cue.resumable else None
        stop = resume if resume is not None else len(found)
        for j in range(i, stop):
            reasons[j] = f"'{heading}' section and what follows ({cue.reason})"
        if resume is None:
            _pull_back(found, reasons, i, heading)
        i = stop
    return first


def _resumes(found: list[Block], start: int) -> int | None:
    """Where main text resumes after a link list: enough prose paragraphs in a row."""
    need = cues().resume_after
    run = 0
    for j in range(start, len(found)):
        if _is_prose(found[j]) and line_reason(found[j].text) is None:
            run += 1
            if run >= need:
                return j - need + 1
        else:
            run = 0
    return None


def _pull_back(found: list[Block], reasons: list[str | None], start: int, heading: str) -> None:
    """Short non-sentence lines just before a trailing section belong to it."""
    j = start - 1
    while j >= 0 and (
        reasons[j] is not None or (found[j].words <= 8 and not _ends_sentence(found[j].text))
    ):
        if reasons[j] is None:
            reasons[j] = f"short line before the '{heading}' section"
        j -= 1


def _repeats(found: list[Block], reasons: list[str | None]) -> None:
    seen: set[str] = set()
    kept: list[str] = []
    for i, block in enumerate(found):
        key = normalise(block.text).casefold()
        if reasons[i] is None and key in seen:
            reasons[i] = "repeats an earlier line"
        elif (
            reasons[i] is None
            and 6 <= block.words
            and len(key) < 300
            and any(key in k for k in kept)
        ):
            reasons[i] = "repeats text from an earlier paragraph"
        seen.add(key)
        if reasons[i] is None:
            kept.append(key)


def _context(found: list[Block], reasons: list[str | None]) -> bool:
    """Promos, outlet labels and short lines judged by the furniture around them."""
    changed = False
    near = cues().promo_near
    headline = next((j for j, r in enumerate(reasons) if r is None), -1)
    for i, block in enumerate(found):
        if reasons[i] is not None or i == headline:
            continue
        before = reasons[max(0, i - near) : i]
        after = reasons[i + 1 : i + 1 + near]
        if _is_outlet_label(found, reasons, i):
            reasons[i] = "outlet name beside a timestamp"
        elif is_promo(block.text) and any(before + after):
            reasons[i] = "promotional line beside furniture"
        elif (
            _is_short_label(block)
            and before[-1:] != [None]
            and after[:1] != [None]
            and before
            and after
        ):
            reasons[i] = "short line between furniture"
        else:
            continue
        changed = True
    return changed


def _is_outlet_label(found: list[Block], reasons: list[str | None], i: int) -> bool:
    """A short name line just before a timestamp ("Daily Herald" / "3 hours ago"), or just after
    one behind a bullet ("- Daily Herald")."""
    block = found[i]
    if not (_is_short_label(block) and block.words <= 5):
        return False
    timestamp = "relative timestamp"
    if i + 1 < len(found) and reasons[i + 1] == timestamp:
        return True
    return i > 0 and reasons[i - 1] == timestamp and block.text.lstrip()[:1] in "-–—•·*"


def split_body(body: str) -> tuple[tuple[Passage, ...], tuple[Dropped, ...]]:
    """The body's main-text passages and its dropped furniture, with offsets into the body."""
    found = blocks(body)
    reasons, _ = _classify(found)
    passages = tuple(Passage(b.start, b.end, b.text) for b, r in zip(found, reasons) if r is None)
    dropped: list[Dropped] = []
    for block, reason in zip(found, reasons):
        if reason is None:
            continue
        last = dropped[-1] if dropped else None
        if last and last.reason == reason and not body[last.end : block.start].strip():
            dropped[-1] = Dropped(last.start, block.end, reason)
        else:
            dropped.append(Dropped(block.start, block.end, reason))
    return passages, tuple(dropped)


def trailing_start(body: str) -> int:
    """Where the first trailing furniture section ("Related Articles", "Comments") starts in the
    body; the body's length when there is none. Text after it is not the article's."""
    found = blocks(body)
    _, trailing = _classify(found)
    return found[trailing].start if trailing is not None else len(body)


def main_text(article: Article) -> MainText:
    """The article's main text passages, with the page furniture dropped and explained."""
    passages, dropped = split_body(article.body)
    return MainText(article, passages, dropped)
