"""The review log: deck changes keep history, revision bumps reset, rebuild recomputes state."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from store_fixtures import T0, basic, units

from quizapp.model.progress import Phase, Rating
from quizapp.store import ProgressStore
from quizapp.store.sync import rebuild
from quizapp.study.session import StudySession


def answer_all(session: StudySession, now, rating: Rating = Rating.EASY) -> int:  # type: ignore[no-untyped-def]
    count = 0
    while (unit := session.next_unit(now)) is not None and count < 100:
        session.answer(unit, rating, now, 1500)
        count += 1
    return count


def test_changed_text_keeps_history_and_missing_card_comes_back(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path)
    rng = random.Random(5)
    session = StudySession.start(store, units([basic("a"), basic("b")]), T0, rng=rng)
    assert answer_all(session, T0) == 2
    kept = session.state(session.units["a"])

    edited = units([basic("a", question="Reworded?")])
    session = StudySession.start(store, edited, T0 + timedelta(days=1), rng=rng)
    assert session.last_sync.gone == 1 and session.last_sync.added == 0
    assert session.state(session.units["a"]) == kept
    assert [c.total for c in session.deck_counts(T0)] == [1]

    back = units([basic("a", question="Reworded?"), basic("b")])
    session = StudySession.start(store, back, T0 + timedelta(days=2), rng=rng)
    assert session.last_sync.returned == 1
    assert session.state(session.units["b"]).phase == Phase.REVIEW


def test_revision_bump_resets_progress_but_keeps_the_log(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path)
    rng = random.Random(5)
    session = StudySession.start(store, units([basic("a")]), T0, rng=rng)
    answer_all(session, T0)
    session = StudySession.start(store, units([basic("a", revision=1)]), T0, rng=rng)
    assert session.last_sync.reset == 1
    assert session.state(session.units["a"]).phase == Phase.NEW
    assert store.reviews_total() == 1
    events = store.db.execute("SELECT kind, detail FROM events").fetchall()
    assert events == [("reset", "revision 0 -> 1")]
    again = StudySession.start(store, units([basic("a", revision=1)]), T0, rng=rng)
    assert again.last_sync.reset == 0
    assert rebuild(store).differed == 0


def test_rebuild_restores_states_flags_and_ignores_undone(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path)
    rng = random.Random(9)
    cards = [basic(f"c{i}") for i in range(8)]
    session = StudySession.start(store, units(cards), T0, rng=rng)
    now = T0
    for day in range(6):
        now = T0 + timedelta(days=day * 3)
        answer_all(session, now, [Rating.GOOD, Rating.AGAIN, Rating.EASY][day % 3])
    session.suspend(session.units["c3"], now)
    unit = session.next_unit(now + timedelta(days=30))
    assert unit is not None
    session.answer(unit, Rating.HARD, now + timedelta(days=30), 10)
    session.undo(now + timedelta(days=30))
    snapshot = store.db.execute(
        "SELECT uid, phase, state, due, lapses, suspended, leech FROM units ORDER BY uid"
    ).fetchall()
    store.db.execute("UPDATE units SET phase = 0, state = NULL, due = NULL, suspended = 0")
    report = rebuild(store)
    assert report.differed == 8 and report.reviews > 8
    after = store.db.execute(
        "SELECT uid, phase, state, due, lapses, suspended, leech FROM units ORDER BY uid"
    ).fetchall()
    assert after == snapshot
    assert rebuild(store).differed == 0


def test_every_review_records_its_parameters_and_states(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path)
    session = StudySession.start(store, units([basic("a")]), T0, rng=random.Random(1))
    answer_all(session, T0)
    session.update_settings(desired_retention=0.8)
    answer_all(session, T0 + timedelta(days=40))
    rows = store.db.execute(
        "SELECT r.phase_before, p.desired_retention FROM reviews r JOIN params p "
        "ON p.id = r.params_id ORDER BY r.id"
    ).fetchall()
    assert rows == [(0, 0.9), (2, 0.8)]


def test_unchanged_decks_skip_the_sync_and_changes_do_not(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path)
    rng = random.Random(5)
    cards = [basic("a"), basic("b")]
    assert StudySession.start(store, units(cards), T0, rng=rng).last_sync.added == 2
    store.db.execute("UPDATE units SET present = 0 WHERE uid = 'b'")
    skipped = StudySession.start(store, units(cards), T0, rng=rng)
    assert skipped.last_sync.returned == 0
    moved = StudySession.start(store, units([basic("b"), basic("a")]), T0, rng=rng)
    assert moved.last_sync.returned == 1
    positions = dict(store.db.execute("SELECT uid, position FROM units").fetchall())
    assert positions == {"a": 1, "b": 0}
