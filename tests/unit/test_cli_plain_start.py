"""Opening the app reads its three global options without argparse; everything else, including
every odd spelling of them, is argparse's, exactly as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizapp import cli


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--decks", "d"],
        ["--decks=d", "--data-dir", "x"],
        ["--no-cache", "--data-dir=x", "--decks", "old", "--decks", "d"],
    ],
)
def test_a_plain_start_reads_what_argparse_reads(argv: list[str]) -> None:
    quick = cli.plain_start(argv)
    assert isinstance(quick, cli.AppOptions)
    full = cli.build_parser().parse_args(argv)
    assert (quick.decks, quick.data_dir, quick.no_cache, quick.command) == (
        full.decks,
        full.data_dir,
        full.no_cache,
        full.command,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["--deck", "d"],  # an abbreviation argparse accepts
        ["--decks"],
        ["--decks", "--no-cache"],
        ["--decks="],
        ["-h"],
        ["--version"],
        ["validate"],
        ["--decks", "d", "validate"],
        ["--no-cache=1"],
    ],
)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert cli.plain_start(argv) is None


def test_an_abbreviated_option_still_works(tmp_path: Path) -> None:
    """`--deck` is argparse's abbreviation of `--decks`: it reaches the same check."""
    missing = tmp_path / "nowhere"
    result = subprocess.run(
        [sys.executable, "-m", "quizapp", "--deck", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert f"--decks {missing}: no such file or folder" in result.stderr


def test_opening_the_app_imports_no_argparse() -> None:
    code = (
        "import sys\nfrom quizapp import cli\n"
        "args = cli.parse(['--decks', 'd', '--data-dir', 'x'])\n"
        "print(type(args).__name__, 'argparse' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["AppOptions", "False"], result.stderr
