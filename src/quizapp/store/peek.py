"""Home's counts read from the progress database opened read-only, for a warm start's first paint.

Only when the file is quizapp's, of this schema version, and was last synced with exactly the
decks about to be shown (the units fingerprint says so); otherwise None, and the full load syncs,
migrates or reports the problem. Nothing is written, and the scheduler is not imported.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path

from quizapp.model.progress import Counts
from quizapp.store.queries import progress_counts
from quizapp.store.schema import (
    APPLICATION_ID,
    DB_FILENAME,
    FINGERPRINT_KEY,
    SCHEMA_VERSION,
    identity,
)


def store_exists(data_dir: Path) -> bool:
    """Whether `data_dir` holds a progress database at all (none yet: a new student)."""
    return (data_dir / DB_FILENAME).exists()


def synced_counts(
    data_dir: Path, fingerprint: str, unit_totals: Mapping[str, int], now_ts: float
) -> dict[str, Counts] | None:
    """Per-deck counts, or None when the store might not hold exactly these units."""
    path = data_dir / DB_FILENAME
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        if identity(db) != (SCHEMA_VERSION, APPLICATION_ID):
            return None
        row = db.execute("SELECT value FROM settings WHERE key = ?", (FINGERPRINT_KEY,)).fetchone()
        if row is None or row[0] != fingerprint:
            return None
        return progress_counts(db, unit_totals, now_ts)
    except sqlite3.Error:
        return None
    finally:
        db.close()
