"""A happening as one sentence tells it: who acts, on whom, where, and the words a title uses.

Extraction decides which sentences tell happenings and when; this module reads the roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from timeline import cues as cue_words
from timeline.actors import (
    CAPITAL,
    OUTLET,
    PERSON,
    PLACE,
    STATE,
    Mention,
    actor_name,
)
from timeline.clauses import Clause, clause_at
from timeline.cues import Cue, Hit
from timeline.model import Timex
from timeline.subjects import (
    GROUPS,
    antecedent,
    dateline_end,
    is_noun,
    only_time,
    opening_subject,
    unnamed_subject,
)
from timeline.titles import Roles
from timeline.when import When


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
    conflict: str = ""  # the dating phrase disagrees with itself (a weekday not the date's)


_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z .'’-]*,?\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\(|--|—|–|:|/)")


def is_dateline(text: str, timex: Timex) -> bool:
    """ "SEOUL, June 5 (Yonhap) --": the date the story was filed, a report date."""
    return bool(_DATELINE_BEFORE.match(text[: timex.start])) and bool(
        _DATELINE_AFTER.match(text[timex.end :])
    )


def draft(
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
    """The happening a cue tells, dated by when: its roles, actors, quote and title words."""
    assert hit.cue is not None
    roles = roles_of(text, parts, hit, mentions, attributions, previous_who, skip)
    rest = _object(text, hit) if hit.cue.near else rest_of(text, parts, hit, timex)
    return Draft(
        when=when,
        basis=basis,
        cue=hit.cue,
        form=hit.form,
        is_noun=is_noun(text, hit),
        passive=_is_passive(text, hit),
        roles=roles,
        actors=_without_titled_names(
            [
                *roles.who,
                *roles.whom,
                *participants(
                    text,
                    parts,
                    hit,
                    [m for m in mentions if not skip[0] <= m.start < skip[1]],
                    attributions,
                ),
            ]
        ),
        quote=text,
        phrase=timex.text if timex else "",
        resolution=resolution or (timex.explanation if timex else ""),
        rest=rest,
        anchor=anchor,
        conflict=timex.conflict if timex else "",
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


_PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is|be)\s+$", re.IGNORECASE)


def _is_passive(text: str, hit: Hit) -> bool:
    by_agent = re.match(r"\s+by\b", text[hit.end :]) is not None
    return by_agent or _PASSIVE.search(text[: hit.start]) is not None


def is_actor(mention: Mention) -> bool:
    """Whether a mention can act: not a place, not an outlet, not named as a place."""
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
        if _affiliation(mention, mentions, text):
            continue  # "Iran's foreign minister Abbas Araghchi": Araghchi acts
        kept.append(mention)
    return kept


def _antecedent(clause: str) -> list[str]:
    """What "that began on Monday" is about: "followed talks in Sharm el-Sheikh" -> "Talks"."""
    head = re.split(r"\s(?:in|at|of|on|for|from|with|to|by)\s", clause)[0].split()
    if not head or not head[-1].isalpha() or head[-1][0].isupper():
        return []
    word = head[-1].lower()
    verbs = cue_words.vocabulary()
    if word.endswith("ed") or word in verbs.irregular_past or verbs.reporting.fullmatch(word):
        return []  # "said that ...": a complement, not a relative clause
    return [head[-1].capitalize()]


def verb_between(text: str, start: int, end: int) -> bool:
    """Whether a verb sits between two offsets ("... in Pyongyang came the same day ...")."""
    words = cue_words.vocabulary()
    return any(
        (w.endswith("ed") and w not in words.not_verbs) or w in words.irregular_past
        for w in re.findall(r"[a-z]+", text[start:end])
    )


def _modifies_a_noun(text: str, own: Clause, first: Mention) -> bool:
    start = max(own.start, dateline_end(text))
    lead = text[start : first.start]
    return (
        re.match(r"(?:A|An|The)\s+(?:[\w-]+\s+){1,4}(?:between|of|against|with|over|for)\s+$", lead)
        is not None
        or _NOUN_THEN_PREPOSITION.match(re.sub(r"^.*\b(?:said|says)\s+(?:that\s+)?", "", lead))
        is not None
    )


# "herbicide use in some areas of [the U.S.]": a noun the name only qualifies is the subject
_NOUN_THEN_PREPOSITION = re.compile(
    r"(?:(?:A|An|The)\s+)?[A-Za-z0-9][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:in|of|from|at|near|across|"
    r"around|between|against|with|for)\s+(?:[\w.’'-]+\s+){0,4}$"
)


def _group_of(text: str, own: Clause, first: Mention) -> bool:
    """Whether the names follow a plural of people ("the leaders of", "the two sides from")."""
    lead = text[max(own.start, dateline_end(text)) : first.start].split()
    return len(lead) >= 2 and lead[-2].lower().strip(",") in GROUPS


def _affiliation(mention: Mention, mentions: Sequence[Mention], text: str) -> bool:
    if mention.entity.kind not in (STATE, CAPITAL) or not re.match(r"['’]s\s", text[mention.end :]):
        return False
    person = next((m for m in mentions if m.start > mention.end and m.entity.kind == PERSON), None)
    return person is not None and len(text[mention.end : person.start].split()) <= 4


def roles_of(
    text: str,
    parts: list[Clause],
    hit: Hit,
    mentions: Sequence[Mention],
    attributions: Sequence[Clause],
    previous_who: tuple[str, ...] = (),
    skip: tuple[int, int] = (0, 0),
) -> Roles:
    """Who acts, on whom, and where, for the happening a cue names."""
    kept = [
        m for m in _kept(mentions, text, attributions, parts) if not skip[0] <= m.start < skip[1]
    ]
    destinations = [
        m for m in kept if m.entity.kind in (STATE, CAPITAL) and _modifies_trip(text, m)
    ]
    actors = [
        m
        for m in kept
        if is_actor(m) and m not in destinations and not _qualifies_a_place(text, m, mentions)
    ]
    own = clause_at(parts, hit.start)
    # "... crossing the US border days after a sniper [killed]": the verb's clause starts at the
    # conjunction
    joins = list(_CONJUNCTION.finditer(text, own.start, hit.start))
    lead_start = joins[-1].end() if joins else own.start
    before = [m for m in actors if lead_start <= m.start < hit.start]
    people_before = [m for m in before if m.entity.kind == PERSON]
    who_mentions = (people_before or before)[-1:]
    if re.match(r"(?:A|An|The)\s+(?:[\w-]+\s+){0,5}?\w+\s+including\b", text):
        who_mentions = []  # "A group including South Korea, Japan ... condemned": the group acts
    if (
        before
        and _modifies_a_noun(text, own, before[0])
        and not verb_between(text, before[0].end, hit.start)
    ):
        who_mentions = []  # "A ceasefire between Israel and Hamas took effect": the ceasefire
        if _group_of(text, own, before[0]):
            who_mentions = before  # "The presidents of Chile and Peru signed": Chile and Peru
    if (
        who_mentions
        and _POSSESSED_SUBJECT.fullmatch(text[who_mentions[0].end : hit.start])
        and not is_noun(text, hit)
    ):
        who_mentions = []  # "Kopp's 1987 Chevrolet Cavalier was discovered": the car, not Kopp
    who = [actor_name(m.entity) for m in who_mentions]
    pronoun = _PRONOUN_SUBJECT.search(text[lead_start : hit.start])
    if who and pronoun and who_mentions[0].end <= lead_start + pronoun.start():
        # "Kopp has eluded authorities since they obtained": "they" obtained, and is not Kopp
        who = antecedent(pronoun.group("pronoun"), tuple(who))
        who_mentions = who_mentions if who else []
    if who_mentions and len(before) >= 2 and _joined(text, before[-2], before[-1]):
        who = [actor_name(before[-2].entity), *who]
    relative = re.match(_RELATIVE, text[own.start : hit.start])
    if not who and relative and relative.group(0).startswith("who"):
        # "Robert F. Angelo, formerly Phoenix's vice president, who left Phoenix": Angelo
        who = [
            actor_name(m.entity)
            for m in actors
            if m.start < own.start
            and m.entity.kind == PERSON
            and _APPOSITION.fullmatch(text[m.end : own.start])
        ][-1:]
        if not who and own != parts[0]:  # "the case of Elian, who was rescued": Elian
            name = _ENDING_NAME.search(parts[parts.index(own) - 1].text)
            who = [name.group(0)] if name else []
    elif not who and relative and own != parts[0]:  # "talks ..., that began on Monday"
        who = _antecedent(parts[parts.index(own) - 1].text)
    if not who:
        who = unnamed_subject(text, parts, own, hit, previous_who)
    if not who and own != parts[0] and only_time(text[own.start : hit.start]):
        who = opening_subject(text, parts)  # "Jane Roe, head of sales, resigned": Jane Roe
    if not who and own != parts[0] and re.match(r"(?:on|during|in|after)\s", own.text):
        # "FBI Director Louis Freeh, on an official visit to Mexico, asked": Freeh visits
        ahead = parts[parts.index(own) - 1]
        who = [actor_name(m.entity) for m in actors if m.end == ahead.end][-1:]
    if not who:  # "The commemorations began ...": the commemorations, not a state named later
        things = unnamed_subject(text, parts, own, hit, previous_who, plural=True)
        if things and things[0].split()[-1].lower() not in GROUPS:
            who = things
    if not who and not relative:  # "the case of Elian, who was rescued": not whoever came before
        after = [m for m in actors if m.start >= own.end and not _after_verb(text, hit, m)][:1] or [
            m for m in actors if m.start < own.start
        ][-1:]
        who = [actor_name(m.entity) for m in after]
        if pronoun and who:
            # "Kopp eluded them since they obtained": "they" is not Kopp; "he briefed": he is
            who = antecedent(pronoun.group("pronoun"), tuple(who))
    if not who:  # "The rebels retook the town": no one named, the rebels themselves
        who = unnamed_subject(text, parts, own, hit, previous_who, plural=True)
    by_nearness = sorted(
        actors, key=lambda m: (clause_at(parts, m.start) != own, abs(m.start - hit.start))
    )
    reporting = cue_words.vocabulary().reporting
    people = dedupe(
        [
            actor_name(m.entity)
            for m in by_nearness
            if m.entity.kind == PERSON  # not the speaker: "spokesman X said Y left"
            and not (m.end <= hit.start and reporting.search(text[m.end : hit.start]))
            and (m.start < hit.start or _in_reach(parts, own, m, text))  # not "-- unlike Yoon"
        ]
    )
    others = [
        actor_name(m.entity)
        for m in actors
        if actor_name(m.entity) not in who
        and not _PLACE_LIST.search(text[: m.start])
        and (_in_reach(parts, own, m, text) or _group_acts(text[own.start : hit.start]))
    ]
    whom_people = [p for p in people if p not in who]
    whom = whom_people if whom_people else others
    object_mentions = [
        m
        for m in actors
        if own.start <= m.start < own.end
        and m.start > hit.end
        and not _PLACE_LIST.search(text[: m.start])
    ]
    if object_mentions and actor_name(object_mentions[0].entity) not in who:
        # "briefed Kim on his planned meeting with Trump": the object right after the verb, and
        # whoever is joined to it with "and"
        whom = [actor_name(object_mentions[0].entity)]
        for first, second in pairwise(object_mentions):
            if not _joined(text, first, second):
                break
            whom.append(actor_name(second.entity))
    opening = own == parts[0] and not text[own.start : hit.start].strip()  # "Meeting X, Kim said"
    if (
        not opening
        and object_mentions
        and set(who) <= {actor_name(m.entity) for m in object_mentions}
    ):
        who = []  # the verb's object is never its subject: "wrote to Reno" is not Reno writing
    places = [m for m in kept if m.as_place and not inside_quote(text, m.start)]
    place = next((m.entity.name for m in places if m.entity.kind in (PLACE, CAPITAL)), "")
    where = place or next(
        (
            m.entity.name
            for m in [*destinations, *places]
            if m.entity.kind == STATE and m.entity.name not in who
        ),
        "",
    )
    return Roles(tuple(who), tuple(dedupe(whom)[:2]), people, place, where)


_ENDING_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z][\w'’-]*(?:\s[A-Z][a-z][\w'’-]*){0,2}$")
# "that began", "who was rescued": a relative clause's opening words before its verb
_RELATIVE = re.compile(
    r"(?:that|which|who)\s+(?:(?:has|have|had)\s+been\s+|was\s+|were\s+|is\s+|are\s+)?$"
)
# What may stand between a name and its "who": a comma, or an apposition of a few words with no
# verb or possessive ("Robert F. Angelo[, formerly Phoenix's senior vice president, ]who")
_APPOSITION = re.compile(
    r",\s+(?:(?!(?:has|have|had|is|was|were|are|been)\b)[a-z][\w-]*(?:['’]s)?,?\s+|[A-Z][\w.-]*(?:['’]s)?,?\s+){0,10}"
)
# "Kopp['s 1987 Chevrolet Cavalier was] discovered": what the name owns is the subject
_POSSESSED_SUBJECT = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){1,4}(?:(?:has|have|had)\s+been\s+|was\s+|were\s+|is\s+|are\s+)?"
)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?P<pronoun>he|she|they|it)\s+(?:(?:has|have|had|was|were|is|are|will|would)\s+)?"
    r"(?:[a-z]+ly\s+)?$",
    re.IGNORECASE,
)
_TELLING = frozenset(["told", "tells", "tell", "assured", "informed", "warned", "reminded"])
_NEW_CLAUSE = re.compile(
    r"(?:as|while|when|whereas|after|before|because|although|though|which|who|that|where|and|but|"
    r"amid|despite|saying|according)\b",
    re.IGNORECASE,
)


def _group_acts(lead: str) -> bool:
    """ "... the treaty that the leaders signed": a plural of people acts, whom the sentence names."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", lead)]
    return bool(words) and words[-1] in GROUPS


def _in_reach(parts: list[Clause], own: Clause, mention: Mention, text: str) -> bool:
    """Whether a name belongs to the happening's clause, or to the phrase that runs on from it
    ("talks with Syria, Jordan"), not to a clause of its own ("..., as Chile and Peru argued") or
    an aside after a dash or semicolon ("-- a departure from his predecessor Yoon")."""
    index = parts.index(own)
    previous = own
    for part in parts[index:]:
        describes = (  # "his visit during which he briefed Kim", "Wonsan, where he met Choe"
            re.search(r"\b(?:during|in|at|on|after)\s*$", previous.text) is not None
            or part.text.lstrip().startswith("where ")
        )
        if part is not own and not describes and (
            _NEW_CLAUSE.match(part.text.lstrip()) or re.search(r"--|[—–;(]", text[previous.end : part.start])
        ):
            return False  # "his visit during which he briefed Kim" still tells the visit
        previous = part
        if part.start <= mention.start < part.end:
            return True
    return False


def _after_verb(text: str, hit: Hit, mention: Mention) -> bool:
    """Whether a mention is the verb's object, in the words that run on from it without a
    clause break ("invaded Kuwait", "killed 40 people in Iraq")."""
    between = text[hit.end : mention.start]
    return mention.start >= hit.end and not re.search(r"[,;:.]", between)


def _modifies_trip(text: str, mention: Mention) -> bool:
    """ "his second North Korea trip": the state is where the trip went."""
    return re.match(r"\s+(?:trip|visit|tour)s?\b", text[mention.end :]) is not None


def inside_quote(text: str, index: int) -> bool:
    """Whether an offset of the sentence lies inside quoted speech."""
    return any(a <= index < b for a, b in cue_words.quoted_spans(text))


_CONJUNCTION = re.compile(r"\b(?:when|while|because|although|whereas|after|until)\s+(?=[a-z])")


# "in Kenya and [Tanzania]": a name listed after a place is a place too
_PLACE_LIST = re.compile(
    r"\b(?:in|at|from|to)\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s*(?:,|and)\s+$"
)


def _qualifies_a_place(text: str, mention: Mention, mentions: Sequence[Mention]) -> bool:
    """ "in Madrid, [Spain],", "and [Nairobi], [Kenya],": a city named with its state, and the state
    that says where the city is, are places."""
    if mention.entity.kind == CAPITAL and any(
        other.entity.kind == STATE and re.fullmatch(r",\s*", text[mention.end : other.start])
        for other in mentions
    ):
        return True
    return (
        mention.entity.kind == STATE
        and _QUALIFIED_PLACE.search(text[: mention.start]) is not None
        and re.match(r"\s*(?:[,.;:)]|$)", text[mention.end :]) is not None  # not "..., U.S. forces"
    )


_QUALIFIED_PLACE = re.compile(
    r"\b(?:in|at|from|near|to|outside|and)\s+[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|[a-z]{1,3}))*,\s*$"
)


def _joined(text: str, first: Mention, second: Mention) -> bool:
    return text[first.end : second.start].strip() in ("and", "&")


def others(
    mentions: Sequence[Mention], attributions: Sequence[Clause], parts: list[Clause]
) -> list[str]:
    """Actor names of the sentence outside the clauses that say who reports."""
    return [
        actor_name(m.entity)
        for m in mentions
        if is_actor(m) and clause_at(parts, m.start) not in attributions
    ]


def participants(
    text: str,
    parts: list[Clause],
    hit: Hit,
    mentions: Sequence[Mention],
    attributions: Sequence[Clause],
) -> list[str]:
    """The people named in the happening's own clause besides who and whom ("Kim met Shoigu and
    Lavrov"): not the speaker before a reporting verb, not a name in quoted speech, not a state or
    place the sentence only mentions."""
    own = clause_at(parts, hit.start)
    reporting = cue_words.vocabulary().reporting
    return [
        actor_name(m.entity)
        for m in _kept(mentions, text, attributions, parts)
        if m.entity.kind == PERSON
        and not m.as_place
        and own.start <= m.start < own.end
        and not inside_quote(text, m.start)
        and not (m.end <= hit.start and reporting.search(text[m.end : hit.start]))
    ]


def _without_titled_names(names: Sequence[str]) -> tuple[str, ...]:
    """Actors each once, a titled form dropped beside the bare name ("President Clinton" beside
    "Clinton", "Mr. Antar" beside "Antar")."""
    unique = dedupe(names)
    return tuple(n for n in unique if not any(o != n and n.endswith(" " + o) for o in unique))


def dedupe(names: Sequence[str]) -> tuple[str, ...]:
    """Names in first-seen order, each once."""
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return tuple(seen)


def rest_of(text: str, parts: list[Clause], hit: Hit, timex: Timex | None) -> str:
    """The words after a cue that tell what happened, without the date phrase."""
    own = clause_at(parts, hit.start)
    rest = text[hit.end : own.end]
    if timex is not None and hit.end <= timex.start < own.end:
        before = re.sub(
            r"\b(?:on|in|at|by|during|since|from|as of)\s*$", "", text[hit.end : timex.start]
        )
        after = re.sub(r"^['’]s\b", "the", text[timex.end : own.end])  # "[Friday]'s talks"
        if after != text[timex.end : own.end]:
            before = text[hit.end : timex.start]  # "in [Friday's] talks": the preposition stays
        rest = before + " " + after
    following = [p for p in parts if p.start >= own.end][:1]
    speaks = hit.cue is None or hit.cue.category == "statement"
    said_nothing = not re.sub(r"[\W_]", "", rest)
    # "told a news conference that ...": what was said; "rejected objections to a case that has
    # blocked ...": a relative clause, the rest already says what happened
    addressed = speaks and len(rest.split()) <= 4
    if (addressed or said_nothing) and following and following[0].text.startswith("that "):
        said = following[0].text[len("that ") :]  # "confirmed ... that it had deployed troops"
        told = hit.form.lower() in _TELLING and not said_nothing
        rest = f"{rest} {said}" if told else said  # "told Shoigu [that] Pyongyang would ..."
    rest = re.split(r"\s(?:but|while|whereas|although|though)\s", rest)[0]
    return re.sub(r"\s+", " ", rest).strip()
