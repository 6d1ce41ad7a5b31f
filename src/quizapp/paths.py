"""The one module that knows where quizapp's files live."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quizapp"


def project_root() -> Path | None:
    """The checkout this package runs from, when it runs from one (`src/quizapp` layout)."""
    candidate = Path(__file__).resolve().parents[2]
    return candidate if (candidate / "pyproject.toml").is_file() else None


def default_decks_dir() -> Path:
    """`QUIZAPP_DECKS`, else the project's `decks/`, else `./decks`."""
    env = os.environ.get("QUIZAPP_DECKS")
    if env:
        return Path(env).expanduser()
    root = project_root()
    if root is not None and (root / "decks").is_dir():
        return root / "decks"
    return Path.cwd() / "decks"


def default_data_dir() -> Path:
    """`QUIZAPP_DATA_DIR`, else the platform's user data directory."""
    env = os.environ.get("QUIZAPP_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_cache_dir() -> Path:
    """`QUIZAPP_CACHE_DIR`, else the platform's user cache directory."""
    env = os.environ.get("QUIZAPP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)
