"""Every example written next to a temporal rule or vocabulary entry runs here."""

from __future__ import annotations

import pytest

from timeline.temporal import tag
from timeline.temporal.vocabulary import Example, rules, vocabulary

EXAMPLES = [example for rule in rules() for example in rule.examples] + list(vocabulary().examples)


def test_every_rule_has_an_example() -> None:
    assert [rule.name for rule in rules() if not rule.examples] == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.source}: {e.text}")
def test_rule_example(example: Example) -> None:
    found = tag(example.text, example.published)
    if example.value is None:
        assert found == []
        return
    if example.span:
        found = [timex for timex in found if timex.text == example.span]
    assert [timex.value for timex in found] == [example.value], found
