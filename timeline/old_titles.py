"""Chronology-style titles: "Shoigu meets Kim Jong Un in Pyongyang", built from the cue's
title pattern, who acts, on whom, where, and the words that follow the cue."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from timeline.actors import is_known
from timeline.cues import Cue, load_data, present_tense, vocabulary

_FUNCTION_TAIL = frozenset(
    [
        "to",
        "the",
        "of",
        "and",
        "for",
        "a",
        "an",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "that",
        "which",
        "who",
        "its",
        "his",
        "her",
        "their",
        "over",
    ]
)
_MAX_REST_WORDS = 8
# Happenings whose sides are alike: when no one is named as acting, one side stands as subject.
_SYMMETRIC = frozenset(["meeting", "summit", "talks"])
_COUNTED = re.compile(
    r"(?:at\s+least|at\s+most|more\s+than|fewer\s+than|nearly|almost|about|around|up\s+to|over)"
    r"\s+\d",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Roles:
    """The people and states an event involves, split by their part in it."""

    who: tuple[str, ...]
    whom: tuple[str, ...]
    people: tuple[str, ...]
    place: str = ""
    where: str = ""  # a destination: the place, else a state named as a place


def title_for(
    cue: Cue, form: str, roles: Roles, rest: str, is_noun: bool, passive: bool = False
) -> str:
    """A short title from the cue's pattern, without dangling slots."""
    active = _active(cue, form, roles, rest) if passive else ""
    if active:
        return active
    everyone = _dedupe([*roles.who, *roles.whom])
    who = _join(roles.who)
    if not who and cue.category in _SYMMETRIC:
        who = _join(everyone[:1])  # "Meeting Kim, ...": who meets whom is one happening
    if passive and roles.who:
        rest = _without_agent(rest, roles.who)  # "Kuwait invaded [by Kuwait]" is no agent
    whom = _join([w for w in roles.whom if w not in roles.who][:2])
    says = f"issues {form.lower()}" if is_noun else present_tense(form)
    if passive:
        says = form.lower()  # "Around 600 soldiers killed"
    elif _plural(roles.who) and says.split()[0].endswith("s") and not is_noun:
        says = _plural_verb(says)
    words = {
        "who": who,
        "whom": whom or "officials",
        "all": _join(everyone[:2]) or who,
        "person": roles.people[0] if roles.people else who,
        "place": roles.place,
        "where": roles.where or roles.place or whom,
        "in_place": f" in {roles.place}" if roles.place else "",
        "to_place": f" to {roles.where}" if roles.where else "",
        "says": says,
        "rest": _trim(rest),
        "object": _trim(rest) or form.lower(),
        "form": form.lower(),
    }
    title = cue.title
    if "{form}" in title and not is_noun and form.lower().endswith("ed"):
        title = "{who} {says} {rest}"  # "Cuba celebrated the birth of Marti": not "holds celebrated"
    if "{where}" in title and not (roles.where or roles.place or whom) and cue.alone:
        title = cue.alone  # no destination named: "Shoigu makes a visit"
    if "{whom}" in title and not whom and cue.alone:
        title = cue.alone  # no one named to meet: "Arafat holds talks", not "meets officials"
    if is_noun and "{says}" in title and cue.category != "statement":
        title = "{who}'s {form} {rest}" if who else "{form} {rest}"  # "Iraq's invasion of Kuwait"
    if "{who}" in title and not roles.who and cue.title.startswith("{rest}"):
        title = "{rest}"
    if _plural(roles.who) and re.match(r"\{who\} [a-z]+s\b", title) and "{says}" not in title:
        head, _, tail = title.partition(" ")
        title = f"{head} {_plural_verb(tail)}"  # "Bushnell and Kimotho hold talks"
    text = re.sub(r"\{(\w+)\}", lambda m: words[m.group(1)], title)
    text = re.sub(r"\s+", " ", text).strip(" ,;:-")
    return text[0].upper() + text[1:] if text else form


def _active(cue: Cue, form: str, roles: Roles, rest: str) -> str:
    """ "Kuwait was invaded by Iraq" -> "Iraq invades Kuwait": a named agent acts; "" when the
    agent is not named or the cue's title is not who-does-what."""
    if cue.title != "{who} {says} {rest}" or len(roles.who) != 1:
        return ""
    for agent in roles.whom:
        found = re.match(rf"\s*by\s+(?:the\s+)?{re.escape(agent)}(?![\w-])", rest)
        if found is None or agent in roles.who:
            continue
        says = present_tense(form)
        if _plural([agent]):
            says = _plural_verb(says)
        (done_to,) = roles.who
        if done_to not in roles.people and not is_known(done_to) and done_to[1:].islower():
            done_to = "the " + done_to[0].lower() + done_to[1:]  # "Iraq invades the embassy"
        text = re.sub(r"\s+", " ", f"{agent} {says} {done_to} {_trim(rest[found.end() :])}")
        return text.strip(" ,;:-")
    return ""


def _without_agent(rest: str, who: Sequence[str]) -> str:
    """What follows a passive verb, without a "by" phrase naming the subject itself."""
    for name in who:
        agent = re.match(rf"\s*by\s+(?:the\s+)?{re.escape(name)}\b", rest, re.IGNORECASE)
        if agent:
            return rest[agent.end() :]
    return rest


def has_subject(title: str, form: str) -> bool:
    """Whether a title names who or what acted, not only the verb ("Ends", "Was announced")."""
    if _COUNTED.match(title):
        return True  # "At least 40 people killed": a count is who
    first = title.split()[0].lower() if title.split() else ""
    verb_forms = {form.lower(), form.lower().split()[0], present_tense(form).split()[0].lower()}
    not_subjects = verb_forms | _NO_SUBJECT | _LINKS | _CLAUSE_STARTS | _pattern_verbs()
    return len(title.split()) > 1 and first not in not_subjects


@lru_cache(maxsize=1)
def _pattern_verbs() -> frozenset[str]:
    """The verbs the cue title patterns write after who acts ("visits", "holds")."""
    verbs = set()
    for cue in vocabulary().cues:
        for pattern in (cue.title, cue.alone):
            match = re.match(r"\{(?:who|all)\} ([a-z]+)", pattern)
            if match:
                verbs.add(match.group(1))
    return frozenset(verbs)


def _plural(who: Sequence[str]) -> bool:
    """A described subject in the plural ("Ukrainian forces"), not a name ("Hamas")."""
    if len(who) != 1:
        return len(who) > 1
    if re.search(r"\s(?:and|&)\s", who[0]):
        # "Arafat and Barak", "British and Irish governments"; not "the funeral home and
        # cemetery operator", one operator
        last = who[0].split()[-1]
        if last[:1].isupper() and last.lower() in _BODIES:
            return False  # "the Immigration and Naturalization Service": one body
        return not last[:1].islower() or last.endswith("s") or last.lower() in _PLURALS
    head = re.split(r"\s(?:between|of|with|against|over|for|in|from)\s", who[0])[0]
    words = head.split()
    last = words[-1]
    if is_known(who[0]) or (len(words) > 1 and not any(w.islower() for w in words[1:])):
        return False  # a name: "Hamas", "Lee Jae-myung"
    if re.match(r"[12]\d{3}\s", head) and last.lower() not in _PLURALS and not last.endswith("s"):
        return False  # "1996 law": a year, not a count
    if last.lower() in _PLURALS or _COUNT_SUBJECT.match(head):
        return last.lower() not in ("percent", "%")  # "More than 100 people", "40 miners"
    return last.endswith("s") and not last.endswith("ss")


def is_plural(who: Sequence[str]) -> bool:
    """Whether who acts is several or a plural ("Ukrainian forces"), not a name ("Hamas")."""
    return _plural(who)


def _plural_verb(says: str) -> str:
    head, _, tail = says.partition(" ")
    if head.endswith("ies") and len(head) <= 4:
        head = head[:-1]  # "dies" -> "die"
    elif head.endswith("ies"):
        head = head[:-3] + "y"
    elif head.endswith(("ches", "shes", "sses", "xes", "oes")):
        head = head[:-2]
    elif head.endswith("s"):
        head = head[:-1]
    return f"{head} {tail}".strip()


def _join(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _dedupe(names: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def trimmed(rest: str) -> str:
    """The words a title keeps from what follows the cue ("" when none are worth keeping)."""
    return _trim(rest)


def _trim(rest: str) -> str:
    """The words after the cue up to the end of their phrase: cut at a clause boundary (a comma,
    "which", "once used", "saying"), at most a few words, never ending inside a phrase."""
    unquoted = re.sub(r"(?<!\w)['‘’“”\"`]+|['‘’“”\"`]+(?!\w)", "", rest)
    words: list[str] = []
    cut = True  # whether the phrase goes on after the words kept
    for token in unquoted.split():
        bare = token.lower().strip(",.;:()")
        if not any(c.isalnum() for c in token):
            if words:
                break  # a dash or a lone bracket ends the phrase
            continue
        if bare in _CLAUSE_STARTS and (words or not bare.endswith("ing") or bare in _SAYING):
            break  # "rejects [because ...]": the reason is not the happening ("began raising" is)
        if bare == "and" and words and _new_clause(unquoted, len(words)):
            break  # "rolled into Iraq [and cargo was unloaded]": a second clause
        words.append(token.strip("()"))
        if token.endswith((",", ";", ":", ")")) and len(words) >= 2:
            if words[-2].lower() in ("a", "an", "the") and token.endswith(","):
                words[-1] = words[-1].rstrip(",")
                continue  # "a new, $10-a-share offer": the noun is still to come
            break
    else:
        cut = False
    if len(words) > _MAX_REST_WORDS:
        words, cut = words[:_MAX_REST_WORDS], True
        inner = [i for i, w in enumerate(words) if i >= len(words) - 3 and w.lower() in _LINKS]
        if inner:
            words = words[: inner[-1]]  # "a lack of any substantial" -> "a lack"
    while words and words[-1].lower().strip(",.;:") in _FUNCTION_TAIL | _DANGLING:
        popped = words.pop().lower()
        if popped in ("before", "after") and len(words) >= 2 and words[-1].lower() in _UNITS:
            del words[-2:]  # "near the house [ten days before]": the span before what is gone
    if len(words) >= 2 and words[-2].lower() == "as":
        words = words[:-2]  # "leave as early [as this month]": the date went, so does its lead
    if (
        cut
        and len(words) >= 2
        and words[-2].lower() == "to"
        and words[-1].islower()
        and words[0].lower() != "to"  # "vowed to hunt down and bring to justice" keeps its end
    ):
        words = words[:-2]  # "resigned as chief [to seek, unsuccessfully, a seat]"
    if words and words[0] in _CAPITALISED_WORDS:
        words[0] = words[0].lower()  # "says those workers", not "says Those workers"
    return " ".join(words).strip(" ,.;:")


def _new_clause(text: str, kept: int) -> bool:
    """Whether the words after the `and` that follows the first `kept` words open a clause of
    their own: a past verb right after it, or an auxiliary within the next three words ("and
    Iraqi-bound cargo was")."""
    following = [w.lower().strip(",.;:") for w in text.split()[kept + 1 : kept + 4]]
    if following and following[0].endswith("ly"):
        following = following[1:]  # "and seriously wounded"
    if following and following[0].endswith("ed") and following[0] not in vocabulary().not_verbs:
        return True  # "killed 257 people [and injured 5,500]": a second verb of its own
    return any(w in _AUXILIARIES for w in following)


_SAYING = frozenset(["saying", "calling", "citing", "adding", "noting"])
_UNITS = frozenset(["hours", "days", "weeks", "months", "years"])
_COUNT_SUBJECT = re.compile(
    r"(?:(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|nearly|almost|about|"
    r"around|some|up\s+to|over)\s+)?\d[\d,]*\s",
    re.IGNORECASE,
)
_AUXILIARIES = frozenset(["was", "were", "is", "are", "has", "have", "had", "will", "would"])
_TITLE_WORDS = load_data()["title_words"]
_DANGLING = frozenset(_TITLE_WORDS["dangling"])
_PLURALS = frozenset(_TITLE_WORDS["plurals"])
_BODIES = frozenset(_TITLE_WORDS["bodies"])
_CLAUSE_STARTS = frozenset(_TITLE_WORDS["clause_starts"])
_NO_SUBJECT = frozenset(_TITLE_WORDS["no_subject"])
_LINKS = frozenset(_TITLE_WORDS["links"])
_CAPITALISED_WORDS = frozenset(_TITLE_WORDS["capitalised"])
