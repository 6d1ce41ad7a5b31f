"""What the progress commands share: loading the decks and opening the store at the edge.

The commands are the edge of the program, so this is where the real clock and a fresh random
source are created and handed to the core.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.decks import DeckSet
    from quizapp.store import ProgressStore
    from quizapp.study.session import StudySession


def now_utc() -> datetime:
    return datetime.now(UTC)


def open_store(args: argparse.Namespace) -> ProgressStore:
    from quizapp.store import ProgressStore

    store: ProgressStore = ProgressStore.open(args.data_dir)
    return store


def load_deck_set(args: argparse.Namespace) -> DeckSet:
    """The decks under --decks; problems are only counted here (`quizapp validate` lists them)."""
    from quizapp.decks import load_decks
    from quizapp.decks.cache import default_cache

    deck_set = load_decks([args.decks], cache=default_cache(not args.no_cache))
    if deck_set.problems:
        print(
            f"quizapp: {len(deck_set.problems)} deck problems; cards with problems are left out "
            f"(run `quizapp validate {args.decks}` to see them)",
            file=sys.stderr,
        )
    return deck_set


def start_session(
    args: argparse.Namespace, store: ProgressStore, deck_set: DeckSet, now: datetime
) -> StudySession:
    from quizapp.study.session import StudySession

    return StudySession.start(
        store, deck_set.units(), now, rng=random.Random(), retired=deck_set.retired
    )
