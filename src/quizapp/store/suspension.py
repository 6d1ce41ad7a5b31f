"""Finding units to bring back (by card id, unit id or as leeches) and undoing a burial.

Suspending is never a one-way door: `quizapp unsuspend` and the Browse screen name cards by
their id, and a card id stands for every study unit the card makes (`ID`, `ID/reverse`,
`ID/c1`, ...), which share the card id as their sibling key.
"""

from __future__ import annotations

from collections.abc import Iterable

from quizapp.store.db import ProgressStore


def units_named(store: ProgressStore, names: Iterable[str]) -> dict[str, list[str]]:
    """For each name, the present units it names: a unit id names itself, a card id all of the
    card's units. A name that matches nothing maps to an empty list."""
    found: dict[str, list[str]] = {}
    for name in names:
        rows = store.db.execute(
            "SELECT uid FROM units WHERE present = 1 AND (uid = ? OR sibling_key = ?) ORDER BY uid",
            (name, name),
        ).fetchall()
        found[name] = [str(r[0]) for r in rows]
    return found


def suspended_uids(store: ProgressStore) -> list[str]:
    """Every present suspended unit, leeches first."""
    rows = store.db.execute(
        "SELECT uid FROM units WHERE present = 1 AND suspended = 1 ORDER BY leech DESC, uid"
    ).fetchall()
    return [str(r[0]) for r in rows]


def is_leech(store: ProgressStore, uid: str) -> bool:
    row = store.db.execute("SELECT leech FROM units WHERE uid = ?", (uid,)).fetchone()
    return bool(row and row[0])


def buried_until(store: ProgressStore, uid: str) -> float:
    """When a unit's burial ends (UNIX seconds; 0 when it was never buried)."""
    row = store.db.execute("SELECT buried_until FROM units WHERE uid = ?", (uid,)).fetchone()
    return float(row[0]) if row else 0.0


def restore_burial(store: ProgressStore, uid: str, until_ts: float) -> None:
    """Put back the burial end a unit had before it was buried by hand (undo of a bury)."""
    with store.write() as db:
        db.execute("UPDATE units SET buried_until = ? WHERE uid = ?", (until_ts, uid))
