"""Every test runs with its own cache and data folders: never the user's real ones."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("quizapp-home")
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(base / "data"))
    monkeypatch.delenv("QUIZAPP_NO_CACHE", raising=False)
