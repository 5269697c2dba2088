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
    OUTLET,
    PERSON,
    PLACE,
    Entity,
    Mention,
    actor_name,
    find_mentions,
)
from timeline.clauses import Clause, clause_at, clauses, word_distance
from timeline.cues import Cue, Hit
from timeline.happenings import (
    Draft,
    dateline_end,
    dedupe,
    draft,
    inside_quote,
    is_actor,
    is_dateline,
    is_noun,
    others,
    rest_of,
    unnamed_subject,
)
from timeline.model import Event, MainText, Source, Timex
from timeline.sentences import split_sentences
from timeline.slugs import event_id
from timeline.titles import Roles, title_for
from timeline.when import When, label, shift_days, when_of

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
            found = _read_sentence(sentence.text, inside, mentions, article.published, drafts)
            if found:
                drafts.extend(found)
            else:
                drafts = _continue(drafts, sentence.text, mentions)
    return [_event(main, draft) for draft in drafts]


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
) -> list[Draft]:
    parts = clauses(text)
    reports = cue_words.reporting(text)
    previous_who = told[-1].roles.who if told else ()
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
    attributions = _attributions(text, parts, reports)
    event_times = [
        t
        for t in dated
        if not _is_report_time(text, parts, t, hits, reports) and not is_dateline(text, t)
    ]
    event_times = [t for t in event_times if not _irrealis_before(text, parts, t.start)]
    drafts: list[Draft] = []
    used_cues: set[int] = set()
    for timex in event_times:
        hit = _main_cue(text, parts, hits, timex.start, exclude=attributions)
        if hit is None or hit.start in used_cues:
            continue
        when = _when(timex)
        if when is None:
            continue
        used_cues.add(hit.start)
        drafts.append(
            draft(text, parts, hit, mentions, attributions, when, "", timex, previous_who)
        )
    if drafts:
        return drafts[:2]
    report_times = [
        t for t in dated if is_dateline(text, t) or _is_report_time(text, parts, t, hits, reports)
    ]
    if report_times:
        known = tuple(a for told_draft in reversed(told) for a in told_draft.actors)
        return _from_report(
            text, parts, hits, reports, mentions, report_times[0], attributions, previous_who, known
        )
    return _anchored(text, parts, hits, mentions, attributions, published, previous_who)


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


def _attributions(text: str, parts: list[Clause], reports: Sequence[Hit]) -> list[Clause]:
    """Clauses that say who reports: the last clause with a reporting verb, "according to ..."."""
    found = []
    for hit in reports:
        part = clause_at(parts, hit.start)
        is_last = part == parts[-1] and len(parts) > 1
        if (
            (
                is_last
                or hit.form.lower() == "according to"
                or (hit.start - part.start < 3 and part != parts[0])
            )
            and len(part.text.split()) <= 14
            and part not in found
        ):
            found.append(part)
    return found


def _is_report_time(
    text: str, parts: list[Clause], timex: Timex, hits: Sequence[Hit], reports: Sequence[Hit]
) -> bool:
    """Whether the nearest verb-like cue before the timex in its clause is a reporting one."""
    part = clause_at(parts, timex.start)
    before = [h for h in [*hits, *reports] if part.start <= h.start < timex.start]
    if before:
        nearest = max(before, key=lambda h: h.start)
        return nearest.cue is None
    after = [h for h in [*hits, *reports] if timex.end <= h.start < part.end]
    if after:
        nearest = min(after, key=lambda h: h.start)
        return nearest.cue is None and word_distance(text, timex.end, nearest.start) <= 2
    return False


def _irrealis_before(text: str, parts: list[Clause], index: int) -> bool:
    """A plan, guess, condition or denial: "may visit", "if it had been elected", "has not
    targeted", "without having a deal"."""
    part = clause_at(parts, index)
    lead = text[part.start : index]
    words_before = lead.split()[-6:]
    if cue_words.is_irrealis(" ".join(words_before)):
        return True
    if re.search(r"\b(?:if|unless|whether)\b", lead, re.IGNORECASE):
        return True
    return re.search(r"\b(?:not|never|no longer|without|n't)\s+(?:\w+\s+){0,2}$", lead) is not None


_IRREALIS_AFTER = re.compile(r"\s*['‘\"“]?(?:could|would|may|might|will|should)\b", re.IGNORECASE)


def _main_cue(
    text: str, parts: list[Clause], hits: Sequence[Hit], index: int, exclude: Sequence[Clause]
) -> Hit | None:
    """The happening a date belongs to: its own clause first, then the strongest, nearest cue."""
    own = clause_at(parts, index)
    usable = [
        h
        for h in hits
        if h.cue is not None
        and clause_at(parts, h.start) not in exclude
        and not _irrealis_before(text, parts, h.start)
        and not _IRREALIS_AFTER.match(text[h.end :])  # "an attack could very well happen"
        and (h.cue.rank > 0 or clause_at(parts, h.start) == own)  # a bare past verb: own clause
    ]
    if not usable:
        return None

    def score(hit: Hit) -> tuple[int, int, bool, int]:
        assert hit.cue is not None
        same = 1 if clause_at(parts, hit.start) == own else 0
        distance = word_distance(text, hit.start, index)
        # A strong cue far away loses to a weaker one next to the date.
        return (same, hit.cue.rank - distance // 8, not is_noun(text, hit), -distance)

    return max(usable, key=score)


def _when(timex: Timex) -> When | None:
    return when_of(timex)


# --- reports and anchors --------------------------------------------------------------------


def _from_report(
    text: str,
    parts: list[Clause],
    hits: Sequence[Hit],
    reports: Sequence[Hit],
    mentions: Sequence[Mention],
    timex: Timex,
    attributions: Sequence[Clause],
    previous_who: tuple[str, ...],
    known: tuple[str, ...] = (),
) -> list[Draft]:
    """A sentence dated only by its report: the report bounds the happening it tells, or, when
    the speaker is the actor ("the agency said last week"), the saying is the event."""
    when = _when(timex)
    if when is None:
        return []
    report_clause = clause_at(parts, timex.start)
    exclude = [*attributions, report_clause]
    content = _main_cue(text, parts, hits, timex.start, exclude=exclude)
    by_media = (
        is_dateline(text, timex)
        or cue_words.has_media(report_clause.text)
        or any(
            m.entity.kind == OUTLET for m in mentions if clause_at(parts, m.start) == report_clause
        )
    )
    if (
        content is not None
        and content.cue is not None
        and (by_media or content.cue.category != "statement")
    ):
        bound = replace(when, qualifier="before")
        resolution = (
            f"{timex.explanation}; this dates the report, so the happening is on or before it"
        )
        return [
            draft(
                text,
                parts,
                content,
                mentions,
                attributions,
                bound,
                "report",
                timex,
                previous_who,
                resolution,
            )
        ]
    if content is not None:  # "Kim hailed the soldiers, saying in April ...": the saying is dated
        return [draft(text, parts, content, mentions, [], when, "", timex, previous_who)]
    in_clause = [h for h in reports if clause_at(parts, h.start) == report_clause]
    before = [h for h in in_clause if h.start < timex.start]
    verb = min(
        before or in_clause,
        key=lambda h: h.start if before else abs(h.start - timex.start),
        default=None,
    )
    speaker = [
        m
        for m in mentions
        if clause_at(parts, m.start) == report_clause and (is_actor(m) or m.entity.kind == OUTLET)
    ]
    who = tuple(actor_name(m.entity) for m in speaker[:1])
    if not who and verb is not None:
        who = tuple(
            unnamed_subject(text, [report_clause], report_clause, verb, previous_who, known)
        )
    form, rest = "says", ""
    if verb is not None:
        form, rest = (
            verb.form,
            rest_of(text, parts, verb, timex),
        )  # "KCNA reported on the inauguration"
        if not _said_something(rest):
            form = "says"
            rest = parts[0].text if parts[0] != report_clause else rest
    roles = Roles(who, (), tuple(actor_name(m.entity) for m in mentions if m.entity.kind == PERSON))
    return [
        Draft(
            when=when,
            basis="said",  # the saying is the happening: one speaker's remarks on one date
            cue=_statement_cue(),
            form=form,
            is_noun=False,
            roles=roles,
            actors=dedupe([*who, *others(mentions, [report_clause], parts)]),
            quote=text,
            phrase=timex.text,
            resolution=timex.explanation,
            rest=rest,
        )
    ]


def _said_something(rest: str) -> bool:
    return len(re.findall(r"\w+", rest)) >= 2


def _statement_cue() -> Cue:
    return next(c for c in cue_words.vocabulary().cues if c.category == "statement")


def _anchored(
    text: str,
    parts: list[Clause],
    hits: Sequence[Hit],
    mentions: Sequence[Mention],
    attributions: Sequence[Clause],
    published: date,
    previous_who: tuple[str, ...],
) -> list[Draft]:
    """ "Days before the Alaska summit ...": bounded by the publish date until merge finds the summit."""
    match = cue_words.vocabulary().anchors.search(text)
    if match is None or match.group("relation").lower() == "during":
        return []
    anchor = match.group("anchor").strip()
    anchor_hits = [h for h in hits if match.start("anchor") <= h.start < match.end("anchor")]
    if not any(h.cue is not None and h.cue.rank >= 3 for h in anchor_hits):
        return []
    outside = [h for h in hits if not (match.start() <= h.start < match.end())]
    hit = _main_cue(text, parts, outside, match.end(), exclude=attributions)
    if hit is None:
        return []
    relation = " ".join(filter(None, [match.group("amount"), match.group("relation")])).lower()
    when = When(published.isoformat(), qualifier="before")
    resolution = (
        f"{relation} {anchor}: that event is not dated here, so the date is bounded by the "
        f"publish date {published.isoformat()}"
    )
    phrase = text[match.start() : match.end()].strip()
    told = draft(
        text,
        parts,
        hit,
        mentions,
        attributions,
        when,
        "anchor",
        None,
        previous_who,
        resolution,
        anchor=f"{relation} | {anchor}",
        skip=(match.start(), match.end()),
    )
    return [
        replace(told, phrase=phrase),
        *_anchor_itself(text, match, anchor_hits, mentions, published),
    ]


def _past_verb(text: str) -> bool:
    words = cue_words.vocabulary()
    return any(
        (w.endswith("ed") and w not in words.not_verbs) or w in words.irregular_past
        for w in re.findall(r"[a-z]+", text)
    )


def _anchor_itself(
    text: str,
    match: re.Match[str],
    anchor_hits: Sequence[Hit],
    mentions: Sequence[Mention],
    published: date,
) -> list[Draft]:
    """ "Days before Trump and Putin held a summit in Alaska": the summit, told in the past tense,
    happened by the publish date; merge dates it when another source does."""
    span = Clause(match.start("anchor"), match.end("anchor"), match.group("anchor"))
    realis = [
        h
        for h in anchor_hits
        if h.cue is not None
        and h.cue.rank >= 4
        and not cue_words.is_irrealis(text[span.start : h.start])
    ]
    if not realis or not _past_verb(span.text):
        return []  # "days before the Alaska summit" does not say the summit took place
    hit = realis[0]
    inside = [m for m in mentions if span.start <= m.start < span.end]
    resolution = (
        f"told in the past tense in '{match.group(0).strip()}': not dated here, so on or before "
        f"the publish date {published.isoformat()}"
    )
    when = When(published.isoformat(), qualifier="before")
    told = draft(text, [span], hit, inside, [], when, "bound", None, (), resolution)
    return [replace(told, phrase="")]


# --- continuation -------------------------------------------------------------------------


def _continue(drafts: list[Draft], text: str, mentions: Sequence[Mention]) -> list[Draft]:
    """An undated sentence that goes on about a told happening adds its people (and, when it
    names the happening, "the meeting in Pyongyang", its place)."""
    if not drafts:
        return drafts
    target = _continued(drafts, text, mentions)
    if target is None:
        return drafts
    draft = drafts[target]
    spoken = [m for m in mentions if not inside_quote(text, m.start)]
    actors = [actor_name(m.entity) for m in spoken if is_actor(m) and m.entity.kind != OUTLET]
    roles = draft.roles
    if _backref(text) and not roles.place:
        place = next(
            (m.entity.name for m in spoken if m.as_place and m.entity.kind in (PLACE, CAPITAL)), ""
        )
        if place:
            roles = replace(roles, place=place, where=roles.where or place)
    updated = replace(draft, roles=roles, actors=dedupe([*draft.actors, *actors]))
    return [*drafts[:target], updated, *drafts[target + 1 :]]


def _backref(text: str) -> str:
    """The happening noun a sentence points back at ("the visit", "Shoigu's trip"), or ""."""
    for noun in _BACKREF_FAMILIES:
        if re.search(
            rf"(?:\b(?i:the|this|that|his|her|its|their)|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+)?{noun}\b",
            text,
        ):
            return noun
    return ""


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
    )
