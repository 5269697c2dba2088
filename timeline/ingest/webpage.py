"""Saved web pages: main text and metadata through trafilatura (dates through htmldate).

The one seam for trafilatura. Dates come from the page's markup only (no text search), and
the latest date htmldate may accept is fixed, so the result never depends on today's date.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.model import TimelineError

# htmldate rejects dates after `max_date`, which defaults to today; a fixed bound keeps
# extraction independent of the clock.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2999-12-31"}


@dataclass(frozen=True)
class Page:
    """What a saved web page says about itself, and its main text."""

    text: str
    title: str = ""
    sitename: str = ""
    author: str = ""
    url: str = ""
    published: str = ""  # ISO date from the page's metadata, "" when it gives none


def read_page(name: str, html: bytes) -> Page:
    """Extract the main text and metadata of a saved page; TimelineError when it has no text."""
    import trafilatura  # imported here: a slow import only .html files need

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise TimelineError(
            f"{name}: no article text found in this web page; save the article text as a "
            ".txt file with a front matter block instead"
        )
    return Page(
        text=text + "\n",
        title=_field(document, "title"),
        sitename=_field(document, "sitename"),
        author=_field(document, "author"),
        url=_field(document, "url"),
        published=_field(document, "date"),
    )


def _field(document: object, key: str) -> str:
    value = getattr(document, key, None)
    return str(value).strip() if value else ""
