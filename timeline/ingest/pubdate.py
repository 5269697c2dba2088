"""Infer an article's publish date from what its text says, when front matter gives none.

Cues, strongest first: a "Published:" label, a byline date line near the top, a dateline with
a year ("SEOUL, June 5, 2025 (Yonhap)"), a date in the URL, a dateline without a year whose year
comes from the URL or file name, a date in the file name, an "Updated" label. Only the top of the
main text is searched, so dates in "Related Articles" items never count. Never the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from timeline import data as package_data
from timeline.ingest import furniture
from timeline.ingest.datewords import find_dates, find_month_days


@dataclass(frozen=True)
class Inferred:
    """A publish date the text supports, how strongly, and the evidence for people."""

    published: date
    time: str
    evidence: str  # "byline 'June 5, 2025' on line 3"
    strength: int  # 1 is strongest


@dataclass(frozen=True)
class Inference:
    """The best supported publish date (None when nothing supports one) and a hint otherwise."""

    found: Inferred | None
    # what was seen but cannot be trusted alone ("the dateline 'MOSCOW, Aug 12' ... no year")
    hint: str = ""


def cue_data() -> dict[str, Any]:
    """The publish-date cues shipped as package data, with their examples."""
    return package_data.load("pubdate.yaml")


@cache
def _labels() -> tuple[tuple[str, int, str, re.Pattern[str]], ...]:
    return tuple(
        (
            c["kind"],
            int(c["strength"]),
            c.get("note", ""),
            re.compile(rf"\b{c['pattern']}", re.IGNORECASE),
        )
        for c in cue_data()["labels"]
    )


_URL_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})[/_-](?P<month>0?[1-9]|1[0-2])[/_-](?P<day>0?[1-9]|[12]\d|3[01])(?!\d)"
)
_COMPACT_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
)
_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)")
_PLACE = re.compile(
    r"[A-Z][\w.'’\- ]{0,40}(?:,\s*[A-Z][\w.'’\- ]{0,30})?(?:\s*\[[^\]]{1,20}\])?,?\s*$"
)
_AFTER_DATELINE = re.compile(
    r",?\s*(?P<year>(?:19|20)\d{2})?\s*(?:\([^)]{1,40}\)|\[[^\]]{1,40}\])?\s*(?:[-–—:]|--)"
)


def _numbered_lines(body: str, first_line: int) -> list[tuple[int, str]]:
    """Non-blank lines of the body's head (before any trailing furniture section), numbered."""
    head = body[: furniture.trailing_start(body)].split("\n")
    plain = (re.sub(r"\*\*|__", "", line).strip() for line in head)  # Markdown emphasis
    return [(first_line + i, line) for i, line in enumerate(plain) if line]


def _date_in(text: str) -> tuple[date, str] | None:
    match = _URL_DATE.search(text) or _COMPACT_DATE.search(text)
    if not match:
        return None
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"])), match[0]
    except ValueError:
        return None


def _quote(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _labelled(lines: list[tuple[int, str]]) -> list[Inferred]:
    found = []
    for number, line in lines[: cue_data()["head_lines"]]:
        for written in find_dates(line)[:1]:
            before = line[: written.start]
            # a label on a date line, or opening the line: "Published: ...", never prose
            # such as "the report was released on June 3, 2025"
            short = furniture.is_date_line(line)
            for kind, strength, note, pattern in _labels():
                if pattern.search(before[-40:]) and (short or pattern.match(line)):
                    evidence = f"{kind} '{_quote(line)}' on line {number}{note}"
                    found.append(Inferred(written.date, written.time, evidence, strength))
                    break
    return found


def _bylines(lines: list[tuple[int, str]]) -> list[Inferred]:
    found = []
    for number, line in lines[: cue_data()["byline_lines"]]:
        if not (furniture.is_date_line(line) or furniture.line_reason(line) == "byline"):
            continue
        if any(
            pattern.search(line[: d.start][-40:])
            for d in find_dates(line)[:1]
            for *_, pattern in _labels()
        ):
            continue
        for written in find_dates(line)[:1]:
            found.append(
                Inferred(written.date, written.time, f"byline '{_quote(line)}' on line {number}", 2)
            )
    return found


def _datelines(
    lines: list[tuple[int, str]], year_sources: list[tuple[date | int, str]]
) -> tuple[list[Inferred], str]:
    found: list[Inferred] = []
    hint = ""
    main_lines = [(n, line) for n, line in lines if furniture.line_reason(line) is None]
    for number, line in main_lines[: cue_data()["dateline_lines"]]:
        if len(line.split()) < 8:
            continue
        for written in find_dates(line[:80])[:1]:
            if _PLACE.fullmatch(line[: written.start]) and _AFTER_DATELINE.match(
                line[written.end :]
            ):
                label = line[: written.end].strip()
                found.append(
                    Inferred(written.date, written.time, f"dateline '{label}' on line {number}", 2)
                )
        for month_day in find_month_days(line[:80])[:1]:
            after = _AFTER_DATELINE.match(line[month_day.end :])
            if not (_PLACE.fullmatch(line[: month_day.start]) and after) or after["year"]:
                continue
            label = line[: month_day.end].strip()
            for reference, source in year_sources:
                day = _on_or_before(month_day.month, month_day.day, reference)
                if day is None:
                    continue
                found.append(
                    Inferred(day, "", f"dateline '{label}' on line {number}, year from {source}", 4)
                )
                break
            else:
                hint = (
                    f"the dateline '{label}' on line {number} gives the day but not the year, "
                    f"so add e.g. published: YYYY-{month_day.month:02d}-{month_day.day:02d}"
                )
    return found, hint


def _on_or_before(month: int, day: int, reference: date | int) -> date | None:
    """The month-day in the reference year; a full reference date (an update, a URL date)
    bounds it, so "Dec 31" with "Updated: Jan 2, 2026" is 2025-12-31."""
    year = reference if isinstance(reference, int) else reference.year
    for candidate_year in (year, year - 1):
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            return None
        if isinstance(reference, int) or (candidate - reference).days <= 1:
            return candidate
    return None


def infer(body: str, name: str = "", url: str = "", first_line: int = 1) -> Inference:
    """The publish date the article's own text, URL or file name supports best.

    `first_line` is the file line the body starts on, so evidence names lines of the file.
    """
    lines = _numbered_lines(body, first_line)
    candidates = _labelled(lines) + _bylines(lines)
    year_sources: list[tuple[date | int, str]] = [
        (c.published, "the " + c.evidence.split(" '")[0]) for c in candidates
    ]
    url_date = _date_in(url) if url else None
    name_date = _date_in(name) if name else None
    if url_date:
        candidates.append(Inferred(url_date[0], "", f"the URL's date '{url_date[1]}'", 3))
    if name_date:
        candidates.append(Inferred(name_date[0], "", f"file name '{name}'", 5))
    year_sources += [(d[0], "the URL") for d in [url_date] if d]
    year_sources += [(int(m["year"]), "the file name") for m in [_YEAR.search(name)] if m and name]
    if url and not url_date:
        year_sources += [(int(m["year"]), "the URL") for m in [_YEAR.search(url)] if m]
    datelines, hint = _datelines(lines, year_sources)
    candidates += datelines
    if not candidates:
        return Inference(None, hint)
    best = min(candidates, key=lambda c: (c.strength, _line_of(c)))
    return Inference(best, "")


def _line_of(candidate: Inferred) -> int:
    match = re.search(r"on line (\d+)", candidate.evidence)
    return int(match[1]) if match else 0
