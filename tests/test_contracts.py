"""CONTRACTS.md names every option the command line accepts for export, remind and forms.

Other tools and tests rely on the contract; an option added to the parser without a line in
the contract is an interface nobody promised to keep. Read from the parser itself, so a new
option fails here until it is written down.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from tracker.cli import build_parser

CONTRACT = Path(__file__).resolve().parents[1] / "CONTRACTS.md"
COMMANDS = (("export",), ("remind",), ("forms", "export"), ("forms", "import"))


def _named(option: str) -> str:
    """The option as a whole word: `--return` is not found in `--return-out`."""
    return rf"(?<![\w-]){re.escape(option)}(?![\w-])"


def _subcommand(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            found: argparse.ArgumentParser = action.choices[name]
            return found
    raise AssertionError(f"no command {name}")


def _options(path: tuple[str, ...]) -> set[str]:
    parser = build_parser()
    for name in path:
        parser = _subcommand(parser, name)
    return {
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_option_is_named_in_the_contract(path: tuple[str, ...]) -> None:
    contract = CONTRACT.read_text("utf-8")
    options = _options(path)
    assert options  # the parser was read
    missing = sorted(o for o in options if not re.search(_named(o), contract))
    assert not missing, f"tracker {' '.join(path)}: {missing} not in CONTRACTS.md"


def test_the_check_sees_a_missing_option() -> None:
    """The pattern does not take a longer option for a shorter one (`--return` in `--return-out`)."""
    assert not re.search(_named("--return"), "`--return-out FOLDER`")
    assert not re.search(_named("--out"), "`--return-out FOLDER`")
    assert re.search(_named("--cc"), "`--cc TEXT` (抄送)") and re.search(_named("--dry-run"), "F [--dry-run]")
