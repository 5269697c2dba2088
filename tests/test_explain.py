"""`timeline explain ARTICLE`: how one article was read, sentence by sentence, on articles
written for these tests (real date tagger and parser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline import cli
from timeline.build import build
from timeline.events.extract import extract_events
from timeline.events.verdicts import UNKNOWN
from timeline.explain import DateReading, Explanation, explain
from timeline.ingest.furniture import main_text
from timeline.ingest.ingest import parse_article
from timeline.store.store import load_store

DEMO = Path(__file__).resolve().parent.parent / "articles"

ENVOY = """---
title: President meets envoy
source: Wire
published: 2025-06-05
---
Seoul, Wednesday — The president met the envoy in Pyongyang on Tuesday.

State media said Thursday that the president met the envoy on Wednesday.

Troops captured the border town, state media reported on Thursday.

The president did not meet the general on Monday.

The minister may have met the envoy on Monday.

The minister said "we will win today".

2024: a year of war.

Kim met Putin on Monday and again on Tuesday.
"""


def explained(
    text: str, name: str = "2025-06-05-envoy.txt", store: Path | None = None
) -> Explanation:
    article = parse_article(name, text.encode("utf-8"))
    return explain(main_text(article), load_store(store) if store is not None else None)


def reading_of(explanation: Explanation, sentence: str, phrase: str) -> DateReading:
    """The reading of `phrase` in the sentence that starts with `sentence`."""
    for read in explanation.sentences:
        if read.text.startswith(sentence):
            return next(d for d in read.dates if d.text == phrase)
    raise AssertionError(f"no sentence starts with {sentence!r}")


@pytest.fixture(scope="module")
def envoy() -> Explanation:
    return explained(ENVOY)


def test_every_sentence_of_the_main_text_is_read_in_order(envoy: Explanation) -> None:
    assert [s.number for s in envoy.sentences] == list(range(1, 9))
    assert envoy.sentences[0].text.startswith("Seoul, Wednesday — The president met")


def test_names_the_recognizer_found_are_listed_with_their_labels(envoy: Explanation) -> None:
    names = {(e.text, e.label) for e in envoy.sentences[0].entities}
    assert ("Pyongyang", "GPE") in names
    assert not any(text == "Seoul" for text, _ in names)  # the dateline is not read as the text


def test_dateline_is_skipped_as_the_day_the_story_was_filed(envoy: Explanation) -> None:
    dateline = reading_of(envoy, "Seoul, Wednesday", "Wednesday")
    assert dateline.event is None
    assert dateline.why.startswith("the dateline")
    assert reading_of(envoy, "Seoul, Wednesday", "Tuesday").event is not None


def test_dateline_with_month_and_agency_is_skipped_too() -> None:
    text = "---\npublished: 2025-06-06\n---\nKYIV, June 5 (Reuters) - Troops captured the town.\n"
    dateline = reading_of(explained(text, "2025-06-06-kyiv.txt"), "KYIV", "June 5")
    assert dateline.event is None
    assert dateline.why.startswith("the dateline")


def test_report_date_is_not_the_happening_date_when_the_happening_has_its_own(
    envoy: Explanation,
) -> None:
    report = reading_of(envoy, "State media said Thursday", "Thursday")
    happening = reading_of(envoy, "State media said Thursday", "Wednesday")
    assert (report.attaches_to, report.event) == ("said", None)
    assert "has a date of its own" in report.why
    assert happening.attaches_to == "met"
    assert happening.event is not None
    assert (happening.event.date, happening.event.basis) == ("2025-06-04", "")


def test_report_date_bounds_a_happening_without_a_date(envoy: Explanation) -> None:
    report = reading_of(envoy, "Troops captured", "Thursday")
    assert report.attaches_to == "reported"
    assert report.event is not None
    assert (report.event.happening, report.event.basis) == ("captured", "report")
    # the article is read as one text, as `timeline tag` reads it: its dateline ("Seoul,
    # Wednesday") makes Wednesday 4 June the day the story speaks from, so "Thursday" is 29 May
    assert (report.event.date, report.event.label) == ("2025-05-29", "by 29 May 2025")
    assert '"captured", is on or before that day' in report.why


def test_date_told_by_another_happening_shows_the_happening_it_bounds() -> None:
    text = (
        "---\npublished: 2025-08-10\n---\n"
        "Days before Trump and Putin held a summit in Alaska, Putin briefed Kim on the talks.\n"
    )
    (sentence,) = explained(text, "2025-08-10-alaska.txt").sentences
    briefing = next(d for d in sentence.dates if d.attaches_to == "briefed")
    assert briefing.anchor == "event"
    assert briefing.event is not None
    assert (briefing.event.basis, briefing.event.label) == ("anchor", "by 10 August 2025")
    assert briefing.why.startswith('dates "briefed": days before Trump and Putin held a summit')


def test_a_lead_that_dates_nothing_shows_it_is_dated_by_the_publish_date() -> None:
    text = (
        "---\npublished: 2025-05-23\n---\n"
        "Acme shares surged after the governor announced his backing for the plant.\n"
        "The plant employs 2,000 people.\n"
    )
    lead, after = explained(text, "2025-05-23-acme.txt").sentences
    assert [(d.text, d.attaches_to) for d in lead.dates] == [("", "surged"), ("", "announced")]
    assert all(d.event is not None and d.event.label == "by 23 May 2025" for d in lead.dates)
    assert lead.dates[0].why.startswith('"surged" is what the article opens with')
    assert after.dates == ()


@pytest.mark.parametrize(
    ("sentence", "phrase", "why"),
    [
        ("The president did not meet", "Monday", 'negated: "meet"'),
        ("The minister may have met", "Monday", 'irrealis: "met"'),
        ("The minister said", "today", "inside a quote"),
        ("2024: a year of war", "2024", "no predicate"),
        ("Kim met Putin on Monday", "Tuesday", '"met" already has a date'),
    ],
)
def test_date_passed_over_says_why(
    envoy: Explanation, sentence: str, phrase: str, why: str
) -> None:
    reading = reading_of(envoy, sentence, phrase)
    assert reading.event is None
    assert reading.why.startswith(why)


def test_events_are_the_ones_extraction_proposes_with_their_fields(envoy: Explanation) -> None:
    article = parse_article("2025-06-05-envoy.txt", ENVOY.encode("utf-8"))
    proposed = extract_events(main_text(article))
    shown = envoy.events
    assert [
        (e.title, e.date, e.end, e.label, e.category, e.actors, e.place, e.id) for e in shown
    ] == [(e.title, e.date, e.end, e.label, e.category, e.actors, e.place, e.id) for e in proposed]


def test_every_event_is_laid_back_on_its_sentence(envoy: Explanation) -> None:
    assert envoy.unplaced == ()
    assert len(envoy.events) == 4


def test_without_a_store_no_event_is_matched(envoy: Explanation) -> None:
    assert envoy.store_events is None
    assert all(e.joined is None and e.store_note == "" for e in envoy.events)


def test_event_is_followed_to_the_stored_event_with_the_words_it_shares(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    first = "---\npublished: 2025-06-05\n---\nRussian President Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday.\n"
    second = "---\npublished: 2025-06-05\n---\nKim Jong Un held talks with Vladimir Putin in Pyongyang on Wednesday.\n"
    (folder / "2025-06-05-one.txt").write_text(first, encoding="utf-8")
    (folder / "2025-06-05-two.txt").write_text(second, encoding="utf-8")
    store = tmp_path / "events.yaml"
    build(folder, store, tmp_path / "output")

    (event,) = explained(first, "2025-06-05-one.txt", store).events
    assert event.joined is not None
    (stored,) = [e for e in load_store(store).events if e.id == event.joined.id]
    assert {s.article for s in stored.sources} == {"2025-06-05-one.txt", "2025-06-05-two.txt"}
    assert event.joined.other_sources == 1
    assert set(event.joined.shared_people) == {"Vladimir Putin", "Kim Jong Un"}
    assert {"pyongyang", "wednesday"} <= set(event.joined.shared_words)
    assert event.joined.fit > 0


def test_event_missing_from_the_store_says_to_build(tmp_path: Path) -> None:
    store = tmp_path / "events.yaml"
    store.write_text("events: []\n", encoding="utf-8")
    event = reading_of(explained(ENVOY, store=store), "Seoul, Wednesday", "Tuesday").event
    assert event is not None
    assert event.joined is None
    assert "run timeline build" in event.store_note


@pytest.mark.parametrize("name", sorted(p.name for p in DEMO.glob("*.txt")))
def test_every_verdict_on_the_demo_articles_agrees_with_extraction(name: str) -> None:
    """verdicts.py walks extract.read_sentence's steps: it names why each date was passed over,
    and never finds a date it would take that extraction passed over."""
    read = explained((DEMO / name).read_text(encoding="utf-8"), name)
    whys = [d.why for s in read.sentences for d in s.dates]
    assert whys
    assert UNKNOWN not in whys
    assert read.unplaced == ()


def test_cli_prints_each_sentence_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "2025-06-05-envoy.txt"
    article.write_text(ENVOY, encoding="utf-8")
    code = cli.main(["explain", str(article), "--store", str(tmp_path / "events.yaml")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("2025-06-05-envoy.txt: published 2025-06-05, Wire\n")
    assert "[1] Seoul, Wednesday — The president met the envoy in Pyongyang on Tuesday.\n" in out
    assert '    "Wednesday" (2025-06-04, day)\n        skipped: the dateline' in out
    assert f"store: {tmp_path / 'events.yaml'} does not exist" in out
    assert not (tmp_path / "events.yaml").exists()


def test_cli_json_has_the_article_its_sentences_and_their_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "2025-06-05-envoy.txt"
    article.write_text(ENVOY, encoding="utf-8")
    assert (
        cli.main(["explain", str(article), "--json", "--store", str(tmp_path / "none.yaml")]) == 0
    )
    found = json.loads(capsys.readouterr().out)
    assert (found["article"], found["published"], found["store"]) == (
        "2025-06-05-envoy.txt",
        "2025-06-05",
        None,
    )
    sentence = found["sentences"][2]
    assert set(found) == {
        "article",
        "published",
        "title",
        "outlet",
        "passages",
        "dropped_chars",
        "body_chars",
        "store_events",
        "sentences",
        "unplaced",
        "store",
    }
    assert set(sentence) == {"number", "text", "entities", "dates"}
    (date,) = sentence["dates"]
    assert set(date) == {
        "text",
        "type",
        "value",
        "granularity",
        "resolution",
        "anchor",
        "attaches_to",
        "why",
        "event",
    }
    assert set(date["event"]) == {
        "happening",
        "basis",
        "title",
        "date",
        "end",
        "label",
        "category",
        "actors",
        "place",
        "id",
        "joined",
        "store_note",
    }
    assert (date["text"], date["attaches_to"], date["event"]["basis"]) == (
        "Thursday",
        "reported",
        "report",
    )


def test_cli_publish_date_option_overrides_the_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "plain.txt"
    article.write_text("The president met the envoy in Pyongyang on Tuesday.\n", encoding="utf-8")
    assert cli.main(["explain", str(article), "--published", "2025-06-12", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["sentences"][0]["dates"][0]["event"]["date"] == "2025-06-10"


def test_cli_missing_file_is_named_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.txt"
    assert cli.main(["explain", str(missing)]) == 1
    assert capsys.readouterr().err == f"Error: {missing}: no such file; check the name and folder\n"


def test_cli_article_without_publish_date_says_how_to_give_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("The president met the envoy.\n", encoding="utf-8")
    assert cli.main(["explain", str(article)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {article}: no publish date")
    assert "give --published YYYY-MM-DD" in err


def test_cli_broken_front_matter_is_named_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "broken.txt"
    article.write_text(
        "---\npublished: 2025-13-01\n---\nThe president met the envoy.\n", encoding="utf-8"
    )
    assert cli.main(["explain", str(article)]) == 1
    assert capsys.readouterr().err.startswith(f"Error: {article}:2: the front matter")


def test_a_telling_with_no_date_shows_it_only_joins_a_dated_happening() -> None:
    text = (
        "---\npublished: 2023-11-21\n---\n"
        "OpenAI named a new chief executive on Monday.\n"
        "Following this, Greg Brockman also resigned from his position at OpenAI.\n"
    )
    explanation = explained(text, "2023-11-21-openai.txt")
    (retold,) = explanation.sentences[1].dates
    assert (retold.text, retold.event is not None) == ("", True)
    assert retold.why.startswith('"resigned" is told with no date')
    assert explanation.unplaced == ()


def test_a_telling_with_no_date_is_shown_beside_a_time_that_dates_nothing() -> None:
    text = (
        "---\npublished: 2023-09-15\n---\n"
        "A judge barred Luis Rubiales from going near Jenni Hermoso on Friday.\n"
        "The judge rejected the prosecution's request for Luis Rubiales to report to the court "
        "every two weeks.\n"
    )
    explanation = explained(text, "2023-09-15-court.txt")
    assert explanation.unplaced == ()  # every event extraction made is laid on its sentence
