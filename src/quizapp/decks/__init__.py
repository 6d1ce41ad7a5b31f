"""Deck files <-> model: reading, checking and locating problems. Imports nothing from the UI."""

from quizapp.decks.loader import (
    DeckFile,
    DeckSet,
    deck_summaries,
    find_deck_files,
    load_deck_file,
    load_deck_text,
    load_decks,
)
from quizapp.decks.problems import DeckError, Problem

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
