"""Faults with real processes: SIGKILL in a review loop, and two processes answering at once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from quizapp.store.db import DB_FILENAME

REVIEW_LOOP = """
import random, sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from quizapp.model.cards import BasicCard, Category, Source
from quizapp.model.units import units_of
from quizapp.model.progress import Rating
from quizapp.study.session import StudySession
from quizapp.store import ProgressStore

data_dir, seed, limit = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
cards = [
    BasicCard(
        id=f"c{i}", category=Category.DATE, source=Source(doc="d.md", quote=f"q{i}"),
        question="q", answer="a",
    )
    for i in range(300)
]
units = [u for c in cards for u in units_of(c, "deck")]
store = ProgressStore.open(data_dir)
now = datetime(2026, 3, 2, tzinfo=UTC)
session = StudySession.start(store, units, now, rng=random.Random(seed))
session.update_settings(new_per_day=100000, reviews_per_day=100000)
print("ready", flush=True)
sys.stdin.readline()
rng = random.Random(seed)
for n in range(limit):
    unit = session.next_unit(now)
    if unit is None:
        now += timedelta(days=1)
        continue
    result = session.answer(unit, Rating(rng.randint(1, 4)), now, 1000)
    print(result.review_id, flush=True)
    now += timedelta(seconds=rng.randint(1, 60))
"""


def start(data_dir: Path, seed: int, limit: int) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", REVIEW_LOOP, str(data_dir), str(seed), str(limit)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def logged_ids(data_dir: Path) -> set[int]:
    db = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {int(row[0]) for row in db.execute("SELECT id FROM reviews")}
    finally:
        db.close()


def test_sigkill_mid_loop_keeps_every_committed_answer(tmp_path: Path) -> None:
    child = start(tmp_path, seed=1, limit=1_000_000)
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write("go\n")
    child.stdin.flush()
    committed = [int(child.stdout.readline()) for _ in range(400)]
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    logged = logged_ids(tmp_path)
    assert set(committed) <= logged
    assert len(logged) >= 400


def test_two_processes_answering_at_once_lose_nothing(tmp_path: Path) -> None:
    first = start(tmp_path, seed=2, limit=300)
    second = start(tmp_path, seed=3, limit=300)
    outputs: list[list[int]] = []
    for child in (first, second):
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in (first, second):
        out, _ = child.communicate(timeout=30)
        assert child.returncode == 0
        outputs.append([int(line) for line in out.split()])
    assert [len(ids) for ids in outputs] == [300, 300]
    assert not set(outputs[0]) & set(outputs[1])
    assert logged_ids(tmp_path) == set(outputs[0]) | set(outputs[1])
    assert_each_review_builds_on_the_previous(tmp_path)


def assert_each_review_builds_on_the_previous(data_dir: Path) -> None:
    """No lost update: a unit's every review starts from the state its previous review left."""
    db = sqlite3.connect(data_dir / DB_FILENAME)
    last: dict[str, bytes] = {}
    chained = 0
    for uid, before, after in db.execute(
        "SELECT uid, state_before, state_after FROM reviews ORDER BY id"
    ):
        if uid in last:
            assert before == last[uid]
            chained += 1
        last[uid] = after
    current = dict(db.execute("SELECT uid, state FROM units WHERE state IS NOT NULL"))
    db.close()
    assert chained > 0
    assert current == last
