"""Datelines: the place (and agency) a story was filed from, at the head of its first passage.

"SEOUL, June 5 (Yonhap) --" is not a sentence: its date is the day the story was filed, not a
happening's, and its place is never a subject. `without_dateline` blanks it before parsing;
`is_dateline` tells a date that stands in one.
"""

from __future__ import annotations

import re

from timeline.model import Timex

_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*)*,?\s*$")


_DATELINE_AFTER = re.compile(r"^\s*(?:\(|--|—|–|:|/)")


def is_dateline(text: str, timex: Timex) -> bool:
    """ "SEOUL, June 5 (Yonhap) --", "Islamabad, April 24:": the day the story was filed."""
    return bool(_DATELINE_BEFORE.match(text[: timex.start])) and bool(
        _DATELINE_AFTER.match(text[timex.end :])
    )


_DATELINE = re.compile(
    # the place: capitalised words and numbers only ("SRINAGAR, India", "Islamabad, April 24"),
    # never a sentence's opening phrase ("In a speech in Rawalpindi on May 5, ... he said:")
    r"^\s*(?P<place>[A-Z][\w.'’/]*(?:[ ,]+(?:[A-Z][\w.'’/]*|\d{1,4}))*?)?\s*"
    r"(?:\((?P<agency>[A-Za-z .]{2,20})\)\s*)?"
    r"(?:(?:--|—|–)\s*|(?:-|:)\s+)"  # "(Jiji Press)--Nippon Steel ...": a dash may touch
)


_CAPS = re.compile(
    r"\b[A-Z]{3,}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d"
)


_CITY = re.compile(
    r"[A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*, [A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*"
)  # "Seattle, Washington"


def without_dateline(text: str) -> str:
    """The passage with its dateline ("SRINAGAR, India (AP) -", "Islamabad, April 24:", "(CNN)
    --") blanked, same length, so the parser never takes the filing place for a subject."""
    match = _DATELINE.match(text)
    place = (match.group("place") or "") if match is not None else ""  # "(CNN) --": none
    if match is None or not (
        match.group("agency") or _CAPS.search(place) or _CITY.fullmatch(place)
    ):
        return text
    return " " * match.end() + text[match.end() :]
