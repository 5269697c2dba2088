"""Candidates met one by one in merge's order, each joining the cluster it fits best or starting
one (`cluster_all`); and the same again after a few candidates came or went (`recluster`), which
gives the very clusters `cluster_all` would, doing again only the decisions that may differ.

A candidate only weighs the clusters that share a week with it, and whether and where it joins
depends only on them and on itself. So when a candidate of the clustering before meets clusters
that are each, member for member, one of the clustering before, and the cluster it joined then is
among them (or it started one then), it decides as it did then: those clusters are the same, and a
cluster it weighed then that is not among them now, gone or changed, was one it did not join
(ties go to the earlier cluster in both runs, since clusters are started in the same order).
Every other decision is made afresh, and the clusters it touches are marked as changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from timeline.events.candidates import Candidate, Cluster, candidate_of
from timeline.events.clusters import fit
from timeline.events.spans import basis, span_of, weeks_touched
from timeline.model import Event


@dataclass(frozen=True)
class Clustering:
    """How candidates clustered: who joined which cluster, and each cluster's members."""

    order: tuple[Event, ...]  # the candidates, in the order merge met them
    joined: tuple[int, ...]  # the cluster each joined or started, counted as started
    members: tuple[tuple[Event, ...], ...]  # each cluster's members, in the order they joined
    # each cluster's twin in the clustering before (the same members), None when new or changed
    twins: tuple[int | None, ...]


class _Run:
    """Clusters in the making, and which share each week. A cluster's unions (`Cluster`) are
    worked out when a candidate is first weighed against it: most clusters a recluster takes as
    they were are never weighed."""

    def __init__(self) -> None:
        self.members: list[list[Event]] = []  # each cluster's members, in the order they joined
        self.weighed: dict[int, Cluster] = {}  # the unions of the clusters weighed so far
        self.by_week: dict[int, set[int]] = {}  # clusters whose members touch each week
        self.joined: list[int] = []

    def nearby(self, weeks: range) -> list[int]:
        """The clusters sharing a week with these: the only ones a candidate may fit."""
        return sorted(set().union(*(self.by_week.get(week, ()) for week in weeks)))

    def best(self, candidate: Candidate, nearby: list[int]) -> int | None:
        """The cluster the candidate fits best (the earliest of equals), None when none fits."""
        best, best_score = None, 0.0
        for index in nearby:
            score = fit(candidate, self.cluster(index))
            if score > best_score:
                best, best_score = index, score
        return best

    def cluster(self, index: int) -> Cluster:
        """A cluster's unions, up to date with its members so far."""
        found = self.weighed.get(index)
        if found is None:
            head, *rest = self.members[index]
            found = Cluster(head)
            for member in rest:
                found.add(member)
            self.weighed[index] = found
        return found

    def place(self, event: Event, cluster: int | None, weeks: range) -> int:
        """The event joins the cluster, or starts one when None: the cluster's index."""
        if cluster is None:
            cluster = len(self.members)
            self.members.append([event])
        else:
            self.members[cluster].append(event)
            weighed = self.weighed.get(cluster)
            if weighed is not None:
                weighed.add(event)
        for week in weeks:
            self.by_week.setdefault(week, set()).add(cluster)
        self.joined.append(cluster)
        return cluster

    def clustering(self, order: Sequence[Event], twins: Sequence[int | None]) -> Clustering:
        members = tuple(tuple(members) for members in self.members)
        return Clustering(tuple(order), tuple(self.joined), members, tuple(twins))


def cluster_all(order: Sequence[Event]) -> Clustering:
    """Each candidate, in this order, joins the cluster it fits best or starts one."""
    run = _Run()
    for event in order:
        candidate = candidate_of(event)
        weeks = weeks_touched(candidate.span)
        run.place(event, run.best(candidate, run.nearby(weeks)), _registered(event, weeks))
    return run.clustering(order, [None] * len(run.members))


class _Twins:
    """Which clusters of this run still have the same members as which of the run before."""

    def __init__(self, before: Clustering) -> None:
        self.of: list[int | None] = []  # each cluster's twin before, while it has one
        self.now: dict[int, int] = {}  # a cluster before -> its twin now
        self.broken: set[int] = set()  # clusters before that no cluster now can be the same as
        self.started: dict[int, int] = {}  # a cluster before -> where in its order it started
        for position, cluster in enumerate(before.joined):
            self.started.setdefault(cluster, position)

    def clean(self, clusters: list[int]) -> bool:
        return all(self.of[index] is not None for index in clusters)

    def break_before(self, cluster: int) -> None:
        """A cluster before loses its twin now (a member gone, or one that joined elsewhere)."""
        self.broken.add(cluster)
        now = self.now.pop(cluster, None)
        if now is not None:
            self.of[now] = None

    def change(self, cluster: int) -> None:
        """A cluster now takes a member its twin did not: they are no longer the same."""
        twin = self.of[cluster]
        if twin is not None:
            self.break_before(twin)

    def pair(self, now: int, before: int) -> None:
        self.of[now] = before
        self.now[before] = now


def recluster(order: Sequence[Event], before: Clustering) -> Clustering:
    """What `cluster_all(order)` gives, taking from `before` every decision nothing it was made
    on has changed since: candidates are the same when they are equal (the n-th of equal ones
    now is the n-th then), so `before` may come from an earlier build (see timeline.memo)."""
    run, twins = _Run(), _Twins(before)
    keys = _keys(order)
    present = set(keys)
    position: dict[tuple[Event, int], int] = {}
    gone: list[int] = []
    for index, key in enumerate(_keys(before.order)):
        position[key] = index
        if key not in present:
            gone.append(index)
    gone.reverse()  # popped from the end: the earliest first
    for event, key in zip(order, keys, strict=True):
        was = position.get(key)
        while gone and was is not None and gone[-1] < was:
            twins.break_before(before.joined[gone.pop()])  # a member it had by then is gone
        weeks = weeks_touched(span_of(event))
        nearby = run.nearby(weeks)
        then = before.joined[was] if was is not None else None
        started = then is not None and twins.started[then] == was and then not in twins.broken
        if then is not None and twins.clean(nearby) and (started or then in twins.now):
            best = None if started else twins.now[then]  # as it decided then
        else:
            best = run.best(candidate_of(event), nearby)
            if then is None or (not started if best is None else twins.now.get(then) != best):
                if best is not None:
                    twins.change(best)
                if then is not None:
                    twins.break_before(then)
                started = False
        cluster = run.place(event, best, _registered(event, weeks))
        if best is None:  # a cluster started: the twin of the one started then, if it was
            twins.of.append(None)
            if started and then is not None:
                twins.pair(cluster, then)
    for index in gone:
        twins.break_before(before.joined[index])
    return run.clustering(order, twins.of)


def _registered(event: Event, weeks: range) -> range:
    """The weeks a cluster is found by once the event is in it: none for a telling with no date,
    which joins a cluster already found by its dated members, or starts one nothing joins."""
    return range(0) if basis(event) == "undated" else weeks


def _keys(order: Sequence[Event]) -> list[tuple[Event, int]]:
    """Each candidate with how many equal ones come before it: equal candidates (one sentence
    told twice) are told apart by their turn, and fit weighs them alike."""
    seen: dict[Event, int] = {}
    keys = []
    for event in order:
        turn = seen.get(event, 0)
        seen[event] = turn + 1
        keys.append((event, turn))
    return keys
