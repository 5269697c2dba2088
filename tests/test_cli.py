"""The CLI's contract: every command has help text, appears in the README, and fails clearly."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from timeline import cli

README = Path(__file__).resolve().parent.parent / "README.md"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli._parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("the CLI has no subcommands")


def test_core_commands_exist() -> None:
    assert {"build", "tag", "check", "add"} <= set(_subcommands())


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_command_has_help_text(name: str) -> None:
    assert _subcommands()[name].format_help().strip()
    assert _subcommands()[name].description


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_command_appears_in_readme(name: str) -> None:
    assert f"timeline {name}" in README.read_text(encoding="utf-8")


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "build" in capsys.readouterr().out


def test_build_with_missing_articles_folder_says_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    code = cli.main(
        [
            "build",
            "--articles",
            str(missing),
            "--store",
            str(tmp_path / "events.yaml"),
            "--out",
            str(tmp_path / "out"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("Error: ")
    assert "nowhere" in err
    assert not (tmp_path / "events.yaml").exists()
    assert not (tmp_path / "out").exists()
