"""`quizapp cache info|clear` and the global `--no-cache`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.decks.cache import DeckCache

DECK = """\
title: CLI
cards:
  - id: cli-one
    question: Q?
    answer: A
    category: concept
    source: {doc: s.txt, quote: A.}
"""


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "cli.yaml").write_text(DECK)
    return folder


def user_cache() -> DeckCache:
    return DeckCache(Path(os.environ["QUIZAPP_CACHE_DIR"]))


def test_validate_fills_the_cache_and_cache_clear_empties_it(
    deck_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(deck_dir)]) == 0
    assert user_cache().info().entries == 1
    assert main(["cache", "info"]) == 0
    out = capsys.readouterr().out
    assert os.environ["QUIZAPP_CACHE_DIR"] in out and "1 compiled deck," in out
    assert main(["cache", "clear"]) == 0
    assert "removed 1 compiled deck " in capsys.readouterr().out
    assert user_cache().info().entries == 0


def test_no_cache_neither_reads_nor_writes(deck_dir: Path) -> None:
    assert main(["--no-cache", "validate", str(deck_dir)]) == 0
    assert user_cache().info().entries == 0


def test_no_cache_environment_variable(deck_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZAPP_NO_CACHE", "1")
    assert main(["validate", str(deck_dir)]) == 0
    assert user_cache().info().entries == 0


def test_cache_info_on_an_empty_cache(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cache"]) == 0
    assert "0 compiled decks, 0 bytes" in capsys.readouterr().out
