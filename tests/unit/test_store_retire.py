"""A retired card's history carries over to the card that replaces it when the store syncs."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from store_fixtures import T0, basic, cloze, units

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


def uids_of_reviews(store: ProgressStore) -> list[str]:
    return [row[0] for row in store.db.execute("SELECT uid FROM reviews ORDER BY id")]


def test_reviews_and_state_move_to_the_replacement(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path)
    rng = random.Random(3)
    session = StudySession.start(store, units([basic("old"), basic("kept")]), T0, rng=rng)
    assert answer_all(session, T0) == 2
    state = session.state(session.units["old"])

    later = T0 + timedelta(days=1)
    new = units([basic("new"), basic("kept")])
    session = StudySession.start(store, new, later, rng=rng, retired={"old": "new"})
    assert sorted(uids_of_reviews(store)) == ["kept", "new"]
    assert session.state(session.units["new"]) == state
    assert store.db.execute("SELECT COUNT(*) FROM units WHERE uid = 'old'").fetchone()[0] == 0
    assert rebuild(store).differed == 0
    # a second sync (decks changed again) finds nothing left to carry
    session = StudySession.start(store, new[:1], later, rng=rng, retired={"old": "new"})
    assert store.reviews_total() == 2


def test_the_later_history_wins_and_cloze_deletions_find_their_variant(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path)
    rng = random.Random(4)
    two = cloze("dup", "{{a}} and {{b}}")
    session = StudySession.start(store, units([two, basic("fresh")]), T0, rng=rng)
    assert answer_all(session, T0) == 2  # one deletion a day: siblings are buried
    assert answer_all(session, T0 + timedelta(days=1)) == 1
    merged = cloze("merged", "{{a}} and {{b}} and {{c}}")
    later = T0 + timedelta(days=30)
    session = StudySession.start(
        store, units([merged, basic("fresh")]), later, rng=rng, retired={"dup": "merged"}
    )
    assert sorted(uids_of_reviews(store)) == ["fresh", "merged/c1", "merged/c2"]
    assert session.state(session.units["merged/c1"]).phase != Phase.NEW
    assert session.state(session.units["merged/c3"]).phase == Phase.NEW
    assert rebuild(store).differed == 0


def test_a_replacement_not_loaded_leaves_the_history_where_it_is(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path)
    rng = random.Random(5)
    session = StudySession.start(store, units([basic("old"), basic("x")]), T0, rng=rng)
    answer_all(session, T0)
    StudySession.start(store, units([basic("x")]), T0, rng=rng, retired={"old": "missing"})
    assert sorted(uids_of_reviews(store)) == ["old", "x"]
