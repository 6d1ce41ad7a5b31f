"""Reading a student's progress store into `UnitProgress` rows for the anonymous summary.

Undone reviews are left out of the counts and of the last rating; retrievability is computed
with the student's own scheduler settings at `now`. Units no longer in any deck are skipped.
"""

from __future__ import annotations

import datetime as dt

from quizapp.model.progress import Phase
from quizapp.reports.anonymous import UnitProgress
from quizapp.scheduling.fsrs_adapter import FsrsAdapter, config_of
from quizapp.store.db import ProgressStore
from quizapp.store.history import unit_records


def unit_progress(store: ProgressStore, now: dt.datetime) -> list[UnitProgress]:
    """One row per unit present in the decks, with what the summary needs."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    adapter = FsrsAdapter(config_of(store.settings()))
    rows: list[UnitProgress] = []
    for record in unit_records(store):
        state = record.state
        reviewed = state.phase != Phase.NEW and state.stability is not None
        rows.append(
            UnitProgress(
                uid=record.uid,
                deck_id=record.deck_id,
                category=record.category,
                reviews=record.reviews,
                lapses=record.lapses,
                last_rating=record.last_rating,
                stability=state.stability if reviewed else None,
                retrievability=adapter.retrievability(state, now) if reviewed else None,
            )
        )
    return rows
