"""Writing answers to the append-only review log, and taking them back.

The log is never updated or deleted from: an undo is an `undo` event naming the review, and the
unit's state goes back to the review's `state_before`. Suspensions, leeches and resets are events
too, so `rebuild` can recompute every unit from the log alone. The siblings an answer buries are
noted in `burials` with the value each replaced, so an undo gives back exactly those.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

import msgspec

from quizapp.errors import QuizappError
from quizapp.model.progress import NEW_STATE, MemoryState, Phase, Rating
from quizapp.model.units import StudyUnit
from quizapp.store.db import ProgressStore, decode_state, encode_state


class Answered(msgspec.Struct, frozen=True):
    """What one committed answer did (a Struct: one is made per answer)."""

    review_id: int
    uid: str
    rating: Rating
    before: MemoryState
    after: MemoryState
    leech: bool


class Stored(msgspec.Struct, frozen=True):
    """A unit's state as the store holds it, with the bytes an answer must find unchanged."""

    state: MemoryState
    blob: bytes | None


_NEW_BLOB = encode_state(NEW_STATE)


Schedule = Callable[[MemoryState], tuple[MemoryState, bool]]
"""Given a unit's state before an answer: the state after it, and whether it made a leech."""


def stored_state(store: ProgressStore, uid: str) -> Stored:
    """The unit's current state, as an answer would find it."""
    row = store.db.execute("SELECT state FROM units WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise QuizappError(f"{uid} is not in the progress database; reopen the deck.")
    blob: bytes | None = row[0]
    return Stored(NEW_STATE if blob is None else decode_state(blob), blob)


def record_answer(
    store: ProgressStore,
    unit: StudyUnit,
    rating: Rating,
    now: datetime,
    answer_ms: int,
    *,
    schedule: Schedule,
    params_id: int,
    bury_until: float | None,
    session: str = "",
    kin: Sequence[str] = (),
) -> Answered:
    """Commit one answer: read the unit, `schedule` it, write the result, suspend a leech.

    The read happens inside the write transaction, so another quizapp answering the same unit
    at the same moment waits for the lock and then builds on this answer (never the reverse,
    never lost). `bury_until` (None when the unit has no siblings and no kin) hides its new and
    review siblings, and the units in `kin` (other cards quoting its sentence) the same way.
    """
    now_ts = now.timestamp()
    with store.write() as db:
        before = stored_state(store, unit.uid)
        after, leech = schedule(before.state)
        blob_after = encode_state(after)
        db.execute(
            "UPDATE units SET phase = ?, state = ?, due = ?, last_review = ?, lapses = ? "
            "WHERE uid = ?",
            (after.phase, blob_after, after.due, now_ts, after.lapses, unit.uid),
        )
        cursor = db.execute(
            "INSERT INTO reviews (uid, deck_id, time, rating, answer_ms, phase_before, "
            "state_before, state_after, params_id, session) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                unit.uid,
                unit.deck_id,
                now_ts,
                int(rating),
                max(0, int(answer_ms)),
                before.state.phase,
                _NEW_BLOB if before.blob is None else before.blob,
                blob_after,
                params_id,
                session,
            ),
        )
        review_id = cursor.lastrowid
        assert review_id is not None
        if leech:
            db.execute("UPDATE units SET suspended = 1, leech = 1 WHERE uid = ?", (unit.uid,))
            db.execute(
                "INSERT INTO events (time, kind, uid, review_id, detail) VALUES (?,?,?,?,?)",
                (now_ts, "leech", unit.uid, review_id, f"{after.lapses} lapses"),
            )
        if bury_until is not None and (
            after.phase == Phase.REVIEW or before.state.phase == Phase.NEW
        ):
            _bury_siblings(db, unit, review_id, bury_until)
            _bury_kin(db, kin, review_id, bury_until)
    return Answered(review_id, unit.uid, rating, before.state, after, leech)


def _bury_siblings(db: sqlite3.Connection, unit: StudyUnit, review_id: int, until: float) -> None:
    """Hide the unit's new and review siblings until `until`, noting what each was before."""
    cursor = db.execute(
        "INSERT INTO burials (uid, review_id, until, previous) "
        "SELECT uid, ?, ?, buried_until FROM units WHERE sibling_key = ? AND uid != ? "
        "AND phase IN (0, 2) AND buried_until < ?",
        (review_id, until, unit.sibling_key, unit.uid, until),
    )
    if cursor.rowcount:
        db.execute(
            "UPDATE units SET buried_until = ? WHERE sibling_key = ? AND uid != ? "
            "AND phase IN (0, 2) AND buried_until < ?",
            (until, unit.sibling_key, unit.uid, until),
        )


def _bury_kin(db: sqlite3.Connection, kin: Sequence[str], review_id: int, until: float) -> None:
    """Hide the new and review units of other cards that quote the answered card's sentence."""
    for uid in kin:
        cursor = db.execute(
            "INSERT OR IGNORE INTO burials (uid, review_id, until, previous) "
            "SELECT uid, ?, ?, buried_until FROM units WHERE uid = ? "
            "AND phase IN (0, 2) AND buried_until < ?",
            (review_id, until, uid, until),
        )
        if cursor.rowcount:
            db.execute("UPDATE units SET buried_until = ? WHERE uid = ?", (until, uid))


def _unbury_siblings(db: sqlite3.Connection, review_id: int) -> None:
    """Give back the `buried_until` of every unit the answer `review_id` buried (siblings and
    kin), where it still holds the value that answer set."""
    rows = db.execute(
        "SELECT uid, until, previous FROM burials WHERE review_id = ?", (review_id,)
    ).fetchall()
    db.executemany(
        "UPDATE units SET buried_until = ? WHERE uid = ? AND buried_until = ?",
        [(previous, sibling, until) for sibling, until, previous in rows],
    )


def undo_review(store: ProgressStore, review_id: int, now_ts: float) -> str | None:
    """Take back a review if it is still the unit's latest; return its uid, or None if not."""
    with store.write() as db:
        row = db.execute(
            "SELECT uid, state_before FROM reviews WHERE id = ?", (review_id,)
        ).fetchone()
        if row is None:
            return None
        uid, blob_before = str(row[0]), bytes(row[1])
        latest = db.execute(
            "SELECT MAX(r.id) FROM reviews r WHERE r.uid = ? AND NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.kind = 'undo' AND e.review_id = r.id)",
            (uid,),
        ).fetchone()[0]
        if latest != review_id:
            return None
        before = decode_state(blob_before)
        was_leech = db.execute(
            "SELECT 1 FROM events WHERE uid = ? AND kind = 'leech' AND review_id = ?",
            (uid, review_id),
        ).fetchone()
        db.execute(
            "UPDATE units SET phase = ?, state = ?, due = ?, last_review = ?, lapses = ? "
            "WHERE uid = ?",
            (
                before.phase,
                None if before.phase == Phase.NEW else blob_before,
                before.due,
                before.last_review,
                before.lapses,
                uid,
            ),
        )
        if was_leech:
            db.execute("UPDATE units SET suspended = 0, leech = 0 WHERE uid = ?", (uid,))
        _unbury_siblings(db, review_id)
        db.execute(
            "INSERT INTO events (time, kind, uid, review_id) VALUES (?, 'undo', ?, ?)",
            (now_ts, uid, review_id),
        )
    return uid


def set_suspended(store: ProgressStore, uids: Iterable[str], suspended: bool, now_ts: float) -> int:
    """Suspend or unsuspend units (logged as events); return how many changed."""
    kind = "suspend" if suspended else "unsuspend"
    changed = 0
    with store.write() as db:
        for uid in uids:
            cursor = db.execute(
                "UPDATE units SET suspended = ?, leech = CASE WHEN ? THEN leech ELSE 0 END "
                "WHERE uid = ? AND suspended != ?",
                (int(suspended), int(suspended), uid, int(suspended)),
            )
            if cursor.rowcount:
                changed += 1
                db.execute(
                    "INSERT INTO events (time, kind, uid) VALUES (?, ?, ?)", (now_ts, kind, uid)
                )
    return changed


def bury(store: ProgressStore, uids: Iterable[str], until_ts: float) -> None:
    """Hide units until `until_ts` (the start of the next study day).

    A burial by hand outlasts the undo of an answer that had buried the same unit.
    """
    pairs = [(until_ts, uid) for uid in uids]
    with store.write() as db:
        db.executemany("UPDATE units SET buried_until = max(buried_until, ?) WHERE uid = ?", pairs)
        db.executemany("UPDATE burials SET previous = max(previous, ?) WHERE uid = ?", pairs)
