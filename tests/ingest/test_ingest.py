"""Reading the articles folder: the article format, bad files skipped with a reason, the rest read."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.ingest import ingest
from timeline.model import Article, TimelineError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BODY = "North Korean leader Kim Jong Un met Russia's security chief in Pyongyang on Wednesday.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def read_one(
    folder: Path, name: str, content: str | bytes
) -> tuple[list[Article], list[ingest.Skipped]]:
    write(folder, name, content)
    return ingest.read_articles(folder)


def only_reason(folder: Path, name: str, content: str | bytes) -> str:
    articles, skipped = read_one(folder, name, content)
    assert articles == [] and [s.name for s in skipped] == [name]
    return skipped[0].reason


@pytest.mark.parametrize(
    ("value", "published", "time"),
    [
        ("2025-06-05", date(2025, 6, 5), ""),
        ("'2025-06-05'", date(2025, 6, 5), ""),
        ("2025-06-05T10:30:00+09:00", date(2025, 6, 5), "10:30:00+09:00"),
        ("2025-06-05 10:30:00Z", date(2025, 6, 5), "10:30:00Z"),
        ("'2025-06-05T10:30+09:00'", date(2025, 6, 5), "10:30+09:00"),
        ("2025-06-05 10:30 KST", date(2025, 6, 5), "10:30 KST"),
    ],
)
def test_published_in_front_matter_as_date_datetime_or_string(
    tmp_path: Path, value: str, published: date, time: str
) -> None:
    (article,), _ = read_one(tmp_path, "a.txt", f"---\npublished: {value}\n---\n{BODY}")
    assert (article.published, article.published_time, article.published_evidence) == (
        published,
        time,
        "",
    )


def test_front_matter_fields_and_verbatim_body(tmp_path: Path) -> None:
    text = f"---\ntitle: Kim meets Shoigu\nsource: Daily Herald\nurl: https://example.com/a\npublished: 2025-06-05\n---\n{BODY}"
    (article,), _ = read_one(tmp_path, "a.md", text)
    assert (article.title, article.source, article.url, article.body) == (
        "Kim meets Shoigu",
        "Daily Herald",
        "https://example.com/a",
        BODY,
    )


def test_unknown_front_matter_keys_are_kept_as_text(tmp_path: Path) -> None:
    text = f"---\npublished: 2025-06-05\nauthor: Jane Doe\ntags: [korea, russia]\npaywalled: true\nseen: 2025-06-06\n---\n{BODY}"
    (article,), skipped = read_one(tmp_path, "a.txt", text)
    assert skipped == []
    assert article.extra == (
        ("author", "Jane Doe"),
        ("tags", '["korea", "russia"]'),
        ("paywalled", "true"),
        ("seen", "2025-06-06"),
    )


def test_date_key_is_read_as_published(tmp_path: Path) -> None:
    (article,), _ = read_one(tmp_path, "a.md", f"---\ndate: 2025-06-05\n---\n{BODY}")
    assert article.published == date(2025, 6, 5) and article.extra == ()


def test_missing_folder_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(TimelineError, match="nope: no such folder of articles"):
        ingest.read_articles(tmp_path / "nope")


def test_files_are_read_in_name_order_and_non_articles_ignored(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", ".hidden.txt", "README.md", "LICENSE", "notes.txt~"):
        write(tmp_path, name, f"---\npublished: 2025-06-05\n---\n{name} {BODY}")
    (tmp_path / "sub").mkdir()
    articles, skipped = ingest.read_articles(tmp_path)
    assert [a.name for a in articles] == ["a.md", "b.txt"] and skipped == []


def test_other_file_types_are_skipped_with_the_types_accepted(tmp_path: Path) -> None:
    assert "articles are .txt, .md or .html files" in only_reason(tmp_path, "a.pdf", b"%PDF-1.4")


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    assert "binary file (it contains NUL bytes)" in only_reason(
        tmp_path, "a.txt", b"abc\x00\x01def"
    )


def test_file_not_in_utf8_names_its_line_and_the_byte(tmp_path: Path) -> None:
    reason = only_reason(
        tmp_path, "a.txt", "---\npublished: 2025-06-05\n---\nCaf\xe9 society\n".encode("latin-1")
    )
    assert (
        reason
        == "line 4: not UTF-8 text (byte 33 is 0xe9, likely 'é' saved as Windows-1252 or Latin-1); save the file as UTF-8 (in your editor: Save As, encoding UTF-8)"
    )


def test_utf16_file_says_to_save_as_utf8(tmp_path: Path) -> None:
    assert "UTF-16" in only_reason(tmp_path, "a.txt", "published".encode("utf-16"))


@pytest.mark.parametrize("content", [b"", b"  \n\n \t\n"])
def test_empty_file_is_skipped(tmp_path: Path, content: bytes) -> None:
    assert only_reason(tmp_path, "a.txt", content).startswith("the file is empty")


def test_front_matter_without_text_is_skipped(tmp_path: Path) -> None:
    assert "no text after it" in only_reason(
        tmp_path, "a.txt", "---\npublished: 2025-06-05\n---\n\n"
    )


def test_very_large_file_is_skipped_and_the_limit_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "MAX_TEXT_BYTES", 100)
    reason = only_reason(tmp_path, "a.txt", f"---\npublished: 2025-06-05\n---\n{BODY * 3}")
    assert reason.startswith("too large (") and "the limit is 100 bytes" in reason


def test_broken_front_matter_names_the_line_and_what_to_do(tmp_path: Path) -> None:
    reason = only_reason(
        tmp_path, "a.txt", f"---\npublished: 2025-06-05\ntitle: Kim: a profile\n---\n{BODY}"
    )
    assert reason.startswith("line 3: the front matter is not valid YAML")
    assert "quote values" in reason


def test_unclosed_front_matter_says_to_close_it(tmp_path: Path) -> None:
    reason = only_reason(tmp_path, "a.txt", f"---\npublished: 2025-06-05\n{BODY}")
    assert reason.startswith("line 1:") and "add a line '---'" in reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("next Tuesday", "line 2: published: 'next Tuesday' is not a date"),
        ("2025", "line 2: published: 2025 is only a year"),
        ("2025-02-30", "line 2: the front matter has a value YAML cannot read"),
        ("'2025-13-01'", "line 2: published: '2025-13-01' is not a date"),
    ],
)
def test_published_that_is_not_a_date_is_skipped(tmp_path: Path, value: str, expected: str) -> None:
    reason = only_reason(tmp_path, "a.txt", f"---\npublished: {value}\n---\n{BODY}")
    assert reason.startswith(expected)


def test_published_years_after_the_newest_other_article_is_a_likely_typo(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"---\npublished: 2025-06-05\n---\n{BODY}")
    write(tmp_path, "b.txt", f"---\npublished: 2025-08-17\n---\nOther {BODY}")
    write(tmp_path, "c.txt", f"---\npublished: 2052-06-05\n---\nThird {BODY}")
    articles, skipped = ingest.read_articles(tmp_path)
    assert [a.name for a in articles] == ["a.txt", "b.txt"]
    assert [(s.name, s.reason) for s in skipped] == [
        (
            "c.txt",
            (
                "published 2052-06-05 is 26 years after the newest other article (2025-08-17), "
                "likely a typo; fix 'published:' in its front matter"
            ),
        )
    ]


def test_same_text_twice_is_read_once(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"---\npublished: 2025-06-05\n---\n{BODY}")
    write(tmp_path, "b.txt", f"---\npublished: 2025-06-05\ntitle: copy\n---\n\n{BODY}\n")
    articles, skipped = ingest.read_articles(tmp_path)
    assert [a.name for a in articles] == ["a.txt"]
    assert [(s.name, s.reason) for s in skipped] == [
        ("b.txt", "the same text as a.txt; kept once, as that file")
    ]


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"\x00\x00")
    write(tmp_path, "b.txt", f"---\npublished: 2025-06-05\n---\n{BODY}")
    articles, skipped = ingest.read_articles(tmp_path)
    assert [a.name for a in articles] == ["b.txt"] and [s.name for s in skipped] == ["a.txt"]


def test_windows_line_endings_and_byte_order_mark_are_read(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf---\r\npublished: 2025-06-05\r\n---\r\nLine one.\r\nLine two.\r\n"
    (article,), _ = read_one(tmp_path, "a.txt", raw)
    assert article.body == "Line one.\nLine two.\n"


def test_text_without_any_date_is_skipped_showing_how_to_add_published(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "no-date.txt", tmp_path)
    articles, skipped = ingest.read_articles(tmp_path)
    assert articles == []
    assert skipped[0].reason.endswith(
        "add a front matter block with its publish date at the top of the file, e.g.\n"
        "---\npublished: 2025-06-05\n---"
    )


def test_text_with_a_dateline_gets_an_inferred_date_with_evidence_and_a_warning(
    tmp_path: Path,
) -> None:
    shutil.copy(FIXTURES / "dateline.txt", tmp_path)
    (article,), _ = ingest.read_articles(tmp_path)
    assert article.published == date(2025, 8, 14)
    assert article.published_evidence == "inferred from dateline 'SEOUL, Aug 14, 2025' on line 3"
    assert len(article.warnings) == 1 and "inferred from dateline" in article.warnings[0]


def test_inferred_date_evidence_counts_front_matter_lines(tmp_path: Path) -> None:
    text = "---\ntitle: Kim meets Shoigu\n---\nKim meets Shoigu\nJune 5, 2025\n" + BODY
    (article,), _ = read_one(tmp_path, "a.txt", text)
    assert article.published_evidence == "inferred from byline 'June 5, 2025' on line 5"


def test_saved_web_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "news-page.html", tmp_path)
    (article,), skipped = ingest.read_articles(tmp_path)
    assert skipped == []
    assert article.published == date(2025, 6, 5)
    assert article.title == "Shoigu meets Kim in Pyongyang as Russia thanks North for troops"
    assert article.source == "The Harbour Times"
    assert (
        article.url == "https://www.harbourtimes.example/world/asia/shoigu-meets-kim-pyongyang-4821"
    )
    assert article.extra == (("author", "Min-ji Park"),)
    assert article.body.startswith("SEOUL — Russia's Security Council secretary Sergei Shoigu met")
    for furniture_text in (
        "Subscribe",
        "Related stories",
        "All rights reserved",
        "Markets close",
        "May 8, 2025",
    ):
        assert furniture_text not in article.body


def test_web_page_without_date_metadata_falls_back_on_the_text(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Kim meets Shoigu</title></head><body><article><h1>Kim meets Shoigu</h1>"
        "<p>Published: June 5, 2025</p>"
        + "".join(
            f"<p>{BODY.strip()} Paragraph {i} goes on with more words about the visit.</p>"
            for i in range(4)
        )
        + "</article></body></html>"
    )
    (article,), skipped = read_one(tmp_path, "page.html", html)
    assert skipped == [] and article.published == date(2025, 6, 5)
    assert article.published_evidence.startswith(
        "inferred from published label 'Published: June 5, 2025'"
    )


def test_web_page_without_text_is_skipped(tmp_path: Path) -> None:
    assert "no article text found" in only_reason(
        tmp_path,
        "page.html",
        "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
    )


def test_reading_twice_gives_the_same_articles(tmp_path: Path) -> None:
    for name in ("dateline.txt", "aggregator.md", "news-page.html"):
        shutil.copy(FIXTURES / name, tmp_path)
    assert ingest.read_articles(tmp_path) == ingest.read_articles(tmp_path)


@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.md", "a.html"]))
@settings(max_examples=60, deadline=None)
def test_any_bytes_give_an_article_or_a_timeline_error(raw: bytes, name: str) -> None:
    try:
        article = ingest.parse_article(name, raw)
    except TimelineError as error:
        assert str(error).startswith(name)
    else:
        assert article.body.strip()


def test_web_page_in_another_declared_encoding_is_read(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 talks</title>'
        '<meta property="article:published_time" content="2025-06-05T08:00:00Z"></head><body><article>'
        + "".join(
            f"<p>Caf\xe9 owners met in Pyongyang on Wednesday, paragraph {i}, with more words.</p>"
            for i in range(4)
        )
        + "</article></body></html>"
    ).encode("latin-1")
    (article,), skipped = read_one(tmp_path, "page.html", html)
    assert skipped == [] and "Café owners met" in article.body
