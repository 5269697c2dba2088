"""The pipeline's shape holds: each stage imports only `model` (and the other shared base
modules), the stages before it and its own modules; `render` never imports `events`; nothing
imports `cli`. The imports are read from the source (ast), so a lazy import inside a function
counts like one at the top."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"

# Layers in the order the data flows; a module may import its own layer and the ones below.
LAYERS: dict[str, int] = {
    # Shared base: the plain dataclasses, the one atomic file write, the rule data files and
    # the package itself (for __version__). Every stage may import these.
    "timeline": 0,
    "model": 0,
    "safewrite": 0,
    "data": 0,
    # How a person writes a day (YYYY-MM-DD) and a text file's encoding (UTF-8), read the
    # same way by every stage and command.
    "days": 0,
    "textfile": 0,
    # Each event's texts (page, exports, snapshot), worked out once and handed to the next build.
    "remembered": 0,
    # The stages.
    "ingest": 1,
    "temporal": 2,
    "nlp": 3,
    "events": 4,
    "store": 5,
    "render": 6,
    # Commands over the whole pipeline: build (ingest -> ... -> render) and explain (extraction
    # laid next to the stored events, so it reads the store and sits above it, not in events/).
    "build": 7,
    # What a build keeps for the next (the articles as read, candidates, the merge record).
    "memo": 7,
    "explain": 7,
    "explain_text": 7,
    # The command line over everything (its grammar in `arguments`), and `python -m timeline` over it.
    "arguments": 8,
    "cli": 8,
    "__main__": 9,
}

# Pairs of (importer's part, imported part) refused even though the layers allow them.
FORBIDDEN = {("render", "events"): "the page shows stored events; it never re-runs extraction"}

# Imports allowed although they break the rule, each with its reason.
EXCEPTIONS = {("__main__", "cli"): "`python -m timeline` is the CLI: __main__ only calls cli.run"}


def part_of(module: str) -> str:
    """The layer key of a dotted module name: `timeline.events.merge` -> `events`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def module_name(path: Path) -> str:
    """`timeline/events/merge.py` -> `timeline.events.merge`; a package's __init__ is the package."""
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    """Every `timeline` module the file imports, anywhere in it (`from timeline import nlp`
    is `timeline.nlp`; `from timeline import __version__` is `timeline`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(
                alias.name for alias in node.names if alias.name.split(".")[0] == "timeline"
            )
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "timeline":
                continue
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                is_module = (PACKAGE.parent / candidate.replace(".", "/")).is_dir() or (
                    PACKAGE.parent / (candidate.replace(".", "/") + ".py")
                ).is_file()
                found.add(candidate if is_module else node.module)
    return found


def violations() -> list[str]:
    """Each import that breaks the rule, as `importer -> imported (why)`."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        for imported in sorted(imported_modules(path)):
            pair = (part_of(importer), part_of(imported))
            if pair[0] == pair[1] or pair in EXCEPTIONS:
                continue
            if pair in FORBIDDEN:
                found.append(f"{importer} -> {imported} ({FORBIDDEN[pair]})")
            elif LAYERS[pair[1]] > LAYERS[pair[0]]:
                found.append(f"{importer} -> {imported} (a later stage)")
    return found


def test_every_module_belongs_to_a_layer() -> None:
    parts = {part_of(module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert parts - set(LAYERS) == set()


def test_no_stage_imports_a_later_stage() -> None:
    assert violations() == []


def test_nothing_but_main_imports_cli() -> None:
    importers = {
        module_name(path)
        for path in PACKAGE.rglob("*.py")
        if "timeline.cli" in imported_modules(path)
    }
    assert importers == {"timeline.__main__"}


def test_the_reader_sees_lazy_imports_and_module_imports() -> None:
    build = imported_modules(PACKAGE / "build.py")
    assert {"timeline.ingest.ingest", "timeline.events.merge", "timeline.store.store"} <= build
    cli = imported_modules(PACKAGE / "cli.py")  # cli imports its commands inside functions
    assert "timeline.explain" in cli


def test_modules_stay_under_400_lines_and_functions_under_60() -> None:
    long_modules, long_functions = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") >= 400:
            long_modules.append(path.name)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60:
                    long_functions.append(f"{path.name}:{node.name} ({length} lines)")
    assert (long_modules, long_functions) == ([], [])
