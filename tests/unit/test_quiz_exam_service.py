"""Exam dates, at-risk counts and cram through the study service (stored and in memory)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from store_fixtures import T0, basic, units

from quizapp.model.progress import Rating
from quizapp.model.units import StudyUnit
from quizapp.store import ProgressStore
from quizapp.study.context import StudyContext
from quizapp.study.memory import MemoryStudy
from quizapp.study.service import StudyService
from quizapp.study.stored import StoreStudy
from quizapp.ui.exams import days_phrase, exam_lines, parse_exam_date

DAY = dt.timedelta(days=1)


def deck_units() -> list[StudyUnit]:
    return units([basic(f"a{i}") for i in range(6)], "alpha") + units(
        [basic(f"b{i}") for i in range(3)], "beta"
    )


def stored(tmp_path: Path) -> StoreStudy:
    return StoreStudy(ProgressStore.open(tmp_path), deck_units(), T0, random.Random(2))


def memory() -> MemoryStudy:
    return MemoryStudy(deck_units(), rng=random.Random(2))


@pytest.fixture(params=["stored", "memory"])
def study(request: pytest.FixtureRequest, tmp_path: Path) -> StudyService:
    return stored(tmp_path) if request.param == "stored" else memory()


def learn(study: StudyService, deck: str, count: int, grade: Rating, now: dt.datetime) -> None:
    for _ in range(count):
        unit = study.next_unit([deck], now)
        assert unit is not None
        study.answer(unit, grade, now, 2.0)


def test_set_status_and_clear(study: StudyService) -> None:
    assert study.exam_status("alpha", T0) is None and study.exams(T0) == []
    exam_day = (T0 + 10 * DAY).date()
    study.set_exam("alpha", exam_day, T0)
    info = study.exam_status("alpha", T0)
    assert info is not None
    assert (info.deck_id, info.exam_date, info.days_left, info.at_risk) == (
        "alpha",
        exam_day,
        10,
        6,
    )
    study.set_exam("alpha", None, T0)
    assert study.exam_status("alpha", T0) is None and study.exams(T0) == []


def test_exams_soonest_first_and_counted_per_deck(study: StudyService) -> None:
    study.set_exam("alpha", (T0 + 20 * DAY).date(), T0)
    study.set_exam("beta", (T0 + 3 * DAY).date(), T0)
    found = study.exams(T0)
    assert [(e.deck_id, e.days_left, e.at_risk) for e in found] == [
        ("beta", 3, 3),
        ("alpha", 20, 6),
    ]


def test_cards_seen_since_the_exam_was_set_are_not_at_risk(study: StudyService) -> None:
    learn(study, "alpha", 2, Rating.EASY, T0)  # due again in days: after a near exam
    study.set_exam("alpha", (T0 + 2 * DAY).date(), T0 + dt.timedelta(hours=1))
    info = study.exam_status("alpha", T0 + dt.timedelta(hours=1))
    assert info is not None and info.at_risk == 6  # 4 new + 2 not due before the exam
    later = T0 + dt.timedelta(hours=2)
    learn(study, "alpha", 3, Rating.GOOD, later)
    info = study.exam_status("alpha", later)
    assert info is not None and info.at_risk == 3


def test_cram_never_writes_and_brings_misses_back(study: StudyService) -> None:
    learn(study, "alpha", 1, Rating.GOOD, T0)
    counts, history = study.counts(T0), list(study.history())
    cram = study.cram(["alpha"])
    assert cram.total == 6 and cram.remaining == 6
    first = cram.next_unit()
    assert first is not None and first.deck_id == "alpha"
    assert cram.answer(first, Rating.AGAIN) is True
    seen = [first.uid]
    while (unit := cram.next_unit()) is not None and len(seen) < 20:
        assert cram.answer(unit, Rating.GOOD) is False
        seen.append(unit.uid)
    assert len(seen) == 7 and seen.count(first.uid) == 2
    assert cram.remaining == 0
    assert study.counts(T0) == counts and list(study.history()) == history
    assert {u.deck_id for u in study_units(study.cram(None))} == {"alpha", "beta"}


def study_units(cram: object) -> list[StudyUnit]:
    found = []
    while (unit := cram.next_unit()) is not None:  # type: ignore[attr-defined]
        cram.answer(unit, Rating.EASY)  # type: ignore[attr-defined]
        found.append(unit)
    return found


def test_stored_cram_leaves_the_database_alone(tmp_path: Path) -> None:
    study = stored(tmp_path)
    changes = study.store.db.total_changes
    cram = study.cram(["beta"])
    answers = 0
    while (unit := cram.next_unit()) is not None and answers < 20:
        cram.answer(unit, Rating.HARD if answers == 0 else Rating.GOOD)
        answers += 1
    assert answers == 4
    assert study.store.db.total_changes == changes
    assert study.store.reviews_total() == 0


def test_stored_exam_reaches_a_queue_started_before_it(tmp_path: Path) -> None:
    """A deck's review queue, already open, reviews ahead once the exam date is set."""
    study = stored(tmp_path)
    learn(study, "alpha", 6, Rating.EASY, T0)
    now = T0 + DAY
    assert study.next_unit(["alpha"], now) is None  # nothing due: Easy cards wait days
    study.set_exam("alpha", (T0 + 4 * DAY).date(), now)
    ahead = study.next_unit(["alpha"], now)
    assert ahead is not None and ahead.deck_id == "alpha"


def test_parse_exam_date() -> None:
    today = dt.date(2026, 1, 5)
    assert parse_exam_date(" 2026-06-15 ", today) == dt.date(2026, 6, 15)
    for typed, reason in (
        ("2026-02-30", "not a real date"),
        ("2026-01-04", "in the past"),
        ("2026-01-05", "is today"),
        ("20260615", "not a date like"),
        ("2036-01-01", "years away"),
        ("   ", "Type the exam date"),
    ):
        with pytest.raises(ValueError, match=reason):
            parse_exam_date(typed, today)
    assert [days_phrase(d) for d in (0, 1, 5)] == ["today", "tomorrow", "in 5 days"]


def test_home_lines_soonest_first_without_past_exams() -> None:
    more = units([basic(f"g{i}") for i in range(2)], "gamma") + units([basic("d0")], "delta")
    study = MemoryStudy(deck_units() + more)
    context = StudyContext((), study, units={u.uid: u for u in study.units.values()})
    study.set_exam("alpha", (T0 + DAY).date(), T0)
    study.set_exam("beta", (T0 + 5 * DAY).date(), T0)
    assert exam_lines(context, T0) == [
        "Exam for alpha tomorrow: 6 cards at risk",
        "Exam for beta in 5 days: 3 cards at risk",
    ]
    study.set_exam("gamma", (T0 + 9 * DAY).date(), T0)
    study.set_exam("delta", (T0 + 9 * DAY).date(), T0)
    later = T0 + 2 * DAY  # alpha's exam has passed: no longer listed
    lines = exam_lines(context, later)
    assert lines[0] == "Exam for beta in 3 days: 3 cards at risk"
    assert lines[1] == "Exam for delta in 7 days: 1 card at risk"
    assert lines[2].startswith("… and 1 more exam ")
