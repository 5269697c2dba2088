"""Merging again with the merge before: the same events as merging afresh, only quicker."""

from __future__ import annotations

import functools
import pickle
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events.extracting import extract_batch
from timeline.events.merge import merge_events, merge_record
from timeline.ingest.ingest import read_articles
from timeline.model import Event

DEMO = Path(__file__).resolve().parents[2] / "articles"


@functools.cache
def demo_candidates() -> tuple[tuple[Event, ...], ...]:
    """Each demo article's candidates (several tell one happening: merge has work to do)."""
    articles, _ = read_articles(DEMO)
    return tuple(found.events for found in extract_batch(articles))


def _chosen(kept: list[bool]) -> list[Event]:
    return [event for keep, events in zip(kept, demo_candidates()) if keep for event in events]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.booleans(), min_size=5, max_size=5), st.lists(st.booleans(), min_size=5, max_size=5)
)
def test_merging_again_gives_what_merging_afresh_gives(before: list[bool], now: list[bool]) -> None:
    earlier = merge_record(_chosen(before))
    assert merge_events(_chosen(now), before=earlier) == merge_events(_chosen(now))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_merging_again_after_candidates_come_and_go_gives_what_merging_afresh_gives(
    data: st.DataObject,
) -> None:
    pool = [event for events in demo_candidates() for event in events]
    before = data.draw(st.lists(st.sampled_from(range(len(pool))), unique=True))
    now = data.draw(st.lists(st.sampled_from(range(len(pool))), unique=True))
    earlier = merge_record([pool[i] for i in sorted(before)])
    assert merge_events([pool[i] for i in sorted(now)], before=earlier) == merge_events(
        [pool[i] for i in sorted(now)]
    )


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_merging_again_from_an_earlier_builds_merge_gives_what_merging_afresh_gives(
    data: st.DataObject,
) -> None:
    pool = [event for events in demo_candidates() for event in events]
    before = data.draw(st.lists(st.sampled_from(range(len(pool))), unique=True))
    now = data.draw(st.lists(st.sampled_from(range(len(pool))), unique=True))
    # as the memo gives it back: equal candidates, none the same object as this build's
    earlier = pickle.loads(pickle.dumps(merge_record([pool[i] for i in sorted(before)])))
    assert merge_events([pool[i] for i in sorted(now)], before=earlier) == merge_events(
        [pool[i] for i in sorted(now)]
    )


def test_merging_the_same_candidates_again_takes_every_cluster_as_it_was() -> None:
    candidates = _chosen([True] * 5)
    again = merge_record(candidates, before=merge_record(candidates))
    assert None not in again.clustering.twins


def test_a_new_articles_candidates_change_only_the_clusters_they_join() -> None:
    new = demo_candidates()[-1]
    again = merge_record(
        [*_chosen([True] * 4 + [False]), *new], before=merge_record(_chosen([True] * 4 + [False]))
    )
    changed = [
        members
        for members, twin in zip(again.clustering.members, again.clustering.twins, strict=True)
        if twin is None
    ]
    assert changed and all(set(members) & set(new) for members in changed)
    assert len(changed) < len(again.clustering.members)
