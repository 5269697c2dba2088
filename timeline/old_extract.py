"""Events from an article's main text: each dated sentence or clause that reports a happening.

The temporal tagger is called in one place (`_tag_passage`). Dates attached to a reporting
verb ("state media said Thursday") date the report, not the happening; a sentence without a
date that continues a told happening ("The visit ...") adds to it and never takes the publish
date; "days before the summit" is kept as an anchored bound for merge to resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from timeline import cues as cue_words
from timeline.actors import (
    CAPITAL,
    PERSON,
    PLACE,
    Entity,
    Mention,
    actor_name,
    find_mentions,
)
from timeline.anchoring import anchored
from timeline.choice import irrealis_before, main_cue
from timeline.clauses import Clause, clause_at, clauses, word_distance
from timeline.cues import Hit, is_market_quote
from timeline.happenings import (
    Draft,
    dedupe,
    draft,
    inside_quote,
    is_actor,
    is_dateline,
    verb_between,
)
from timeline.model import Event, MainText, Source, Timex
from timeline.reports import attributions, from_report, is_report_time
from timeline.sentences import split_sentences
from timeline.slugs import event_id
from timeline.subjects import antecedent, dateline_end
from timeline.titles import has_subject, title_for, trimmed
from timeline.when import label, shift_days, when_of

Tagger = Callable[[str, date], list[Timex]]

_NOT_DATES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_BACKREF_FAMILIES = {
    "visit": ("visit", "meet", "summit"),
    "trip": ("visit", "meet"),
    "meeting": ("meet", "visit", "summit"),
    "talks": ("meet", "summit", "call"),
    "summit": ("summit", "meet"),
    "call": ("call",),
    "letter": ("letter",),
    "message": ("letter", "state"),
    "deal": ("sign", "treaty", "agree"),
    "treaty": ("sign", "treaty"),
    "agreement": ("sign", "treaty", "agree"),
    "commentary": ("state",),
    "speech": ("state", "inaugurate"),
    "delegation": ("visit", "meet"),
}


def extract_events(main: MainText, tag: Tagger | None = None) -> list[Event]:
    """Dated happenings in an article's main text, one Source each (tag: the date tagger)."""
    tagger = tag if tag is not None else _default_tagger()
    article = main.article
    drafts: list[Draft] = []
    cast: dict[str, Entity] = {}
    antecedent: tuple[str, ...] = ()  # whom a pronoun opening the next sentence stands for
    for passage in main.passages:
        timexes = _tag_passage(tagger, passage.text, article.published)
        for sentence in split_sentences(passage.text):
            inside = [
                replace(t, start=t.start - sentence.start, end=t.end - sentence.start)
                for t in timexes
                if sentence.start <= t.start and t.end <= sentence.end
            ]
            mentions, cast = find_mentions(sentence.text, article.published, cast)
            mentions = [m for m in mentions if m.start >= dateline_end(sentence.text)]
            found = _read_sentence(
                sentence.text, inside, mentions, article.published, drafts, antecedent
            )
            if found:
                drafts.extend(found)
                antecedent = () if found[-1].passive else found[-1].roles.who
            else:
                drafts = _continue(drafts, sentence.text, mentions, antecedent)
                antecedent = _carried(antecedent, sentence.text, mentions)
    events = [_event(main, draft) for draft in drafts]
    # a chronology entry says who or what acted ("Floods swept through Kenya": the floods): "Ends", "Compares with 40%" tell nothing
    return [
        e
        for e, d in zip(events, drafts, strict=True)
        if (has_subject(e.title, d.form) or _noun_opens(e.title, d))
        and _tells_what(d)
        and not is_market_quote(d.form, d.quote)
    ]


def _carried(antecedent: tuple[str, ...], text: str, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Whom a pronoun stands for after a sentence that tells no happening: the person it opens on;
    nobody when it names another person, or opens on a name we cannot read ("Kopp, 44, ..."); else
    whom it stood for before (a subject done to, "Smith was shot", was never carried)."""
    opener = _person_subject(text, mentions)
    if opener:
        return opener
    others = {actor_name(m.entity) for m in mentions if m.entity.kind == PERSON} - set(antecedent)
    if others or _opens_on_unknown_name(text, mentions):
        return ()
    return antecedent


def _opens_on_unknown_name(text: str, mentions: Sequence[Mention]) -> bool:
    start = dateline_end(text)
    first = re.match(r"\s*([A-Z][\w'’-]*)", text[start:])
    if first is None or first.group(1).lower() in _SENTENCE_OPENERS:
        return False
    return not any(m.start == start + first.start(1) for m in mentions)


_SENTENCE_OPENERS = frozenset(cue_words.load_data()["title_words"]["sentence_openers"])


def _person_subject(text: str, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """The person a sentence opens on ("Senator Jorge Diaz stayed"), not one it names later or
    in the possessive ("Smith's killer")."""
    first = next((m for m in mentions), None)
    if first is None or first.entity.kind != PERSON or re.match(r"['’]s\b", text[first.end :]):
        return ()
    lead = text[dateline_end(text) : first.start]
    if not _SUBJECT_LEAD.fullmatch(lead):
        return ()
    joined = [m for m in mentions[1:2] if re.fullmatch(r",?\s+(?:and|&)\s+(?:[A-Z][\w.'’-]*\s+)*", text[first.end : m.start])]
    return tuple(actor_name(m.entity) for m in [first, *joined])


# what may stand before the name a sentence opens on: titles ("Senator"), an apposition ("Her deputy, ")
_SUBJECT_LEAD = re.compile(r"(?:(?:The|His|Her|Its|Their|A|An)\s+[a-z][\w\s-]*,\s+)?(?:[A-Z][\w.'’-]*,?\s+)*")


def _tells_what(draft: Draft) -> bool:
    """ "Janet Reno rules", "Cuba predicts": a vague verb needs its object to say what happened."""
    vague = draft.cue.rank == 0 or draft.cue.category == "statement"  # not "took effect"
    if not vague or draft.is_noun or draft.passive:
        return True
    return not ("{rest}" in draft.cue.title or "{object}" in draft.cue.title) or bool(
        trimmed(draft.rest)
    )


def _default_tagger() -> Tagger:
    from timeline import temporal  # the one seam to the date tagger

    tagger: Tagger = temporal.tag
    return tagger


def _tag_passage(tagger: Tagger, text: str, published: date) -> list[Timex]:
    return list(tagger(text, published))


# --- one sentence -------------------------------------------------------------------------


def _read_sentence(
    text: str,
    timexes: Sequence[Timex],
    mentions: Sequence[Mention],
    published: date,
    told: Sequence[Draft],
    previous_who: tuple[str, ...] = (),
) -> list[Draft]:
    parts = clauses(text)
    reports = cue_words.reporting(text)
    timexes = _same_story(text, timexes, told)
    hits = _untold(text, cue_words.happenings(text), timexes, told)
    quotes = cue_words.quoted_spans(text)
    dated = [
        t
        for t in timexes
        if _dates_something(t, published)
        and _placed_in_time(text, t, [*hits, *reports])
        and not any(a <= t.start < b for a, b in quotes)  # a speaker's "today" is not ours
    ]
    attributing = attributions(text, parts, reports)
    event_times = [
        t
        for t in dated
        if not is_report_time(text, parts, t, hits, reports) and not is_dateline(text, t)
    ]
    event_times = [t for t in event_times if not irrealis_before(text, parts, t.start)]
    drafts: list[Draft] = []
    used_cues: set[int] = set()
    for timex in event_times:
        hit = main_cue(text, parts, hits, timex.start, exclude=attributing)
        if hit is None or hit.start in used_cues:
            continue
        when = when_of(timex)
        if when is None:
            continue
        used_cues.add(hit.start)
        told_span = _told_span(text, min(hit.start, timex.start)) if told else (0, 0)
        # where the told happening took place is not where this one did
        own_mentions = [
            m for m in mentions if not (m.as_place and told_span[0] <= m.start < told_span[1])
        ]
        drafts.append(
            draft(text, parts, hit, own_mentions, attributing, when, "", timex, previous_who)
        )
    if drafts:
        return drafts[:2]
    report_times = [
        t for t in dated if is_dateline(text, t) or is_report_time(text, parts, t, hits, reports)
    ]
    if report_times:
        known = tuple(a for told_draft in reversed(told) for a in told_draft.actors)
        return from_report(
            text, parts, hits, reports, mentions, report_times[0], attributing, previous_who, known
        )
    planned = _planned(text, parts, hits, timexes, mentions, attributing, published, previous_who)
    if planned:
        return planned
    return anchored(text, parts, hits, mentions, attributing, published, previous_who)


_PLAN_LEAD = re.compile(
    r"\b(?:will|is to|are to|is due to|are due to|is set to|are set to|is expected to|"
    r"are expected to|plans to|plan to|is scheduled to|are scheduled to)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _planned(
    text: str,
    parts: list[Clause],
    hits: Sequence[Hit],
    timexes: Sequence[Timex],
    mentions: Sequence[Mention],
    attributing: Sequence[Clause],
    published: date,
    previous_who: tuple[str, ...],
) -> list[Draft]:
    """ "Trump will meet Zelensky on Monday": a plan dated after the publish date. Merge keeps it
    only as a source of, or a bound on, a happening another source reports as done."""
    for timex in timexes:
        if timex.type != "DATE" or timex.earliest is None or timex.earliest <= published:
            continue
        if timex.granularity not in ("day", "week", "month") or is_dateline(text, timex):
            continue
        own = clause_at(parts, timex.start)
        planned = [
            h
            for h in hits
            if h.cue is not None
            and h.cue.rank >= 3
            and clause_at(parts, h.start) == own
            and own not in attributing
            and _PLAN_LEAD.search(text[own.start : h.start])
        ]
        when = when_of(timex)
        if not planned or when is None:
            continue
        resolution = f"{timex.explanation}; a plan when published, not yet a happening"
        told = draft(
            text,
            parts,
            planned[0],
            mentions,
            attributing,
            when,
            "plan",
            timex,
            previous_who,
            resolution,
        )
        return [told]
    return []


def _dates_something(timex: Timex, published: date) -> bool:
    """Dates that can place a happening: not durations, sets, vague refs or the future."""
    if (
        timex.type not in ("DATE", "TIME")
        or timex.value in _NOT_DATES
        or timex.value.startswith("X")
    ):
        return False
    if timex.earliest is None or timex.latest is None:
        return False
    if timex.granularity in ("open", "decade", "century"):
        return False  # "since 2022", "the 1990s", "the 11th century temple" place no happening
    return timex.earliest <= published


def _same_story(text: str, timexes: Sequence[Timex], told: Sequence[Draft]) -> list[Timex]:
    """ "the same day", "a day later": dated from the happening told (the one the sentence points
    back at, else the last one), never from the publish date."""
    referred = _continued(list(told), text, []) if told else None
    pool = [told[referred]] if referred is not None else list(reversed(told))
    last = next((d for d in pool if len(d.when.date.split("-")) == 3 and not d.when.end), None)
    found: list[Timex] = []
    lowered = text.lower()
    kept = list(timexes)
    for phrase, offset in sorted(
        cue_words.vocabulary().same_story.items(), key=lambda p: -len(p[0])
    ):
        start = lowered.find(phrase)
        if start < 0 or any(f.start <= start < f.end for f in found):
            continue
        if any(t.end <= start for t in timexes if t.anchor != "previous"):
            continue  # "said on Tuesday that ... a day earlier": the tagger anchors it in the sentence
        kept = [t for t in kept if not (t.start < start + len(phrase) and start < t.end)]
        if last is None:
            continue
        day = date.fromisoformat(shift_days(last.when.date, offset))
        found.append(
            Timex(
                start,
                start + len(phrase),
                text[start : start + len(phrase)],
                "DATE",
                day.isoformat(),
                earliest=day,
                latest=day,
                granularity="day",
                explanation=f"{offset:+d} days from the happening told before ({last.when.date})",
                anchor="previous",
            )
        )
    return sorted([*found, *kept], key=lambda t: t.start)


def _placed_in_time(text: str, timex: Timex, verbs: Sequence[Hit]) -> bool:
    """ "today", "now" date a happening only right next to its verb ("said today")."""
    if timex.text.lower() not in cue_words.vocabulary().present_words:
        return True
    return any(
        word_distance(text, h.end, timex.start) <= 1 or word_distance(text, timex.end, h.start) <= 1
        for h in verbs
        if h.end <= timex.start or timex.end <= h.start
    )


def _untold(
    text: str, hits: Sequence[Hit], timexes: Sequence[Timex], told: Sequence[Draft]
) -> list[Hit]:
    """Cue nouns that point back at a told happening ("the meeting", "Shoigu's visit") name no
    new one; nouns framing another ("during a visit") count for less."""
    kept = []
    for hit in hits:
        before = text[max(0, hit.start - 40) : hit.start]
        determiner = re.search(
            r"(?:\b(?i:the|this|that|his|her|its|their)|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+)?$", before
        )
        dated_inside = determiner is not None and any(
            hit.start - len(determiner.group(0)) <= t.start < hit.start for t in timexes
        )
        families = _BACKREF_FAMILIES.get(hit.form.lower(), ())
        if determiner and not dated_inside and any(d.cue.lemma in families for d in told):
            continue
        if hit.cue is not None and re.search(
            r"\bduring\s+(?:a|an|the|his|her|its|their)?\s*(?:[\w-]+\s+)?$", before
        ):
            hit = replace(hit, cue=replace(hit.cue, rank=hit.cue.rank - 3))
        kept.append(hit)
    return kept


# --- continuation -------------------------------------------------------------------------


def _continue(
    drafts: list[Draft], text: str, mentions: Sequence[Mention], pronoun_for: tuple[str, ...] = ()
) -> list[Draft]:
    """An undated sentence that goes on about a told happening adds the people it names as taking
    part: in the phrase naming the happening, or in the first clause when the same actor opens it
    (and, when it names the happening, "the meeting in Pyongyang", its place)."""
    if not drafts:
        return drafts
    target = _continued(drafts, text, mentions)
    if target is None:
        return drafts
    draft = drafts[target]
    spoken = [m for m in mentions if not inside_quote(text, m.start)]
    actors = [actor_name(m.entity) for m in spoken if _names_a_party(text, m)]
    pronoun = re.match(r"(?:He|She|They)\b", text)
    stands_for = antecedent(pronoun.group(0), pronoun_for) if pronoun else []
    same_actor = set(_person_subject(text, mentions)) | set(stands_for)
    if same_actor & set(draft.roles.who):
        # "Shoigu met Kim Jong Un and ...", "He was received by Kim": whom the same actor met
        first = clauses(text)[0]
        actors += [
            actor_name(m.entity)
            for m in spoken
            if m.entity.kind == PERSON
            and first.start <= m.start < first.end
            and not _SUBORDINATE.search(text[first.start : m.start])  # "before Hussein could"
        ]
    roles = draft.roles
    if _backref(text) and not roles.place:
        place = next(
            (m.entity.name for m in spoken if m.as_place and m.entity.kind in (PLACE, CAPITAL)), ""
        )
        if place:
            roles = replace(roles, place=place, where=roles.where or place)
    updated = replace(draft, roles=roles, actors=dedupe([*draft.actors, *actors]))
    return [*drafts[:target], updated, *drafts[target + 1 :]]


_SUBORDINATE = re.compile(
    r"\b(?:before|after|when|while|because|as|if|until|unless|since|though|although|whether)\b"
)


def _names_a_party(text: str, mention: Mention) -> bool:
    """ "The meeting between Kim and Shoigu", "the commentary by analyst Choe": a person named in
    the phrase that points back at the happening takes part in it; a sentence that only goes on
    about it ("He said ...", "It also warned Seoul") adds no one."""
    match = re.search(_BACKREF_PATTERN.format(noun=_backref(text) or r"\b\B"), text)
    if match is None or mention.entity.kind != PERSON or not is_actor(mention):
        return False
    between = text[match.end() : mention.start]
    return mention.start >= match.end() and not re.search(r"[;:.]", between) and not verb_between(
        text, match.end(), mention.start
    )


def _backref(text: str) -> str:
    """The happening noun a sentence points back at ("the visit", "Shoigu's trip"), or ""."""
    for noun in _BACKREF_FAMILIES:
        if re.search(_BACKREF_PATTERN.format(noun=noun), text):
            return noun
    return ""


_BACKREF_PATTERN = (
    r"(?:\b(?i:the|this|that|his|her|its|their)|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+)?{noun}\b"
)


def _told_span(text: str, cue_start: int) -> tuple[int, int]:
    """ "The meeting between Kim and Shoigu in Pyongyang came the same day Lee was sworn in": the
    words from the told happening's noun to the new cue are about the told one."""
    noun = _backref(text)
    if not noun:
        return (0, 0)
    match = re.search(_BACKREF_PATTERN.format(noun=re.escape(noun)), text)
    if match is None or match.start() >= cue_start:
        return (0, 0)
    return (match.start(), cue_start)


def _continued(drafts: list[Draft], text: str, mentions: Sequence[Mention]) -> int | None:
    noun = _backref(text)
    if noun:
        for family in _BACKREF_FAMILIES[noun]:
            for index in range(len(drafts) - 1, -1, -1):
                if drafts[index].cue.lemma == family:
                    return index
        return None
    last = len(drafts) - 1
    names = {actor_name(m.entity) for m in mentions if m.entity.kind == PERSON}
    starts_with_pronoun = re.match(r"(?:He|She|It|They)\b", text) is not None
    if starts_with_pronoun or (names and names & set(drafts[last].roles.people)):
        return last
    return None


# --- events -------------------------------------------------------------------------------


def _event(main: MainText, draft: Draft) -> Event:
    article = main.article
    title = title_for(draft.cue, draft.form, draft.roles, draft.rest, draft.is_noun, draft.passive)
    source = Source(
        article=article.name,
        published=article.published.isoformat(),
        quote=draft.quote,
        phrase=draft.phrase,
        outlet=article.source,
        url=article.url,
        date=draft.when.date if not draft.when.end else f"{draft.when.date}/{draft.when.end}",
        resolution=draft.resolution,
        basis=draft.basis,
        anchor=draft.anchor,
    )
    return Event(
        id=event_id(title, draft.when.date),
        title=title,
        date=draft.when.date,
        end=draft.when.end,
        label=label(draft.when.date, draft.when.end, draft.when.qualifier),
        qualifier=draft.when.qualifier,
        category=draft.cue.category,
        actors=draft.actors,
        place=draft.roles.place,
        sources=(source,),
        disagreement=f"{article.name}: {draft.conflict}" if draft.conflict else "",
    )


def _noun_opens(title: str, told: Draft) -> bool:
    """Whether the title opens on the happening's own noun with words after it: "Floods swept
    through Kenya", "Explosion in Kabul", not a lone verb."""
    opens = told.is_noun or told.quote.lstrip().startswith(told.form)
    return opens and title.lower().startswith(told.form.lower()) and len(title.split()) > 2
