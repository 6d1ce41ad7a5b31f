"""Read-only questions the queue and the statistics ask: what is due, what is new, counts.

Queue queries use the partial indexes on `due` (answered units) and `new_rank` (new units), so
choosing the next unit costs the same with a thousand units or a hundred thousand. A scope limits
them to some decks or to an arbitrary set of units (a tag or category), the latter through a
temporary table.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Mapping

import msgspec

from quizapp.model.progress import Counts, Phase

_SCOPE_TABLES = itertools.count(1)
_DUE_NOW_SQL: dict[str, str] = {}
_AVAILABLE = "present = 1 AND suspended = 0 AND buried_until <= :now"
# New units are read in introduction order from their own index; left to itself, SQLite's planner
# scanned `units_progress` instead, reading every row (0.2 ms -> 180 ms at 100,000 units).
_BY_NEW_RANK = "INDEXED BY units_new"
_NOT_UNDONE = "NOT EXISTS (SELECT 1 FROM events e WHERE e.kind = 'undo' AND e.review_id = r.id)"


class Scope(msgspec.Struct, frozen=True):
    """Which units a queue draws from: all, some decks, or an explicit set of unit ids."""

    deck_ids: tuple[str, ...] | None = None
    uids: frozenset[str] | None = None

    def where(self, db: sqlite3.Connection) -> str:
        """SQL condition for this scope (filling a temporary table of its own if needed)."""
        parts: list[str] = []
        if self.deck_ids is not None:
            quoted = ",".join("'" + d.replace("'", "''") + "'" for d in self.deck_ids)
            parts.append(f"deck_id IN ({quoted})")
        if self.uids is not None:
            table = f"scope_{next(_SCOPE_TABLES)}"
            db.execute(f"CREATE TEMP TABLE {table} (uid TEXT PRIMARY KEY)")
            db.executemany(f"INSERT INTO temp.{table} VALUES (?)", [(u,) for u in self.uids])
            parts.append(f"uid IN (SELECT uid FROM temp.{table})")
        return " AND ".join(parts) if parts else "1"


def due_units(
    db: sqlite3.Connection, where: str, now: float, phases: Iterable[int], limit: int
) -> list[str]:
    """Answered units in `phases` due by `now`, most overdue first."""
    phase_list = ",".join(str(int(p)) for p in phases)
    rows = db.execute(
        f"SELECT uid FROM units WHERE phase > 0 AND due <= :now AND phase IN ({phase_list}) "
        f"AND {_AVAILABLE} AND {where} ORDER BY due LIMIT :limit",
        {"now": now, "limit": limit},
    )
    return [str(row[0]) for row in rows]


def due_now(
    db: sqlite3.Connection, where: str, now: float, learning_limit: int, review_limit: int
) -> tuple[list[str], list[str]]:
    """Learning and review units due by `now`, most overdue first, in one round trip.

    One index-ordered part per phase (no sorting step): this runs before every card, so callers
    ask for one unit per phase and widen the limits only when those are not theirs to show.
    """
    sql = _DUE_NOW_SQL.get(where)
    if sql is None:
        sql = _DUE_NOW_SQL[where] = " UNION ALL ".join(
            "SELECT * FROM (SELECT phase, uid, due FROM units WHERE phase > 0 "
            f"AND phase = {phase} AND due <= :now AND {_AVAILABLE} AND {where} "
            f"ORDER BY due LIMIT :{limit})"
            for phase, limit in ((1, "learning"), (3, "learning"), (2, "reviews"))
        )
    rows = db.execute(
        sql, {"now": now, "learning": learning_limit, "reviews": review_limit}
    ).fetchall()
    learning: list[tuple[float, str]] = []
    reviews: list[str] = []
    for phase, uid, due in rows:
        if phase == Phase.REVIEW:
            reviews.append(uid)
        else:
            learning.append((due, uid))
    if len(learning) > 1:
        learning.sort()
    return [uid for _, uid in learning], reviews


def count_due(
    db: sqlite3.Connection,
    where: str,
    due_by: float,
    now: float,
    phases: Iterable[int],
    cap: int = 1_000_000_000,
) -> int:
    """How many answered units in `phases` are due by `due_by`, counting at most `cap`."""
    phase_list = ",".join(str(int(p)) for p in phases)
    row = db.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM units WHERE phase > 0 AND due <= :due "
        f"AND phase IN ({phase_list}) AND {_AVAILABLE} AND {where} LIMIT :cap)",
        {"due": due_by, "now": now, "cap": cap},
    ).fetchone()
    return int(row[0])


def count_new(db: sqlite3.Connection, where: str, now: float, cap: int) -> int:
    """How many never-answered units are available, counting at most `cap`."""
    row = db.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM units {_BY_NEW_RANK} WHERE phase = 0 "
        f"AND {_AVAILABLE} AND {where} LIMIT :cap)",
        {"now": now, "cap": cap},
    ).fetchone()
    return int(row[0])


def count_buried_new(db: sqlite3.Connection, where: str, now: float, cap: int) -> int:
    """How many never-answered units are buried until later, counting at most `cap`."""
    row = db.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM units {_BY_NEW_RANK} WHERE phase = 0 "
        f"AND present = 1 AND suspended = 0 AND buried_until > :now AND {where} LIMIT :cap)",
        {"now": now, "cap": cap},
    ).fetchone()
    return int(row[0])


def new_units(db: sqlite3.Connection, where: str, now: float, limit: int) -> list[str]:
    """Never-answered units in introduction order."""
    rows = db.execute(
        f"SELECT uid FROM units {_BY_NEW_RANK} WHERE phase = 0 AND {_AVAILABLE} AND {where} "
        "ORDER BY new_rank LIMIT :limit",
        {"now": now, "limit": limit},
    )
    return [str(row[0]) for row in rows]


def ahead_units(
    db: sqlite3.Connection, deck_id: str, exam_ts: float, since_ts: float, now: float, limit: int
) -> list[str]:
    """Review units of a deck due after its exam and not seen since the exam was set."""
    rows = db.execute(
        f"SELECT uid FROM units WHERE phase > 0 AND due > :exam AND deck_id = :deck "
        f"AND last_review < :since AND {_AVAILABLE} ORDER BY due LIMIT :limit",
        {"exam": exam_ts, "deck": deck_id, "since": since_ts, "now": now, "limit": limit},
    )
    return [str(row[0]) for row in rows]


def at_risk_count(
    db: sqlite3.Connection, deck_id: str, exam_ts: float, since_ts: float, now: float
) -> int:
    """Units of a deck that will not be seen before the exam as things stand.

    New units and seen ones are counted apart: each is then a range of `units_progress`.
    """
    new = db.execute(
        "SELECT COUNT(*) FROM units WHERE deck_id = ? AND present = 1 AND phase = 0 "
        "AND suspended = 0",
        (deck_id,),
    ).fetchone()[0]
    seen = db.execute(
        "SELECT COUNT(*) FROM units WHERE deck_id = ? AND present = 1 AND phase > 0 "
        "AND suspended = 0 AND due > ? AND last_review < ?",
        (deck_id, exam_ts, since_ts),
    ).fetchone()[0]
    return int(new) + int(seen)


def answered_since(db: sqlite3.Connection, since: float, phase_before: int) -> int:
    """Answers given since `since` to units that were in `phase_before` (undone ones excluded)."""
    row = db.execute(
        f"SELECT COUNT(*) FROM reviews r WHERE time >= ? AND phase_before = ? AND {_NOT_UNDONE}",
        (since, phase_before),
    ).fetchone()
    return int(row[0])


class DeckCounts(msgspec.Struct, frozen=True):
    """How a deck stands: units due now, new ones, learned ones, and the rest."""

    deck_id: str
    total: int
    new: int
    learning: int
    due: int
    learned: int
    suspended: int


_SEEN = "SELECT COUNT(*) FROM units WHERE deck_id = ? AND present = 1 AND phase > 0"
_LEARNING = (
    "SELECT COUNT(*) FROM units WHERE deck_id = ? AND present = 1 "
    f"AND phase IN ({Phase.LEARNING}, {Phase.RELEARNING})"
)
# Through the `units_due` index: only units due now are read, then grouped by deck.
_DUE_BY_DECK = (
    "SELECT deck_id, COUNT(*) FROM units INDEXED BY units_due "
    f"WHERE phase > 0 AND phase IN ({Phase.LEARNING}, {Phase.REVIEW}, {Phase.RELEARNING}) "
    "AND due <= :now AND present = 1 "
    "AND suspended = 0 AND buried_until <= :now GROUP BY deck_id"
)
_SUSPENDED_NEW = (
    "SELECT COUNT(*) FROM units WHERE deck_id = ? AND present = 1 AND phase = 0 AND suspended = 1"
)


def progress_counts(
    db: sqlite3.Connection, unit_totals: Mapping[str, int], now: float
) -> dict[str, Counts]:
    """Due, new and learned units per deck, as `deck_counts` has them, for Home.

    `unit_totals` gives each deck's number of units, which must be what the store holds as
    present (true after a sync with those decks): new units are then counted by subtraction,
    seen ones from ranges of the `units_progress` index, and due ones through `units_due`, so
    only seen units are read. The index holds no column an ordinary answer changes, so it does
    not add to an answer's cost.
    """
    due = dict(db.execute(_DUE_BY_DECK, {"now": now}).fetchall())
    counts = {}
    for deck_id, total in unit_totals.items():
        seen = db.execute(_SEEN, (deck_id,)).fetchone()[0]
        suspended_new = db.execute(_SUSPENDED_NEW, (deck_id,)).fetchone()[0]
        learning = db.execute(_LEARNING, (deck_id,)).fetchone()[0]
        new = max(0, total - seen - suspended_new)
        counts[deck_id] = Counts(int(due.get(deck_id, 0)), new, int(seen - learning), learning)
    return counts


def deck_counts(db: sqlite3.Connection, where: str, now: float) -> list[DeckCounts]:
    """Per-deck counts of present units (due counts ignore daily limits)."""
    rows = db.execute(
        "SELECT deck_id, COUNT(*), "
        f"SUM(phase = 0 AND suspended = 0), SUM(phase IN ({Phase.LEARNING}, {Phase.RELEARNING})), "
        "SUM(phase > 0 AND due <= :now AND suspended = 0 AND buried_until <= :now), "
        f"SUM(phase = {Phase.REVIEW}), SUM(suspended) "
        f"FROM units WHERE present = 1 AND {where} GROUP BY deck_id ORDER BY deck_id",
        {"now": now},
    )
    return [
        DeckCounts(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]), int(r[6]))
        for r in rows
    ]


def leech_uids(db: sqlite3.Connection) -> list[str]:
    """Present units suspended as leeches."""
    return [str(r[0]) for r in db.execute("SELECT uid FROM units WHERE leech = 1 AND present = 1")]


def leech_count(db: sqlite3.Connection) -> int:
    """Units ever marked leech and not unsuspended since (absent ones too)."""
    return int(db.execute("SELECT COUNT(*) FROM units WHERE leech = 1").fetchone()[0])


def is_suspended(db: sqlite3.Connection, uid: str) -> bool:
    row = db.execute("SELECT suspended FROM units WHERE uid = ?", (uid,)).fetchone()
    return bool(row and row[0])
