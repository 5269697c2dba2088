"""The plain values that flow between the pipeline stages.

ingest -> Article; furniture -> MainText; temporal -> Timex; extract -> Event (one source);
merge -> Event (many sources); store -> events.yaml; render -> HTML and exports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Granularities from finest to coarsest; "open" is a one-sided bound ("since 2022").
GRANULARITIES = (
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "half",
    "year",
    "decade",
    "century",
    "open",
)

CATEGORIES = (
    "summit",
    "visit",
    "meeting",
    "deployment",
    "treaty",
    "casualties",
    "diplomacy",
    "statement",
    "other",
)


class TimelineError(Exception):
    """A problem the user can fix; the message names the file (and line) and what to do."""


@dataclass(frozen=True)
class Article:
    """One article file: its front matter and its body, verbatim."""

    name: str  # file name inside articles/
    published: date  # the publish date: the anchor for every relative date
    body: str  # the text after the front matter, verbatim
    title: str = ""
    source: str = ""  # the outlet, as written in front matter
    url: str = ""
    published_time: str = ""  # time and zone as written, when given
    published_evidence: str = ""  # empty when front matter gives it; else how it was inferred
    extra: tuple[tuple[str, str], ...] = ()  # front-matter keys the tool does not use, kept
    warnings: tuple[str, ...] = ()  # what a person should check, e.g. an inferred publish date


@dataclass(frozen=True)
class Passage:
    """A block of main text; offsets index Article.body (end exclusive)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Dropped:
    """A block of page furniture removed from the body, with the cue that removed it."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class MainText:
    """An article's body split into the main text kept and the furniture dropped."""

    article: Article
    passages: tuple[Passage, ...]
    dropped: tuple[Dropped, ...] = ()

    @property
    def dropped_chars(self) -> int:
        return sum(d.end - d.start for d in self.dropped)


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in text and resolved against an anchor.

    start/end are str offsets into the tagged text (end exclusive). value is a TIMEX3 value
    ("2025-06-04", "2024-06", "2025-W23", "P2W", "PAST_REF", "XXXX-WXX-1"). For dates,
    earliest/latest bound the calendar interval and granularity names its size.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str
    mod: str = ""  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ON_OR_AFTER, ...
    earliest: date | None = None
    latest: date | None = None
    granularity: str = ""  # one of GRANULARITIES for DATE and TIME, "" otherwise
    explanation: str = ""
    anchor: str = (
        "publish"  # publish | previous (last date mentioned) | event (an event named in text)
    )
    # What in the text disagrees with the value, for a person to check: "Tuesday, June 4, 2025"
    # names a Tuesday, but that day is a Wednesday. The value keeps the explicit date.
    conflict: str = ""

    def to_json(self) -> dict[str, object]:
        """The JSON shape `timeline tag` prints: TempEval fields first, then the extras."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "granularity": self.granularity,
            "explanation": self.explanation,
            "anchor": self.anchor,
            "conflict": self.conflict,
        }


@dataclass(frozen=True)
class Source:
    """One article's report of an event: where it says so, verbatim."""

    article: str  # file name in articles/
    published: str  # ISO publish date of the article
    quote: str  # the sentence, verbatim
    phrase: str  # the temporal expression, verbatim ("" when the date came from context)
    outlet: str = ""
    url: str = ""
    date: str = ""  # the date this source gives the event (ISO, its form is the granularity)
    resolution: str = ""  # how that date was resolved, for people
    # What the date rests on: "" the phrase dates the happening; "report" the phrase dates the
    # report, so the happening is on or before it; "said" the saying itself is the happening;
    # "anchor" the phrase names another event; "bound" only the publish date bounds it; "plan"
    # the happening was still to come when published (kept only beside a source that it happened);
    # "lead" the article opens with it, undated; "undated" a later sentence tells it with no date
    # (kept only beside a source that dates it); "during" it took place during another
    # happening a source dates ("During the trial, Hermoso testified"), on that one's day.
    basis: str = ""
    anchor: str = ""  # for basis "anchor": the words naming the other event ("the Alaska summit")


@dataclass(frozen=True)
class Event:
    """A real happening on the timeline. date/end are ISO YYYY, YYYY-MM or YYYY-MM-DD."""

    id: str
    title: str
    date: str
    category: str = "other"
    end: str = ""  # last day, month or year of a span; "" when a single date
    label: str = ""  # the date as people write it: "June 2024", "early 2025"
    qualifier: str = ""  # early | mid | late | before | after | since | about | planned | ""
    actors: tuple[str, ...] = ()
    place: str = ""
    sources: tuple[Source, ...] = field(default_factory=tuple)
    disagreement: str = ""  # set when sources give different dates
    notes: str = ""  # the user's own notes; the tool never writes them
    edited: bool = False  # True when a person changed the event by hand in events.yaml

    # Events key the tables a build keeps its work in (texts, candidates, clusters), each asked
    # many times: the hash of all the fields is worked out once per event. It is never pickled,
    # since a text's hash differs from one process to the next.
    def __hash__(self) -> int:
        found: int | None = self.__dict__.get("_hash")
        if found is None:
            found = hash(
                (
                    self.id,
                    self.title,
                    self.date,
                    self.category,
                    self.end,
                    self.label,
                    self.qualifier,
                    self.actors,
                    self.place,
                    self.sources,
                    self.disagreement,
                    self.notes,
                    self.edited,
                )
            )
            object.__setattr__(self, "_hash", found)
        return found

    def __getstate__(self) -> dict[str, object]:
        return {name: value for name, value in self.__dict__.items() if name != "_hash"}
