"""The default command: open the study app on the deck folder.

Decks are loaded and the progress store opened in a thread started before Textual is imported,
so the load overlaps the ~0.4 s import. When it has finished by the time the app mounts (the
usual case), Home is drawn once, with the decks; otherwise Home shows a loading indicator and
fills in when the load ends, even for a very large deck set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from quizapp.quiz.context import StudyContext


# Above this many units the distractor index (~0.4 s at 100,000 cards) is built while loading,
# so the first multiple-choice question does not wait for it.
PREBUILD_INDEX_UNITS = 20_000


def build_context(
    decks_dir: Path, data_dir: Path, now: dt.datetime, use_cache: bool = True
) -> StudyContext:
    """Load the decks and open the progress store (raises QuizappError with a way forward)."""
    from quizapp.decks import load_decks
    from quizapp.decks.cache import default_cache
    from quizapp.quiz.context import StudyContext
    from quizapp.quiz.stored import StoreStudy
    from quizapp.store.db import ProgressStore

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


def load_in_background(load: Callable[[], StudyContext]) -> Future[StudyContext]:
    """Run `load` in a daemon thread now; its result (or error) lands in the future."""
    future: Future[StudyContext] = Future()

    def target() -> None:
        try:
            future.set_result(load())
        except BaseException as error:  # the app reports it on Home
            future.set_exception(error)

    threading.Thread(target=target, name="quizapp-load", daemon=True).start()
    return future


def run_app(args: argparse.Namespace) -> int:
    decks_dir: Path = args.decks
    data_dir: Path = args.data_dir
    use_cache = not getattr(args, "no_cache", False)
    now = dt.datetime.now(dt.UTC)

    def load() -> StudyContext:
        return build_context(decks_dir, data_dir, now, use_cache)

    if decks_are_compiled(decks_dir, use_cache):
        # Quick: load during the ~0.4 s Textual import and draw Home once, with its decks.
        pending = load_in_background(load)
        from quizapp.ui.app import QuizApp

        QuizApp(pending=pending).run()
    else:
        # Parsing YAML takes a while and would hold the interpreter lock through the Textual
        # import: paint first, then load in a worker behind a progress bar.
        from quizapp.ui.app import QuizApp

        QuizApp(loader=load).run()
    return 0


def decks_are_compiled(decks_dir: Path, use_cache: bool) -> bool:
    """Whether every deck under `decks_dir` is fresh in the deck cache (read from headers only)."""
    from quizapp.decks.cache import default_cache
    from quizapp.decks.loader import deck_summaries

    cache = default_cache(use_cache)
    return cache is not None and deck_summaries([decks_dir], cache) is not None
