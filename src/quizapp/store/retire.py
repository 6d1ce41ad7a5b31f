"""Carrying a retired card's history over to the card that replaces it.

A course rebuilt on facts merges duplicate cards and replaces written cards by drawn ones; the
decks list each retired card id with its replacement (`decks.retired`). When the store syncs,
every unit of a retired card that has a history gives it to the replacement's unit: its reviews
and events move to the new uid, and the new unit takes the state of whichever of the two was
reviewed last (what a replay of the merged log gives). The old unit row then goes: its history
lives on under the new uid. Nothing is lost, and a second run finds nothing to do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quizapp.model.units import StudyUnit
from quizapp.store.db import ProgressStore

_STATE = "phase, state, due, last_review, lapses, suspended, leech, buried_until"


def _old_uids(store: ProgressStore, card_id: str) -> list[str]:
    """The stored uids of a card: `ID`, and `ID/...` (cloze deletions, reverse) by an index
    range ('0' follows '/'), never a scan of the table."""
    rows = store.db.execute(
        "SELECT uid FROM units WHERE uid = ? OR (uid >= ? AND uid < ?) ORDER BY uid",
        (card_id, card_id + "/", card_id + "0"),
    )
    return [row[0] for row in rows]


def plan_moves(
    store: ProgressStore, retired: Mapping[str, str], units: Sequence[StudyUnit]
) -> list[tuple[str, str]]:
    """(old uid, new uid) for every stored unit of a retired card whose replacement is loaded.

    A unit goes to the replacement's unit of the same variant (`/c2` to `/c2`) when there is
    one, else to the replacement's first unit.
    """
    if not retired:
        return []
    wanted = set(retired.values())
    targets: dict[str, list[str]] = {}
    live: set[str] = set()
    for unit in units:
        live.add(unit.uid)
        if unit.card.id in wanted:
            targets.setdefault(unit.card.id, []).append(unit.uid)
    moves = []
    for old_card, new_card in retired.items():
        found = targets.get(new_card)
        if not found:
            continue
        for uid in _old_uids(store, old_card):
            if uid in live:
                continue
            same_variant = new_card + uid[len(old_card) :]
            moves.append((uid, same_variant if same_variant in found else found[0]))
    return moves


def carry_over(
    store: ProgressStore, retired: Mapping[str, str], units: Sequence[StudyUnit], now_ts: float
) -> int:
    """Move retired units' histories to their replacements; returns how many units moved."""
    moves = plan_moves(store, retired, units)
    if not moves:
        return 0
    with store.write() as db:
        for old, new in moves:
            old_row = db.execute(f"SELECT {_STATE} FROM units WHERE uid = ?", (old,)).fetchone()
            new_row = db.execute(f"SELECT {_STATE} FROM units WHERE uid = ?", (new,)).fetchone()
            if old_row is None or new_row is None:
                continue
            db.execute(
                "UPDATE reviews SET uid = ?, deck_id = (SELECT deck_id FROM units WHERE uid = ?) "
                "WHERE uid = ?",
                (new, new, old),
            )
            db.execute("UPDATE events SET uid = ? WHERE uid = ?", (new, old))
            db.execute("UPDATE OR IGNORE burials SET uid = ? WHERE uid = ?", (new, old))
            db.execute("DELETE FROM burials WHERE uid = ?", (old,))
            old_last, new_last = old_row[3], new_row[3]
            if old_last is not None and (new_last is None or old_last > new_last):
                db.execute(
                    "UPDATE units SET phase = ?, state = ?, due = ?, last_review = ?, lapses = ?, "
                    "suspended = ?, leech = ?, buried_until = ? WHERE uid = ?",
                    (*old_row, new),
                )
            elif old_row[5]:  # suspended without a review: keep the student's choice
                db.execute("UPDATE units SET suspended = 1 WHERE uid = ?", (new,))
            db.execute("DELETE FROM units WHERE uid = ?", (old,))
            db.execute(
                "INSERT INTO events (time, kind, uid, detail) VALUES (?, 'carry', ?, ?)",
                (now_ts, new, f"history of retired {old}"),
            )
    return len(moves)
