"""A cluster's kept unions answer as its members would, one by one, whatever joins and when."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events.candidates import Cluster
from timeline.events.merge import merge_events
from timeline.events.spans import Span, compatible, span_of
from timeline.model import Event, Source

_DAYS = st.integers(min_value=0, max_value=40)
_WHEN = st.one_of(
    _DAYS.map(lambda n: (date(2025, 7, 1) + timedelta(days=n)).isoformat()),
    st.sampled_from(["2025-07", "2025-08", "2025"]),
)


def _event(when: str, article: str, actor: str = "Vladimir Putin") -> Event:
    source = Source(article, "2025-08-20", f"Talks ({when})", when, date=when)
    return Event(
        id="", title="Talks", date=when, category="meeting", actors=(actor,), sources=(source,)
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(_WHEN, min_size=1, max_size=8), _WHEN)
def test_a_span_meets_a_cluster_when_it_is_compatible_with_every_member(
    members: list[str], when: str
) -> None:
    events = [_event(day, f"{index}.txt") for index, day in enumerate(members)]
    cluster = Cluster(events[0])
    for event in events[1:]:
        cluster.add(event)
    span = span_of(_event(when, "x.txt"))
    assert cluster.meets(span) == all(compatible(span, span_of(m)) for m in events)


def test_a_cluster_keeps_the_people_articles_and_places_of_every_member() -> None:
    cluster = Cluster(_event("2025-07-04", "a.txt"))
    cluster.add(_event("2025-07-04", "b.txt", "Kim Jong Un"))
    assert cluster.people == {"Vladimir Putin", "Kim Jong Un"}
    assert cluster.articles == {"a.txt", "b.txt"}
    assert (cluster.latest_first, cluster.earliest_last) == (date(2025, 7, 4), date(2025, 7, 4))


def test_a_single_day_meets_a_cluster_of_single_days_a_day_apart_only_if_near_each() -> None:
    cluster = Cluster(_event("2025-07-04", "a.txt"))
    cluster.add(_event("2025-07-05", "b.txt"))
    assert cluster.meets(Span(date(2025, 7, 5), date(2025, 7, 5)))
    assert not cluster.meets(Span(date(2025, 7, 6), date(2025, 7, 6)))


def test_many_outlets_telling_one_talk_merge_into_one_event_with_every_source() -> None:
    told = [_event("2025-07-04", f"{index:03d}.txt") for index in range(200)]
    events = merge_events(told)
    assert len(events) == 1
    assert len(events[0].sources) == 200
