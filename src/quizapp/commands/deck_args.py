"""The deck files or folders a command works on: one argument, one default, for every command."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.decks import DeckSet


def add_deck_paths(parser: argparse.ArgumentParser, metavar: str = "DECK") -> None:
    """Optional positional deck files or folders; without them, the global `--decks` folder."""
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar=metavar,
        help="deck files or folders (default: --decks)",
    )


def deck_paths(args: argparse.Namespace) -> list[Path]:
    paths: list[Path] = args.paths or [args.decks]
    return paths


def load_given_decks(args: argparse.Namespace, *, check_sources: bool = False) -> DeckSet:
    """The decks a command was given, read through the deck cache unless `--no-cache`."""
    from quizapp.decks import load_decks
    from quizapp.decks.cache import default_cache

    cache = default_cache(not getattr(args, "no_cache", False))
    return load_decks(deck_paths(args), check_sources=check_sources, cache=cache)
