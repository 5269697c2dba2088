"""Why a time expression dated a happening, or why extraction passed it over, in words.

What was taken is what `extract.read_sentence` returns, and why is told from its Reading (the
basis, the note, the word naming the happening). Why a date was passed over read_sentence does
not say: `verdicts` walks its steps over the same tree (tree.py's readings and extract's own
tests, imported, never copied) and names the first step the date fails. A date passed over that
this walk would take is reported as such, never given a made-up reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span, Token

# extraction's own tests, so a verdict says what the extractor did, not what a copy would do
from timeline.events.attachment import names_nothing, predicate_of, when_clause
from timeline.events.datelines import is_dateline
from timeline.events.extract import _PRESENT_WORDS, _dates_something
from timeline.events.happenings import happening_of
from timeline.events.mood import is_future, is_irrealis, is_negated
from timeline.events.predicates import lexicon
from timeline.events.quotes import speakers_date
from timeline.events.reading import Reading
from timeline.events.reports import (
    closing_report,
    named_speaker,
    own_date_below,
    reported_saying,
    told_as_done,
)
from timeline.events.tree import complement_of, is_eventive_noun, is_verbal, lemma
from timeline.model import Timex
from timeline.temporal.when import when_of

UNKNOWN = (
    "passed over by extraction for a reason this explanation does not name "
    "(timeline/verdicts.py is behind timeline/extract.py)"
)
ACROSS = "runs across two sentences as the parser split them, so no sentence's tree holds it"


@dataclass(frozen=True)
class Verdict:
    """What one time expression does in its sentence: the predicate it attaches to (None when
    it reaches none), and the word naming the happening it dates or why it dates none."""

    timex: Timex
    attaches_to: Token | None
    happening: Token | None  # None: no happening dated
    why: str  # why it dates none; "" when it dates the happening


def verdicts(sentence: Span, timexes: Sequence[Timex], published: date) -> list[Verdict]:
    """A verdict for each time expression inside the sentence, in the order read_sentence
    weighs them: first where each attaches, then what each dates."""
    first = [_attachment(sentence, timex, published) for timex in timexes]
    dated = {v.attaches_to.i for v in first if v.attaches_to is not None and not v.why}
    taken: list[Token] = []
    found: list[Verdict] = []
    for verdict in first:
        if verdict.why or verdict.attaches_to is None:
            found.append(verdict)
            continue
        weighed = _weigh(verdict.timex, verdict.attaches_to, dated, taken, published)
        if weighed.happening is not None:
            taken.append(weighed.happening)
        found.append(weighed)
    return found


def _attachment(sentence: Span, timex: Timex, published: date) -> Verdict:
    """Where the expression attaches in the tree, or why it is no date to place a happening."""
    offset = sentence.start_char
    local = replace(timex, start=timex.start - offset, end=timex.end - offset)
    span = sentence.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    predicate = predicate_of(span) if span is not None else None
    clause = when_clause(span) if span is not None else None
    if predicate is not None and clause is not None and names_nothing(predicate):
        predicate = clause  # as extraction reads it: "events that began Friday, when ..."
    if not _dates_something(timex, published):
        return Verdict(timex, predicate, None, _not_a_date(timex))
    if is_dateline(sentence.text, local) or not sentence.text[local.start : local.end].strip():
        return Verdict(timex, None, None, "the dateline: the day and place the story was filed")
    if speakers_date(sentence, timex):
        return Verdict(
            timex,
            predicate,
            None,
            "inside a quote: the speaker's date, counted from a day the article does not give",
        )
    if span is None or predicate is None:
        return Verdict(
            timex, None, None, "no predicate: no verb or happening noun above it in the tree"
        )
    if timex.text.lower() in _PRESENT_WORDS and abs(predicate.i - span.start) > 2:
        return Verdict(
            timex,
            predicate,
            None,
            f'"{timex.text}" dates only a verb right beside it, and "{predicate.text}" is not',
        )
    return Verdict(timex, predicate, None, "")


def _not_a_date(timex: Timex) -> str:
    if timex.type == "DURATION":
        return "a duration, not a date"
    if timex.type == "SET":
        return "a repeated time (a set), not a date"
    if timex.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return "a vague reference to now, the past or the future, not a date"
    if timex.granularity == "open":
        return "an open bound (before or after a date, one side only), not a date"
    if timex.value.startswith("X") or timex.earliest is None or timex.latest is None:
        return "not resolved to a day, month or year on the calendar"
    return f"a {timex.granularity}: too coarse to place a happening"


def _weigh(
    timex: Timex, predicate: Token, dated: set[int], taken: list[Token], published: date
) -> Verdict:
    """What an attached date dates: the happening it would date (why ""), or why none."""
    said = f'"{predicate.text}"'
    if when_of(timex) is None:
        return Verdict(timex, predicate, None, "resolves to no date on the calendar")
    reported = None
    if is_verbal(predicate) and lemma(predicate) in lexicon().reporting:
        told = complement_of(predicate)
        others = dated - {predicate.i}
        if told is not None and (told.i in others or own_date_below(told, others)):
            return Verdict(
                timex,
                predicate,
                None,
                f'dates the report {said}, but what it reports ("{told.text}") has a date of '
                "its own: this one dates only the saying",
            )
        if told is not None and reported_saying(told):
            return Verdict(timex, predicate, told, "")
        reported = happening_of(told) if told is not None else None
        if reported is None or not told_as_done(reported):
            if closing_report(predicate):
                why = f"dates the report {said}, which the parser hung under the saying it reports"
                return Verdict(timex, predicate, None, why)
            if named_speaker(predicate):
                return Verdict(timex, predicate, predicate, "")
            return Verdict(timex, predicate, None, _report_tells_nothing(said, told, reported))
    happening = happening_of(reported if reported is not None else predicate)
    if happening is None:
        return Verdict(timex, predicate, None, _no_happening(predicate))
    named = f'"{happening.text}"'
    if any(t.i == happening.i for t in taken):
        return Verdict(
            timex, predicate, None, f"{named} already has a date from an earlier expression"
        )
    if is_negated(happening):
        return Verdict(timex, predicate, None, f"negated: {named} is told as not happening")
    if is_irrealis(happening):
        return Verdict(
            timex,
            predicate,
            None,
            f"irrealis: {named} is told as possible, wished or conditional, not as done",
        )
    future = timex.earliest is not None and timex.earliest > published
    if future and not is_future(happening) and not is_eventive_noun(happening):
        return Verdict(
            timex,
            predicate,
            None,
            f"after the publish date, but {named} is not told as still to come",
        )
    return Verdict(timex, predicate, happening, "")


def taken_why(reading: Reading, attached: Token | None) -> str:
    """Why extraction dated a happening, from what read_sentence says it read: the basis, the
    predicate the date attaches to and the word naming the happening."""
    happening = f'"{reading.predicate.text}"'
    note = reading.note.removeprefix("; ")
    if reading.basis == "report":
        report = f' "{attached.text}"' if attached is not None else ""
        return f"dates the report{report}; what it reports, {happening}, is on or before that day"
    if reading.basis == "lead":
        return f"{happening} is what the article opens with: {note}"
    if reading.basis == "undated":
        return f"{happening} is told with no date: {note}"
    if reading.basis == "said":
        return f"dates {happening}, said by a named speaker: the saying is the happening"
    if attached is None:  # dated by words the tagger does not date: another happening's
        return f"dates {happening}: {note}" if note else f"dates {happening}"
    if reading.basis in ("anchor", "bound") and note:
        return f"dates {happening} by another happening: {note}"
    if attached.i == reading.predicate.i:
        how = f"dates {happening}, the {_kind(reading.predicate)} it modifies in the tree"
    else:
        how = f'attaches to "{attached.text}"; the happening it tells is {happening}'
    if reading.basis == "plan":
        return f"{how}; after the publish date, so a plan: stored as planned until a source tells it took place"
    return f"{how} ({reading.basis}: {note})" if reading.basis else how


def _kind(predicate: Token) -> str:
    return "noun naming a happening" if is_eventive_noun(predicate) else "verb"


def _report_tells_nothing(said: str, told: Token | None, happening: Token | None) -> str:
    speaker = "its speaker is no named person, body or state"
    if told is None:
        return f"dates the report {said}, which reports no clause the parser found, and {speaker}"
    what = f'"{told.text}"'
    if happening is None:
        return (
            f"dates the report {said}; what it reports ({what}) tells no happening, and {speaker}"
        )
    if is_negated(happening):
        state = "negated"
    elif is_irrealis(happening):
        state = "told as possible or conditional"
    elif is_future(happening):
        state = "still to come"
    else:
        state = "not told as done (not in the past)"
    return f"dates the report {said}; what it reports ({what}) is {state}, and {speaker}"


def _no_happening(predicate: Token) -> str:
    words = lexicon()
    base = lemma(predicate)
    said = f'"{predicate.text}"'
    if base == "be" or base in words.light:
        return f"{said} is a support verb whose subject names no happening"
    if base in words.stative:
        return f"{said} tells a state, not a happening"
    if base in words.reporting:
        return f"{said} is a report verb"
    return f"{said} tells no happening"
