"""Reading the review log and the units' states for statistics, the optimizer and reports.

Undone answers are left out everywhere: an undo is an event naming the review, never a delete.
"""

from __future__ import annotations

from collections.abc import Iterator

import msgspec

from quizapp.model.progress import MemoryState
from quizapp.store.db import ProgressStore, decode_state

DAY = 86400.0
_NOT_UNDONE = "NOT EXISTS (SELECT 1 FROM events e WHERE e.kind = 'undo' AND e.review_id = r.id)"
_REVIEW_COUNTS = f"SELECT uid, count(*), max(id) FROM reviews r WHERE {_NOT_UNDONE} GROUP BY uid"
_CHUNK = 500  # ids per `IN (...)`, below SQLite's limit on bound parameters


class Review(msgspec.Struct, frozen=True):
    """One answer that stands: which unit, when (UNIX seconds, UTC) and the rating (1-4)."""

    uid: str
    time: float
    rating: int


class UnitRecord(msgspec.Struct, frozen=True):
    """A present unit's state with its answers counted, as the anonymous summary reads it."""

    uid: str
    deck_id: str
    category: str
    state: MemoryState
    lapses: int
    reviews: int
    last_rating: int | None


def reviews(store: ProgressStore, uid: str | None = None) -> list[Review]:
    """Every standing answer, or one unit's, oldest first."""
    where = "uid = ? AND " if uid is not None else ""
    rows = store.db.execute(
        f"SELECT uid, time, rating FROM reviews r WHERE {where}{_NOT_UNDONE} ORDER BY id",
        (uid,) if uid is not None else (),
    )
    return [Review(str(u), float(t), int(r)) for u, t, r in rows]


def reviews_since(store: ProgressStore, since: float) -> int:
    """Standing answers given at or after `since`."""
    row = store.db.execute(
        f"SELECT COUNT(*) FROM reviews r WHERE time >= ? AND {_NOT_UNDONE}", (since,)
    ).fetchone()
    return int(row[0])


def due_forecast(store: ProgressStore, start: float, days: int) -> list[int]:
    """Units falling due on each of `days` days from `start` (overdue ones on the first)."""
    rows = store.db.execute(
        "SELECT MAX(0, CAST((due - :start) / :day AS INTEGER)) AS d, COUNT(*) FROM units "
        "WHERE present = 1 AND suspended = 0 AND phase > 0 AND due < :end GROUP BY d",
        {"start": start, "day": DAY, "end": start + days * DAY},
    )
    buckets = [0] * days
    for day, count in rows:
        buckets[int(day)] += int(count)
    return buckets


def unit_records(store: ProgressStore) -> Iterator[UnitRecord]:
    """Every present unit with its standing answers counted and its last rating."""
    counts = {str(uid): (int(n), int(last)) for uid, n, last in store.db.execute(_REVIEW_COUNTS)}
    last_ids = [last for _n, last in counts.values()]
    ratings: dict[int, int] = {}
    for start in range(0, len(last_ids), _CHUNK):
        chunk = last_ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        ratings.update(
            store.db.execute(f"SELECT id, rating FROM reviews WHERE id IN ({marks})", chunk)
        )
    query = "SELECT uid, deck_id, category, state, lapses FROM units WHERE present = 1"
    for uid, deck_id, category, blob, lapses in store.db.execute(query):
        reviews_done, last_id = counts.get(uid, (0, 0))
        yield UnitRecord(
            uid=uid,
            deck_id=deck_id,
            category=category,
            state=decode_state(blob),
            lapses=int(lapses),
            reviews=reviews_done,
            last_rating=ratings.get(last_id),
        )
