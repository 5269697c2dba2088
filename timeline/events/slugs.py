"""Stable event ids: the slug of the title and the date ("shoigu-meets-kim-jong-un-2025-06-04")."""

from __future__ import annotations

import re
import unicodedata

_MAX_WORDS = 8


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, at most a few words."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'s", ""))
    return "-".join(words[:_MAX_WORDS]) or "event"


def event_id(title: str, iso_date: str) -> str:
    """The id of an event: its title's slug and its date."""
    return f"{slug(title)}-{iso_date}"
