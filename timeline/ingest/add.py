"""`timeline add`: copy articles into the articles folder with front matter written.

Like ingest, an edge module: it reads the given files and writes into the folder. Each file
becomes `YYYY-MM-DD-slug-of-title.txt` (or `.md`) with title, publish date, outlet and URL in
its front matter; a web page becomes its extracted main text. The same text is kept once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.ingest import furniture
from timeline.ingest.frontmatter import as_text, render_front_matter, split_front_matter
from timeline.ingest.ingest import (
    HTML_SUFFIXES,
    body_hash,
    decode,
    is_ignored,
    parse_article,
    read_bytes,
)
from timeline.model import Article, TimelineError
from timeline.safewrite import write_files

ADD_PUBLISHED_OPTION = "pass the date with --published, e.g. --published 2025-06-05"


@dataclass(frozen=True)
class Added:
    """What adding one file did: the file written in the folder ("" when kept once) and why."""

    source: Path
    name: str
    message: str
    warnings: tuple[str, ...] = ()


def add_article(path: Path, folder: Path, published: date | None = None) -> Added:
    """Copy one article into `folder` with front matter; the same text already there is kept once."""
    article = parse_article(path.name, read_bytes(path), published, ADD_PUBLISHED_OPTION)
    if folder.exists() and not folder.is_dir():
        raise TimelineError(f"{folder}: is a file, not the articles folder; pass --articles FOLDER")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TimelineError(
            f"{folder}: cannot create the articles folder ({error.strerror}); check that you "
            f"may write to {folder.parent}, or pass --articles FOLDER"
        ) from error
    same = existing_texts(folder).get(body_hash(article.body))
    if same:
        return Added(path, "", f"{path}: the same text is already in {folder}/{same}; kept once")
    title = article.title or title_from_text(article) or path.stem
    suffix = ".md" if path.suffix.lower() in (".md", ".markdown") else ".txt"
    name = free_name(folder, file_name(article.published, title, suffix))
    write_files(
        [(folder / name, article_text(article, title, _original_fields(path)).encode("utf-8"))]
    )
    return Added(path, name, f"{path}: added as {folder}/{name}", article.warnings)


def existing_texts(folder: Path) -> dict[str, str]:
    """Fingerprints of the article texts already in `folder`, each to its file name."""
    texts: dict[str, str] = {}
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if is_ignored(path):
            continue
        try:
            if path.suffix.lower() in HTML_SUFFIXES:
                body = parse_article(path.name, read_bytes(path), published=date.min).body
            else:
                body = split_front_matter(path.name, decode(path.name, read_bytes(path))).body
        except TimelineError:
            continue  # a bad file is reported by the build, not here
        texts.setdefault(body_hash(body), path.name)
    return texts


def _original_fields(path: Path) -> dict[str, object]:
    if path.suffix.lower() in HTML_SUFFIXES:
        return {}
    return split_front_matter(path.name, decode(path.name, read_bytes(path))).fields


def title_from_text(article: Article) -> str:
    """The first main-text line when it reads like a headline (short, no final period)."""
    passages = furniture.main_text(article).passages
    if not passages:
        return ""
    first = re.sub(r"^#{1,6}\s+|\*\*|__", "", passages[0].text.split("\n")[0]).strip()
    return first if len(first) <= 150 and not first.endswith(".") else ""


def article_text(article: Article, title: str, original: dict[str, object]) -> str:
    """The file written into the folder: front matter (title, published, outlet, URL, kept keys) and body."""
    fields: dict[str, str] = {"title": title, "published": article.published.isoformat()}
    if article.published_time:
        fields["published"] += f" {article.published_time}"
    if article.source:
        fields["source"] = article.source
    if article.url:
        fields["url"] = article.url
    for key, value in article.extra:
        fields.setdefault(key, value)
    for key, kept in original.items():
        if key not in ("published", "date", "title", "source", "outlet", "url", "link"):
            fields.setdefault(key, as_text(kept))
    if article.published_evidence:
        fields["published_evidence"] = article.published_evidence
    body = article.body if article.body.startswith("\n") else "\n" + article.body
    return render_front_matter(fields) + body.rstrip("\n") + "\n"


def slug(title: str, max_words: int = 8) -> str:
    """A file-name slug for people: lower-case ASCII words joined by hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_title.casefold().replace("'", ""))
    return "-".join(words[:max_words]) or "article"


def file_name(published: date, title: str, suffix: str = ".txt") -> str:
    """`YYYY-MM-DD-slug-of-title.txt`."""
    return f"{published.isoformat()}-{slug(title)}{suffix}"


def free_name(folder: Path, name: str) -> str:
    """`name`, or `name` with -2, -3, ... before the suffix when a file already has it."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, number = name, 2
    while (folder / candidate).exists():
        candidate, number = f"{stem}-{number}{suffix}", number + 1
    return candidate
