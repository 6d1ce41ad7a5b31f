"""What the progress commands share: loading the decks and opening the store at the edge.

The commands are the edge of the program, so this is where the real clock and a fresh random
source are created and handed to the core.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.errors import QuizappError
from quizapp.safety.terminal import echo

if TYPE_CHECKING:
    from quizapp.decks import DeckSet
    from quizapp.store import ProgressStore
    from quizapp.study.session import StudySession


def now_utc() -> datetime:
    return datetime.now(UTC)


def open_store(args: argparse.Namespace, *, read_only: bool = False) -> ProgressStore:
    """The progress store; a command that only reads (`read_only`) also works on a data folder
    it cannot write (read into memory, with a note that nothing is saved)."""
    from quizapp.store import ProgressStore

    store: ProgressStore = ProgressStore.open(args.data_dir, read_only_ok=read_only)
    if store.snapshot:
        echo(
            f"note: {args.data_dir} cannot be written; showing it as it is, nothing is saved",
            file=sys.stderr,
        )
    return store


def load_deck_set(args: argparse.Namespace) -> DeckSet:
    """The decks under --decks; problems are only counted here (`quizapp validate` lists them)."""
    from quizapp.decks import load_decks
    from quizapp.decks.cache import default_cache

    decks: Path = args.decks
    if not decks.is_dir() and not (decks.is_file() and decks.suffix in (".yaml", ".yml")):
        what = "no such folder" if not decks.exists() else "not a folder of deck files"
        raise QuizappError(f"--decks {decks}: {what}; point it at your deck folder")
    deck_set = load_decks([decks], cache=default_cache(not args.no_cache))
    if deck_set.problems:
        echo(
            f"quizapp: {len(deck_set.problems)} deck problems; cards with problems are left out "
            f"(run `quizapp validate {args.decks}` to see them)",
            file=sys.stderr,
        )
    return deck_set


def start_session(
    args: argparse.Namespace, store: ProgressStore, deck_set: DeckSet, now: datetime
) -> StudySession:
    from quizapp.study.localtime import local_zone
    from quizapp.study.session import StudySession

    return StudySession.start(
        store,
        deck_set.units(),
        now,
        rng=random.Random(),
        retired=deck_set.retired,
        tz=local_zone(),
    )
