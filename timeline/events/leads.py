"""A news lead with no date of its own: "U.S. Steel shares surged after President Trump
announced his backing" opens the article with what it is news of, so what it tells as done took
place by the day the article was published, most often that day.

Only the first sentence of the main text is a lead, and only when the tagger dated nothing in it:
a lead that gives a day ("India on Wednesday put the treaty on hold") is read like any sentence.
What it tells still to come ("will receive an extension") or only as a state ("Ellison was one
of his top deputies") is no happening.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span, Token

from timeline.events.happenings import happening_of
from timeline.events.predicates import lexicon
from timeline.events.quotes import inside_quote
from timeline.events.reading import NOT_DATES, Reading
from timeline.events.reports import named_speaker, told_as_done
from timeline.events.story import tells_on
from timeline.events.tree import complement_of, is_verbal, lemma
from timeline.model import Timex
from timeline.temporal.when import When

# "shares surged after Trump announced ...": a clause these open is told beside the main one
_TOLD_BESIDE = ("after", "as", "when")
_QUOTE_MARKS = "\"'“‘`"  # `` opens a quotation in some wire copy
_ENDS = ".!?\"”’'"


def is_lead(sentence: Span) -> bool:
    """Whether a sentence can open an article's news: a whole sentence with a verb, not a
    headline or a standfirst repeated above the text ("Putin Lauds Troops In Letter To Kim")."""
    text = sentence.text.rstrip()
    return bool(text) and text[-1] in _ENDS and is_verbal(sentence.root)


def lead_readings(sentence: Span, timexes: Sequence[Timex], published: date) -> list[Reading]:
    """A lead that dates nothing tells its news on or before the publish date."""
    if any(t.granularity != "open" or t.value in NOT_DATES for t in timexes):
        return []  # "arrived on Friday", "in recent days", "for three years": time of its own
    if tells_on(sentence):
        return []  # "Hours later, police arrested two men": after what was told elsewhere
    day = published.isoformat()
    note = f"a news lead with no date of its own: on or before the publish date {day}"
    readings: list[Reading] = []
    for happening in lead_happenings(sentence):
        at = happening.idx
        timex = Timex(
            at, at, "", "DATE", day, earliest=published, latest=published, granularity="day"
        )
        readings.append(Reading(happening, timex, When(day, qualifier="before"), "lead", note))
    return readings


def undated_readings(sentence: Span, published: date) -> list[Reading]:
    """What a sentence with no date tells as done ("OpenAI also removed co-founder Greg Brockman
    from the board"): on or before the publish date, a telling that only joins the happening
    another sentence dates (merge drops it otherwise)."""
    if tells_on(sentence):
        return []  # "Hours later, he quit": dated from the story, not from the publish date
    day = published.isoformat()
    note = "on or before the publish date; it joins a happening another article dates, or none"
    readings: list[Reading] = []
    for happening in lead_happenings(sentence):
        if lemma(happening) in lexicon().reporting or any(
            c.dep_ == "ccomp" for c in happening.children
        ):
            continue  # a saying ("He also declared that ...") is no happening to place
        at = happening.idx
        timex = Timex(
            at, at, "", "DATE", day, earliest=published, latest=published, granularity="day"
        )
        readings.append(Reading(happening, timex, When(day, qualifier="before"), "undated", note))
    return readings


def lead_happenings(sentence: Span) -> list[Token]:
    """What a lead tells as done: the main clause's happening ("surged"), what a report in it
    tells ("shareholders approved the sale, U.S. Steel said": approved) or else the saying of a
    named speaker, and a clause told beside the main one ("after Trump announced ...")."""
    if sentence.text.lstrip()[:1] in _QUOTE_MARKS:
        return []  # "'He has been very consistent,' said an expert": a comment opens it
    root = sentence.root
    heads = [root, *(c for c in root.children if c.dep_ == "conj" and is_verbal(c))]
    found: list[Token] = []
    for head in heads:
        happening = _told(head)
        if happening is None:
            continue
        found.append(happening)
        beside = (c for c in happening.children if c.dep_ == "advcl" and _opened_by(c))
        found.extend(t for t in map(_told, beside) if t is not None and t not in found)
    return found


def _told(clause: Token) -> Token | None:
    """The happening a clause tells as done: its own, what it reports, or a named saying."""
    if lemma(clause) not in lexicon().reporting:
        happening = happening_of(clause)
        done = happening is not None and is_verbal(happening) and told_as_done(happening)
        return happening if done else None
    told = complement_of(clause)
    if told is not None and (happening := _told(told)) is not None:
        return happening
    if told is not None and inside_quote(told.sent, told.idx):
        return None  # "'He has been very consistent,' said an expert": comment, not news
    return clause if named_speaker(clause) and told_as_done(clause) else None


def _opened_by(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _TOLD_BESIDE for c in clause.children)
