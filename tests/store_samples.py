"""Hand-built events shared by the store and three-way merge tests."""

from __future__ import annotations

from timeline.model import Event, Source

KIM = Source("kim.txt", "2025-06-05", "Meeting Shoigu on Wednesday, Kim said he backs Russia.", "on Wednesday")
VISIT = Event(
    "shoigu-visit-2025-06-04",
    "Shoigu visits Pyongyang",
    "2025-06-04",
    "visit",
    actors=("Sergei Shoigu", "Kim Jong Un"),
    place="Pyongyang",
    sources=(KIM,),
)
