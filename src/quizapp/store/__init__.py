"""The progress store: SQLite in the data dir, an append-only review log beside unit states.

Names are loaded on first use, so reading the schema's constants or a query does not import
the scheduler (py-fsrs) that the store's writes need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.store.db import ProgressStore, SyncReport
    from quizapp.store.queries import DeckCounts, Scope
    from quizapp.store.settings import DeckSettings, NewOrder, Settings

_HOMES = {
    "DeckCounts": "queries",
    "DeckSettings": "settings",
    "NewOrder": "settings",
    "ProgressStore": "db",
    "Scope": "queries",
    "Settings": "settings",
    "SyncReport": "db",
}

__all__ = [
    "DeckCounts",
    "DeckSettings",
    "NewOrder",
    "ProgressStore",
    "Scope",
    "Settings",
    "SyncReport",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"quizapp.store.{home}"), name)
