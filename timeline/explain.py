"""How the tool read one article, sentence by sentence: the names the recognizer found, where
each time expression attaches and what it dates (or why it dates nothing), the event each
dated happening became, and which stored event it joined. Plain values; nothing is printed.

The events are extract_events' own: explain runs the extractor, keeps the passages' parses
and time expressions it used, and lays its events back on the sentences they came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from timeline.events.candidates import Candidate, Cluster
from timeline.events.clusters import fit
from timeline.events.extract import Parser, extract_events, read_sentence
from timeline.events.leads import is_lead, undated_readings
from timeline.events.merge import is_scheduled
from timeline.events.passages import Tagger, sentences, tag_passages
from timeline.events.reading import Reading
from timeline.events.spans import strength_order
from timeline.events.story import same_story
from timeline.events.verdicts import ACROSS, UNKNOWN, taken_why, verdicts
from timeline.model import Event, MainText, Source, Timex
from timeline.store.store import Store


@dataclass(frozen=True)
class Entity:
    """A name the recognizer found, with its label (PERSON, ORG, GPE, DATE, ...)."""

    text: str
    label: str


@dataclass(frozen=True)
class Joined:
    """The stored event a candidate is a source of, and what it shares with the event's
    other sources: the people and the words merge weighs, and merge's fit between them now
    (0: merge would keep them apart)."""

    id: str
    title: str
    date: str
    line: int  # of the entry in the store
    edited: bool  # changed or added by hand: its fields are the user's
    other_sources: int
    shared_people: tuple[str, ...]
    shared_words: tuple[str, ...]
    same_category: bool
    fit: float


@dataclass(frozen=True)
class Proposed:
    """The event extraction proposed from one dated happening, and where it went."""

    happening: str  # the word naming it
    basis: str  # "" dated by its phrase, "report", "said" or "plan" (see model.Source)
    title: str
    date: str
    end: str
    label: str
    category: str
    actors: tuple[str, ...]
    place: str
    id: str
    joined: Joined | None  # None without a store, or when no stored event has this source
    store_note: str  # why it is in no stored event, when a store was given


@dataclass(frozen=True)
class DateReading:
    """One time expression: its value, the predicate it attaches to, and why it dates a
    happening or nothing."""

    text: str
    type: str
    value: str
    granularity: str
    resolution: str  # how the phrase was resolved against the publish date
    anchor: str  # what it counts from: publish, previous (the last date told) or event (words
    # naming another happening, "days before the summit", which merge may date)
    attaches_to: str  # the predicate's word, "" when it reaches none
    why: str
    event: Proposed | None  # None: passed over


@dataclass(frozen=True)
class SentenceReading:
    """One sentence of the main text as the tool read it."""

    number: int  # from 1, over the whole main text
    text: str  # as written (a dateline the parser was not shown included)
    entities: tuple[Entity, ...]
    dates: tuple[DateReading, ...]


@dataclass(frozen=True)
class Explanation:
    """How one article was read: its main text, its sentences, and how many events the store
    it was matched against holds (None: no store)."""

    article: str
    published: str
    title: str
    outlet: str
    passages: int
    dropped_chars: int
    body_chars: int
    store_events: int | None
    sentences: tuple[SentenceReading, ...]
    # events extraction proposed whose sentence and phrase were not found again: none, unless
    # extract.py and this module part ways; listed rather than hidden
    unplaced: tuple[Proposed, ...] = ()

    @property
    def events(self) -> list[Proposed]:
        """Every event proposed, in text order."""
        return [d.event for s in self.sentences for d in s.dates if d.event is not None]


def explain(
    main: MainText,
    store: Store | None = None,
    tag: Tagger | None = None,
    parse: Parser | None = None,
) -> Explanation:
    """Read an article's main text as the build does and say how; `store` (when one exists)
    is searched for the stored event each proposed event joined."""
    tagger, parser = tag or _default_tagger(), parse or _default_parser()
    docs: list[Doc] = []
    kept: dict[tuple[str, date], list[Timex]] = {}

    def keep_parses(texts: Sequence[str]) -> list[Doc]:
        docs.extend(parser(texts))
        return docs[-len(texts) :] if texts else []

    def keep_timexes(text: str, published: date) -> list[Timex]:
        if (text, published) not in kept:
            kept[(text, published)] = tagger(text, published)
        return kept[(text, published)]

    proposed = extract_events(main, keep_timexes, keep_parses)
    # the passages' time expressions as extraction had them: tagged once, split again here
    tagged = tag_passages(keep_timexes, main.passages, main.article.published)
    in_order = list(proposed)  # as extraction told them: "the same day" counts from these
    published = main.article.published
    read: list[SentenceReading] = []
    told, lead = 0, True
    for passage, doc, timexes in zip(main.passages, docs[1:], tagged, strict=True):  # [0]: headline
        for sentence in sentences(doc):
            written = passage.text[sentence.start_char : sentence.end_char].strip()
            opens = lead and is_lead(sentence)
            lead = lead and not opens
            before = in_order[:told]
            found = _sentence(sentence, timexes, published, before, proposed, store, opens)
            read.append(replace(found, number=len(read) + 1, text=written))
            while told < len(in_order) and in_order[told].sources[0].quote == sentence.text.strip():
                told += 1
    article = main.article
    return Explanation(
        article=article.name,
        published=article.published.isoformat(),
        title=article.title,
        outlet=article.source,
        passages=len(main.passages),
        dropped_chars=main.dropped_chars,
        body_chars=len(article.body),
        store_events=len(store.events) if store is not None else None,
        sentences=tuple(read),
        unplaced=tuple(_proposed(event, "", store) for event in proposed),
    )


def _sentence(
    sentence: Span,
    timexes: Sequence[Timex],
    published: date,
    told: Sequence[Event],
    proposed: list[Event],
    store: Store | None,
    lead: bool,
) -> SentenceReading:
    begin, end = sentence.start_char, sentence.end_char
    within = [t for t in timexes if begin <= t.start and t.end <= end]
    inside = same_story(sentence, within, told, published)
    across = [t for t in timexes if begin <= t.start < end < t.end]
    readings = read_sentence(sentence, inside, published, lead)
    found: list[tuple[int, DateReading]] = []
    for verdict in verdicts(sentence, inside, published):
        timex, attached = verdict.timex, verdict.attaches_to
        reading = _reading_of(readings, timex)
        if reading is None:
            why = verdict.why if verdict.happening is None else UNKNOWN
            found.append((timex.start, _date(timex, attached, why, None)))
        else:
            event = _event(reading, sentence, proposed, store)
            found.append((timex.start, _date(timex, attached, taken_why(reading, attached), event)))
    for reading in readings:  # dated by words the tagger does not date ("days before the summit")
        event = _event(reading, sentence, proposed, store)
        why = taken_why(reading, None)
        found.append((reading.timex.start, _date(reading.timex, reading.predicate, why, event)))
    if not readings and not lead:  # told with no date: shown if extraction kept it
        for reading in undated_readings(sentence, published):
            event = _event(reading, sentence, proposed, store)
            if event is not None:
                why = taken_why(reading, None)
                found.append((reading.timex.start, _date(reading.timex, None, why, event)))
    for timex in across:
        found.append((timex.start, _date(timex, None, ACROSS, None)))
    found.sort(key=lambda pair: pair[0])
    return SentenceReading(
        number=0,
        text=sentence.text.strip(),
        entities=tuple(Entity(e.text, e.label_) for e in sentence.ents),
        dates=tuple(reading for _, reading in found),
    )


def _reading_of(readings: list[Reading], timex: Timex) -> Reading | None:
    """The reading read_sentence made of a tagged expression, taken off the list."""
    for index, reading in enumerate(readings):
        if (reading.timex.start, reading.timex.end) == (timex.start, timex.end):
            return readings.pop(index)
    return None


def _event(
    reading: Reading, sentence: Span, proposed: list[Event], store: Store | None
) -> Proposed | None:
    """The event extract_events made of a reading (same quote and phrase), taken off the list
    so that a phrase said twice in one sentence matches each of its events once."""
    quote = sentence.text.strip()
    for index, event in enumerate(proposed):
        source = event.sources[0]
        if source.quote == quote and source.phrase == reading.timex.text:
            return _proposed(proposed.pop(index), reading.predicate.text, store)
    return None


def _date(timex: Timex, attached: Token | None, why: str, event: Proposed | None) -> DateReading:
    return DateReading(
        text=timex.text,
        type=timex.type,
        value=timex.value,
        granularity=timex.granularity,
        resolution=timex.explanation,
        anchor=timex.anchor,
        attaches_to=attached.text if attached is not None else "",
        why=why,
        event=event,
    )


def _proposed(event: Event, happening: str, store: Store | None) -> Proposed:
    joined, note = _joined(event, store) if store is not None else (None, "")
    return Proposed(
        happening=happening,
        basis=event.sources[0].basis,
        title=event.title,
        date=event.date,
        end=event.end,
        label=event.label,
        category=event.category,
        actors=event.actors,
        place=event.place,
        id=event.id,
        joined=joined,
        store_note=note,
    )


def _joined(event: Event, store: Store) -> tuple[Joined | None, str]:
    """The stored event holding this event's source (same article, quote and phrase), with
    what it shares with the stored event's other sources; or why there is none."""
    source = event.sources[0]
    for entry in store.document.entries:
        stored = entry.event
        mine = [s for s in stored.sources if _same_source(s, source)]
        if not mine:
            continue
        others = tuple(s for s in stored.sources if s not in mine)
        return _sharing(event, replace(stored, sources=others), entry.first + 1), ""
    if event.id in store.document.deleted:
        return None, "deleted: its id is listed under deleted: in the store"
    if source.basis == "plan" and not is_scheduled(event):
        return (
            None,
            "a plan with no date of its own: stored only beside a source that it took place",
        )
    return None, "in no stored event: the store was built before this reading; run timeline build"


def _same_source(stored: Source, source: Source) -> bool:
    return (stored.article, stored.quote, stored.phrase) == (
        source.article,
        source.quote,
        source.phrase,
    )


def _sharing(event: Event, others: Event, line: int) -> Joined:
    """What a candidate shares with a stored event's other sources, in merge's own terms."""
    if not others.sources:
        return Joined(
            others.id, others.title, others.date, line, others.edited, 0, (), (), False, 0.0
        )
    told = Candidate.of(event)
    cluster = Cluster(others)
    quoted = " ".join(s.quote for s in others.sources)
    return Joined(
        id=others.id,
        title=others.title,
        date=others.date,
        line=line,
        edited=others.edited,
        other_sources=len(others.sources),
        shared_people=tuple(p for p in sorted(told.people) if _named_in(p, quoted)),
        shared_words=tuple(sorted(told.words & cluster.quote_words)),
        same_category=event.category == others.category,
        fit=round(_fit(event, others), 2),
    )


def _fit(event: Event, others: Event) -> float:
    """Merge's fit between a candidate and a stored event's other sources, the stronger one
    met first as merge meets them (merge.same_happening's weighing, with its score)."""
    first, second = sorted((event, others), key=strength_order)
    return fit(Candidate.of(second), Cluster(first))


def _named_in(person: str, text: str) -> bool:
    """A person named in a text by full name or surname ("Kim Jong Un": "Kim")."""
    return person in text or person.split()[0] in text or person.split()[-1] in text


def _default_tagger() -> Tagger:
    from timeline import temporal

    tagger: Tagger = temporal.tag
    return tagger


def _default_parser() -> Parser:
    from timeline import nlp

    parser: Parser = nlp.parse
    return parser
