"""Matching the progress database with the decks on disk, and rebuilding it from the log.

Decks change under a student's feet. A unit keeps its history while its id stays the same, even if
its text changes or it disappears for a while (`present = 0` hides it from queues); an instructor
forces a fresh start by raising a card's `revision`, which resets the unit and logs a `reset` event
while the old reviews stay in the log.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import msgspec

from quizapp.model.cards import Category
from quizapp.model.progress import NEW_STATE, MemoryState, Phase
from quizapp.model.units import StudyUnit, units_fingerprint
from quizapp.store.db import ProgressStore, SyncReport, try_decode_state
from quizapp.store.retire import carry_over
from quizapp.store.schema import FINGERPRINT_KEY
from quizapp.store.settings import NewOrder

_CATEGORY_RANK = {category.value: rank for rank, category in enumerate(Category)}


def new_rank(order: NewOrder, position: int, category: str, rand: float) -> float:
    """Sort key for introducing new units under a deck's chosen order."""
    if order is NewOrder.RANDOM:
        return rand * 1e9
    if order is NewOrder.BY_CATEGORY:
        return _CATEGORY_RANK.get(category, len(_CATEGORY_RANK)) * 1e7 + position
    return float(position)


def reorder_new(store: ProgressStore, deck_id: str, order: NewOrder) -> None:
    """Save a deck's new-unit order and re-rank its units under it, in one transaction."""
    rows = store.db.execute(
        "SELECT uid, position, category, rand FROM units WHERE deck_id = ?", (deck_id,)
    ).fetchall()
    with store.write() as db:
        db.execute(
            "INSERT OR REPLACE INTO deck_settings (deck_id, key, value) VALUES (?, 'new_order', ?)",
            (deck_id, order.value),
        )
        db.executemany(
            "UPDATE units SET new_rank = ? WHERE uid = ?",
            [
                (new_rank(order, position, category, rand), uid)
                for uid, position, category, rand in rows
            ],
        )


class _Known(msgspec.Struct, frozen=True):
    """A unit as the store last saw it: what a sync compares the decks' units with."""

    revision: int
    present: int
    deck_id: str
    sibling_key: str
    category: str
    position: int
    new_rank: float
    rand: float


def sync_units(
    store: ProgressStore,
    units: Sequence[StudyUnit],
    now_ts: float,
    rng: random.Random,
    fingerprint: str | None = None,
    retired: Mapping[str, str] | None = None,
) -> SyncReport:
    """Add new units, reset those whose card revision went up, mark present/absent ones.

    `retired` maps retired card ids to their replacements: their histories carry over
    (`store.retire`).

    Skipped when the units are exactly those of the last sync (the usual start-up), which keeps
    opening a 100,000-unit collection fast. `fingerprint`, when given, must be
    `units_fingerprint(units)` (a loaded `DeckSet` knows it without hashing every unit).
    """
    if fingerprint is None:
        fingerprint = units_fingerprint(units)
    row = store.db.execute(
        "SELECT value FROM settings WHERE key = ?", (FINGERPRINT_KEY,)
    ).fetchone()
    if row is not None and row[0] == fingerprint:
        return SyncReport()
    if store.db.execute("SELECT 1 FROM units LIMIT 1").fetchone() is None:
        return _fill_new_store(store, units, rng, fingerprint)
    existing = {
        row[0]: _Known(*row[1:])
        for row in store.db.execute(
            "SELECT uid, revision, present, deck_id, sibling_key, category, position, new_rank, "
            "rand FROM units"
        )
    }
    orders: dict[str, NewOrder] = {}
    inserts: list[tuple[object, ...]] = []
    updates: list[tuple[object, ...]] = []
    resets: list[tuple[str, int, int]] = []
    returned = 0
    positions: dict[str, int] = {}
    for unit in units:
        deck = unit.deck_id
        if deck not in orders:
            orders[deck] = store.deck_settings(deck).new_order
        position = positions.get(deck, 0)
        positions[deck] = position + 1
        category = unit.card.category.value
        revision = unit.card.revision
        old = existing.pop(unit.uid, None)
        if old is None:
            rand = rng.random()
            rank = new_rank(orders[deck], position, category, rand)
            inserts.append(
                (unit.uid, deck, unit.sibling_key, revision, category, position, rand, rank)
            )
            continue
        rank = new_rank(orders[deck], position, category, old.rand)
        if revision > old.revision:
            resets.append((unit.uid, old.revision, revision))
        if not old.present:
            returned += 1
        if (
            revision > old.revision
            or not old.present
            or (old.deck_id, old.sibling_key, old.category, old.position, old.new_rank)
            != (deck, unit.sibling_key, category, position, rank)
        ):
            updates.append(
                (
                    deck,
                    unit.sibling_key,
                    category,
                    position,
                    rank,
                    max(revision, old.revision),
                    unit.uid,
                )
            )
    gone = [uid for uid, known in existing.items() if known.present]
    with store.write() as db:
        db.executemany(_INSERT_UNIT, inserts)
        db.executemany(
            "UPDATE units SET deck_id = ?, sibling_key = ?, category = ?, position = ?, "
            "new_rank = ?, revision = ?, present = 1 WHERE uid = ?",
            updates,
        )
        for uid, old_revision, revision in resets:
            db.execute(
                "UPDATE units SET phase = 0, state = NULL, due = NULL, last_review = NULL, "
                "lapses = 0, leech = 0, suspended = 0, buried_until = 0 WHERE uid = ?",
                (uid,),
            )
            db.execute(
                "INSERT INTO events (time, kind, uid, detail) VALUES (?, 'reset', ?, ?)",
                (now_ts, uid, f"revision {old_revision} -> {revision}"),
            )
        db.executemany("UPDATE units SET present = 0 WHERE uid = ?", [(uid,) for uid in gone])
        db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            (FINGERPRINT_KEY, fingerprint),
        )
    if retired:
        carry_over(store, retired, units, now_ts)
    return SyncReport(added=len(inserts), reset=len(resets), returned=returned, gone=len(gone))


_INSERT_UNIT = (
    "INSERT INTO units (uid, deck_id, sibling_key, revision, category, position, rand, new_rank) "
    "VALUES (?,?,?,?,?,?,?,?)"
)


def _fill_new_store(
    store: ProgressStore, units: Sequence[StudyUnit], rng: random.Random, fingerprint: str
) -> SyncReport:
    """A new student's first sync: every unit is new, so no row is read or compared.

    One transaction, so a start killed at any point leaves either the empty store (the next
    start fills it) or the whole one. Within it the units' indexes are dropped, the rows go in
    through one prepared statement fed by a generator (no list of 100,000 tuples), and the
    indexes are built again from their own definitions: one sorted build per index instead of a
    B-tree insert per row and index. The fingerprint is written last.
    """
    indexes = store.db.execute(
        "SELECT name, sql FROM sqlite_master "
        "WHERE type = 'index' AND tbl_name = 'units' AND sql IS NOT NULL"
    ).fetchall()
    orders: dict[str, NewOrder] = {}
    positions: dict[str, int] = {}
    random_number = rng.random

    def rows() -> Iterator[tuple[object, ...]]:
        for unit in units:
            deck = unit.deck_id
            order = orders.get(deck)
            if order is None:
                order = orders[deck] = store.deck_settings(deck).new_order
            position = positions.get(deck, 0)
            positions[deck] = position + 1
            card = unit.card
            category = card.category.value
            rand = random_number()
            rank = new_rank(order, position, category, rand)
            yield (unit.uid, deck, unit.sibling_key, card.revision, category, position, rand, rank)

    with store.write() as db:
        for name, _ in indexes:
            db.execute(f'DROP INDEX "{name}"')
        added = db.executemany(_INSERT_UNIT, rows()).rowcount
        for _, sql in indexes:
            db.execute(sql)
        db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            (FINGERPRINT_KEY, fingerprint),
        )
    return SyncReport(added=max(added, 0))


@dataclass(frozen=True)
class RebuildReport:
    """How a rebuild went: units recomputed and how many differed from the stored state."""

    units: int
    reviews: int
    differed: int


def replay(store: ProgressStore) -> dict[str, tuple[MemoryState, bool, bool]]:
    """Each logged unit's state, suspension and leech flag, computed from the log alone."""
    undone = {
        int(row[0]) for row in store.db.execute("SELECT review_id FROM events WHERE kind = 'undo'")
    }
    timeline: list[tuple[int, int, int, str, str, bytes | None]] = []
    for rid, uid, blob in store.db.execute("SELECT id, uid, state_after FROM reviews"):
        if rid not in undone:
            timeline.append((rid, 0, 0, uid, "review", blob))
    for eid, log_pos, uid, kind, review_id in store.db.execute(
        "SELECT id, log_pos, uid, kind, review_id FROM events WHERE kind IN "
        "('reset', 'suspend', 'unsuspend', 'leech')"
    ):
        if kind == "leech" and review_id in undone:
            continue
        timeline.append((log_pos, 1, eid, uid, kind, None))
    timeline.sort(key=lambda item: (item[0], item[1], item[2]))
    result: dict[str, tuple[MemoryState, bool, bool]] = {}
    for _, _, _, uid, kind, blob in timeline:
        state, suspended, leech = result.get(uid, (NEW_STATE, False, False))
        if kind == "review":
            # A damaged log entry keeps the state before it: the rest of the log still counts.
            state = try_decode_state(blob) or state
        elif kind == "reset":
            state, suspended, leech = NEW_STATE, False, False
        elif kind in ("suspend", "leech"):
            suspended, leech = True, leech or kind == "leech"
        else:
            suspended, leech = False, False
        result[uid] = (state, suspended, leech)
    return result


def rebuild(store: ProgressStore) -> RebuildReport:
    """Recompute every unit's stored state from the review log and events."""
    from quizapp.store.db import encode_state

    replayed = replay(store)
    current = {
        row[0]: (try_decode_state(row[1]), bool(row[2]), bool(row[3]))
        for row in store.db.execute("SELECT uid, state, suspended, leech FROM units")
    }
    changes = [(uid, value) for uid, value in replayed.items() if current.get(uid, value) != value]
    changes += [
        (uid, (NEW_STATE, False, False))
        for uid, value in current.items()
        if uid not in replayed and value != (NEW_STATE, False, False)
    ]
    with store.write() as db:
        for uid, (state, suspended, leech) in changes:
            db.execute(
                "UPDATE units SET phase = ?, state = ?, due = ?, last_review = ?, lapses = ?, "
                "suspended = ?, leech = ? WHERE uid = ?",
                (
                    state.phase,
                    None if state.phase == Phase.NEW else encode_state(state),
                    state.due,
                    state.last_review,
                    state.lapses,
                    int(suspended),
                    int(leech),
                    uid,
                ),
            )
    reviews = int(store.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])
    return RebuildReport(units=len(replayed), reviews=reviews, differed=len(changes))
