"""Who acts when no name does: the noun phrase a clause opens on ("The rebels retook the town"),
a pronoun's antecedent, and the words a would-be subject must lose (dates, adverbs, titles).

Happenings (timeline.happenings) reads the named roles; this module reads the unnamed ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline import cues as cue_words
from timeline.actors import aliases_of, is_person
from timeline.clauses import Clause
from timeline.cues import Hit
from timeline.titles import is_plural

_DATELINE_PREFIX = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z0-9][\w.'’-]*(?:\s[A-Z0-9][\w.'’-]*)*)?\s*"
    r"(?:\([^)]{1,40}\))?\s*(?:_|--|—|–|:)\s*"
)


def dateline_end(text: str) -> int:
    """Where a dateline ("THE HAGUE, Netherlands (AP)_", "SEOUL:") ends; 0 without one."""
    match = _DATELINE_PREFIX.match(text)
    return match.end() if match else 0


def is_noun(text: str, hit: Hit) -> bool:
    """Whether a cue word is used as a noun ("a visit", "Iraq's invasion"), not a verb."""
    if hit.form.lower().endswith("ed") or hit.form.lower() in cue_words.vocabulary().irregular_past:
        return False  # "the agency's board found": a past verb, whatever precedes it
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

_TIME_WORDS = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"tonight|earlier|later|again|also|then|already|early|late|himself|herself|itself|themselves|(?:earlier\s+|later\s+)?(?:this|last|next)\s+"
    r"(?:week|month|year))\s*$"
)
_WEEKDAYS = re.compile(
    r"\s*\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b"
    r"(?:['’]s)?"  # "Friday's blast": the blast
)
_LEADING_TIME = re.compile(
    r"^(?:(?:a\s+)?(?:year|month|week|day|quarter)\s+(?:earlier|later|ago)|"
    r"(?:last|this|next|earlier|later|early|late)\s+(?:week|month|year|weekend|night|"
    r"morning|evening|spring|summer|autumn|fall|winter)|yesterday|today|tonight|earlier|later|"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b\s*,?\s*",
    re.IGNORECASE,
)
_PLANNED_TAIL = re.compile(
    r"\s+(?:will|(?:is|are)\s+(?:due|set|expected|scheduled|to)(?:\s+to)?|plans?\s+to)$",
    re.IGNORECASE,
)
_PRONOUNS = ("it", "he", "she", "they")
# Plural nouns for people whom the names in the sentence say ("the two leaders met").
GROUPS = frozenset(cue_words.load_data()["title_words"]["groups"])
_SUBJECT_STOP = re.compile(
    r"\b(?:including|of|from|with|who|whose|which|that|in|on)\b", re.IGNORECASE
)
_COUNT = re.compile(
    r"(?:(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|nearly|almost|about|"
    r"around|some|up\s+to|over)\s+)?\d[\d,.]*\s+[a-z]",
    re.IGNORECASE,
)
_OPENING_PREPOSITION = re.compile(
    r"(?:for|in|on|at|to|with|by|from|after|before|during|as|of|since|following|over|under|"
    r"amid|despite|while|when|if|although|because|but|and|however|meanwhile)\b",
    re.IGNORECASE,
)


_MONTH_DAY = re.compile(
    r"\s*\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
)


_REDUCED_RELATIVE = re.compile(
    r"(?<=[a-z])\s+[a-z]+ed\s+(?:for|by|after|as|under|in|on|at|from|with)\s.*$", re.DOTALL
)


_AUXILIARY_WORDS = frozenset(["was", "were", "is", "are", "has", "have", "had", "been", "be"])
_LEADING_AUXILIARY = re.compile(r"^\s*(?:(?:has|have|had)\s+been|was|were|is|are)\s+")


def only_time(lead: str) -> bool:
    """Whether the words before a verb in its clause are none, or only its date ("on Aug. 7")
    and an auxiliary ("was [arrested]")."""
    lead = _LEADING_AUXILIARY.sub("", lead)
    lead = _WEEKDAYS.sub("", _MONTH_DAY.sub("", lead))
    return re.fullmatch(r"[\s,]*(?:on|in)?[\s,]*", lead) is not None


_QUANTITY = re.compile(
    r"(?:tens|hundreds|thousands|dozens|scores|millions)\s+of\s+"
    r"(?:(?:thousands|millions|hundreds)\s+of\s+)?",
    re.IGNORECASE,
)


def opening_subject(text: str, parts: list[Clause]) -> list[str]:
    """The noun phrase a sentence opens on when an apposition stands between it and the verb:
    "Jane Roe, head of sales at the firm, resigned" -> Jane Roe."""
    start = max(parts[0].start, dateline_end(text))
    phrase = text[start : parts[0].end].strip(" ,")
    phrase = re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=re.IGNORECASE)
    # "A 1996 law [named for him and Sen. Jesse Helms]": a participle's phrase only describes it
    phrase = _REDUCED_RELATIVE.sub("", phrase)
    if re.search(r"\b(?:is|are|was|were|has|have|had|said|says)\b", phrase) or _has_verb(phrase):
        return []  # the opening clause has its own verb: "Revenue was 45% of sales, compared"
    if not _OPENING_PREPOSITION.match(phrase):  # "The Friday explosions at two embassies"
        phrase = re.split(r"\s(?:at|in|of|from|with|on|near|for|outside)\s", phrase)[0]
        phrase = _WEEKDAYS.sub("", phrase).strip(" ,")
        phrase = _MONTH_DAY.sub("", phrase).strip(" ,")  # "attacks [Aug. 7]"
    words = phrase.split()
    numbered = phrase[0].isdigit() and len(words) >= 2 and words[-1].isalpha()  # "1996 law"
    if (
        not 1 <= len(words) <= 4
        or not (phrase[0].isalpha() or numbered)
        or _OPENING_PREPOSITION.match(phrase)
    ):
        return []

    if re.search(r"[a-z]+ed\b|n't\b|\b(?:is|are|was|were|has|have|had|said|says)\b", phrase):
        return []
    if all(w.lower() in _EMPTY_SUBJECT_WORDS for w in words):
        return []  # "Even so, [held]": words that name no one
    return [phrase[0].upper() + phrase[1:]]


def unnamed_subject(
    text: str,
    parts: list[Clause],
    own: Clause,
    hit: Hit,
    previous_who: tuple[str, ...],
    known: Sequence[str] = (),
    plural: bool = False,
) -> list[str]:
    """Who acts when no name does: "It" is the last actor; "the spy agency" the agency named
    before; "A monitoring group ..." itself."""
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
        return antecedent(words[0], previous_who)
    start = max(own.start, dateline_end(text))
    lead = re.sub(r"^(?:that|which|who)\s+", "", text[start : hit.start])
    # "The city was calm when the army [invaded]": the clause the verb belongs to
    lead = re.split(r"\b(?:when|while|because|although|whereas|after|before|until)\s+(?=\S)", lead)[
        -1
    ]
    if lead.split() and lead.split()[0].lower() in _PRONOUNS:
        return []  # "... when he [was abducted]": whom "he" means is not known here
    if re.match(r"[a-z]+ing\b", lead):
        return []  # "after being found": no subject of its own
    quantity = _QUANTITY.match(lead)  # "Tens of thousands of children [flooded]"
    phrase = (quantity.group(0) if quantity else "") + _SUBJECT_STOP.split(
        lead[quantity.end() if quantity else 0 :]
    )[0]
    # "Officials said the president [met]": the president
    phrase = re.sub(r"^.*\b(?:said|says|say)\s+(?:that\s+)?(?=\S)", "", phrase)
    phrase = re.sub(
        r"^(?:and|but|while|as|so|then|when|after|before|since|until|once|because|although|"
        r"though|if)\s+",
        "",
        phrase.strip(),
        flags=re.IGNORECASE,
    )  # "... when the army invaded": the verb's own subject follows the conjunction
    counted = _COUNT.match(phrase.strip()) is not None  # "At least 40 people [were killed]"
    if not counted and re.match(
        r"(?:for|in|on|at|to|with|by|from|after|before|during|as|of|since|following|over)\b",
        phrase,
        re.IGNORECASE,
    ):
        return []  # a clause opening on a preposition names no subject
    definite = re.match(r"the\s", phrase.strip(), re.IGNORECASE) is not None
    phrase = re.sub(r"^(?:a|an|the|some|its|their)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    phrase = re.sub(r"[‘’'](?!s\b)|[“”\"]", "", phrase).strip(" ,")  # "Du Pont's" keeps its 's
    phrase = _TRAILING_ADVERB.sub("", phrase)  # "Cypriot government [strongly] condemned"
    phrase = re.sub(r"\s+(?:have|has|had)?\s*(?:been|were|was|are|is)?\s*$", "", phrase)
    phrase = _TIME_WORDS.sub("", _TIME_WORDS.sub("", phrase)).strip(" ,")  # "IMA early this month"
    phrase = _LEADING_TIME.sub("", phrase).strip(" ,")
    phrase = _PLANNED_TAIL.sub("", phrase).strip(" ,")  # "Albright will [visit]": Albright
    # "the board said it [rejected]", "the father said [in a letter]": the board, the father
    phrase = re.sub(r"\s+(?:said|says|say)(?:\s+(?:that\s+)?(?:it|he|she|they|we))?$", "", phrase)
    phrase = _WEEKDAYS.sub("", phrase).strip(" ,")
    if phrase.lower() in _PRONOUNS:  # "the authorities ... say they [gathered]"
        return antecedent(phrase, previous_who)
    if phrase and all(w.lower() in _EMPTY_SUBJECT_WORDS for w in phrase.split()):
        return []  # "The", "Even so", "One more": words that name no one
    if phrase and all(w.lower() in _AUXILIARY_WORDS for w in phrase.split()):
        return []  # "Kopp, 44, [was] arrested": the subject is before the apposition
    if not phrase or len(phrase.split()) > 6 or not (phrase[0].isalpha() or counted):
        return []
    if re.search(r"\s(?:was|were|is|are|has|have|had)\s", phrase):
        return []  # "the bomb exploded was positively": two clauses, no one subject
    if re.search(r"\s[a-z]+ed\s+(?:the|a|an|its|his|her|their)(?:\s|$)", phrase):
        return []  # "the company attributed the decrease [to]": a verb and its object
    if _has_verb(phrase) and not is_noun(text, hit):
        return []  # "the court took a detour [vindicates]", "dividend be [reinstated]"
    if re.search(r"n't\b|\bnot\b|(?:^|\s)[a-z]+ed\b", phrase) and not definite:
        return []  # "wasn't invited to": a verb phrase, not a subject
    if definite:
        named = _named_before(phrase, known)
        if named:
            return [named]
        if not plural and len(phrase.split()) <= 3 and phrase.islower() and phrase.endswith("s"):
            return []  # "the leaders", "the two sides": the named actors say who
    return [phrase[0].upper() + phrase[1:]]


def antecedent(pronoun: str, previous_who: Sequence[str]) -> list[str]:
    """Whom a pronoun subject stands for, only when it is safe: "he"/"she" a single person, "it"
    a single thing or body, "they" several or a plural ("the rebels"); else nobody."""
    word = pronoun.lower()
    if not previous_who or word not in _PRONOUNS:
        return []
    if word == "they":
        plural = len(previous_who) > 1 or (
            not is_person(previous_who[0]) and is_plural(previous_who)
        )
        return list(previous_who) if plural else []
    if len(previous_who) != 1:
        return []
    (name,) = previous_who
    person = is_person(name)  # "Kim Jong Un", not "Jewish" or "Officials"
    if word in ("he", "she"):
        return [name] if person else []
    return [name] if not person and not is_plural(previous_who) else []


_NOT_ADVERBS = "|".join(cue_words.load_data()["title_words"]["not_adverbs"])
_TRAILING_ADVERB = re.compile(rf"\s+(?!(?:{_NOT_ADVERBS})$)[a-z]{{3,}}ly$")


_EMPTY_SUBJECT_WORDS = frozenset(cue_words.load_data()["title_words"]["empty_subjects"])
_VERB_WORDS = frozenset(
    ["be", "would", "will", "could", "should", "can", "may", "might", "must", "he", "she", "they"]
)


def _has_verb(phrase: str) -> bool:
    """Whether a would-be subject holds a verb or a second subject of its own."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", phrase)][1:]
    past = cue_words.vocabulary().irregular_past
    return any(w in _VERB_WORDS or w in past for w in words)


def _named_before(phrase: str, known: Sequence[str]) -> str:
    """ "the spy agency" after "South Korea's intelligence agency": the body already named whose
    name or alias ends in the same noun."""
    head = phrase.split()[-1].lower()
    for name in known:
        if any(alias.lower().split()[-1] == head for alias in aliases_of(name) if alias.split()):
            return name
    return ""
