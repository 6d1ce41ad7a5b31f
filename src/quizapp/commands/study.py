"""The default command: open the study app on the deck folder.

A warm start (every deck fresh in the deck cache, the progress store synced with them) paints
Home from cache headers and one query of the store, before the scheduler is even imported; the
cards load in a worker right after. Otherwise Home shows a loading indicator while the decks are
parsed and the store is synced, then fills in, even for a very large deck set.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.decks.loader import DeckSet
    from quizapp.study.context import StudyContext
    from quizapp.study.overview import Overview


# Above this many units the distractor index (~0.4 s at 100,000 cards) is built while loading,
# so the first multiple-choice question does not wait for it.
PREBUILD_INDEX_UNITS = 20_000
# A cold start's child parse not done when Home's loading screen is up gets this much longer,
# and more while it has a core to itself; then the loader parses itself (the child is niced:
# on a busy machine it may hardly run).
EARLY_PARSE_GRACE = 0.05


def build_context(
    decks_dir: Path,
    data_dir: Path,
    now: dt.datetime,
    use_cache: bool = True,
    deck_set: DeckSet | None = None,
) -> StudyContext:
    """Load the decks (unless `deck_set` holds them already) and open the progress store.

    Raises QuizappError with a way forward.
    """
    from quizapp.decks import load_decks
    from quizapp.decks.cache import default_cache
    from quizapp.store.db import ProgressStore
    from quizapp.study.context import StudyContext
    from quizapp.study.stored import StoreStudy

    if deck_set is None:
        deck_set = load_decks([decks_dir], cache=default_cache(use_cache))
    units = deck_set.units()
    store = ProgressStore.open(data_dir)
    # On a warm start the deck cache knows each deck's units digest: no hashing of every unit.
    fingerprint = deck_set.units_fingerprint(units)
    study = StoreStudy(
        store, units, now, random.Random(), fingerprint=fingerprint, retired=deck_set.retired
    )
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


def run_app(decks_dir: Path, data_dir: Path, use_cache: bool = True) -> int:
    from quizapp.commands.early_parse import EarlyParse
    from quizapp.decks.cache import default_cache
    from quizapp.decks.files import deck_summaries
    from quizapp.study.overview import quick_overview

    now = dt.datetime.now(dt.UTC)
    cache = default_cache(use_cache)
    overview = quick_overview(decks_dir, data_dir, now, cache) if cache is not None else None
    parsed: list[DeckSet] = []
    early_parse: EarlyParse | None = None
    if overview is None and cache is not None and deck_summaries([decks_dir], cache) is None:
        # A deck is not in the cache: a child parses while this process imports Textual.
        early_parse = EarlyParse.start(decks_dir, cache)

    def read_decks() -> Overview | None:
        """A cold start: parse the decks, filling the deck cache; then Home's overview from it.

        For a new student (or a store synced with these very decks) Home is drawn from that
        before the store is created and the scheduler imported. When a child parsed the decks
        already, its cache headers are enough for Home; the cards are decoded by the loader.
        """
        from quizapp.decks import load_decks

        assert cache is not None
        if early_parse is not None:
            if early_parse.finish(EARLY_PARSE_GRACE):
                early = quick_overview(decks_dir, data_dir, now, cache)
                if early is not None:
                    return early
            # Starved (a busy machine: the child is niced) or failed: this worker parses at
            # full priority from here; the decks the child finished are cache hits.
            early_parse.stop()
        parsed.append(load_decks([decks_dir], cache=cache))
        if early_parse is not None:
            early_parse.poll()  # reaped, if it has ended by now
        return quick_overview(decks_dir, data_dir, now, cache)

    def load() -> StudyContext:
        return build_context(
            decks_dir, data_dir, now, use_cache, deck_set=parsed[0] if parsed else None
        )

    from quizapp.ui.app import QuizApp

    if early_parse is not None and cache is not None and early_parse.poll():
        # The child was done before Textual was imported: Home is drawn with its counts at once.
        overview = quick_overview(decks_dir, data_dir, now, cache)
    early = read_decks if overview is None and cache is not None else None
    from quizapp.ui.looks import LOOKS_FILE

    looks = data_dir / LOOKS_FILE
    app = QuizApp(loader=load, overview=overview, read_decks=early, looks=looks)
    app.run()
    # Non-zero when the app stopped on an error it could not handle (Textual printed it).
    return app.return_code or 0
