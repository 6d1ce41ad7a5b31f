"""Finding units to bring back (by card id, unit id or as leeches) and undoing a burial.

Suspending is never a one-way door: `quizapp unsuspend` and the Browse screen name cards by
their id, and a card id stands for every study unit the card makes (`ID`, `ID/reverse`,
`ID/c1`, ...) and nothing else: not the other cards of its fact, which share its sibling key,
nor a card drawn from a fact of that id (`ID/alias`: no template is named `reverse` or `cN`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizapp.store.db import ProgressStore


def units_named(store: ProgressStore, names: Iterable[str]) -> dict[str, list[str]]:
    """For each name, the present units it names: a unit id names itself, a card id all of the
    card's units. A name that matches nothing maps to an empty list."""
    found: dict[str, list[str]] = {}
    for name in names:
        # the unit named, and the range of the primary key that starts with `name/`
        rows = store.db.execute(
            "SELECT uid FROM units WHERE present = 1 AND (uid = ? OR (uid > ? AND uid < ?)) "
            "ORDER BY uid",
            (name, f"{name}/", f"{name}0"),  # '0' follows '/' in code point order
        ).fetchall()
        uids = [str(r[0]) for r in rows]
        found[name] = [
            uid for uid in uids if uid == name or _UNIT_SUFFIX.fullmatch(uid[len(name) + 1 :])
        ]
    return found


_UNIT_SUFFIX = re.compile(r"reverse|c[1-9][0-9]*")


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
