"""Read the articles folder: .txt, .md and saved .html pages into Article values.

The article format: UTF-8 text or Markdown, optionally starting with a YAML front matter block
between two `---` lines. `published` is required (ISO date, optionally with a time and zone,
quoted or not; `date` is read as an alias); `title`, `source` (or `outlet`) and `url` (or
`link`) are optional; any other key is kept in Article.extra as text, never an error. Saved
web pages (.html, .htm) give their main text and metadata through trafilatura.

Without a `published` date, the date is inferred from the text (see pubdate.py), recorded in
Article.published_evidence and warned about in Article.warnings; with no support at all the
file is skipped with how to add one. Never the file's time or the clock.

Each file is checked on its own; a bad file (binary, not UTF-8, empty, too large, broken front
matter, a `published` that is no date or lies years after every other article, the same text
as another file) becomes a Skipped entry with the reason and what to do, and the rest still
build. Hidden files, README/LICENSE-like files, backups (`name~`) and folders without articles
are ignored quietly; a sub-folder holding articles is reported (as `name/`), since they are not
read. Files are read in name order, so the result is the same on every machine.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from timeline.days import read_day_and_time
from timeline.ingest import pubdate, webpage
from timeline.ingest.frontmatter import as_text, field_line, parse_published, split_front_matter
from timeline.model import Article, TimelineError
from timeline.textfile import NotUtf8, decode_text

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
MAX_TEXT_BYTES = 5_000_000
MAX_HTML_BYTES = 20_000_000
FUTURE_GAP_DAYS = 2 * 365  # a publish date this far past every other article is likely a typo
_IGNORED = re.compile(
    r"(readme|license|licence|changelog|contributing)(\.\w+)?|thumbs\.db|desktop\.ini",
    re.IGNORECASE,
)
# Front matter keys the tool reads, with the aliases people use from blog tools.
_KEYS = {
    "published": ("published", "date"),
    "title": ("title",),
    "source": ("source", "outlet"),
    "url": ("url", "link"),
}
# Files people rename to .txt by mistake, told by their first bytes.
_OTHER_FORMATS = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a Word (.docx), OpenDocument or other zipped file"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) or other Office file"),
    (b"{\\rtf", "a rich text (.rtf) file"),
)
SUBFOLDER = (
    "a folder with articles in it; articles in sub-folders are not read: move them up into "
    "the articles folder, or move the folder out (or start its name with '.') to silence this"
)
ADD_PUBLISHED = (
    "add a front matter block with its publish date at the top of the file, e.g.\n"
    "---\npublished: 2025-06-05\n---"
)


@dataclass(frozen=True)
class Skipped:
    """A file in the articles folder that was not read, and why (with what to do)."""

    name: str
    reason: str


FileKey = tuple[str, str]  # a file's name and a digest of its bytes


class ParsedFiles:
    """Articles parsed before, by file name and bytes (`known`): a file whose bytes have not
    changed is not parsed again. Remembers what each file read now gave (`used`)."""

    def __init__(self, known: Mapping[FileKey, Article] | None = None) -> None:
        self.known = known or {}
        self.used: dict[FileKey, Article] = {}

    def article(self, name: str, raw: bytes) -> Article:
        """`parse_article(name, raw)`, from what was parsed before when it holds these bytes."""
        key = (name, hashlib.blake2b(raw, digest_size=16).hexdigest())
        article = self.known.get(key)
        if article is None:
            article = parse_article(name, raw)
        self.used[key] = article
        return article


def read_articles(
    folder: Path, parsed: ParsedFiles | None = None
) -> tuple[list[Article], list[Skipped]]:
    """Every article in `folder`, in name order, and the files skipped with their reasons;
    `parsed` gives what files parsed before gave, when their bytes are the same."""
    if folder.exists() and not folder.is_dir():
        raise TimelineError(
            f"{folder}: is a file, not a folder of articles; pass --articles FOLDER, the folder "
            "that holds the .txt, .md or .html articles"
        )
    if not folder.is_dir():
        raise TimelineError(
            f"{folder}: no such folder of articles; create it and put .txt, .md or .html "
            "articles in it, or pass --articles FOLDER"
        )
    try:
        paths = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as error:
        raise TimelineError(
            f"{folder}: cannot list the articles folder ({error.strerror}); check that you may "
            "read it (its permissions) and build again"
        ) from error
    files = parsed if parsed is not None else ParsedFiles()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in paths:
        if _holds_articles(path):
            skipped.append(Skipped(f"{path.name}/", SUBFOLDER))
            continue
        if is_ignored(path):
            continue
        try:
            raw = read_bytes(path)
            articles.append(files.article(path.name, raw))
        except TimelineError as error:
            skipped.append(Skipped(path.name, _reason(path.name, error)))
    articles, more = _check_folder(articles)
    skipped.extend(more)
    return articles, sorted(skipped, key=lambda s: s.name)


def is_ignored(path: Path) -> bool:
    """Files that are not articles and are passed over quietly: hidden, README-like, folders."""
    name = path.name
    return (
        name.startswith(".")
        or name.endswith("~")
        or bool(_IGNORED.fullmatch(name))
        or path.is_dir()
    )


def _holds_articles(path: Path) -> bool:
    """A visible sub-folder with article files in it: those are not read, and the user is told."""
    if path.name.startswith(".") or not path.is_dir():
        return False
    try:
        return any(
            child.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES and not is_ignored(child)
            for child in path.rglob("*")
        )
    except OSError:
        return False


def read_bytes(path: Path) -> bytes:
    """A file's bytes, refused with a clear reason when too large or unreadable."""
    limit = MAX_HTML_BYTES if path.suffix.lower() in HTML_SUFFIXES else MAX_TEXT_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise TimelineError(
                f"{path.name}: too large ({size:,} bytes; the limit is {limit:,} bytes for "
                f"{path.suffix or 'this kind of'} files); keep only the article text"
            )
        return path.read_bytes()
    except OSError as error:
        what = "the file it links to" if path.is_symlink() else "the file"
        raise TimelineError(
            f"{path.name}: cannot be read ({error.strerror}); check that {what} exists and that "
            "you may read it"
        ) from error


def _reason(name: str, error: TimelineError) -> str:
    message = str(error)
    return message[len(name) :].lstrip(",: ") if message.startswith(name) else message


def parse_article(
    name: str, raw: bytes, published: date | None = None, how_to_date: str = ADD_PUBLISHED
) -> Article:
    """One article from a file's name and bytes; TimelineError says what is wrong and what to do.

    `published`, when given, is the publish date and nothing is inferred; `how_to_date` ends
    the error when no publish date can be found.
    """
    suffix = Path(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise TimelineError(
            f"{name}: not an article file; articles are .txt, .md or .html files: open it and "
            "save or export the article as plain text (.txt), or save the web page as .html"
        )
    limit = MAX_HTML_BYTES if suffix in HTML_SUFFIXES else MAX_TEXT_BYTES
    if len(raw) > limit:
        raise TimelineError(f"{name}: too large ({len(raw):,} bytes; the limit is {limit:,} bytes)")
    if not raw.strip():
        raise TimelineError(
            f"{name}: the file is empty; paste the article text into it or delete it"
        )
    if suffix in HTML_SUFFIXES:
        article = _from_page(name, raw, published is None, how_to_date)
    else:
        article = _from_text(name, decode(name, raw), published is None, how_to_date)
    if published is not None:
        return replace(
            article, published=published, published_time="", published_evidence="", warnings=()
        )
    return article


def decode(name: str, raw: bytes) -> str:
    """The text of a UTF-8 file with newlines as `\\n`; TimelineError for binary or other encodings."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TimelineError(f"{name}: the file is UTF-16 text; save it as UTF-8")
    for magic, kind in _OTHER_FORMATS:
        if raw.startswith(magic):
            raise TimelineError(
                f"{name}: {kind} with a text file's name, not text; open it in the program that "
                "made it and save or export the article as plain text (.txt)"
            )
    if b"\x00" in raw[:8192]:
        raise TimelineError(
            f"{name}: a binary file (it contains NUL bytes), not text; save the article as "
            ".txt, .md or .html"
        )
    try:
        text = decode_text(raw)
    except NotUtf8 as error:
        raise TimelineError(f"{name}, line {error.line}: {error}") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TimelineError(
            f"{name}: the file is empty; paste the article text into it or delete it"
        )
    return text


def _pick(fields: dict[str, object], key: str) -> tuple[str, object]:
    for alias in _KEYS[key]:
        if alias in fields and fields[alias] is not None and fields[alias] != "":
            return alias, fields[alias]
    return "", None


def _from_text(name: str, text: str, infer: bool, how_to_date: str) -> Article:
    front = split_front_matter(name, text)
    if not front.body.strip():
        raise TimelineError(
            f"{name}: the article has front matter but no text after it; paste the text below the closing '---'"
        )
    used = {alias for key in _KEYS for alias in _KEYS[key][:1]}
    key, value = _pick(front.fields, "published")
    used.add(key)
    title_key, title = _pick(front.fields, "title")
    source_key, source = _pick(front.fields, "source")
    url_key, url = _pick(front.fields, "url")
    used.update(
        alias for k in ("title", "source", "url") for alias in _KEYS[k] if alias in front.fields
    )
    extra = tuple((k, as_text(v)) for k, v in front.fields.items() if k not in used)
    article = Article(
        name=name,
        published=date.min,
        body=front.body,
        title=as_text(title),
        source=as_text(source),
        url=as_text(url),
        extra=extra,
        warnings=_not_text(text, (title_key, title), (source_key, source), (url_key, url)),
    )
    if value is not None:
        published = parse_published(name, value, field_line(text, key))
        return replace(article, published=published.day, published_time=published.time)
    if not infer:
        return article
    missing = "front matter gives no 'published' date"
    return _infer(article, front.body_line, missing, how_to_date)


def _not_text(text: str, *fields: tuple[str, object]) -> tuple[str, ...]:
    """Warnings for front matter fields that should be one line of text but are a list or mapping."""
    return tuple(
        f"line {field_line(text, key)}: '{key}' is "
        f"{'a list' if isinstance(value, list) else 'a set of fields'}, not one line of text; "
        f"it is used as written ({as_text(value)}); write it as one line"
        for key, value in fields
        if isinstance(value, (list, dict))
    )


def _from_page(name: str, raw: bytes, infer: bool, how_to_date: str) -> Article:
    page = webpage.read_page(name, raw)
    size = len(page.text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise TimelineError(
            f"{name}: the page's main text is too large ({size:,} bytes; the limit is "
            f"{MAX_TEXT_BYTES:,} bytes for an article's text); save only the article's page"
        )
    extra = (("author", page.author),) if page.author else ()
    article = Article(
        name=name,
        published=date.min,
        body=page.text,
        title=page.title,
        source=page.sitename,
        url=page.url,
        extra=extra,
    )
    if page.published:
        return replace(
            article,
            published=read_day_and_time(page.published)[0],
            published_evidence="the web page's metadata (publish date in its markup)",
        )
    if not infer:
        return article
    return _infer(article, 1, "the web page's metadata gives no publish date", how_to_date)


def _infer(article: Article, first_line: int, missing: str, how_to_date: str) -> Article:
    inference = pubdate.infer(article.body, article.name, article.url, first_line)
    if inference.found is None:
        seen = f"; {inference.hint}" if inference.hint else ""
        raise TimelineError(
            f"{article.name}: no publish date: {missing} and the text shows none (no byline "
            f"date, dateline or 'Published:' line near the top){seen}; {how_to_date}"
        )
    found = inference.found
    evidence = f"inferred from {found.evidence}"
    warning = (
        f"{missing}; publish date {found.published.isoformat()} {evidence}; if that is wrong, "
        f"add 'published: YYYY-MM-DD' to the front matter"
    )
    return replace(
        article,
        published=found.published,
        published_time=found.time,
        published_evidence=evidence,
        warnings=article.warnings + (warning,),
    )


def body_hash(body: str) -> str:
    """A fingerprint of an article's text that ignores spacing and line endings."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def _check_folder(articles: list[Article]) -> tuple[list[Article], list[Skipped]]:
    """Drop duplicates (same text) and dates years after every other article (likely typos)."""
    kept: list[Article] = []
    skipped: list[Skipped] = []
    first_of: dict[str, str] = {}
    for article in articles:
        digest = body_hash(article.body)
        if digest in first_of:
            skipped.append(
                Skipped(
                    article.name, f"the same text as {first_of[digest]}; kept once, as that file"
                )
            )
        else:
            first_of[digest] = article.name
            kept.append(article)
    result: list[Article] = []
    # the newest of the others: the newest of all, but for the newest itself the runner-up
    latest = sorted(range(len(kept)), key=lambda index: kept[index].published)[-2:]
    for index, article in enumerate(kept):
        others = [kept[other].published for other in latest if other != index]
        newest = max(others, default=None)
        if newest is not None and (article.published - newest).days > FUTURE_GAP_DAYS:
            years = (article.published - newest).days // 365
            skipped.append(
                Skipped(
                    article.name,
                    f"published {article.published.isoformat()} is {years} years after the newest "
                    f"other article ({newest.isoformat()}), likely a typo; fix 'published:' in its front matter",
                )
            )
        else:
            result.append(article)
    return result, skipped
