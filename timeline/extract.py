"""Events from an article's main text: each dated sentence or clause that reports a happening.

The temporal tagger is called in one place (`_tag_passage`). Dates attached to a reporting
verb ("state media said Thursday") date the report, not the happening; a sentence without a
date that continues a told happening ("The visit ...") adds to it and never takes the publish
date; "days before the summit" is kept as an anchored bound for merge to resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from timeline import cues as cue_words
from timeline.actors import (
    CAPITAL,
    OUTLET,
    PERSON,
    PLACE,
    STATE,
    Entity,
    Mention,
    actor_name,
    find_mentions,
)
from timeline.clauses import Clause, clause_at, clauses, word_distance
from timeline.cues import Cue, Hit
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


@dataclass(frozen=True)
class Draft:
    """An event as one sentence tells it, before its title is written."""

    when: When
    basis: str
    cue: Cue
    form: str
    is_noun: bool
    roles: Roles
    actors: tuple[str, ...]
    quote: str
    phrase: str
    resolution: str
    rest: str
    anchor: str = ""
    passive: bool = False


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
            mentions = [m for m in mentions if m.start >= _dateline_end(sentence.text)]
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
    dated = [
        t
        for t in timexes
        if _dates_something(t, published) and _placed_in_time(text, t, [*hits, *reports])
    ]
    attributions = _attributions(text, parts, reports)
    event_times = [
        t for t in dated if not _is_report_time(text, parts, t, hits, reports) and not _dateline(text, t)
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
            _draft(text, parts, hit, mentions, attributions, when, "", timex, previous_who)
        )
    if drafts:
        return drafts[:2]
    report_times = [
        t for t in dated if _dateline(text, t) or _is_report_time(text, parts, t, hits, reports)
    ]
    if report_times:
        return _from_report(
            text, parts, hits, reports, mentions, report_times[0], attributions, previous_who
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


_DATELINE_PREFIX = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*)?\s*"
    r"(?:\([^)]{1,40}\))?\s*(?:_|--|—|–|:)\s*"
)


def _dateline_end(text: str) -> int:
    """Where a dateline ("THE HAGUE, Netherlands (AP)_", "SEOUL:") ends; 0 without one."""
    match = _DATELINE_PREFIX.match(text)
    return match.end() if match else 0


_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z .'’-]*,?\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\(|--|—|–|:|/)")


def _dateline(text: str, timex: Timex) -> bool:
    """"SEOUL, June 5 (Yonhap) --": the date the story was filed, a report date."""
    return bool(_DATELINE_BEFORE.match(text[: timex.start])) and bool(
        _DATELINE_AFTER.match(text[timex.end :])
    )


def _irrealis_before(text: str, parts: list[Clause], index: int) -> bool:
    part = clause_at(parts, index)
    words_before = text[part.start : index].split()[-6:]
    return cue_words.is_irrealis(" ".join(words_before))


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
    ]
    if not usable:
        return None

    def score(hit: Hit) -> tuple[int, int, bool, int]:
        assert hit.cue is not None
        same = 1 if clause_at(parts, hit.start) == own else 0
        distance = word_distance(text, hit.start, index)
        # A strong cue far away loses to a weaker one next to the date.
        return (same, hit.cue.rank - distance // 8, not _is_noun(text, hit), -distance)

    return max(usable, key=score)


def _when(timex: Timex) -> When | None:
    return when_of(timex)


# --- drafts ---------------------------------------------------------------------------------


def _draft(
    text: str,
    parts: list[Clause],
    hit: Hit,
    mentions: Sequence[Mention],
    attributions: Sequence[Clause],
    when: When,
    basis: str,
    timex: Timex | None,
    previous_who: tuple[str, ...] = (),
    resolution: str = "",
    anchor: str = "",
    skip: tuple[int, int] = (0, 0),
) -> Draft:
    assert hit.cue is not None
    roles = _roles(text, parts, hit, mentions, attributions, previous_who, skip)
    rest = _object(text, hit) if hit.cue.near else _rest(text, parts, hit, timex)
    return Draft(
        when=when,
        basis=basis,
        cue=hit.cue,
        form=hit.form,
        is_noun=_is_noun(text, hit),
        passive=_is_passive(text, hit),
        roles=roles,
        actors=_dedupe([*roles.who, *roles.whom, *_others(mentions, attributions, parts)]),
        quote=text,
        phrase=timex.text if timex else "",
        resolution=resolution or (timex.explanation if timex else ""),
        rest=rest,
        anchor=anchor,
    )


_DETERMINERS = frozenset(["a", "an", "the", "that", "its", "their", "his", "her", "this"])


def _object(text: str, hit: Hit) -> str:
    """What was signed: "signed a sweeping military deal" -> "sweeping military deal"; the
    cue's first listed noun wins ("treaty" over "partnership"), after the verb first."""
    assert hit.cue is not None
    for stretch, offset in ((text[hit.end :], hit.end), (text, 0)):
        for noun in hit.cue.near:
            pattern = rf"((?:[\w'‘’-]+\s+){{0,3}})({re.escape(noun)})\b"
            match = re.search(pattern, stretch, re.IGNORECASE)
            if match is None:
                continue
            words = [w.strip("'‘’") for w in match.group(1).split()]
            cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _DETERMINERS), default=0)
            if offset == 0 and match.start() < hit.start < match.end():
                continue
            return " ".join([*words[cut:], match.group(2)])
    return ""


def _is_noun(text: str, hit: Hit) -> bool:
    if re.search(r"['’]s\s+(?:[\w-]+\s+)?$", text[: hit.start]):
        return True  # "Iraq's invasion", "Shoigu's second visit"
    if hit.form.lower().endswith(("ion", "ment", "ence", "ance")):
        return True
    before = re.findall(r"[\w'’]+", text[: hit.start])[-1:]
    return bool(before) and before[0].lower() in _NOUN_MARKERS


_NOUN_MARKERS = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "for",
        "of",
        "during",
        "after",
        "before",
    ]
)
_PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is|be)\s+$", re.IGNORECASE)


def _is_passive(text: str, hit: Hit) -> bool:
    by_agent = re.match(r"\s+by\b", text[hit.end :]) is not None
    return by_agent or _PASSIVE.search(text[: hit.start]) is not None


def _is_actor(mention: Mention) -> bool:
    return mention.entity.kind not in (OUTLET, PLACE) and not mention.as_place


def _kept(
    mentions: Sequence[Mention], text: str, attributions: Sequence[Clause], parts: list[Clause]
) -> list[Mention]:
    dependents = cue_words.vocabulary().dependents
    kept = []
    for mention in mentions:
        if clause_at(parts, mention.start) in attributions:
            continue
        if dependents.search(text[max(0, mention.start - 30) : mention.start]):
            continue
        if cue_words.vocabulary().possessed.match(text[mention.end :]):
            continue  # "Putin's foreign policy aide" is the aide, not Putin
        kept.append(mention)
    return kept


def _roles(
    text: str,
    parts: list[Clause],
    hit: Hit,
    mentions: Sequence[Mention],
    attributions: Sequence[Clause],
    previous_who: tuple[str, ...] = (),
    skip: tuple[int, int] = (0, 0),
) -> Roles:
    kept = [
        m for m in _kept(mentions, text, attributions, parts) if not skip[0] <= m.start < skip[1]
    ]
    destinations = [
        m for m in kept if m.entity.kind in (STATE, CAPITAL) and _modifies_trip(text, m)
    ]
    actors = [m for m in kept if _is_actor(m) and m not in destinations]
    own = clause_at(parts, hit.start)
    before = [m for m in actors if own.start <= m.start < hit.start]
    people_before = [m for m in before if m.entity.kind == PERSON]
    who_mentions = (people_before or before)[-1:]
    if re.match(r"(?:A|An|The)\s+(?:[\w-]+\s+){0,5}?\w+\s+including\b", text):
        who_mentions = []  # "A group including South Korea, Japan ... condemned": the group acts
    who = [actor_name(m.entity) for m in who_mentions]
    if len(before) >= 2 and _joined(text, before[-2], before[-1]):
        who = [actor_name(before[-2].entity), *who]
    if not who:
        who = _unnamed_subject(text, parts, own, hit, previous_who)
    if not who:
        after = [m for m in actors if m.start >= own.end][:1] or [
            m for m in actors if m.start < own.start
        ][-1:]
        who = [actor_name(m.entity) for m in after]
    by_nearness = sorted(
        actors, key=lambda m: (clause_at(parts, m.start) != own, abs(m.start - hit.start))
    )
    people = _dedupe([actor_name(m.entity) for m in by_nearness if m.entity.kind == PERSON])
    others = [actor_name(m.entity) for m in actors if actor_name(m.entity) not in who]
    whom_people = [p for p in people if p not in who]
    whom = whom_people if whom_people else others
    places = [m for m in kept if m.as_place and not _inside_quote(text, m.start)]
    place = next((m.entity.name for m in places if m.entity.kind in (PLACE, CAPITAL)), "")
    where = place or next(
        (
            m.entity.name
            for m in [*destinations, *places]
            if m.entity.kind == STATE and m.entity.name not in who
        ),
        "",
    )
    return Roles(tuple(who), tuple(_dedupe(whom)[:2]), people, place, where)


def _modifies_trip(text: str, mention: Mention) -> bool:
    """ "his second North Korea trip": the state is where the trip went."""
    return re.match(r"\s+(?:trip|visit|tour)s?\b", text[mention.end :]) is not None


def _inside_quote(text: str, index: int) -> bool:
    return any(a <= index < b for a, b in cue_words.quoted_spans(text))


_TIME_WORDS = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"tonight|earlier|later|again|also|then)\s*$"
)
_PRONOUNS = ("it", "he", "she", "they")
_SUBJECT_STOP = re.compile(r"\b(?:including|of|from|with|who|which|that|in|on)\b", re.IGNORECASE)


def _unnamed_subject(
    text: str, parts: list[Clause], own: Clause, hit: Hit, previous_who: tuple[str, ...]
) -> list[str]:
    """Who acts when no name does: "It" is the last actor; "A monitoring group ..." itself."""
    group = re.match(
        r"(?:A|An|The)\s+(?P<group>(?:[\w-]+\s+){0,5}?(?:group|team|coalition|alliance|panel|body|bloc|"
        r"committee|council|mission|network|countries|nations|states))\s+including\b",
        text,
    )
    if group and hit.start > group.end():
        return [group.group("group")[0].upper() + group.group("group")[1:]]
    words = text[own.start : hit.start].split()
    if not words:
        return []
    if words[0].lower() in _PRONOUNS:
        return list(previous_who)
    start = max(own.start, _dateline_end(text))
    phrase = _SUBJECT_STOP.split(text[start : hit.start])[0]
    phrase = re.sub(r"^(?:and|but|while|as|so|then)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    if re.match(r"(?:for|in|on|at|to|with|by|from|after|before|during|as|of|since|following)\b", phrase, re.I):
        return []  # a clause opening on a preposition names no subject
    phrase = re.sub(r"^(?:a|an|the|some|its|their)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    phrase = re.sub(r"['‘’“”\"]", "", phrase).strip(" ,")
    phrase = re.sub(r"\s+(?:have|has|had)?\s*(?:been|were|was|are|is)?\s*$", "", phrase)
    phrase = _TIME_WORDS.sub("", phrase).strip(" ,")
    if not phrase or len(phrase.split()) > 6 or not phrase[0].isalpha():
        return []
    return [phrase[0].upper() + phrase[1:]]


def _joined(text: str, first: Mention, second: Mention) -> bool:
    return text[first.end : second.start].strip() in ("and", "&")


def _others(
    mentions: Sequence[Mention], attributions: Sequence[Clause], parts: list[Clause]
) -> list[str]:
    return [
        actor_name(m.entity)
        for m in mentions
        if _is_actor(m) and clause_at(parts, m.start) not in attributions
    ]


def _dedupe(names: Sequence[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return tuple(seen)


def _rest(text: str, parts: list[Clause], hit: Hit, timex: Timex | None) -> str:
    own = clause_at(parts, hit.start)
    rest = text[hit.end : own.end]
    if timex is not None and hit.end <= timex.start < own.end:
        before = re.sub(r"\b(?:on|in|at|by|during|since|from|as of)\s*$", "", text[hit.end : timex.start])
        rest = before + " " + text[timex.end : own.end]
    following = [p for p in parts if p.start >= own.end][:1]
    speaks = hit.cue is None or hit.cue.category == "statement"
    if speaks and following and following[0].text.startswith("that "):
        rest = following[0].text[len("that ") :]  # "confirmed ... that it had deployed troops"
    rest = re.split(r"\s(?:but|while|whereas|although|though)\s", rest)[0]
    return re.sub(r"\s+", " ", rest).strip()


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
) -> list[Draft]:
    """A sentence dated only by its report: the report bounds the happening it tells, or, when
    the speaker is the actor ("the agency said last week"), the saying is the event."""
    when = _when(timex)
    if when is None:
        return []
    report_clause = clause_at(parts, timex.start)
    exclude = [*attributions, report_clause]
    content = _main_cue(text, parts, hits, timex.start, exclude=exclude)
    by_media = _dateline(text, timex) or cue_words.has_media(report_clause.text) or any(
        m.entity.kind == OUTLET for m in mentions if clause_at(parts, m.start) == report_clause
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
            _draft(
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
        return [_draft(text, parts, content, mentions, [], when, "", timex, previous_who)]
    in_clause = [h for h in reports if clause_at(parts, h.start) == report_clause]
    verb = min(in_clause, key=lambda h: abs(h.start - timex.start), default=None)
    speaker = [
        m
        for m in mentions
        if clause_at(parts, m.start) == report_clause and (_is_actor(m) or m.entity.kind == OUTLET)
    ]
    who = tuple(actor_name(m.entity) for m in speaker[:1])
    if not who and verb is not None:
        who = tuple(_unnamed_subject(text, [report_clause], report_clause, verb, previous_who))
    form, rest = "says", ""
    if verb is not None:
        form, rest = verb.form, _rest(text, parts, verb, timex)  # "KCNA reported on the inauguration"
        if not _said_something(rest):
            form = "says"
            rest = parts[0].text if parts[0] != report_clause else rest
    roles = Roles(who, (), tuple(actor_name(m.entity) for m in mentions if m.entity.kind == PERSON))
    return [
        Draft(
            when=when,
            basis="",
            cue=_statement_cue(),
            form=form,
            is_noun=False,
            roles=roles,
            actors=_dedupe([*who, *_others(mentions, [report_clause], parts)]),
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
    skip = (match.start(), match.end())
    return (
        [
            _draft(
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
                skip=skip,
            )
        ]
        if phrase
        else []
    )


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
    spoken = [m for m in mentions if not _inside_quote(text, m.start)]
    actors = [actor_name(m.entity) for m in spoken if _is_actor(m) and m.entity.kind != OUTLET]
    roles = draft.roles
    if _backref(text) and not roles.place:
        place = next(
            (m.entity.name for m in spoken if m.as_place and m.entity.kind in (PLACE, CAPITAL)), ""
        )
        if place:
            roles = replace(roles, place=place, where=roles.where or place)
    updated = replace(draft, roles=roles, actors=_dedupe([*draft.actors, *actors]))
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
