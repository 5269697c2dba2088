"""Every example in data/furniture.yaml runs: cues catch their examples and leave real text alone."""

from __future__ import annotations

import pytest

from timeline.ingest import furniture

DATA = furniture.cue_data()
SECTION_EXAMPLES = [(c["reason"], e) for c in DATA["sections"] for e in c["examples"]]
SECTION_COUNTER = [e for c in DATA["sections"] for e in c.get("not", [])]
LINE_EXAMPLES = [(c["reason"], e) for c in DATA["lines"] for e in c["examples"]]
LINE_COUNTER = [e for c in DATA["lines"] for e in c.get("not", [])]


@pytest.mark.parametrize(("reason", "heading"), SECTION_EXAMPLES)
def test_section_heading_examples_start_their_section(reason: str, heading: str) -> None:
    cue = furniture.section_cue(heading)
    assert cue is not None and cue.reason == reason


@pytest.mark.parametrize("text", SECTION_COUNTER + LINE_COUNTER)
def test_counterexamples_are_no_section_heading(text: str) -> None:
    assert furniture.section_cue(text) is None


@pytest.mark.parametrize(("reason", "line"), LINE_EXAMPLES)
def test_line_examples_are_furniture_for_their_reason(reason: str, line: str) -> None:
    assert furniture.line_reason(line) == reason


@pytest.mark.parametrize("text", LINE_COUNTER + SECTION_COUNTER)
def test_counterexamples_are_main_text(text: str) -> None:
    assert furniture.line_reason(text) is None


@pytest.mark.parametrize("line", DATA["promo"]["examples"])
def test_promo_examples_are_promotional(line: str) -> None:
    assert furniture.is_promo(line)


@pytest.mark.parametrize("line", DATA["promo"]["not"] + LINE_COUNTER)
def test_promo_counterexamples_are_not_promotional(line: str) -> None:
    assert not furniture.is_promo(line)
