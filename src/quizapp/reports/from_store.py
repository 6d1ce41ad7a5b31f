"""Reading a student's progress store into `UnitProgress` rows for the anonymous summary.

Undone reviews are left out of the counts and of the last rating; retrievability is computed
with the student's own scheduler settings at `now`. Units no longer in any deck are skipped.
"""

from __future__ import annotations

import datetime as dt

from quizapp.model.progress import Phase
from quizapp.reports.anonymous import UnitProgress
from quizapp.scheduling.fsrs_adapter import FsrsAdapter, config_of
from quizapp.store.db import ProgressStore, decode_state

_REVIEW_COUNTS = """
    SELECT uid, count(*), max(id) FROM reviews
    WHERE id NOT IN (SELECT review_id FROM events WHERE kind = 'undo' AND review_id IS NOT NULL)
    GROUP BY uid
"""


def unit_progress(store: ProgressStore, now: dt.datetime) -> list[UnitProgress]:
    """One row per unit present in the decks, with what the summary needs."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    adapter = FsrsAdapter(config_of(store.settings()))
    counts: dict[str, tuple[int, int]] = {
        uid: (int(n), int(last)) for uid, n, last in store.db.execute(_REVIEW_COUNTS)
    }
    last_ids = [last for _n, last in counts.values()]
    ratings: dict[int, int] = {}
    for start in range(0, len(last_ids), 500):
        chunk = last_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        ratings.update(
            store.db.execute(f"SELECT id, rating FROM reviews WHERE id IN ({marks})", chunk)
        )
    rows: list[UnitProgress] = []
    query = "SELECT uid, deck_id, category, state, lapses FROM units WHERE present = 1"
    for uid, deck_id, category, blob, lapses in store.db.execute(query):
        state = decode_state(blob)
        reviews, last_id = counts.get(uid, (0, 0))
        reviewed = state.phase != Phase.NEW and state.stability is not None
        rows.append(
            UnitProgress(
                uid=uid,
                deck_id=deck_id,
                category=category,
                reviews=reviews,
                lapses=int(lapses),
                last_rating=ratings.get(last_id),
                stability=state.stability if reviewed else None,
                retrievability=adapter.retrievability(state, now) if reviewed else None,
            )
        )
    return rows
