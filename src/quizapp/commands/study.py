"""The default command: open the study app on the deck folder.

A warm start (every deck fresh in the deck cache, the progress store synced with them) paints
Home from cache headers and one query of the store, before the scheduler is even imported; the
cards load in a worker right after. Otherwise Home shows a loading indicator while the decks are
parsed and the store is synced, then fills in, even for a very large deck set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.study.context import StudyContext


# Above this many units the distractor index (~0.4 s at 100,000 cards) is built while loading,
# so the first multiple-choice question does not wait for it.
PREBUILD_INDEX_UNITS = 20_000


def build_context(
    decks_dir: Path, data_dir: Path, now: dt.datetime, use_cache: bool = True
) -> StudyContext:
    """Load the decks and open the progress store (raises QuizappError with a way forward)."""
    from quizapp.decks import load_decks
    from quizapp.decks.cache import default_cache
    from quizapp.store.db import ProgressStore
    from quizapp.study.context import StudyContext
    from quizapp.study.stored import StoreStudy

    deck_set = load_decks([decks_dir], cache=default_cache(use_cache))
    units = deck_set.units()
    store = ProgressStore.open(data_dir)
    # On a warm start the deck cache knows each deck's units digest: no hashing of every unit.
    fingerprint = deck_set.units_fingerprint(units)
    study = StoreStudy(store, units, now, random.Random(), fingerprint=fingerprint)
    context = StudyContext(
        deck_set.decks,
        study,
        problems=tuple(p.format() for p in deck_set.problems),
        decks_dir=decks_dir,
        units=study.units,  # the session's uid -> unit map, not a second copy
    )
    if len(units) > PREBUILD_INDEX_UNITS:
        # Here, in the loading worker, and not in a thread of its own once home is up: pure
        # Python work in a second thread starves the UI thread of the interpreter lock.
        _ = context.distractors
    return context


def run_app(args: argparse.Namespace) -> int:
    from quizapp.decks.cache import default_cache
    from quizapp.study.overview import quick_overview

    decks_dir: Path = args.decks
    data_dir: Path = args.data_dir
    use_cache = not getattr(args, "no_cache", False)
    now = dt.datetime.now(dt.UTC)
    cache = default_cache(use_cache)
    overview = quick_overview(decks_dir, data_dir, now, cache) if cache is not None else None

    def load() -> StudyContext:
        return build_context(decks_dir, data_dir, now, use_cache)

    from quizapp.ui.app import QuizApp

    QuizApp(loader=load, overview=overview).run()
    return 0
