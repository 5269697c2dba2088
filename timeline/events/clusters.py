"""How well a candidate fits a cluster of candidates told of one happening (`fit`), by rules
that read what `candidates` worked out: the people, kinds, places, words and spans they share.
When a candidate may have happened, and how firmly, is `spans`.
"""

from __future__ import annotations

from datetime import date

from timeline.events.candidates import Candidate, Cluster, similarity, toll_of
from timeline.events.gazetteers import is_known, places_overlap
from timeline.events.spans import basis, is_weak, length_of, span_of
from timeline.model import Event
from timeline.temporal.when import precision


def fit(told: Candidate, cluster: Cluster) -> float:
    """How well a candidate fits a cluster; 0 when it must stay apart."""
    if not cluster.meets(told.span) or cluster.all_undated:
        return 0.0
    if basis(told.event) == "undated":
        return _fit_undated(told, cluster)
    candidate, head = told.event, cluster.head
    if _other_speaker(candidate, cluster):
        return 0.0  # two people's statements on one day are two statements
    if told.counted and precision(candidate.date) < precision(head.date):
        return 0.0  # "two visits last month" is not the one visit on the 4th
    people = told.people & cluster.people
    actors = set(candidate.actors) & cluster.actors
    other_kind = bool(told.kinds and cluster.kinds and not told.kinds & cluster.kinds)
    same_category = _same_category(told, cluster, other_kind)
    tied = people or actors or same_category or told.kinds & cluster.kinds
    if not tied and not _related(candidate, cluster):
        return 0.0  # no person, actor, kind or category ties them: every rule below needs one
    place_clash = _place_clash(candidate, cluster)
    words = similarity(told.words, cluster.words)
    weak = told.weak or cluster.all_weak
    planned = basis(candidate) == "plan" or basis(head) == "plan"
    known_kind = candidate.category != "other" and candidate.category in cluster.categories
    if planned and not (known_kind or told.kinds & cluster.kinds):
        return 0.0  # "will return on Wednesday" is not Wednesday's cabinet meeting
    if planned and _same_plan(told, cluster, place_clash):
        return 10.0 + len(people) + words  # a plan joins the same plan before anything else
    if planned and _held_as_planned(told, cluster, place_clash):
        return 1.0 + len(people) + words
    if _same_kind_same_day(told, cluster, place_clash):
        return _kind_day_score(told, cluster, len(people) + words, same_category)
    if told.weak:
        return _fit_bound(told, cluster, people, same_category, words)
    copied = similarity(told.quote_words, cluster.quote_words)
    if copied >= 0.6 and candidate.date == head.date and candidate.category == head.category:
        return 3.0 + words  # the same wire copy carried twice, or by two outlets
    if told.articles & cluster.articles:
        return _fit_in_article(told, cluster, people, same_category, words, place_clash)
    if place_clash and not people:
        return 0.0
    if other_kind and candidate.category not in cluster.categories and candidate.date != head.date:
        return 0.0  # "his trial got under way" and, a day later, "he meets the jury": two
    same_kind = bool(told.kinds & cluster.kinds)
    # words alone tie neither day to day nor two kinds ("removed by the board on Friday" and
    # "quit on Friday in protest")
    worded = words >= 0.12 and not _days_apart(candidate, head) and not other_kind
    if people and (same_category or same_kind or weak or worded or _related(candidate, cluster)):
        # one kind of happening ("suspension", "suspends") ties closer than a category
        kind = 1.0 if same_kind else 0.0
        return 2.0 + len(people) + words + (1.0 if same_category else 0.0) + kind
    named = {a for a in actors if is_known(a)}
    if not people and same_category and len(named) >= 2 and not place_clash:
        return 1.0 + len(named) * 0.5 + words
    same_place = bool(candidate.place) and candidate.place in cluster.places
    same_day = len(candidate.date) == len("2000-01-01") and candidate.date == head.date
    if not people and same_category and (named or same_place) and words >= 0.2 and same_day:
        return 0.5 + words  # "Earthquake kills 150 in Turkey" told by two outlets
    if same_day and not place_clash and _sametoll_of(candidate, cluster):
        return 0.5 + words  # "Bombings kill 224 people", "... 259 people": one toll, still rising
    return 0.0


def _fit_undated(told: Candidate, cluster: Cluster) -> float:
    """A telling with no date ("OpenAI also removed co-founder Greg Brockman from the board")
    joins a happening another article dates, of its kind and with a person it names, told as
    done and in no other place."""
    if not told.kinds & cluster.kinds or told.articles & cluster.articles:
        return 0.0
    people = told.people & cluster.people
    if not people or any(basis(m) == "plan" for m in cluster.members):
        return 0.0
    if _place_clash(told.event, cluster):
        return 0.0
    return 0.5 + len(people) + similarity(told.words, cluster.words)


def _same_category(told: Candidate, cluster: Cluster, other_kind: bool) -> bool:
    """Of one category; happenings of no known category a day apart, or of two kinds, are one
    only if more than that ties them ("Brockman quit on Friday" is not "OpenAI fired Altman on
    Friday")."""
    candidate = told.event
    if candidate.category not in cluster.categories:
        return False
    return candidate.category != "other" or (candidate.date == cluster.head.date and not other_kind)


def _names_in(title: str) -> bool:
    """Whether a title names someone or something after its first word ("Completes its
    acquisition of Midwest Financial Group"), whom the actors missed."""
    return any(word[:1].isupper() for word in title.split()[1:])


def _days_apart(candidate: Event, head: Event) -> bool:
    """Both told on a day of their own, and not the same day ("testifies Monday", "his lawyers
    rested their case Tuesday")."""
    days = len("2000-01-01")
    single = not candidate.end and not head.end
    return single and len(candidate.date) == len(head.date) == days and candidate.date != head.date


def _fit_in_article(
    told: Candidate,
    cluster: Cluster,
    people: frozenset[str],
    same_category: bool,
    words: float,
    place_clash: bool,
) -> float:
    """Two dated sentences of one article are two happenings, unless they tell the same kind of
    thing about the same people on the same date, or one only bounds its date; never when they
    name two places ("a treaty in Moscow", "a meeting in Pyongyang")."""
    candidate, head = told.event, cluster.head
    if place_clash:
        return 0.0
    if (told.weak or cluster.all_weak) and people:
        return 1.0 + len(people) + words
    if _same_remarks(candidate, head):
        return 1.0 + words
    other_deed = candidate.category == "other" and not told.kinds & cluster.kinds and words < 0.12
    if same_category and people and candidate.date == head.date and not other_deed:
        # "Elian played in the yard Friday" and "a lawmaker subpoenaed him Friday" are two
        return 1.0 + len(people) + words
    same_kind = bool(told.kinds & cluster.kinds)
    if people and (words >= 0.12 or same_kind) and _told_there_that_date(told, cluster):
        # "found guilty for kissing Hermoso ... in 2023" and "kissed Hermoso during the 2023
        # awards": one article telling its people's happening twice on one date, which ties
        # closer than words shared with another article's happening of another day
        return 2.5 + len(people) + words
    same_day = candidate.date == head.date or _week_holding(told, head)
    if people and same_day and _said_there(candidate, cluster):
        return 0.5 + len(people) + words
    return 0.0


def _kind_day_score(told: Candidate, cluster: Cluster, ties: float, same_category: bool) -> float:
    """One kind on one day ties before a cluster of other kinds the same people are in
    ("suspension" last week goes to Saturday's "FIFA suspends Rubiales", not to his Friday
    speech); a bound on the day ("announced Friday that Altman had been fired") weighs as a
    bound does in `_fit_bound`, so its own kind that day wins over another day it allows."""
    head = cluster.head
    bound = precision(head.date, head.end) if told.weak else 0.0
    return 2.5 + ties + (1.0 if same_category else 0.0) + bound


def _told_there_that_date(told: Candidate, cluster: Cluster) -> bool:
    """The cluster holds a member of the candidate's article, of its category and date."""
    candidate = told.event
    return any(
        member.date == candidate.date
        and member.category == candidate.category
        and told.articles & {source.article for source in member.sources}
        for member in cluster.members
    )


def _same_kind_same_day(told: Candidate, cluster: Cluster, place_clash: bool) -> bool:
    """One kind of happening ("attack": "gunmen opened fire", "the terror attack") on one day,
    with no clash of place or of the side that acted, is one happening."""
    candidate, head = told.event, cluster.head
    if not (told.kinds & cluster.kinds) or place_clash:
        return False
    if not _on_the_day(told, head):
        return False
    if basis(candidate) in ("plan", "anchor", "bound"):
        return False
    if basis(candidate) == "lead" and (cluster.all_weak or candidate.date != head.date):
        return False  # a lead's day is only a bound: it joins a day the text gives, no other
    if candidate.qualifier not in ("", "before", "since"):
        return False  # a report bounds it on the day: "said on Wednesday that India struck";
        # a state holding since a day began that day: "have been on strike since Sept. 13"
    acting = candidate.actors[:1]
    sides = {m.actors[0] for m in cluster.members if m.actors}
    if basis(candidate) == "lead" and not told.articles & cluster.articles:
        return bool(acting) and acting[0] in cluster.actors  # another article: the same actor
    return not acting or not sides or acting[0] in sides or acting[0] in cluster.actors


def _held_as_planned(told: Candidate, cluster: Cluster, place_clash: bool) -> bool:
    """ "The union will hold the vote on Wednesday" and "Machinists voted Wednesday night": a
    plan for a day joins the happening of its kind told on that very day."""
    candidate, head = told.event, cluster.head
    if basis(candidate) != "plan" or basis(head) == "plan" or place_clash:
        return False
    if not (told.kinds & cluster.kinds) or is_weak(head):
        return False
    day = len(candidate.date) == len("2000-01-01") and not candidate.end
    return day and candidate.date == head.date and not head.end


def _same_plan(told: Candidate, cluster: Cluster, place_clash: bool) -> bool:
    """Plans of one kind for one day ("his trial, set for Oct. 2", "the trial, scheduled to
    begin on October 2", "his October trial"): one plan, with no clash of place and the same
    people where both name any."""
    candidate = told.event
    if basis(candidate) != "plan" or place_clash or not told.kinds & cluster.kinds:
        return False
    if candidate.actors and cluster.actors and not set(candidate.actors) & cluster.actors:
        return False
    # the plan the cluster holds, as its head or as a member ("which is scheduled to begin on
    # October 2", joined by the day the trial got under way)
    return any(
        basis(plan) == "plan"
        and told.span.first <= span_of(plan).first
        and span_of(plan).last <= told.span.last
        for plan in cluster.members
    )


def _on_the_day(told: Candidate, head: Event) -> bool:
    """The candidate is dated the head's day, or by a week at most that holds it, told in
    another article ("last week's massacre" and "gunmen killed 26 on Tuesday"); or both are
    dated by the same month, in two articles ("FTX imploded last November", "his businesses
    collapsed in November 2022")."""
    candidate = told.event
    if len(candidate.date) == len("2000-01-01") and not candidate.end:
        return candidate.date == head.date
    if len(candidate.date) == len("2000-01") and not candidate.end:
        other = not (told.articles & {s.article for s in head.sources})
        return other and candidate.date == head.date and not head.end and not told.counted
    other = not (told.articles & {s.article for s in head.sources})
    return other and _week_holding(told, head)


def _sametoll_of(candidate: Event, cluster: Cluster) -> bool:
    """Casualties on one day whose titles give tolls within a quarter of each other."""
    if candidate.category != "casualties" or not cluster.all_casualties:
        return False
    toll = toll_of(candidate.title)
    if toll is None or not cluster.every_toll:
        return False
    counted = [toll, *cluster.tolls]
    return max(counted) <= 1.25 * min(counted)


def _place_clash(candidate: Event, cluster: Cluster) -> bool:
    """Both name where it happened, and no place of the cluster overlaps the candidate's."""
    if not candidate.place or not cluster.places:
        return False
    return not any(places_overlap(candidate.place, place) for place in cluster.places)


def _other_speaker(candidate: Event, cluster: Cluster) -> bool:
    """A statement whose speaker differs from every statement's speaker in the cluster."""
    if candidate.category != "statement" or not candidate.actors or not cluster.speakers:
        return False
    if not cluster.all_statements:
        return False  # "Kim vowed support" joins the meeting where he said it
    return candidate.actors[0] not in cluster.speakers


def _week_holding(told: Candidate, head: Event) -> bool:
    """A deed dated by a week at most ("blocked it last week") that holds the head's day ("In a
    statement Friday, Biden said he was acting ...")."""
    if len(head.date) != len("2000-01-01") or head.end or length_of(told.span) > 7:
        return False
    day = date.fromisoformat(head.date)
    return told.span.first <= day <= told.span.last


def _said_there(candidate: Event, cluster: Cluster) -> bool:
    """A statement and a deed of one person on one day, in one article: said at that deed
    ("South Korea swore in Lee on Wednesday"; "In a speech on Wednesday, Lee vowed ...")."""
    if len(candidate.date) != len("2000-01-01") and candidate.category == "statement":
        return False  # a saying is told on its day
    if candidate.category == "statement":
        return not cluster.all_statements  # a saying joins the deed
    return cluster.all_statements  # a deed joins the sayings, never another deed through them


def _same_remarks(candidate: Event, head: Event) -> bool:
    """One speaker's sayings on one date in one article are one occasion ("the agency said
    last week ... the agency told lawmakers last week")."""
    return (
        basis(candidate) == basis(head) == "said"
        and (candidate.date, candidate.end) == (head.date, head.end)
        and bool(candidate.actors)
        and candidate.actors[:1] == head.actors[:1]
    )


def _fit_bound(
    told: Candidate, cluster: Cluster, people: frozenset[str], same_category: bool, words: float
) -> float:
    """A happening dated only by a report or an anchor joins a precisely dated one it tells of."""
    candidate, head = told.event, cluster.head
    if basis(candidate) == "anchor":
        return 0.0  # "days before the summit" is not the summit, nor anything else we can tell
    if _place_clash(candidate, cluster):
        return 0.0  # a summit in Alaska is not a meeting in Moscow, whoever attended both
    if cluster.all_weak:
        related = same_category or _related(candidate, cluster)
        return _fit_bounds(told, cluster, people, related, words)
    # "10 days after FIFA suspended the federation's president": FIFA suspending, as told
    # on Saturday, is one who acts and one kind of happening
    same_kind = bool(told.kinds & cluster.kinds)
    acting = bool(set(candidate.actors[:1]) & cluster.actors) and (same_kind or same_category)
    # "The transaction was first announced in December": no one named, so only its kind, and
    # only to a finer date; a plan is no report of it ("the deal will close in the third
    # quarter" is not what a report in September said of the deal)
    head_span = span_of(head)
    # a report's day within the head's dates ("announced at 7:37 p.m. that the jury had reached
    # a verdict", "convicted in November"); a bound on the publish date tells too little
    within = basis(candidate) == "report" and head_span.first <= told.span.last <= head_span.last
    finer = length_of(head_span) <= length_of(told.span) or within
    told_as_done = basis(candidate) != "plan"
    unnamed = not candidate.actors and not _names_in(candidate.title) and same_kind and finer
    unnamed = unnamed and told_as_done
    if length_of(span_of(head)) > 31 or not (people or acting or unnamed):
        return 0.0
    kind_acting = acting and same_kind  # "found guilty" by the 3rd, "convicted in November"
    if not (
        same_category or words >= 0.1 or _related(candidate, cluster) or unnamed or kind_acting
    ):
        return 0.0
    if candidate.category != "other" and not (
        same_category or same_kind or _related(candidate, cluster)
    ):
        return 0.0  # "reached an agreement", told by Tuesday, is not Sunday's selfie by words
    tie = len(people) + (1.0 if acting else 0.0)
    return 1.0 + tie + words + (1.0 if same_category else 0.0) + precision(head.date, head.end)


def _fit_bounds(
    told: Candidate, cluster: Cluster, people: frozenset[str], same_category: bool, words: float
) -> float:
    """Two bounds on one happening from different articles ("ahead of the expected summit in
    Alaska", "days before Trump and Putin held a summit in Alaska") join: same kind, same people
    and place, and dates that can both hold."""
    if cluster.any_anchor or not same_category:
        return 0.0
    if told.articles & cluster.articles:
        return 0.0
    low, high = told.limits
    lows = [*cluster.lows, *([low] if low is not None else [])]
    highs = [*cluster.highs, *([high] if high is not None else [])]
    if not lows and highs and people and told.event.category != "other" and words >= 0.2:
        # "Sam Altman has reached an agreement ..., the company announced late Tuesday" and
        # a lead a day later, "OpenAI has reached an agreement for Sam Altman to return": both
        # only bound it from above, each a few days back (`span_of`), and tell it alike
        return 0.5 + len(people) + words
    if not lows or not highs or max(lows) > min(highs):
        return 0.0  # no day every bound allows, or a side unlimited
    candidate = told.event
    same_place = bool(candidate.place) and candidate.place in cluster.places
    if candidate.place and cluster.places and not same_place:
        return 0.0
    if (same_place and people) or len(people) >= 2:
        return 0.5 + len(people) + (1.0 if same_place else 0.0)
    return 0.0


_CLOSE = frozenset(
    {
        frozenset(("visit", "meeting")),
        frozenset(("summit", "meeting")),
        frozenset(("summit", "treaty")),
        frozenset(("visit", "summit")),
        frozenset(("meeting", "statement")),
        frozenset(("visit", "statement")),
    }
)


# each category with those close to it, for a lookup rather than a pair built per cluster
_CLOSE_TO = {
    category: frozenset(other for pair in _CLOSE if category in pair for other in pair - {category})
    for pair in _CLOSE
    for category in pair
}


def _related(candidate: Event, cluster: Cluster) -> bool:
    return not _CLOSE_TO.get(candidate.category, frozenset()).isdisjoint(cluster.categories)
