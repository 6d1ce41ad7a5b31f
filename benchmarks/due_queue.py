"""Queue and answer cost on a big collection: 100,000 units with 1,000,000 logged reviews.

A synthetic store is written straight into SQLite (ten reviews per unit over the past year,
about a third of units due now), then quizapp opens it as a student would. Measured:
- the due queue: today's counts plus the next unit chosen (target < 50 ms), and the full list
  of due units for the day;
- the cost of answer -> commit -> next unit at 100,000 units against the same at 1,000 units
  (target: ratio <= 1.2, the cost must not grow with the collection).

    python benchmarks/due_queue.py [UNITS] [REVIEWS_PER_UNIT]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from quizapp.model.cards import BasicCard, Category, Source
from quizapp.model.progress import MemoryState, Phase, Rating
from quizapp.model.units import StudyUnit, units_of
from quizapp.store import ProgressStore
from quizapp.store.db import encode_state
from quizapp.study.session import StudySession

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)
DAY = 86400.0
ANSWERS = 300
ROUNDS = 10


def make_units(count: int) -> list[StudyUnit]:
    source = Source(doc="d.md", quote="q")
    return [
        unit
        for i in range(count)
        for unit in units_of(
            BasicCard(
                id=f"u{i}",
                category=Category.DATE,
                source=source,
                question=f"q{i}",
                answer="a",
            ),
            f"deck{i % 20}",
        )
    ]


def build_store(folder: Path, units: list[StudyUnit], reviews_per_unit: int) -> ProgressStore:
    """A store whose units each have `reviews_per_unit` logged reviews ending in review state."""
    store = ProgressStore.open(folder)
    StudySession.start(store, units, NOW, rng=random.Random(1))
    params = store.params_id(store.settings(), NOW.timestamp())
    rng = random.Random(2)
    now = NOW.timestamp()
    with store.write() as db:
        for start in range(0, len(units), 5000):
            reviews = []
            updates = []
            for unit in units[start : start + 5000]:
                first = now - rng.uniform(200, 365) * DAY
                before = MemoryState()
                for n in range(reviews_per_unit):
                    when = first + n * 15 * DAY
                    after = MemoryState(
                        phase=Phase.REVIEW,
                        stability=5.0 + n * 3,
                        difficulty=5.0,
                        due=when + rng.uniform(1, 30) * DAY,
                        last_review=when,
                        reps=n + 1,
                    )
                    rating = Rating.GOOD if rng.random() < 0.85 else Rating.AGAIN
                    reviews.append(
                        (
                            unit.uid,
                            unit.deck_id,
                            when,
                            int(rating),
                            3000,
                            before.phase,
                            encode_state(before),
                            encode_state(after),
                            params,
                        )
                    )
                    before = after
                final = MemoryState(
                    phase=Phase.REVIEW,
                    stability=before.stability,
                    difficulty=5.0,
                    due=now + rng.uniform(-100, 200) * DAY,
                    last_review=before.last_review,
                    reps=reviews_per_unit,
                )
                updates.append((encode_state(final), final.due, final.last_review, unit.uid))
            db.executemany(
                "INSERT INTO reviews (uid, deck_id, time, rating, answer_ms, phase_before, "
                "state_before, state_after, params_id) VALUES (?,?,?,?,?,?,?,?,?)",
                reviews,
            )
            db.executemany(
                "UPDATE units SET phase = 2, state = ?, due = ?, last_review = ? WHERE uid = ?",
                updates,
            )
    return store


def answer_costs(session: StudySession, count: int) -> list[float]:
    """Seconds of answer -> commit -> next unit, for each of `count` answers."""
    costs = []
    unit = session.next_unit(NOW)
    for _ in range(count):
        assert unit is not None
        started = time.perf_counter()
        session.answer(unit, Rating.GOOD, NOW, 2000)
        unit = session.next_unit(NOW)
        costs.append(time.perf_counter() - started)
    return costs


def prepare(
    units_count: int, reviews_per_unit: int, folder: Path
) -> tuple[ProgressStore, StudySession, dict[str, float]]:
    """Build a store, reopen it as the app would, and time its queue."""
    units = make_units(units_count)
    started = time.perf_counter()
    build_store(folder, units, reviews_per_unit).close()
    built = time.perf_counter() - started
    store = ProgressStore.open(folder)
    started = time.perf_counter()
    session = StudySession.start(store, units, NOW, rng=random.Random(3))
    start_time = time.perf_counter() - started
    queue_times, list_times = [], []
    for _ in range(7):
        started = time.perf_counter()
        session.today(NOW)
        session.next_unit(NOW)
        queue_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        due = store.db.execute(
            "SELECT uid FROM units WHERE phase > 0 AND phase IN (2) AND due <= ? "
            "AND present = 1 AND suspended = 0 AND buried_until <= ? ORDER BY due",
            (NOW.timestamp(), NOW.timestamp()),
        ).fetchall()
        list_times.append(time.perf_counter() - started)
    session.update_settings(reviews_per_day=100_000)
    reviews = int(store.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])
    return (
        store,
        session,
        {
            "build": built,
            "start": start_time,
            "queue": statistics.median(queue_times),
            "due_list": statistics.median(list_times),
            "due": float(len(due)),
            "reviews": float(reviews),
        },
    )


def run(units_count: int = 100_000, reviews_per_unit: int = 10) -> list[dict[str, object]]:
    """Answer costs are taken in alternating chunks on the small and the big store, so both
    see the same machine load."""
    with tempfile.TemporaryDirectory() as small_dir, tempfile.TemporaryDirectory() as big_dir:
        small_store, small_session, small = prepare(1000, reviews_per_unit, Path(small_dir))
        big_store, big_session, big = prepare(units_count, reviews_per_unit, Path(big_dir))
        small_costs: list[float] = []
        big_costs: list[float] = []
        for _ in range(ROUNDS):
            small_costs += answer_costs(small_session, ANSWERS // ROUNDS)
            big_costs += answer_costs(big_session, ANSWERS // ROUNDS)
        small["answer"] = statistics.median(small_costs)
        big["answer"] = statistics.median(big_costs)
        small_store.close()
        big_store.close()
    label = f"{units_count:,} units, {int(big['reviews']):,} reviews"
    ratio = big["answer"] / small["answer"]
    return [
        {
            "benchmark": "due_queue",
            "measure": f"queue build ms: today's counts + next unit, default limits ({label})",
            "value": round(big["queue"] * 1000, 2),
            "baseline": "50 ms budget",
            "ratio": round(big["queue"] / 0.050, 3),
            "target": "< 50 ms",
            "ok": big["queue"] < 0.050,
        },
        {
            "benchmark": "due_queue",
            "measure": f"full due list ms ({int(big['due']):,} due units; {label}; info)",
            "value": round(big["due_list"] * 1000, 2),
            "baseline": f"1,000 units: {small['due_list'] * 1000:.2f} ms",
            "ratio": round(big["due_list"] / small["due_list"], 1),
            "target": None,
            "ok": None,
        },
        {
            "benchmark": "due_queue",
            "measure": f"answer+commit+next ms, median of {ANSWERS} in {ROUNDS} chunks "
            f"alternating with the 1,000-unit store ({label})",
            "value": round(big["answer"] * 1000, 4),
            "baseline": f"1,000 units: {small['answer'] * 1000:.4f} ms",
            "ratio": round(ratio, 3),
            "target": "<= 1.2",
            "ok": ratio <= 1.2,
        },
        {
            "benchmark": "due_queue",
            "measure": f"session start s, decks unchanged since last run ({label}; info)",
            "value": round(big["start"], 3),
            "baseline": f"1,000 units: {small['start']:.3f} s",
            "ratio": round(big["start"] / small["start"], 1),
            "target": None,
            "ok": None,
        },
    ]


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    for row in run(*args):
        print(row)
