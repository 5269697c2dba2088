"""Bad input gets a clear error and loses nothing: the message names the file and what to do,
the exit code is non-zero, and events.yaml, .timeline/ and output/ are as before or whole."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline import cli, safewrite
from timeline.build import build
from timeline.ingest import ingest
from timeline.model import Event, Source, TimelineError
from timeline.render import render
from timeline.store import store
from timeline.store.storefile import parse

ARTICLE = (
    "---\ntitle: Shoigu in Pyongyang\npublished: 2025-06-05\n---\n"
    "PYONGYANG: North Korean leader Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday.\n"
)
VISIT = Event(
    "shoigu-visit-2025-06-04",
    "Shoigu visits Pyongyang",
    "2025-06-04",
    "visit",
    sources=(Source("kim.txt", "2025-06-05", "Kim met Shoigu on Wednesday.", "on Wednesday"),),
)


def _project(tmp_path: Path) -> Path:
    """A journalist's folder: one article, nothing built yet."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "2025-06-05-shoigu.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file under `folder` (cache aside) with a hash of its bytes, to see what changed."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "events.cache" not in path.parts and path.name != "events.lock"
    }


def _cli(tmp_path: Path, *args: str) -> int:
    paths = ["--articles", str(tmp_path / "articles"), "--store", str(tmp_path / "events.yaml")]
    if args[0] in ("build", "add"):
        paths += ["--out", str(tmp_path / "output")]
    return cli.main([*args, *paths])


def _built(tmp_path: Path) -> Path:
    project = _project(tmp_path)
    assert _cli(project, "build") == 0
    return project


# --- events.yaml -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n", "# nothing here yet\n# (comments only)\n"])
def test_store_emptied_by_accident_is_refused_and_no_event_becomes_deleted(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _built(tmp_path)
    (project / "events.yaml").write_text(text, encoding="utf-8")
    before = _fingerprint(project)
    assert _cli(project, "build") == 1
    err = capsys.readouterr().err
    assert "events.yaml:1: the file holds no events" in err and "events.yaml.bak" in err
    assert "`events: []`" in err
    assert _fingerprint(project) == before


def test_store_emptied_on_purpose_with_events_list_deletes_every_event(tmp_path: Path) -> None:
    project = _built(tmp_path)
    (project / "events.yaml").write_text("events: []\n", encoding="utf-8")
    assert _cli(project, "build") == 0
    assert store.load_store(project / "events.yaml").events == ()


def test_deleted_store_starts_afresh_instead_of_deleting_every_event(tmp_path: Path) -> None:
    project = _built(tmp_path)
    built = store.load_store(project / "events.yaml").events
    (project / "events.yaml").unlink()
    assert _cli(project, "build") == 0
    assert store.load_store(project / "events.yaml").events == built


def test_end_before_date_stops_the_build_at_its_line_touching_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _built(tmp_path)
    path = project / "events.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.split("\n"), 1) if row.strip().startswith("date:"))
    rows = text.split("\n")
    rows.insert(line, '    end: "2001"')
    path.write_text("\n".join(rows), encoding="utf-8")
    before = _fingerprint(project)
    assert _cli(project, "build") == 1
    assert f"events.yaml:{line + 1}: `end: 2001` is before `date: " in capsys.readouterr().err
    assert _fingerprint(project) == before


def test_read_only_store_is_left_as_it_is_with_how_to_make_it_writable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _built(tmp_path)
    (project / "articles" / "2025-06-06-more.txt").write_text(
        ARTICLE.replace("2025-06-05", "2025-06-06").replace("Shoigu", "Lavrov"), encoding="utf-8"
    )
    path = project / "events.yaml"
    path.chmod(0o444)
    before = _fingerprint(project)
    try:
        assert _cli(project, "build") == 1
    finally:
        path.chmod(0o644)
    err = capsys.readouterr().err
    assert "events.yaml: is read-only, so it was left as it is; make it writable" in err
    assert _fingerprint(project) == before


def test_store_path_that_is_a_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(TimelineError, match="is a folder, not the events file; pass --store"):
        store.load_store(tmp_path)


def test_state_folder_that_is_a_file_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / ".timeline").write_text("not a folder", encoding="utf-8")
    with (
        pytest.raises(TimelineError, match="no file there is named .timeline; nothing was changed"),
        store.locked(tmp_path / "events.yaml"),
    ):
        pass


# --- writing files ---------------------------------------------------------------------------


def test_a_group_that_cannot_be_written_changes_no_file_and_leaves_no_temporary(
    tmp_path: Path,
) -> None:
    first = tmp_path / "events.yaml"
    first.write_text("old\n", encoding="utf-8")
    missing_folder = tmp_path / "gone" / "events.base.json"
    with pytest.raises(
        TimelineError, match=r"gone/events.base.json: cannot write .*no file was changed"
    ):
        safewrite.write_files([(first, b"new\n"), (missing_folder, b"{}")])
    assert first.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.yaml"]


def test_a_file_is_on_disk_before_it_is_renamed_in_but_a_cache_file_need_not_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash may lose a cache file (the memo, the extraction cache), which only costs the next
    build time; never the store nor an output."""
    flushed: list[int] = []
    monkeypatch.setattr(safewrite.os, "fsync", flushed.append)
    safewrite.write_files([(tmp_path / "events.yaml", b"events: []\n")])
    assert len(flushed) == 1
    safewrite.write_files([(tmp_path / "events.memo", b"memo")], durable=False)
    assert len(flushed) == 1
    assert (tmp_path / "events.memo").read_bytes() == b"memo"


def test_ctrl_c_while_renaming_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    targets = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for target in targets:
        target.write_text("old\n", encoding="utf-8")
    real_replace = os.replace
    calls: list[int] = []

    def interrupted(source: Path, destination: Path) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_replace(source, destination)

    monkeypatch.setattr(safewrite.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        safewrite.write_files([(target, b"new\n") for target in targets])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    assert [t.read_text(encoding="utf-8") for t in targets] == ["new\n", "old\n"]


def test_a_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o600)
    safewrite.write_files([(tmp_path / "new.txt", b"x"), (kept, b"y")])
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == safewrite.NEW_FILE_MODE
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


# --- output/ ---------------------------------------------------------------------------------


def _output_is_a_file(project: Path) -> None:
    (project / "output").write_text("notes", encoding="utf-8")


def _page_is_a_folder(project: Path) -> None:
    (project / "output" / "timeline.html").mkdir(parents=True)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_output_is_a_file, "output: is a file, but the outputs go in a folder of that name"),
        (_page_is_a_folder, "timeline.html: is a folder, but the tool writes a file there"),
    ],
)
def test_output_that_cannot_be_written_stops_the_build_before_the_store_is_written(
    tmp_path: Path, spoil: Callable[[Path], None], message: str
) -> None:
    project = _project(tmp_path)
    spoil(project)
    with pytest.raises(TimelineError, match=message):
        build(project / "articles", project / "events.yaml", project / "output")
    assert not (project / "events.yaml").exists()
    assert not (project / ".timeline" / "events.base.json").exists()


def test_outputs_are_written_together_and_leave_no_temporary(tmp_path: Path) -> None:
    written = render.write_outputs([VISIT], tmp_path / "output")
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == sorted(
        p.name for p in written
    )


# --- the articles folder ---------------------------------------------------------------------


def test_articles_path_that_is_a_file_says_it_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "articles.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(TimelineError, match="articles.txt: is a file, not a folder of articles"):
        ingest.read_articles(tmp_path / "articles.txt")


def test_articles_folder_that_cannot_be_listed_is_an_error_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(self: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", denied)
    with pytest.raises(
        TimelineError, match="cannot list the articles folder .Permission denied.; check"
    ):
        ingest.read_articles(tmp_path)


def test_articles_in_a_sub_folder_are_reported_as_not_read(tmp_path: Path) -> None:
    (tmp_path / "june").mkdir()
    (tmp_path / "june" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    articles, skipped = ingest.read_articles(tmp_path)
    assert articles == []
    assert [s.name for s in skipped] == ["june/"]
    assert "articles in sub-folders are not read: move them up" in skipped[0].reason


def test_a_sub_folder_without_articles_is_ignored_quietly(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "map.png").write_bytes(b"\x89PNG")
    assert ingest.read_articles(tmp_path) == ([], [])


def test_a_link_to_a_missing_file_says_to_check_what_it_links_to(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "moved-away.txt")
    _, skipped = ingest.read_articles(tmp_path)
    assert skipped[0].reason == (
        "cannot be read (No such file or directory); check that the file it links to exists "
        "and that you may read it"
    )


@pytest.mark.parametrize(
    ("value", "kind"),
    [("[2025-06-05]", "a list"), ("\n  day: 2025-06-05", "a set of fields"), ("yes", "yes/no")],
)
def test_published_of_the_wrong_type_names_the_type_not_python(
    tmp_path: Path, value: str, kind: str
) -> None:
    (tmp_path / "a.txt").write_text(f"---\npublished: {value}\n---\nText.\n", encoding="utf-8")
    _, skipped = ingest.read_articles(tmp_path)
    assert skipped[0].reason.startswith(f"line 2: published is {kind}, not a date; write it as")


# --- the command line ------------------------------------------------------------------------


def test_ctrl_c_prints_that_nothing_is_half_written_and_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("timeline.build.build", interrupted)
    assert _cli(_project(tmp_path), "build") == 130
    assert capsys.readouterr().err == cli.INTERRUPTED + "\n"


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("https://www.example.com/news/story", "a web address; timeline works offline"),
        ("www.example.com/story", "a web address; timeline works offline"),
        ("{folder}", "is a folder; give the article files in it"),
        ("{folder}/missing.txt", "missing.txt: no such file; check the name and folder"),
    ],
)
def test_add_of_something_that_is_no_file_says_what_to_give(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argument: str,
    message: str,
) -> None:
    monkeypatch.setattr(cli, "_run_build", lambda args: 0)
    project = _project(tmp_path)
    before = _fingerprint(project)
    assert _cli(project, "add", argument.format(folder=tmp_path)) == 1
    err = capsys.readouterr().err
    assert message in err and err.endswith("Some files were not added: see the errors above.\n")
    assert _fingerprint(project) == before


@pytest.mark.parametrize("published", ["2025-06-05garbage", "2025-06-05x10:00", "5 June 2025"])
def test_tag_refuses_a_publish_date_with_anything_but_a_time_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], published: str
) -> None:
    text = tmp_path / "t.txt"
    text.write_text("Kim met Shoigu on Wednesday.\n", encoding="utf-8")
    assert cli.main(["tag", "--published", published, str(text)]) == 1
    assert "is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err


def test_tag_batch_reports_a_bad_line_and_still_tags_the_others(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (
        '{"id": "a", "text": "on Monday", "published": "2025-06-05"}\n'
        "{broken\n"
        '{"id": "c", "text": "last year", "published": "2025-06-05"}\n'
    )
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(lines))
    assert cli.main(["tag", "--batch"]) == 1
    out, err = capsys.readouterr()
    assert [line[:10] for line in out.splitlines()] == ['{"id": "a"', '{"id": "c"']
    assert err.startswith("Error: stdin line 2: not JSON")


def test_tag_batch_with_a_file_says_to_give_one_or_the_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["tag", "--batch", str(tmp_path / "t.txt")]) == 1
    assert "give either --batch or FILE with --published, not both" in capsys.readouterr().err


@pytest.mark.parametrize(("command"), ["tag", "check"])
def test_a_file_that_is_not_utf8_is_named_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(b"events:\n  - id: caf\x92\n")
    argv = (
        ["tag", "--published", "2025-06-05", str(path)]
        if command == "tag"
        else ["check", "--store", str(path), "--articles", str(tmp_path)]
    )
    assert cli.main(argv) == 1
    assert capsys.readouterr().err == (
        f"Error: {path}:2: not UTF-8 text (byte 19 is 0x92, likely '\u2019' saved as "
        "Windows-1252 or Latin-1); save the file as UTF-8 (in your editor: Save As, encoding UTF-8)\n"
    )


def test_check_of_a_folder_as_store_says_it_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", "--store", str(tmp_path)]) == 1
    assert "is a folder; pass the events file" in capsys.readouterr().err


def test_output_cut_short_by_the_reader_ends_quietly(tmp_path: Path) -> None:
    """`timeline tag FILE | head -1`: no traceback when the reader stops early."""
    text = tmp_path / "t.txt"
    text.write_text("Kim met Shoigu on 4 June 2025 and in July 2024.\n" * 400, encoding="utf-8")
    command = [sys.executable, "-m", "timeline", "tag", "--published", "2025-06-05", str(text)]
    root = Path(__file__).resolve().parent.parent
    process = subprocess.Popen(
        command,
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    assert process.stderr.read() == b""
    assert process.wait(timeout=60) == 141


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("events:\n  - id: a\n\ttitle: A\n", 3, "a tab; indent with spaces, not tabs"),
        (
            'events:\n  - id: a\n    title: "A\n    date: "2025"\n  - id: b\n',
            3,
            'the quote opened on this line is not closed; add the closing "',
        ),
        (
            "events:\n  - id: a\n    title: 'Kim''s visit\n    date: '2025'\n  - id: b\n",
            3,
            "the quote opened on this line is not closed; add the closing '",
        ),
    ],
)
def test_usual_yaml_slips_are_named_at_their_line_with_the_fix(
    text: str, line: int, hint: str
) -> None:
    _, problems = parse(text)
    assert [(p.line, hint in p.message) for p in problems] == [(line, True)]


def test_store_saved_from_an_editor_during_the_build_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("events: []\n", encoding="utf-8")
    update = store.update_store(store.load_store(path), [VISIT])
    path.write_text("# my note\nevents: []\n", encoding="utf-8")  # saved meanwhile
    with pytest.raises(TimelineError, match="changed while the build ran .* your changes are safe"):
        store.write_store(path, update)
    assert path.read_text(encoding="utf-8") == "# my note\nevents: []\n"
    assert not store.backup_path(path).exists()


def test_build_in_a_folder_without_articles_leaves_no_trace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(tmp_path, "build") == 1
    assert "articles: no such folder of articles" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_build_of_an_empty_articles_folder_says_what_to_put_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "articles").mkdir()
    assert _cli(tmp_path, "build") == 0
    assert "articles/: no articles in it; put .txt, .md or .html articles there" in (
        capsys.readouterr().err
    )


def test_windows_1252_article_names_the_character_as_it_was_meant(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(
        "---\npublished: 2025-06-05\n---\nKim\u2019s visit\n".encode("cp1252")
    )
    _, skipped = ingest.read_articles(tmp_path)
    assert "is 0x92, likely '\u2019' saved as Windows-1252 or Latin-1); save the file as UTF-8" in (
        skipped[0].reason
    )


def test_check_names_a_broken_article_as_file_colon_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _built(tmp_path)
    (project / "articles" / "b.txt").write_text(
        "---\ntitle: Kim: a profile\n---\nText.\n", encoding="utf-8"
    )
    capsys.readouterr()
    assert _cli(project, "check") == 1
    assert f"{project / 'articles' / 'b.txt'}:2: error: the front matter is not valid YAML" in (
        capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a Word (.docx), OpenDocument or other zipped file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word (.doc) or other Office file"),
        (b"{\\rtf1\\ansi Kim met Shoigu", "a rich text (.rtf) file"),
    ],
)
def test_a_document_renamed_txt_is_named_for_what_it_is(
    tmp_path: Path, content: bytes, kind: str
) -> None:
    (tmp_path / "story.txt").write_bytes(content)
    _, skipped = ingest.read_articles(tmp_path)
    assert skipped[0].reason.startswith(f"{kind} with a text file's name, not text; open it")


@pytest.mark.parametrize(
    ("field", "value", "kind", "used"),
    [
        ("title", "[Kim, Putin]", "a list", '["Kim", "Putin"]'),
        ("outlet", "{name: AFP}", "a set of fields", '{"name": "AFP"}'),
    ],
)
def test_front_matter_text_field_of_the_wrong_type_is_read_with_a_warning(
    tmp_path: Path, field: str, value: str, kind: str, used: str
) -> None:
    (tmp_path / "a.txt").write_text(
        f"---\npublished: 2025-06-05\n{field}: {value}\n---\nText.\n", encoding="utf-8"
    )
    articles, _ = ingest.read_articles(tmp_path)
    warning = (
        f"line 3: '{field}' is {kind}, not one line of text; it is used as written ({used}); "
        "write it as one line"
    )
    assert articles[0].warnings == (warning,)


def test_closing_the_terminal_stops_a_command_like_ctrl_c(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def hang_up(*args: object) -> None:
        os.kill(os.getpid(), signal.SIGHUP)

    monkeypatch.setattr("timeline.build.build", hang_up)
    before = signal.getsignal(signal.SIGHUP)
    assert _cli(_project(tmp_path), "build") == 130
    assert capsys.readouterr().err == cli.INTERRUPTED + "\n"
    assert signal.getsignal(signal.SIGHUP) == before


@pytest.mark.parametrize(
    ("title_line", "message"),
    [
        ("    title: [Kim, troops]\n", "`title` must be a single value, not a list or mapping"),
        ("    title:\n", "`title` is empty"),
        ("", "event has no `title`"),
    ],
)
def test_a_title_that_is_wrong_is_told_apart_from_a_missing_one(
    title_line: str, message: str
) -> None:
    _, problems = parse(f'events:\n  - id: a\n{title_line}    date: "2025"\n')
    assert [p.message for p in problems] == [message]


def test_tag_batch_record_whose_text_is_no_string_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        "sys.stdin",
        __import__("io").StringIO('{"id": 1, "text": null, "published": "2025-06-05"}\n'),
    )
    assert cli.main(["tag", "--batch"]) == 1
    assert capsys.readouterr() == (
        "",
        'Error: stdin line 1: "text" must be a string, the text to tag\n',
    )


def test_build_names_a_skipped_article_by_its_path_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    (project / "articles" / "b.txt").write_text(
        "---\ntitle: Kim: a profile\n---\nText.\n", encoding="utf-8"
    )
    assert _cli(project, "build") == 3
    assert f"Skipped {project / 'articles' / 'b.txt'}:2: the front matter is not valid YAML" in (
        capsys.readouterr().err
    )


def test_a_saved_page_whose_text_is_too_large_is_skipped_like_a_text_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "MAX_TEXT_BYTES", 1_000)
    paragraphs = "".join(f"<p>Kim met Shoigu in Pyongyang, paragraph {i}.</p>" for i in range(100))
    (tmp_path / "page.html").write_text(
        f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8"
    )
    _, skipped = ingest.read_articles(tmp_path)
    assert skipped[0].reason.startswith("the page's main text is too large (")
