"""Events from an article's main text, read from the structure of its sentences.

Each passage is tagged for time expressions and parsed. A date goes to the predicate it modifies
in the tree: a verb ("met on Monday") or a noun naming a happening ("the April 22 attack"). A
date on a reporting verb ("state media reported Sunday") dates the report; the clause it reports
is the happening, on or before that day. "Days before X", "a day after X" date a happening by
another one (anchoring.py finds them, merge resolves them). The predicate's subject, object and
agent are the actors, named in full as the article first named them; its "in X" is the place.
What earlier sentences told gives "the same day" its day (story.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from timeline.events.anchor_readings import with_anchored
from timeline.events.attachment import (
    day_clauses,
    names_nothing,
    opens_a_span,
    predicate_of,
    when_clause,
)
from timeline.events.cast import Cast
from timeline.events.categories import category_of
from timeline.events.datelines import is_dateline
from timeline.events.gazetteers import is_person
from timeline.events.happenings import (
    happening_of,
    is_price_move,
    is_wished,
    moved_happening,
    planned_object,
    reported_subject,
    wanted_object,
)
from timeline.events.labels import people_named_alike
from timeline.events.leads import is_lead, lead_readings, undated_readings
from timeline.events.mood import is_future, is_irrealis, is_negated, refused
from timeline.events.passages import Tagger, passage_texts, sentences, tag_passages
from timeline.events.places import place_of
from timeline.events.predicates import lexicon
from timeline.events.quotes import inside_quote, speakers_date
from timeline.events.reading import NOT_DATES, Reading
from timeline.events.reports import (
    closing_report,
    named_speaker,
    only_time,
    own_date_below,
    reported_saying,
    says_something,
    told_as_done,
)
from timeline.events.slugs import event_id
from timeline.events.starts import since_readings
from timeline.events.story import continued, same_story
from timeline.events.titles import title_of
from timeline.events.tree import (
    SUBJECTS,
    complement_of,
    is_eventive_noun,
    is_verbal,
    lemma,
    participants,
    subject_of,
)
from timeline.model import Event, MainText, Source, Timex
from timeline.temporal.vocabulary import vocabulary
from timeline.temporal.when import label, when_of

Parser = Callable[[Sequence[str]], list[Doc]]

_PRESENT_WORDS = ("now", "currently", "at present", "these days")


def extract_events(
    main: MainText,
    tag: Tagger | None = None,
    parse: Parser | None = None,
) -> list[Event]:
    """Dated happenings in an article's main text, one Source each."""
    tagger = tag if tag is not None else _default_tagger()
    parser = parse if parse is not None else _default_parser()
    article = main.article
    headline, *docs = parser(passage_texts(main))
    people_named_alike(docs, headline)
    cast = Cast(article.published)
    cast.learn(headline.ents)  # the story's people in full: "Bankman-Fried" is Sam Bankman-Fried
    events: list[Event] = []
    undated: list[Event | None] = []  # tellings with no date, which only join dated ones
    tagged = tag_passages(tagger, main.passages, article.published)
    lead = True  # the first sentence with a verb: what the article is news of
    for doc, timexes in zip(docs, tagged, strict=True):
        cast.learn(doc.ents)
        for sentence in sentences(doc):
            inside = [
                t for t in timexes if sentence.start_char <= t.start and t.end <= sentence.end_char
            ]
            inside = same_story(sentence, inside, events, article.published)
            opens = lead and is_lead(sentence)
            lead = lead and not opens
            found = read_sentence(sentence, inside, article.published, opens)
            told = [_event(main, sentence, reading, cast) for reading in found]
            events.extend(e for e in told if e.title)  # "He resigned" with no one for "he"
            if not found:
                events = continued(sentence, events, cast)
                retold = undated_readings(sentence, article.published) if not opens else []
                undated.extend(
                    _retelling(_event(main, sentence, r, cast))
                    for r in retold
                    if lexicon().kinds_of(lemma(r.predicate))  # "resigned", not "brought"
                )
            cast.follow(sentence)
    return events + [e for e in undated if e is not None]


def _retelling(event: Event) -> Event | None:
    """An undated telling worth weighing against dated happenings: naming a person, so that it
    can tie to one happening only (its predicate is of a kind: "removed", "quit")."""
    if not event.title:
        return None
    return event if any(is_person(a) for a in event.actors) else None


def read_sentence(
    sentence: Span, timexes: Sequence[Timex], published: date, lead: bool = False
) -> list[Reading]:
    """The happenings a sentence dates: each date to the predicate it modifies in the tree, then
    the happenings another one dates ("days after the summit"); an article's `lead` that dates
    nothing, what it opens with (leads.py)."""
    direct = _outside_its_month(_dated_predicates(sentence, timexes, published))
    # a date said of the predicate itself dates it before one inside an argument ("A 1996 law
    # ... strengthened the embargo in 1996": the title keeps the law's "1996")
    direct.sort(key=lambda pair: not _said_of(pair[0], pair[1], sentence))
    # what a report tells has a date of its own only when that date tells a happening
    dated = {p.i for p, _ in direct if not (is_negated(p) or is_irrealis(p))}
    readings: list[Reading] = []
    for predicate, timex in direct:
        reading = _reading(predicate, timex, published, dated, readings)
        if reading is not None:
            readings.append(reading)
    timed = {t.i for t in sentence if any(x.start <= t.idx < x.end for x in timexes)}
    readings = with_anchored(sentence, published, dated, readings, timed)
    readings += since_readings(sentence, timexes, dated | {r.predicate.i for r in readings})
    return readings or (lead_readings(sentence, timexes, published) if lead else [])


def _dated_predicates(
    sentence: Span, timexes: Sequence[Timex], published: date
) -> list[tuple[Token, Timex]]:
    """Each date of the sentence with the predicate it modifies (and the clauses a day's noun
    takes), leaving out datelines, quoted words and dates that place nothing."""
    text = sentence.text
    offset = sentence.start_char
    direct: list[tuple[Token, Timex]] = []
    for timex in timexes:
        local = replace(timex, start=timex.start - offset, end=timex.end - offset)
        if not _dates_something(timex, published) or is_dateline(text, local):
            continue
        if not text[local.start : local.end].strip():
            continue  # in a dateline, blanked before parsing ("KYIV, June 5 (Reuters) -")
        if speakers_date(sentence, timex):
            continue  # a speaker's "today" is not ours
        span = sentence.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        predicate = predicate_of(span) if span is not None else None
        if span is None or predicate is None:
            continue
        if timex.text.lower() in _PRESENT_WORDS and abs(predicate.i - span.start) > 2:
            continue  # "now" dates only the verb right beside it ("said today")
        if opens_a_span(span):
            timex = replace(timex, mod="ON_OR_AFTER")
        timex = _weekday_told_done(timex, predicate, published)
        clause = when_clause(span)
        if clause is not None and names_nothing(predicate):
            predicate = clause  # "events that began Friday, when OpenAI announced ...": that
        elif clause is not None:
            direct.append((clause, timex))
        if not (timex.anchor == "previous" and lemma(predicate) in lexicon().light):
            direct.append((predicate, timex))  # "The meeting came the same day": told before
        direct.extend((clause, timex) for clause in day_clauses(span))
    return direct


def _reading(
    predicate: Token, timex: Timex, published: date, dated: set[int], earlier: Sequence[Reading]
) -> Reading | None:
    """The happening a date on a predicate tells, or None: a report gives way to what it
    tells, a wish to the wishing; nothing negated, unreal, already read or a market quote."""
    when = when_of(timex)
    if when is None:
        return None
    basis, note = "", ""
    if is_verbal(predicate) and lemma(predicate) in lexicon().reporting:
        told = complement_of(predicate)
        others = dated - {predicate.i}
        if told is not None and (told.i in others or own_date_below(told, others)):
            return None  # the happening it tells has a date of its own
        happening = happening_of(told) if told is not None else reported_subject(predicate)
        if told is not None and inside_quote(told.sent, told.idx):
            happening = None  # '"Sam directed me to ...," Ellison said Tuesday': the saying
        if told is not None and reported_saying(told):
            note = "; this dates the report, so the saying is on or before it"
            when = replace(when, qualifier="before")
            return Reading(told, timex, when, "report", note)  # "Kim said ..., the agency reported"
        if happening is not None and told_as_done(happening):
            predicate, basis = happening, "report"
            when = replace(when, qualifier="before")
            note = "; this dates the report, so the happening is on or before it"
        elif (
            named_speaker(predicate)
            and says_something(predicate, timex)
            and not closing_report(predicate)
        ):
            # the saying is the happening: "Modi on Tuesday told the brass ..."
            return Reading(predicate, timex, when, "said", "")
        else:
            return None
    later = timex.earliest is not None and timex.earliest > published
    wanted = wanted_object(predicate) if later else None
    happening = _willed(happening_of(predicate) or wanted)
    if happening is None or any(r.predicate.i == happening.i for r in earlier):
        return None
    if is_price_move(happening, timex):
        return None  # "Acme shares closed at $12.50 on Monday"
    if is_negated(happening) or is_irrealis(happening):
        return None
    ahead = timex.latest is not None and timex.latest > published and is_future(happening)
    if later or ahead:  # "will unfold over the next 14 months": from today on
        if not (is_future(happening) or is_eventive_noun(happening) or happening == wanted):
            happening = planned_object(happening)
            if happening is None:
                return None
        else:
            happening = moved_happening(happening) or happening
        if any(r.predicate.i == happening.i for r in earlier):
            return None  # "delay the rollout to 2026 instead of 2025": dated once
        basis, note = "plan", "; a plan when published, not yet a happening"
    return Reading(happening, timex, when, basis, note)


def _bare_weekday(text: str) -> bool:
    """ "Sunday", "on Sunday", "on a Friday": a weekday and nothing else, by the tagger's own
    weekday names."""
    words = text.lower().split()
    while words and words[0] in ("on", "a", "an"):
        words = words[1:]
    if len(words) != 1:
        return False
    try:
        vocabulary().meaning("weekdays", words[0])
    except KeyError:
        return False
    return True


def _outside_its_month(direct: list[tuple[Token, Timex]]) -> list[tuple[Token, Timex]]:
    """ "Back in November, Altman was fired ... on a Friday": a bare weekday counted from the
    publish date that falls outside the month or year the same predicate is dated by is not
    the day meant; the coarser date stays."""

    def outside(predicate: Token, weekday: Timex) -> bool:
        if not _bare_weekday(weekday.text) or weekday.earliest is None:
            return False
        return any(
            p.i == predicate.i
            and t.granularity in ("month", "year")
            and t.earliest is not None
            and t.latest is not None
            and not t.earliest <= weekday.earliest <= t.latest
            for p, t in direct
        )

    return [(p, t) for p, t in direct if not outside(p, t)]


def _weekday_told_done(timex: Timex, predicate: Token, published: date) -> Timex:
    """ "That followed a rejection of his attempt to return, on Sunday": a bare weekday the
    tagger read ahead from a word nearby ("to return") dates a deed the tree tells in the past,
    so it is the last such day before the publish date, a week earlier."""
    if not _bare_weekday(timex.text) or timex.earliest is None or timex.latest is None:
        return timex
    if timex.earliest <= published or predicate.tag_ != "VBD":
        return timex
    if is_future(predicate) or is_irrealis(predicate):
        return timex
    back = timedelta(days=7)
    day = timex.earliest - back
    note = f"; the tree tells '{predicate.text}' as done, so the {timex.text} before, {day}"
    return replace(
        timex,
        value=day.isoformat(),
        earliest=day,
        latest=timex.latest - back,
        explanation=timex.explanation + note,
    )


def _willed(happening: Token | None) -> Token | None:
    """What a clause wished or refused tells: "urged workers to accept the offer last week":
    the urging; "analysts expected the company to lose $1.61": a state of mind, no happening;
    "refused to communicate over the weekend": the refusal."""
    if happening is not None and refused(happening):
        return happening.head
    if happening is not None and is_wished(happening):
        return None if lemma(happening.head) in lexicon().stative else happening.head
    return happening


def _said_of(predicate: Token, timex: Timex, sentence: Span) -> bool:
    """Whether a date hangs on the predicate itself ("in 1996", "on Monday"), not on a word
    below it."""
    span = sentence.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    return head.i == predicate.i or (head.dep_ == "prep" and head.head.i == predicate.i)


def _event(main: MainText, sentence: Span, reading: Reading, cast: Cast) -> Event:
    article = main.article
    predicate, timex, when = reading.predicate, reading.timex, reading.when
    skip = {
        t.i
        for t in sentence
        if timex.start <= t.idx < timex.end
        or (t.dep_ == "prep" and only_time(t, timex))
        or (reading.basis == "plan" and t.head.i == predicate.i and t.lower_ in lexicon().plans)
    }
    title = title_of(predicate, cast, skip)
    actors: list[str] = []
    for token in participants(predicate):
        actors.extend(n for n in cast.names_of(token) if n not in actors)
        whose = [c for c in token.children if c.dep_ == "poss" and token.dep_ in SUBJECTS]
        for owner in (cast.owner_above(c) for c in whose):  # "Since his bail was revoked, ..."
            if owner and owner not in actors:
                actors.append(owner)
    speaker = subject_of(predicate) if reading.basis == "said" and not actors else None
    if speaker is not None and lemma(speaker) in lexicon().bodies:
        actors.append(cast.describe(speaker))  # "the intelligence agency said last week"
    place = place_of(predicate)
    source = Source(
        article=article.name,
        published=article.published.isoformat(),
        quote=sentence.text.strip(),
        phrase=timex.text,
        outlet=article.source,
        url=article.url,
        date=when.date if not when.end else f"{when.date}/{when.end}",
        resolution=timex.explanation + reading.note,
        basis=reading.basis,
        anchor=reading.anchor,
    )
    return Event(
        id=event_id(title, when.date),
        title=title,
        date=when.date,
        end=when.end,
        label=label(when.date, when.end, when.qualifier),
        qualifier=when.qualifier,
        category="statement" if reading.basis == "said" else category_of(predicate),
        actors=tuple(actors),
        place=cast.full(place.text) if place is not None else "",
        sources=(source,),
        disagreement=f"{article.name}: {timex.conflict}" if timex.conflict else "",
    )


def _dates_something(timex: Timex, published: date) -> bool:
    """Dates that can place a happening: not durations, sets, vague refs or open bounds."""
    if timex.type not in ("DATE", "TIME") or timex.value in NOT_DATES:
        return False
    if timex.value.startswith("X") or timex.earliest is None or timex.latest is None:
        return False
    return timex.granularity not in ("open", "decade", "century")


def _default_tagger() -> Tagger:
    from timeline import temporal  # the one seam to the date tagger

    tagger: Tagger = temporal.tag
    return tagger


def _default_parser() -> Parser:
    from timeline import nlp  # the one seam to the English pipeline

    parser: Parser = nlp.parse
    return parser
