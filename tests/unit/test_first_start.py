"""A new student's first start: Home from the deck cache alone, then one bulk fill of the store.

The fill is one transaction, so a first start killed anywhere leaves a store that the next start
completes; the tests kill a real process (SIGKILL) at several points to show it.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quizapp.commands.study import build_context
from quizapp.decks import load_decks
from quizapp.decks.cache import DeckCache, default_cache
from quizapp.store.db import ProgressStore
from quizapp.store.schema import DB_FILENAME, FINGERPRINT_KEY
from quizapp.store.sync import sync_units
from quizapp.study.overview import quick_overview

GOOD = Path(__file__).parents[1] / "data" / "good"
NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def decks(tmp_path: Path) -> Path:
    return Path(shutil.copytree(GOOD, tmp_path / "decks"))


def cache() -> DeckCache:
    found = default_cache()
    assert found is not None
    return found


def test_a_new_student_gets_home_from_the_deck_cache_alone(decks: Path, tmp_path: Path) -> None:
    load_decks([decks], cache=cache())  # the deck cache is warm (e.g. another student's start)
    data = tmp_path / "new-student"
    overview = quick_overview(decks, data, NOW, cache())
    assert overview is not None and overview.new_store
    assert not data.exists(), "drawing Home creates nothing"
    context = build_context(decks, data, NOW)
    assert overview.counts == context.study.counts(NOW)
    assert sum(c.new for c in overview.counts.values()) == len(context.units) > 0
    again = quick_overview(decks, data, NOW, cache())
    assert again is not None and not again.new_store, "from then on, the store's own counts"


def _table(store: ProgressStore) -> list[tuple[object, ...]]:
    return store.db.execute("SELECT * FROM units ORDER BY uid").fetchall()


def _indexes(store: ProgressStore) -> list[tuple[object, ...]]:
    return store.db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    ).fetchall()


def test_the_bulk_fill_writes_what_the_general_sync_writes(decks: Path, tmp_path: Path) -> None:
    deck_set = load_decks([decks])
    units = deck_set.units()
    assert len(units) > 3
    bulk = ProgressStore.open(tmp_path / "bulk")
    indexes = _indexes(bulk)
    report = sync_units(bulk, units, 0.0, random.Random(5))
    assert report.added == len(units)
    # The general path: one unit first (a store that is no longer empty), then the rest.
    general = ProgressStore.open(tmp_path / "general")
    rng = random.Random(5)
    sync_units(general, units[:1], 0.0, rng)
    assert sync_units(general, units, 0.0, rng).added == len(units) - 1
    assert _table(bulk) == _table(general)
    assert _indexes(bulk) == indexes == _indexes(general), "every index rebuilt as defined"
    assert bulk.integrity_ok()
    for store in (bulk, general):
        store.close()


KILLER = textwrap.dedent(
    """
    import os, random, signal, sys
    from pathlib import Path
    from quizapp.decks import load_decks
    from quizapp.store import schema
    from quizapp.store.db import ProgressStore
    from quizapp.store.sync import sync_units

    point, decks, data = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])

    def die(*_: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    units = load_decks([decks]).units()
    if point == "creating the schema":
        schema.MIGRATIONS = (schema.MIGRATIONS[0], die, *schema.MIGRATIONS[2:])
    store = ProgressStore.open(data)

    class Dying(list):
        # Iterating hands out `after` units, then the process dies mid-fill.
        def __init__(self, items, after):
            super().__init__(items)
            self.after = after

        def __iter__(self):
            for number, unit in enumerate(list.__iter__(self)):
                if number == self.after:
                    die()
                yield unit
            die()  # every row inserted, indexes not yet rebuilt, nothing committed

    if point == "inserting rows":
        units = Dying(units, 2)
    elif point == "before the indexes":
        units = Dying(units, len(units) + 1)
    sync_units(store, units, 0.0, random.Random(1))
    die()  # after the commit
    """
)


@pytest.mark.parametrize(
    "point", ["creating the schema", "inserting rows", "before the indexes", "after the commit"]
)
def test_a_first_start_killed_anywhere_is_completed_next_time(
    decks: Path, tmp_path: Path, point: str
) -> None:
    data = tmp_path / "data"
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, point, str(decks), str(data)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == -9, killed.stderr
    assert (data / DB_FILENAME).exists()
    context = build_context(decks, data, NOW)
    store: ProgressStore = context.study.store  # type: ignore[attr-defined]
    assert store.integrity_ok()
    stored = {row[0] for row in store.db.execute("SELECT uid FROM units WHERE present = 1")}
    assert stored == set(context.units)
    fingerprint = store.db.execute(
        "SELECT value FROM settings WHERE key = ?", (FINGERPRINT_KEY,)
    ).fetchone()
    assert fingerprint is not None
    assert _indexes(store) == _indexes(ProgressStore.open(tmp_path / "reference"))
    assert sum(c.new for c in context.study.counts(NOW).values()) == len(context.units)
