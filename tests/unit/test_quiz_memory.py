"""The in-memory study service: queue order, grades, undo, suspend/bury, forecast."""

import datetime as dt

from quizapp.model.cards import BasicCard, Category, Source
from quizapp.model.progress import Rating
from quizapp.model.units import StudyUnit
from quizapp.study.memory import MemoryStudy
from quizapp.study.service import format_interval

NOW = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)


def units(n: int, deck: str = "d") -> list[StudyUnit]:
    src = Source(doc="d", quote="q")
    return [
        StudyUnit(
            f"{deck}{i}",
            BasicCard(
                id=f"{deck}{i}", category=Category.NAME, source=src, question="q", answer="a"
            ),
            deck,
        )
        for i in range(n)
    ]


def test_new_then_due_and_counts() -> None:
    study = MemoryStudy(units(3) + units(2, "e"))
    assert study.counts(NOW)["d"].new == 3
    first = study.next_unit(["d"], NOW)
    assert first is not None and first.uid == "d0"
    study.answer(first, Rating.GOOD, NOW, 1.0)
    second = study.next_unit(["d"], NOW)
    assert second is not None and second.uid == "d1"
    later = NOW + dt.timedelta(minutes=11)
    assert study.next_unit(["d"], later) == first
    assert study.counts(later)["d"].due == 1
    assert study.next_unit(["e"], NOW) is not None


def test_undo_restores_state_and_log() -> None:
    study = MemoryStudy(units(2))
    unit = study.next_unit(None, NOW)
    assert unit is not None
    study.answer(unit, Rating.EASY, NOW, 1.0)
    assert study.undo(NOW) == unit
    assert study.history() == []
    assert study.next_unit(None, NOW) == unit
    assert study.undo(NOW) is None


def test_suspend_and_bury_skip() -> None:
    study = MemoryStudy(units(3))
    u0, u1, _ = study.units.values()
    study.suspend(u0, NOW)
    study.bury(u1, NOW)
    nxt = study.next_unit(None, NOW)
    assert nxt is not None and nxt.uid == "d2"
    assert study.info("d0", NOW).state == "suspended"
    assert study.next_unit(None, NOW + dt.timedelta(days=1)) == u1


def test_preview_grows_with_grade_and_forecast() -> None:
    study = MemoryStudy(units(1))
    unit = next(iter(study.units.values()))
    study.answer(unit, Rating.GOOD, NOW, 1.0)
    preview = study.preview(unit, NOW)
    assert (
        preview[Rating.AGAIN] < preview[Rating.HARD] < preview[Rating.GOOD] < preview[Rating.EASY]
    )
    study.answer(unit, Rating.GOOD, NOW, 1.0)
    forecast = study.forecast(NOW, 30)
    assert sum(forecast) == 1 and forecast[3] == 1  # 1 day x 2.5, rounded up


def test_format_interval() -> None:
    assert format_interval(dt.timedelta(seconds=30)) == "<1m"
    assert format_interval(dt.timedelta(minutes=10)) == "10m"
    assert format_interval(dt.timedelta(days=4)) == "4d"
    assert format_interval(dt.timedelta(days=75)) == "2.5mo"
    assert format_interval(dt.timedelta(days=730)) == "2.0y"
