"""Event dates as people write them, for every qualifier and granularity."""

from __future__ import annotations

import pytest

from timeline.temporal.when import label


@pytest.mark.parametrize(
    ("iso", "end", "qualifier", "written"),
    [
        ("2025-06-04", "", "", "4 June 2025"),
        ("2025-06", "", "", "June 2025"),
        ("2025", "", "", "2025"),
        ("2025", "", "early", "early 2025"),
        ("2025-06", "", "mid", "mid-June 2025"),
        ("2024", "", "late", "late 2024"),
        ("2025-06-04", "", "about", "about 4 June 2025"),
        ("2025-06-05", "", "before", "by 5 June 2025"),
        ("2025-06-05", "", "after", "after 5 June 2025"),
        ("2022-03", "", "since", "since March 2022"),
        ("2025-08-15", "2025-08-17", "", "15–17 August 2025"),
        ("2025-05-28", "2025-06-03", "", "28 May – 3 June 2025"),
        ("2025-05-26", "2025-06-01", "", "week of 26 May 2025"),
        ("2025-06-09", "2025-06-15", "about", "about the week of 9 June 2025"),
        ("2025-01", "2025-06", "", "January–June 2025"),
        ("2024-11", "2025-02", "", "November 2024 – February 2025"),
        ("2022", "2024", "", "2022–2024"),
        ("2024-12-30", "2025-01-02", "", "30 December 2024 – 2 January 2025"),
    ],
)
def test_label_writes_the_date_as_a_chronology_does(
    iso: str, end: str, qualifier: str, written: str
) -> None:
    assert label(iso, end, qualifier) == written
