"""The progress store: SQLite in the data dir, an append-only review log beside unit states."""

from quizapp.store.db import ProgressStore, SyncReport
from quizapp.store.queries import DeckCounts, Scope
from quizapp.store.settings import DeckSettings, NewOrder, Settings

__all__ = [
    "DeckCounts",
    "DeckSettings",
    "NewOrder",
    "ProgressStore",
    "Scope",
    "Settings",
    "SyncReport",
]
