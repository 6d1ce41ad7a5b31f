"""Helpers for UI tests: the test decks, a fixed clock, a store on a temporary folder."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import random
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from quizapp.decks import load_decks
from quizapp.store.db import ProgressStore
from quizapp.study.context import StudyContext
from quizapp.study.stored import StoreStudy

DECKS = Path(__file__).parent / "data" / "decks"
NOW = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)


class FixedClock:
    """A clock tests move by hand."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def make_context(data_dir: Path, clock: FixedClock, decks: Path = DECKS) -> StudyContext:
    deck_set = load_decks([decks])
    assert not deck_set.problems, [p.format() for p in deck_set.problems]
    store = ProgressStore.open(data_dir)
    # UTC, so screens look the same on every machine (tests/unit/test_local_day.py covers zones)
    study = StoreStudy(store, deck_set.units(), clock(), random.Random(1), tz=dt.UTC)
    return StudyContext(deck_set.decks, study, decks_dir=decks)


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test on a fresh event loop (no async pytest plugin needed)."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper
