"""Daily limits shared by two stores on one file, and undo giving back the siblings it buried."""

from __future__ import annotations

import random
import sqlite3
from datetime import timedelta
from pathlib import Path

from store_fixtures import T0, basic, units

from quizapp.model.progress import MemoryState, Phase, Rating
from quizapp.store import ProgressStore, log
from quizapp.store.db import DB_FILENAME
from quizapp.store.sync import rebuild
from quizapp.study.session import StudySession


def answer_next(session: StudySession, rating: Rating = Rating.EASY) -> str:
    unit = session.next_unit(T0)
    assert unit is not None
    session.answer(unit, rating, T0, 500)
    return unit.uid


def test_new_card_limit_counts_the_other_store_answers_at_once(tmp_path: Path) -> None:
    cards = units([basic(f"c{i:02}") for i in range(10)])
    first = StudySession.start(ProgressStore.open(tmp_path), cards, T0, rng=random.Random(1))
    first.update_settings(new_per_day=4)
    second = StudySession.start(ProgressStore.open(tmp_path), cards, T0, rng=random.Random(2))
    answer_next(first)
    assert first.today(T0).new == 3 and second.today(T0).new == 3
    for _ in range(3):
        answer_next(second)
    assert first.next_unit(T0) is None
    assert first.today(T0).new == 0


def test_review_limit_counts_the_other_store_answers_at_once(tmp_path: Path) -> None:
    cards = units([basic(f"c{i:02}") for i in range(6)])
    first = StudySession.start(ProgressStore.open(tmp_path), cards, T0, rng=random.Random(1))
    first.update_settings(new_per_day=6, reviews_per_day=3)
    for _ in range(6):
        answer_next(first)
    later = T0 + timedelta(days=60)
    second = StudySession.start(ProgressStore.open(tmp_path), cards, later, rng=random.Random(2))
    first_review = first.next_unit(later)
    assert first_review is not None
    first.answer(first_review, Rating.GOOD, later, 500)
    for _ in range(2):
        unit = second.next_unit(later)
        assert unit is not None
        second.answer(unit, Rating.GOOD, later, 500)
    assert first.next_unit(later) is None


def test_the_day_is_not_counted_again_while_no_one_else_writes(tmp_path: Path) -> None:
    cards = units([basic(f"c{i:02}") for i in range(5)])
    store = ProgressStore.open(tmp_path)
    session = StudySession.start(store, cards, T0, rng=random.Random(1))
    answer_next(session)
    seen: list[str] = []
    store.db.set_trace_callback(seen.append)
    answer_next(session)
    answer_next(session)
    store.db.set_trace_callback(None)
    assert not [sql for sql in seen if "COUNT(*) FROM reviews" in sql]
    other = ProgressStore.open(tmp_path)
    other.save_deck_setting("deck", "note", "x")
    store.db.set_trace_callback(seen.append)
    session.next_unit(T0)
    store.db.set_trace_callback(None)
    assert [sql for sql in seen if "COUNT(*) FROM reviews" in sql]


def buried_until(store: ProgressStore, uid: str) -> float:
    return float(
        store.db.execute("SELECT buried_until FROM units WHERE uid = ?", (uid,)).fetchone()[0]
    )


def test_undo_gives_back_the_siblings_its_answer_buried(tmp_path: Path) -> None:
    cards = units([basic("pair", reverse=True), basic("solo")])
    store = ProgressStore.open(tmp_path)
    session = StudySession.start(store, cards, T0, rng=random.Random(1))
    assert answer_next(session) == "pair"
    assert buried_until(store, "pair/reverse") > T0.timestamp()
    assert session.undo(T0) == session.units["pair"]
    assert buried_until(store, "pair/reverse") == 0
    assert rebuild(store).differed == 0
    assert session.next_unit(T0) == session.units["pair"]
    session.bury(session.units["pair"], T0)
    assert session.next_unit(T0) == session.units["pair/reverse"]


def test_undo_leaves_a_sibling_buried_by_hand_buried(tmp_path: Path) -> None:
    cards = units([basic("pair", reverse=True), basic("solo")])
    store = ProgressStore.open(tmp_path)
    session = StudySession.start(store, cards, T0, rng=random.Random(1))
    reverse, pair = session.units["pair/reverse"], session.units["pair"]
    session.bury(reverse, T0)
    hand = buried_until(store, "pair/reverse")
    session.answer(pair, Rating.EASY, T0, 500)
    session.undo(T0)
    assert buried_until(store, "pair/reverse") == hand

    session.answer(pair, Rating.EASY, T0 + timedelta(days=1), 500)
    session.bury(reverse, T0 + timedelta(days=1))
    later_hand = buried_until(store, "pair/reverse")
    assert later_hand > hand
    session.undo(T0 + timedelta(days=1))
    assert buried_until(store, "pair/reverse") == later_hand
    assert session.state(pair).phase == Phase.NEW


def test_no_other_store_can_write_while_an_answer_is_scheduled(tmp_path: Path) -> None:
    cards = units([basic("c01")])
    first = StudySession.start(ProgressStore.open(tmp_path), cards, T0, rng=random.Random(1))
    other = sqlite3.connect(tmp_path / DB_FILENAME, timeout=0)
    refused: list[bool] = []

    def schedule(before: MemoryState) -> tuple[MemoryState, bool]:
        try:
            other.execute("UPDATE units SET lapses = 99 WHERE uid = 'c01'")
            other.commit()
            refused.append(False)
        except sqlite3.OperationalError:
            refused.append(True)
        return first.adapter.review(before, Rating.GOOD, T0), False

    log.record_answer(
        first.store, cards[0], Rating.GOOD, T0, 500, schedule=schedule,
        params_id=first.store.params_id(first.settings, T0.timestamp()),
        bury_until=None,
    )  # fmt: skip
    other.close()
    assert refused == [True]
    assert first.store.state("c01").lapses == 0


def test_an_answer_is_scheduled_from_what_another_store_wrote(tmp_path: Path) -> None:
    cards = units([basic("c01")])
    first = StudySession.start(ProgressStore.open(tmp_path), cards, T0, rng=random.Random(1))
    second = StudySession.start(ProgressStore.open(tmp_path), cards, T0, rng=random.Random(2))
    first.state(cards[0])
    second.answer(cards[0], Rating.GOOD, T0, 500)
    result = first.answer(cards[0], Rating.GOOD, T0 + timedelta(minutes=15), 500)
    assert first.store.reviews_total() == 2
    assert result.phase == Phase.REVIEW, "the second GOOD builds on the first one's step"
