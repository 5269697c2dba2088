"""A reading: one happening as a sentence tells it, with its date and what the date rests on."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from timeline.model import Timex
from timeline.temporal.when import When

# vague references to now, the past or the future: no date
NOT_DATES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


@dataclass(frozen=True)
class Reading:
    """One happening as a sentence tells it: the predicate, the date and what the date rests on."""

    predicate: Token
    timex: Timex
    when: When
    basis: str  # "" the phrase dates it; "report" it dates the report; "plan" still to come;
    # "anchor" another happening dates it; "bound" only the publish date bounds it; "undated"
    # no date at all: it only joins a happening told with one (merge drops it otherwise)
    note: str = ""
    anchor: str = ""  # for basis "anchor": "RELATION | WORDS" ("days before | the summit")
