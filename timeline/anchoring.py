"""Dates anchored on other events: "days before the Alaska summit" is found in a sentence
(`anchored`), then takes the summit's date when another candidate or a known event gives it
(`resolve_anchors`); otherwise it stays a bound on the publish date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from timeline import cues as cue_words
from timeline.actors import Mention
from timeline.choice import main_cue
from timeline.clauses import Clause
from timeline.cues import Hit, vocabulary
from timeline.happenings import Draft, draft
from timeline.model import Event
from timeline.when import When, label

_BEFORE = ("before", "ahead of", "on the eve of", "in the run-up to", "in the lead-up to")


def resolve_anchors(candidates: Sequence[Event], known: Sequence[Event] = ()) -> list[Event]:
    """Candidates with their event-anchored dates resolved where the anchor event is dated."""
    dated = [
        c
        for c in [*candidates, *known]
        if not _anchored(c)
        and not any(s.basis == "plan" for s in c.sources)
        and len(c.date.split("-")) == 3
        and c.qualifier not in ("before", "after")
    ]
    return [_resolved(c, dated) if _anchored(c) else c for c in candidates]


def _anchored(event: Event) -> bool:
    return (
        bool(event.sources) and event.sources[0].basis == "anchor" and bool(event.sources[0].anchor)
    )


def _resolved(candidate: Event, dated: Sequence[Event]) -> Event:
    source = candidate.sources[0]
    relation, _, words = source.anchor.partition(" | ")
    target = _anchor_event(words, dated, candidate)
    if target is None:
        return candidate
    qualifier = "before" if any(relation.endswith(r) for r in _BEFORE) else "after"
    resolution = (
        f"{relation} {words}: that event is {target.title} on {target.label or target.date}"
    )
    # before a span ("15-17 August"): by its last day; after it: after its first
    bound = target.end if qualifier == "before" and target.end else target.date
    if len(bound.split("-")) != 3:
        return candidate  # "days before" a month-dated event bounds nothing a day could
    resolved_source = replace(source, date=bound, resolution=resolution)
    return replace(
        candidate,
        date=bound,
        end="",
        qualifier=qualifier,
        label=label(bound, "", qualifier),
        sources=(resolved_source,),
    )


def _anchor_event(words: str, dated: Sequence[Event], candidate: Event) -> Event | None:
    """The dated event the anchor words name: its kind of happening plus its place or people."""
    lowered = words.lower()
    categories = {
        cue.category
        for cue in vocabulary().cues
        if any(
            re.search(rf"(?<![\w-]){re.escape(form.lower())}(?![\w-])", lowered)
            for form in cue.forms
        )
        and cue.rank >= 3
    }
    best: tuple[int, Event] | None = None
    for event in dated:
        if event.category not in categories:
            continue  # "days before the summit" names a summit
        if event.sources and candidate.sources and event.sources[0] == candidate.sources[0]:
            continue
        if event.date > candidate.sources[0].published:
            continue  # an anchor a report names in the past tense happened by its publish date
        score = 0
        if event.category in categories:
            score += 2
        if event.place and event.place.lower() in lowered:
            score += 2
        score += sum(1 for actor in event.actors if _named(actor, lowered))
        if event.category in categories and score >= 3 and (best is None or score > best[0]):
            best = (score, event)
    return best[1] if best else None


def _named(actor: str, lowered: str) -> bool:
    return any(
        len(part) > 2 and re.search(rf"\b{re.escape(part.lower())}\b", lowered)
        for part in actor.split()[-1:]
    )


def anchored(
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
    itself = _anchor_itself(text, match, anchor_hits, mentions, published)
    outside = [h for h in hits if not (match.start() <= h.start < match.end())]
    hit = main_cue(text, parts, outside, match.end(), exclude=attributions)
    if hit is None:
        return itself
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
    return [replace(told, phrase=phrase), *itself]


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
    inside = [m for m in mentions if span.start <= m.start < span.end]
    strong = [h for h in anchor_hits if h.cue is not None and h.cue.rank >= 4]
    realis = [h for h in strong if not cue_words.is_irrealis(text[span.start : h.start])]
    if strong and _planned(text, match):
        return [_plan(text, span, strong[0], inside, match, published)]
    if not realis or not _past_verb(span.text):
        return []  # "days before the Alaska summit" does not say the summit took place
    hit = realis[0]
    resolution = (
        f"told in the past tense in '{match.group(0).strip()}': not dated here, so on or before "
        f"the publish date {published.isoformat()}"
    )
    when = When(published.isoformat(), qualifier="before")
    told = draft(text, [span], hit, inside, [], when, "bound", None, (), resolution)
    return [replace(told, phrase="")]


def _planned(text: str, match: re.Match[str]) -> bool:
    """ "ahead of Putin's expected summit", "before the summit next week": still to come."""
    relation = match.group("relation").lower()
    if relation not in _BEFORE:
        return False
    return cue_words.vocabulary().plans.search(match.group("anchor")) is not None


def _plan(
    text: str,
    span: Clause,
    hit: Hit,
    inside: Sequence[Mention],
    match: re.Match[str],
    published: date,
) -> Draft:
    """A happening still to come when the article was published: on or after the publish date,
    within the reach its amount gives ("days ahead" -> ten days). Merge keeps it only when a
    source tells it took place."""
    amount = (match.group("amount") or "").lower().split()
    reach = cue_words.vocabulary().reach.get(amount[-1]) if amount else None
    if reach is None:
        when = When(published.isoformat(), qualifier="since")
        bound = f"on or after the publish date {published.isoformat()}"
    else:
        last = published + timedelta(days=reach)
        when = When(published.isoformat(), last.isoformat())
        bound = (
            f"between the publish date {published.isoformat()} and {last.isoformat()} "
            f"('{' '.join(amount)}' reaches {reach} days)"
        )
    resolution = f"still to come in '{match.group(0).strip()}': {bound}"
    told = draft(text, [span], hit, inside, [], when, "plan", None, (), resolution)
    return replace(told, phrase=match.group(0).strip())
