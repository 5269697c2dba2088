"""Every cue in timeline/data/cues.yaml carries examples; this runs them all."""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import Any

import pytest
import yaml

from timeline.cues import present_tense
from timeline.extract import extract_events
from timeline.model import Article, MainText, Passage

_CUES: list[dict[str, Any]] = yaml.safe_load(
    resources.files("timeline.data").joinpath("cues.yaml").read_text(encoding="utf-8")
)["cues"]
EXAMPLES = [(cue["lemma"], example) for cue in _CUES for example in cue.get("examples", [])]


def test_every_cue_has_an_example() -> None:
    assert {cue["lemma"] for cue in _CUES} == {lemma for lemma, _ in EXAMPLES}


@pytest.mark.parametrize(
    ("lemma", "example"), EXAMPLES, ids=[f"{lemma}-{i}" for i, (lemma, _) in enumerate(EXAMPLES)]
)
def test_cue_example_yields_its_category(lemma: str, example: dict[str, Any]) -> None:
    text = example["sentence"]
    article = Article(name="x.txt", published=date(2025, 6, 5), body=text)
    events = extract_events(MainText(article, (Passage(0, len(text), text),)))
    assert [e.category for e in events] == [example["category"]], lemma


@pytest.mark.parametrize(
    ("past", "present"),
    [
        ("acquired", "acquires"),
        ("issued", "issues"),
        ("declined", "declines"),
        ("joined", "joins"),
        ("opened", "opens"),
        ("visited", "visits"),
        ("met", "meets"),
        ("urged", "urges"),
        ("stopped", "stops"),
        ("launched", "launches"),
        ("filed", "files"),
        ("failed", "fails"),
        ("concluded", "concludes"),
        ("created", "creates"),
        ("expelled", "expels"),
        ("exploded", "explodes"),
        ("invoked", "invokes"),
        ("developed", "develops"),
        ("welcomed", "welcomes"),
        ("cancelled", "cancels"),
        ("killed", "kills"),
        ("deplored", "deplores"),
        ("ignored", "ignores"),
        ("restored", "restores"),
        ("honored", "honors"),
        ("monitored", "monitors"),
    ],
)
def test_title_verb_is_the_third_person_present(past: str, present: str) -> None:
    assert present_tense(past) == present
