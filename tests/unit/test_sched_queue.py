"""Study queues: order, daily limits, siblings, leeches, suspend/bury, undo, scopes, cram."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from store_fixtures import T0, basic, cloze, units

from quizapp.model.cards import Category
from quizapp.model.progress import Phase, Rating
from quizapp.store import NewOrder, ProgressStore
from quizapp.study.session import StudySession


def session_for(tmp_path: Path, study_units: list, **kwargs: object) -> StudySession:  # type: ignore[type-arg]
    store = ProgressStore.open(tmp_path)
    return StudySession.start(store, study_units, T0, rng=random.Random(3), **kwargs)  # type: ignore[arg-type]


def drain(session: StudySession, now, rating: Rating = Rating.GOOD, limit: int = 500) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    while (unit := session.next_unit(now)) is not None and len(seen) < limit:
        session.answer(unit, rating, now, 1000)
        seen.append(unit.uid)
    return seen


def test_new_cards_follow_the_daily_limit_and_order(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic(f"c{i:02}") for i in range(30)]))
    session.update_settings(new_per_day=5)
    assert session.today(T0).new == 5
    first = [u.uid for u in _new_sequence(session, 5)]
    assert first == ["c00", "c01", "c02", "c03", "c04"]
    assert session.next_unit(T0 + timedelta(hours=1)) is None
    assert session.next_unit(T0 + timedelta(days=1)) is not None


def _new_sequence(session: StudySession, count: int) -> list:  # type: ignore[type-arg]
    shown = []
    for _ in range(count):
        unit = session.next_unit(T0)
        assert unit is not None
        session.answer(unit, Rating.EASY, T0, 500)
        shown.append(unit)
    return shown


def test_due_reviews_come_before_new_cards(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic(f"c{i:02}") for i in range(10)]))
    session.update_settings(new_per_day=2)
    _new_sequence(session, 2)
    later = T0 + timedelta(days=30)
    order = drain(session, later, Rating.EASY)
    assert set(order[:2]) == {"c00", "c01"} and set(order[2:4]) == {"c02", "c03"}


def test_new_order_by_category_and_random(tmp_path: Path) -> None:
    cards = [
        basic("a", category=Category.PLACE),
        basic("b", category=Category.DATE),
        basic("c", category=Category.PLACE),
        basic("d", category=Category.DATE),
    ]
    session = session_for(tmp_path, units(cards))
    session.set_new_order("deck", NewOrder.BY_CATEGORY)
    assert [u.uid for u in _new_sequence(session, 4)] == ["b", "d", "a", "c"]

    other = session_for(tmp_path / "r", units([basic(f"c{i:02}") for i in range(12)]))
    other.set_new_order("deck", NewOrder.RANDOM)
    shuffled = [u.uid for u in _new_sequence(other, 12)]
    assert sorted(shuffled) == [f"c{i:02}" for i in range(12)] and shuffled != sorted(shuffled)


def test_siblings_are_not_shown_the_same_day(tmp_path: Path) -> None:
    cards = [basic("pair", reverse=True), cloze("cz", "{{a}} and {{b}}"), basic("solo")]
    session = session_for(tmp_path, units(cards))
    seen = drain(session, T0, Rating.EASY)
    assert sorted(seen) == ["cz/c1", "pair", "solo"]
    next_day = drain(session, T0 + timedelta(days=1), Rating.EASY)
    assert sorted(next_day) == ["cz/c2", "pair/reverse"]


def test_leech_is_suspended_and_reported(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic("hard")]))
    session.update_settings(leech_threshold=3)
    now = T0
    results = []
    for _ in range(40):
        unit = session.next_unit(now)
        if unit is None:
            now += timedelta(days=1)
            continue
        state = session.state(unit)
        rating = Rating.AGAIN if state.phase == Phase.REVIEW else Rating.GOOD
        result = session.answer(unit, rating, now, 800)
        results.append(result)
        if result.leech:
            break
    assert results[-1].leech and session.state(unit).lapses == 3
    assert sum(r.leech for r in results) == 1
    assert [u.uid for u in session.leeches()] == ["hard"]
    assert session.next_unit(now + timedelta(days=400)) is None
    session.unsuspend(unit, now)
    assert session.next_unit(now + timedelta(days=400)) is not None
    assert session.leeches() == []


def test_suspend_and_bury(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic("a"), basic("b")]))
    a = session.next_unit(T0)
    assert a is not None and a.uid == "a"
    session.suspend(a, T0)
    b = session.next_unit(T0)
    assert b is not None and b.uid == "b"
    session.bury(b, T0)
    assert session.next_unit(T0) is None
    tomorrow = T0 + timedelta(days=1)
    assert session.next_unit(tomorrow) == b
    session.unsuspend(a, T0)
    assert session.next_unit(T0) == a


def test_undo_walks_back_answers(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic("a"), basic("b")]))
    a = session.next_unit(T0)
    assert a is not None
    session.answer(a, Rating.EASY, T0, 100)
    b = session.next_unit(T0)
    assert b is not None and b != a
    session.answer(b, Rating.GOOD, T0, 100)
    assert session.undo(T0) == b
    assert session.state(b).phase == Phase.NEW
    assert session.undo(T0) == a
    assert session.undo(T0) is None
    assert session.store.reviews_total() == 0
    assert session.today(T0).new == 2


def test_scopes_by_deck_tag_and_category(tmp_path: Path) -> None:
    all_units = units([basic("x", tags=("t1",)), basic("y")], "d1") + units(
        [basic("z", category=Category.PLACE)], "d2"
    )
    store = ProgressStore.open(tmp_path)
    rng = random.Random(0)

    def uids(**kwargs: object) -> list[str]:
        session = StudySession.start(store, all_units, T0, rng=rng, **kwargs)  # type: ignore[arg-type]
        found = []
        while (unit := session.next_unit(T0)) is not None and unit.uid not in found:
            found.append(unit.uid)
            session.bury(unit, T0)
        for uid in found:
            store.db.execute("UPDATE units SET buried_until = 0 WHERE uid = ?", (uid,))
        return sorted(found)

    assert uids() == ["x", "y", "z"]
    assert uids(deck_ids=["d1"]) == ["x", "y"]
    assert uids(tag="t1") == ["x"]
    assert uids(category="place") == ["z"]


def test_cram_never_writes(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic(f"c{i}") for i in range(5)]))
    cram = session.cram()
    answered = 0
    while (unit := cram.next_unit()) is not None:
        cram.answer(unit, Rating.AGAIN if answered == 0 else Rating.GOOD)
        answered += 1
    assert answered == 6 and len(cram.passed) == 5
    assert session.store.reviews_total() == 0
    assert session.today(T0).new == 5


def test_exam_review_ahead_sees_every_card_before_the_date(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic(f"c{i:02}") for i in range(12)]))
    session.update_settings(new_per_day=100)
    drain(session, T0, Rating.EASY)
    now = T0 + timedelta(days=1)
    exam_day = (T0 + timedelta(days=5)).date()
    session.set_exam("deck", exam_day, now)
    status = session.exam_status("deck", now)
    assert status is not None and status.at_risk == 12 and status.days_left == 4
    per_day = []
    for day in range(4):
        per_day.append(len(drain(session, now + timedelta(days=day), Rating.GOOD)))
    final = session.exam_status("deck", now + timedelta(days=4))
    assert final is not None and final.at_risk == 0
    assert per_day == [3, 3, 3, 3]
    for unit in session.units.values():
        due = session.state(unit).due_at()
        assert due is not None and due > T0 + timedelta(days=6)


def test_reviews_per_day_limit_and_learning_ahead(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic(f"c{i:02}") for i in range(6)]))
    session.update_settings(new_per_day=6, reviews_per_day=2)
    _new_sequence(session, 6)
    later = T0 + timedelta(days=40)
    assert session.today(later).due == 2
    assert len(drain(session, later, Rating.EASY)) == 2
    assert session.next_unit(later) is None and session.today(later).due == 0
    next_day = T0 + timedelta(days=41)
    unit = session.next_unit(next_day)
    assert unit is not None
    session.answer(unit, Rating.AGAIN, next_day, 900)
    again = session.next_unit(next_day + timedelta(seconds=5))
    assert again is not None and again != unit
    session.answer(again, Rating.EASY, next_day, 900)
    assert session.today(next_day).learning == 1
    assert session.next_unit(next_day + timedelta(seconds=10)) == unit


def test_pass_fail_session_previews_two_grades(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic("a")]))
    session.update_settings(pass_fail=True, desired_retention=0.8)
    unit = session.next_unit(T0)
    assert unit is not None
    assert list(session.preview_intervals(unit, T0)) == [Rating.AGAIN, Rating.GOOD]
    result = session.answer(unit, Rating.GOOD, T0, 500)
    assert result.phase == Phase.LEARNING and result.interval == timedelta(minutes=10)
    with ProgressStore.open(tmp_path) as other:
        assert other.settings().pass_fail is True


def test_exam_quota_survives_a_restart_the_same_day(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic(f"c{i:02}") for i in range(12)]))
    session.update_settings(new_per_day=100)
    drain(session, T0, Rating.EASY)
    now = T0 + timedelta(days=1)
    session.set_exam("deck", (T0 + timedelta(days=5)).date(), now)
    assert len(drain(session, now, Rating.GOOD, limit=2)) == 2
    restarted = StudySession.start(
        session.store, list(session.units.values()), now, rng=random.Random(8)
    )
    assert len(drain(restarted, now, Rating.GOOD)) == 1


def test_two_processes_share_the_exam_quota(tmp_path: Path) -> None:
    session = session_for(tmp_path, units([basic(f"c{i:02}") for i in range(12)]))
    session.update_settings(new_per_day=100)
    drain(session, T0, Rating.EASY)
    now = T0 + timedelta(days=1)
    session.set_exam("deck", (T0 + timedelta(days=5)).date(), now)
    assert len(drain(session, now, Rating.GOOD, limit=1)) == 1  # quota 3 planned, 1 done
    other = StudySession.start(
        ProgressStore.open(tmp_path), list(session.units.values()), now, rng=random.Random(8)
    )
    assert len(drain(other, now, Rating.GOOD, limit=1)) == 1  # another window takes one
    assert len(drain(session, now, Rating.GOOD)) == 1, "the first window sees the other's"


def test_two_tag_sessions_on_one_store_keep_their_own_scope(tmp_path: Path) -> None:
    all_units = units([basic("x", tags=("t1",)), basic("y", tags=("t2",))])
    store = ProgressStore.open(tmp_path)
    first = StudySession.start(store, all_units, T0, rng=random.Random(1), tag="t1")
    second = StudySession.start(store, all_units, T0, rng=random.Random(1), tag="t2")
    one, two = first.next_unit(T0), second.next_unit(T0)
    assert one is not None and two is not None
    assert (one.uid, two.uid) == ("x", "y")


def test_units_of_decks_this_session_did_not_load_are_skipped(tmp_path: Path) -> None:
    mine = units([basic("a0")], "mine")
    others = units([basic(f"b{i}") for i in range(3)], "other")
    store = ProgressStore.open(tmp_path)
    everything = StudySession.start(store, others + mine, T0, rng=random.Random(1))
    for unit in others:
        everything.answer(unit, Rating.GOOD, T0 - timedelta(days=30), 500)
        everything.answer(unit, Rating.GOOD, T0 - timedelta(days=30, minutes=-10), 500)
    everything.answer(mine[0], Rating.GOOD, T0 - timedelta(days=2), 500)
    everything.answer(mine[0], Rating.GOOD, T0 - timedelta(days=2, minutes=-10), 500)
    later = T0 + timedelta(days=20)
    assert everything.next_unit(later) in others
    only_mine = StudySession(store, mine, rng=random.Random(2))
    assert only_mine.next_unit(later) == mine[0]
