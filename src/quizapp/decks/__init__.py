"""Deck files <-> model: reading, checking and locating problems. Imports nothing from the UI.

Names are loaded on first use, so finding deck files or reading cache headers does not import
the loader and its checks.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.decks.files import DeckFile, deck_summaries, find_deck_files
    from quizapp.decks.loader import DeckSet, load_deck_file, load_deck_text, load_decks
    from quizapp.decks.problems import DeckError, Problem

_HOMES = {
    "DeckError": "problems",
    "DeckFile": "files",
    "DeckSet": "loader",
    "Problem": "problems",
    "deck_summaries": "files",
    "find_deck_files": "files",
    "load_deck_file": "loader",
    "load_deck_text": "loader",
    "load_decks": "loader",
}

__all__ = [
    "DeckError",
    "DeckFile",
    "DeckSet",
    "Problem",
    "deck_summaries",
    "find_deck_files",
    "load_deck_file",
    "load_deck_text",
    "load_decks",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"quizapp.decks.{home}"), name)
