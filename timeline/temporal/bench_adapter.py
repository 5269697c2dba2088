"""Adapter for ../shared/bench/score_timex.py: `--adapter timeline.temporal.bench_adapter:tag`."""

from __future__ import annotations

from timeline import temporal
from timeline.days import read_day_and_time


def tag(text: str, dct_iso: str) -> list[dict[str, object]]:
    """The scorer's predictor signature: text and ISO publish date in, JSON-ready dicts out."""
    return [timex.to_json() for timex in temporal.tag(text, read_day_and_time(dct_iso)[0])]
