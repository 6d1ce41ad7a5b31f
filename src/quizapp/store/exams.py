"""Exam dates as the store keeps them, and the answers that reviewed ahead of one.

An exam is two deck settings, the date and when it was set (the at-risk clock starts then),
always written together.
"""

from __future__ import annotations

from datetime import date

import msgspec

from quizapp.model.progress import Phase
from quizapp.store.db import ProgressStore, decode_state

_NOT_UNDONE = "NOT EXISTS (SELECT 1 FROM events e WHERE e.kind = 'undo' AND e.review_id = r.id)"


class StoredExam(msgspec.Struct, frozen=True):
    """A deck's exam date and when the student set it (UNIX seconds)."""

    deck_id: str
    exam_date: date
    set_at: float


def save_exam(store: ProgressStore, deck_id: str, exam_date: date | None, set_at: float) -> None:
    """Set a deck's exam date (None clears it) in one transaction."""
    store.save_deck_settings(
        deck_id,
        {
            "exam_date": exam_date.isoformat() if exam_date else None,
            "exam_set_at": repr(set_at) if exam_date else None,
        },
    )


def read_exams(store: ProgressStore) -> list[StoredExam]:
    """Every deck's exam, by deck id; a half-written one (no time set) is left out."""
    rows = store.db.execute(
        "SELECT d.deck_id, d.value, s.value FROM deck_settings d JOIN deck_settings s "
        "ON s.deck_id = d.deck_id AND s.key = 'exam_set_at' WHERE d.key = 'exam_date' "
        "ORDER BY d.deck_id"
    ).fetchall()
    return [StoredExam(str(deck), date.fromisoformat(day), float(at)) for deck, day, at in rows]


def reviews_ahead_since(store: ProgressStore, deck_id: str, since: float, exam_ts: float) -> int:
    """Standing answers since `since` to review units of a deck that were due after the exam."""
    rows = store.db.execute(
        "SELECT r.state_before FROM reviews r WHERE r.time >= ? AND r.deck_id = ? "
        f"AND r.phase_before = {int(Phase.REVIEW)} AND {_NOT_UNDONE}",
        (since, deck_id),
    )
    return sum(1 for (blob,) in rows if (decode_state(blob).due or 0) > exam_ts)
