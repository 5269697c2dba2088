"""The `timeline tag` formats: a publish date from the command line, JSON Lines for batches."""

from __future__ import annotations

import json
from datetime import date

from timeline.model import TimelineError
from timeline.temporal import tag


def parse_published(text: str, where: str = "--published") -> date:
    """An ISO publish date (YYYY-MM-DD, a time part ignored); TimelineError names `where`."""
    written = str(text).strip()
    try:
        if written[10:11] not in ("", "T", " "):  # a time may follow, nothing else
            raise ValueError(written)
        return date.fromisoformat(written[:10])
    except ValueError:
        raise TimelineError(
            f"{where}: {text!r} is not a date; give the publish date as YYYY-MM-DD"
        ) from None


def tag_json(text: str, published: date) -> list[dict[str, object]]:
    """The JSON-ready list `timeline tag` prints for one text."""
    return [timex.to_json() for timex in tag(text, published)]


def tag_record(line: str, where: str) -> str:
    """One JSON Lines record {"id","text","published"} in, one {"id","timexes"} line out."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise TimelineError(f"{where}: not JSON ({error.msg}); one JSON object per line") from None
    if not isinstance(record, dict) or "text" not in record or "published" not in record:
        raise TimelineError(f"{where}: a record needs \"text\" and \"published\" (and an \"id\")")
    if not isinstance(record["text"], str):
        raise TimelineError(f"{where}: \"text\" must be a string, the text to tag")
    published = parse_published(record["published"], f"{where}: published")
    timexes = tag_json(str(record["text"]), published)
    return json.dumps({"id": record.get("id"), "timexes": timexes}, ensure_ascii=False)
