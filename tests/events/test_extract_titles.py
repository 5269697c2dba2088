"""Titles as a chronology writes them: a subject that names someone, a verb that agrees with it,
and the words after it cut where their phrase ends (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events.extract import extract_events
from timeline.model import Article, MainText, Passage

THURSDAY = date(2025, 6, 5)


def titles(text: str) -> list[str]:
    """The titles of the happenings the text dates (a lead that dates nothing, "Kopp fled.", is
    read in test_extract.py)."""
    article = Article(name="a.txt", published=THURSDAY, body=text, source="Wire")
    events = extract_events(MainText(article, (Passage(0, len(text), text),)))
    return [event.title for event in events if event.sources[0].basis != "lead"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("More than 100 people died in Nairobi on Friday.", "More than 100 people die in Nairobi"),
        ("The judge fined the club on Monday.", "Judge fines the club"),  # not "fin"
        ("Some of the workers walked out on Monday.", "Some of the workers walk out"),
        ("Spain won the Women's World Cup on Sunday.", "Spain wins Women's World Cup"),
        # the deed that takes a happening noun as its object, dated with it; half a purpose
        # ("to prevent him", no one for "him") is left out
        (
            "Prosecutors requested a restraining order on Friday to prevent him from leaving.",
            "Prosecutors request restraining order",
        ),
        # a causative's object does what its "to" clause tells, on the clause's date
        (
            "The inquiry led prosecutor Ana Ruiz to file charges against the mayor on Thursday.",
            "Prosecutor Ana Ruiz files charges against the mayor",
        ),
        ("The scandal prompted the minister to resign on Friday.", "Minister resigns"),
        ("The minister wants a report from the panel by Friday.", "Report from the panel"),
        # what a relative clause takes is the noun it hangs on; "to" names whom, not where
        (
            (
                "Coach Luca Verdi apologised for the insult he gave to Italy striker Marco Rossi "
                "after the final on Sunday."
            ),
            "Luca Verdi gives the insult to Marco Rossi",
        ),
        # the parser hangs "FIFA" on the verb as an adverb when the date comes between them
        (
            "FIFA on Saturday suspended the federation president.",
            "FIFA suspends the federation president",
        ),
        ("The minister stepped down on Tuesday.", "Minister steps down"),  # "down" an advmod
        (
            "The Cypriot government strongly condemned the attacks on Saturday.",
            "Cypriot government condemns the attacks",
        ),
        (
            "Du Pont's oil unit opened a refinery in Texas on Monday.",
            "Du Pont's oil unit opens refinery in Texas",
        ),
        (
            "Blasts killed 40 people on Friday and injured more than 500 in the capital.",
            "Blasts kill 40 people",
        ),
        (
            "Last week, Hezbollah fighters killed three soldiers and seriously wounded six others.",
            "Hezbollah fighters kill three soldiers",
        ),
        (
            "The funeral home and cemetery operator changed its fiscal year in December.",
            "Funeral home and cemetery operator changes its fiscal year",
        ),
        (
            "The court on Friday rejected British objections to a case that has blocked the trial.",
            "Court rejects British objections to case",
        ),
        (
            "Kim Jong Un told Sergei Shoigu on Tuesday that Pyongyang would support Moscow.",
            "Kim Jong Un tells Sergei Shoigu that Pyongyang would support Moscow",
        ),
        (
            "Gabelli Group began raising its stake in July.",
            "Gabelli Group begins raising its stake",
        ),
        (
            "IMA early this month lowered its offer to $26.50 a share.",
            "IMA lowers its offer to $26.50 a share",
        ),
        ("A year earlier, UniFirst earned $2.4 million in June.", "UniFirst earns $2.4 million"),
        (
            "The lower house already approved the enlargement in early May.",
            "Lower house approves the enlargement",
        ),
        (
            (
                "Truckloads of goods rolled into Iraq from Jordan on Tuesday and Iraqi-bound cargo was "
                "unloaded from ships."
            ),
            "Truckloads of goods roll into Iraq",
        ),
        (
            (
                "Thermo Electron acquired some 6% of Milton Roy's common stock in September before "
                "throwing in the towel."
            ),
            "Thermo Electron acquires some 6% of Milton Roy's common stock",
        ),
        (
            (
                "Also involved is Robert F. Angelo, formerly the firm's senior vice president, field "
                "operations, who left the firm at the beginning of October."
            ),
            "Robert F. Angelo leaves the firm",
        ),
        (
            "The Immigration and Naturalization Service ruled Wednesday that the boy must stay.",
            "Immigration and Naturalization Service rules the boy must stay",
        ),
        (
            (
                "A 1996 law named for him and Sen. Jesse Helms, R-N.C., strengthened the trade embargo "
                "against Cuba in 1996."
            ),
            "1996 law strengthens the trade embargo against Cuba",
        ),
        ("Kopp, 44, was arrested in France on Thursday.", "Kopp arrested in France"),
        ("Jane Roe, head of sales at the firm, was fired on Monday.", "Jane Roe fired"),
        ("Kuwait was invaded by Iraq on Aug. 2, 1990.", "Iraq invades Kuwait"),
        ("The embassy was bombed on Friday by Hamas.", "Hamas bombs the embassy"),
        ("Two Americans were killed by a bomb on Tuesday.", "Two Americans killed by bomb"),
        (
            "James C. Kopp fled. Kopp's car was discovered on Friday at the airport.",
            "Kopp's car discovered at the airport",
        ),
        (
            (
                "Kopp, 44, fled. Last week, FBI Director Louis Freeh, on an official visit to Mexico, "
                "asked Mexican authorities to join the hunt for Kopp."
            ),
            "Louis Freeh asks Mexican authorities to join the hunt",
        ),
        (
            (
                "President Bill Clinton Saturday vowed to hunt down and bring to justice those who "
                "were responsible for the bombings."
            ),
            "Bill Clinton vows to hunt down and bring to justice",
        ),
        ("Cuba commemorated the revolution on Friday.", "Cuba commemorates the revolution"),
        ("Cuba held a commemoration on Friday.", "Cuba holds commemoration"),
        ("A deadline for the decision was set for Saturday.", "Deadline for the decision"),
        # "that" pointing back relates two happenings: the one it names is the happening
        ("That followed a rejection by the board on Sunday.", "Rejection by the board"),
        # a time zone left of a clock time is no complement
        ("The contract expired at midnight PT.", "Contract expires"),
        (
            "President Bush met Saddam Hussein in Baghdad on Monday.",
            "Bush meets Saddam Hussein in Baghdad",
        ),
        (
            (
                "The council will not lift sanctions imposed after Iraq's 1990 invasion of Kuwait "
                "until inspectors certify the weapons are gone."
            ),
            "Iraq's invasion of Kuwait",
        ),
    ],
)
def test_titles_read_as_a_chronology_line(text: str, title: str) -> None:
    assert titles(text) == [title]


def test_a_city_and_the_state_saying_where_it_is_do_not_act() -> None:
    text = (
        "Nearly simultaneous bombings at embassies in Dar es Salaam, Tanzania, and Nairobi, "
        "Kenya, on Monday killed 258 people."
    )
    assert titles(text) == ["Nearly simultaneous bombings kill 258 people"]


@pytest.mark.parametrize("opening", ["The", "Even so,", "One more"])
def test_a_subject_of_words_that_name_no_one_gives_no_event(opening: str) -> None:
    assert not any(
        t.startswith(opening.strip(",")) for t in titles(f"{opening} held a ceremony on Monday.")
    )


def test_a_pronoun_subject_no_one_can_resolve_lends_the_verb_no_other_actor() -> None:
    text = "Kopp, 44, has eluded Ana Ruiz since they obtained a warrant for him on Oct. 23."
    assert not any(t.startswith(("Kopp", "Ana Ruiz")) for t in titles(text))


def test_who_acts_for_the_name_right_before_it_not_an_earlier_one() -> None:
    text = (
        "Fidel Castro's government has been using rallies to draw attention to the case of "
        "Elian, who was rescued Nov. 25 while clinging to an inner tube."
    )
    assert titles(text) == ["Elian rescued"]


def test_a_pronoun_before_the_verb_is_its_subject_not_the_name_before_it() -> None:
    text = (
        "James C. Kopp, 44, fled on Friday. Kopp has eluded authorities since they obtained a "
        "warrant for him on Oct. 23."
    )
    assert not any(t.startswith("James C. Kopp obtains") for t in titles(text))


def test_a_saying_names_everyone_its_clause_joins_as_subject() -> None:
    text = (
        "Satya Nadella said on Monday that Sam Altman and Greg Brockman are "
        "joining the company to lead a new research team."
    )
    said = titles(text)
    assert any("says Sam Altman and Greg Brockman are joining" in t for t in said), said


def test_of_two_subjects_the_parser_gave_a_date_is_not_the_one_acting() -> None:
    text = (
        "Among the signatories is Mira Murati, who as recently as Friday had been named by the "
        "board as the interim successor."
    )
    assert "Mira Murati named by the board as the interim successor" in titles(text)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the adjective a verb without an object needs; a fronted phrase is set apart
        (
            (
                "In an outcome that surprised almost nobody, Sam Bankman-Fried was found guilty on "
                "all seven counts on Thursday."
            ),
            "Sam Bankman-Fried found guilty on all seven counts",
        ),
        # a hyphenated word the parser split into objects: the object is the name after it
        (
            "OpenAI also removed co-founder Greg Brockman from the board on Friday.",
            "OpenAI removes Greg Brockman",
        ),
        # with an object, the object comes first: no adjective before it
        ("Prosecutors called the sentence inadequate on Friday.", "Prosecutors call the sentence"),
    ],
)
def test_a_passive_ends_in_the_adjective_it_needs(text: str, title: str) -> None:
    assert titles(text) == [title]
