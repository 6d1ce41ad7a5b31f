"""Shared fixtures: every test runs with its own data and cache folders, never the user's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("quizapp-home")
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(home / "cache"))
    monkeypatch.delenv("QUIZAPP_NO_CACHE", raising=False)
    monkeypatch.setenv("QUIZAPP_DEBUG", "1")  # a bug in a test run shows its traceback


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """How many times the deck loader has parsed YAML since the test started."""
    from quizapp.decks import loader

    calls: list[str] = []
    real = loader.load_deck_text

    def counting(data: bytes, file: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(file)
        return real(data, file, *args, **kwargs)

    monkeypatch.setattr(loader, "load_deck_text", counting)
    return lambda: len(calls)
