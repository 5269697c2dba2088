"""The tense of the clause around a mention, from simple cues (will, plans, past-tense verbs)."""

from __future__ import annotations

import re
from functools import cache

from timeline.temporal.vocabulary import phrases, vocabulary

PAST, FUTURE, UNKNOWN = "past", "future", "unknown"
_CLAUSE_PENALTY = 20
_OPENING_REACH = 120  # how far the main verb may follow a mention opening the sentence
_CLEAR_REACH = 60  # a past verb this close, in the same clause, settles the tense outright
_REPORTING = frozenset({"said", "says", "told", "added", "announced", "reported", "stated"})
_WAS = re.compile(
    r"(?<!\w)(?:was|were|been)\s+(?:[a-z]+\s+)?$", re.IGNORECASE
)  # "was (first) announced"
_NOT_DONE_YET = re.compile(r"(?<!\w)(?:be|to|not|is|are)\s+$", re.IGNORECASE)
# "Until Thursday, they had not...": a deadline word tells nothing when the clause is told
# in the past perfect, which looks back from the publish date.
_DEADLINE = frozenset({"by", "until", "till", "through"})
_PAST_PERFECT = re.compile(r"(?<!\w)(?:had|hadn't)(?!\w)", re.IGNORECASE)
# "sales would have risen in December": a modal with "have" looks back, not ahead
_HAVE_AFTER = re.compile(r"\s+(?:not\s+)?have\b", re.IGNORECASE)
_PASSIVE = re.compile(r"(?<!\w)be\s+$", re.IGNORECASE)  # "will be named", "to be held"
_PLANNED_BEFORE = re.compile(r"(?<!\w)had\s+(?:been\s+)?(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
_HAD_BEEN = re.compile(r"(?<!\w)had\s+(?:been\s+)?$", re.IGNORECASE)  # had been scheduled: past
# "said on Tuesday that the border will reopen": a clause opened after the mention has its own
# verb, which does not place the mention.
_SUBORDINATE = re.compile(
    r"(?<!\w)(?:that|which|who|because|although|though|whether|if)(?!\w)", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“(])|\n\s*\n")
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))([A-Za-z]+)$")


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a candidate sentence end is one, not the dot of an abbreviation ("Roe vs. Wade",
    "Birmingham, Ala., killed"; vocabulary: abbreviations) or of an initial ("George W. Bush")."""
    if text[match.start()] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
    if word is None:
        return True
    token = word.group(1)
    abbreviations = vocabulary().words["abbreviations"]
    return not (token.lower() in abbreviations or (len(token) == 1 and token.isupper()))


@cache
def _cues() -> re.Pattern[str]:
    entries = vocabulary().words["tense_cues"]
    future = sorted(entries["future"], key=len, reverse=True)
    past = sorted(entries["past"], key=len, reverse=True)
    not_past = sorted(entries["not_past"], key=len, reverse=True)
    progressive = sorted(entries["progressive_future"], key=len, reverse=True)
    # Case-insensitive cue words; the -ed rule stays lowercase so names ("United") never count.
    return re.compile(
        rf"(?<!\w)(?:(?P<not_past>{phrases(not_past)})"
        rf"|(?P<future>(?i:{phrases(future)})|(?:is|are)\s+(?:{phrases(progressive)}))"
        rf"|(?P<past>(?i:{phrases(past)})|[a-z]{{2,}}ed))(?!\w)"
    )


@cache
def _just_before() -> re.Pattern[str]:
    entries = vocabulary().words["tense_cues"]
    return re.compile(
        rf"(?<!\w)(?:(?P<future>{phrases(entries['just_before_future'])})"
        rf"|(?P<past>{phrases(entries['just_before_past'])}))\s+$",
        re.IGNORECASE,
    )


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end offsets of the sentence holding text[start:end]."""
    window_start = max(0, start - 400)
    head = window_start
    for match in _SENTENCE_END.finditer(text, window_start, start):
        if _ends_sentence(text, match):
            head = match.end()
    limit = min(len(text), end + 400)
    tail = limit
    for match in _SENTENCE_END.finditer(text, end, limit):
        if _ends_sentence(text, match):
            tail = match.start() + 1
            break
    return head, tail


def tense_at(text: str, start: int, end: int) -> str:
    """past, future or unknown: the nearest cue before text[start:end] in its own clause, else the
    nearest in its sentence; a verb in a clause opened after the mention ("that ...") does not count."""
    if text.startswith(("'s", "’s"), end):
        return PAST  # "Wednesday's ruling": a possessive day is one already talked about
    local = _just_before().search(text, max(0, start - 20), start)
    head, tail = sentence_bounds(text, start, end)
    if local and _looks_back(text, local, head, tail):
        return PAST
    if local:
        return FUTURE if local["future"] else PAST
    best, best_distance = UNKNOWN, float("inf")
    governing = UNKNOWN  # the nearest cue before the mention in its own clause
    for match in _cues().finditer(text, head, tail):
        if match.start() >= end and governing != UNKNOWN:
            break  # a cue after the mention changes neither the governing cue nor the answer
        if start <= match.start() < end or match["not_past"]:
            continue  # the expression's own words ("next", "last") are read by the rules
        between = text[match.end() : start] if match.end() <= start else text[end : match.start()]
        settles = match.end() <= start and _settles(between)
        if not settles and len(between) >= best_distance:
            continue  # no nearer than the nearest so far: its distance is at least its length
        if match["past"] and _PASSIVE.search(text, max(head, match.start() - 8), match.start()):
            continue  # "will be named": the auxiliary before it carries the tense
        if match.start() >= end and _SUBORDINATE.search(between):
            continue
        ahead = (
            match["future"]
            and not _HAD_BEEN.search(text, max(head, match.start() - 12), match.start())
            and not _HAVE_AFTER.match(text, match.end())
        )
        # "said that on Tuesday the border will reopen": the date opens a clause of its own
        opened = match.end() <= start and _SUBORDINATE.search(between) is not None
        if settles and not opened:
            governing = FUTURE if ahead else PAST
        # a cue across a comma or semicolon belongs to another clause: count it further away
        distance = (
            len(between)
            + _CLAUSE_PENALTY * sum(between.count(mark) for mark in ",;:")
            + 2 * _CLAUSE_PENALTY * opened
        )
        if distance < best_distance:
            best, best_distance = (FUTURE if ahead else PAST), distance
    return governing if governing != UNKNOWN else best


def signal_tense(text: str, start: int, end: int) -> str:
    """past or future when a word right before the mention settles it ("ended Jan. 31",
    "payable Dec. 7"), else unknown."""
    local = _just_before().search(text, max(0, start - 20), start)
    if local is None:
        return UNKNOWN
    if local["future"]:
        return FUTURE
    # "the quarter ending Dec. 31" may lie ahead; "ended" and "since" look back
    return UNKNOWN if local.group().strip().lower().endswith("ing") else PAST


def clear_tense(text: str, start: int, end: int) -> str:
    """past or future when a verb of the mention's own clause settles it, else unknown.

    Past: a past verb just before the mention ("Sales fell in July"), or just after a mention
    opening the sentence ("In January, the board named..."), with no future cue in the
    sentence; reporting verbs ("said") and verbs after "be"/"to" tell nothing about the date.
    Future: a future cue just before the mention in its clause ("will fly in December").
    """
    if _just_before().search(text, max(0, start - 20), start):
        return UNKNOWN
    head, tail = sentence_bounds(text, start, end)
    before = after = None
    future = False
    for match in _cues().finditer(text, head, tail):
        if start <= match.start() < end or match["not_past"]:
            continue
        if match["future"] and not (
            match.start() >= end and _SUBORDINATE.search(text, end, match.start())
        ):
            future = True  # "..., who will remain chairman": a clause of its own tells nothing
        if match.end() <= start:
            before = match
        elif after is None:
            after = match
    if before is not None and _settles(text[before.end() : start]):
        if before["future"]:
            return FUTURE
        if not future and _told_past(text, head, before):
            return PAST
        return UNKNOWN
    opening = len(text[head:start].strip()) <= 6  # "In January, ..." or "Last May ..."
    # "In January, a week after the anniversary, a bombing killed...": an opening phrase may
    # hold commas before the main verb, but no clause of its own ("that", "which")
    if (
        not future
        and opening
        and after is not None
        and _told_past(text, head, after)
        and after.start() - end <= _OPENING_REACH
        and not _SUBORDINATE.search(text, end, after.start())
    ):
        return PAST
    return UNKNOWN


def _looks_back(text: str, local: re.Match[str], head: int, tail: int) -> bool:
    if not local["future"]:
        return False
    if _PLANNED_BEFORE.search(text, max(head, local.start() - 40), local.start()):
        return True  # "had been due to expire Friday": a plan told in the past perfect
    return (
        local.group().strip().lower() in _DEADLINE
        and _PAST_PERFECT.search(text, head, tail) is not None
    )


def _settles(between: str) -> bool:
    return len(between) <= _CLEAR_REACH and not any(mark in between for mark in ",;:")


def _told_past(text: str, head: int, cue: re.Match[str]) -> bool:
    """A past verb that settles the tense: not a report ("said in December" may tell of a
    plan), unless done to something ("was first announced in December": the announcing)."""
    passive = _WAS.search(text, max(head, cue.start() - 16), cue.start()) is not None
    return (
        bool(cue["past"])
        and (cue.group().lower() not in _REPORTING or passive)
        and not _NOT_DONE_YET.search(text, max(head, cue.start() - 10), cue.start())
    )
