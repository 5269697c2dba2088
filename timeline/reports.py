"""Report dates: "state media said Thursday" dates the report, not the happening it tells."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from timeline import cues as cue_words
from timeline.actors import OUTLET, PERSON, Mention, actor_name, is_known
from timeline.choice import main_cue
from timeline.clauses import Clause, clause_at, word_distance
from timeline.cues import Cue, Hit
from timeline.happenings import (
    Draft,
    dedupe,
    draft,
    inside_quote,
    is_actor,
    is_dateline,
    rest_of,
)
from timeline.model import Timex
from timeline.subjects import unnamed_subject
from timeline.titles import Roles
from timeline.when import when_of


def attributions(text: str, parts: list[Clause], reports: Sequence[Hit]) -> list[Clause]:
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


def is_report_time(
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


def from_report(
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
    when = when_of(timex)
    if when is None:
        return []
    report_clause = clause_at(parts, timex.start)
    exclude = [*attributions, report_clause]
    content = main_cue(text, parts, hits, timex.start, exclude=exclude)
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
    if not _news(text, verb, report_clause, speaker, who, rest):
        return []  # "an analyst said profit fell": an attribution, not a happening
    roles = Roles(who, (), tuple(actor_name(m.entity) for m in mentions if m.entity.kind == PERSON))
    return [
        Draft(
            when=when,
            basis="said",  # the saying is the happening: one speaker's remarks on one date
            cue=_statement_cue(),
            form=form,
            is_noun=False,
            roles=roles,
            actors=dedupe([*who, *_people_told(text, mentions, report_clause, parts)]),
            quote=text,
            phrase=timex.text,
            resolution=timex.explanation,
            rest=rest,
        )
    ]


@lru_cache(maxsize=1)
def _sayings() -> dict[str, re.Pattern[str]]:
    data = cue_words.load_data()["news_sayings"]
    return {key: cue_words.words_pattern(data[key]) for key in data}


def _news(
    text: str,
    verb: Hit | None,
    clause: Clause,
    speaker: Sequence[Mention],
    who: Sequence[str],
    rest: str,
) -> bool:
    """Whether a saying is itself news: a media report on something, words to an audience or on
    an occasion, or an official warning or announcing what is to come."""
    if verb is None:
        return False  # a dateline alone
    sayings = _sayings()
    after = text[verb.end :]
    if verb.form.lower().startswith("report") and re.match(r"\s+on\b", after):
        return True  # "KCNA reported on the inauguration"
    if verb.form.lower() in ("told", "tells", "briefed") and sayings["audiences"].match(
        after.lstrip()
    ):
        return True  # "told lawmakers": a briefing
    if sayings["occasions"].search(text):
        return True
    official = any(m.entity.kind != OUTLET and is_known(actor_name(m.entity)) for m in speaker)
    official = official or bool(sayings["officials"].search(" ".join(who) or clause.text))
    return official and bool(sayings["forward"].search(rest))


def _said_something(rest: str) -> bool:
    return len(re.findall(r"\w+", rest)) >= 2


def _people_told(
    text: str, mentions: Sequence[Mention], report_clause: Clause, parts: list[Clause]
) -> list[str]:
    """The people a saying is about, outside quoted speech: not every state it mentions."""
    return [
        actor_name(m.entity)
        for m in mentions
        if is_actor(m)
        and m.entity.kind == PERSON
        and clause_at(parts, m.start) != report_clause
        and not inside_quote(text, m.start)
    ]


def _statement_cue() -> Cue:
    return next(c for c in cue_words.vocabulary().cues if c.category == "statement")
