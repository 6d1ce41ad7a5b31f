"""The study day follows the student's local time zone (issue 14): TZ is set for real."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.decks import load_decks
from quizapp.model.progress import Rating
from quizapp.store import ProgressStore
from quizapp.study.localtime import LocalZone, study_date
from quizapp.study.stats import reviews_per_day
from quizapp.study.stored import StoreStudy

DECKS = Path(__file__).parents[1] / "data" / "good"


@pytest.fixture
def zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run the test with the process's TZ set to `request.param`, then restore it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    try:
        yield str(request.param)
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def study(tmp_path: Path, now: datetime) -> StoreStudy:
    units = load_decks([DECKS]).units()
    return StoreStudy(ProgressStore.open(tmp_path), units, now, random.Random(3))


# 03:00 UTC on 2 March is 19:00 on 1 March in California and 08:30 on 2 March in India.
NOW = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)
DAY_STARTS = {
    # days start at 04:00 local: 04:00 PST on 1 March, 04:00 IST on 2 March
    "America/Los_Angeles": datetime(2026, 3, 1, 12, 0, tzinfo=UTC),
    "Asia/Kolkata": datetime(2026, 3, 1, 22, 30, tzinfo=UTC),
}


@pytest.mark.parametrize("zone", list(DAY_STARTS), indirect=True)
def test_the_study_day_starts_at_four_local_time(zone: str, tmp_path: Path) -> None:
    service = study(tmp_path, NOW)
    assert service.everything.day_start(NOW) == DAY_STARTS[zone]
    assert service.session(["basics"]).day_start(NOW) == DAY_STARTS[zone]


@pytest.mark.parametrize("zone", list(DAY_STARTS), indirect=True)
def test_the_new_card_limit_opens_again_at_the_local_day_start(zone: str, tmp_path: Path) -> None:
    service = study(tmp_path, NOW)
    service.everything.update_settings(new_per_day=1)
    unit = service.next_unit(None, NOW)
    assert unit is not None
    service.answer(unit, Rating.EASY, NOW, 1.0)
    assert service.remaining(None, NOW) == 0
    next_start = DAY_STARTS[zone] + timedelta(days=1)
    assert service.remaining(None, next_start - timedelta(minutes=1)) == 0
    assert service.remaining(None, next_start) == 1


@pytest.mark.parametrize("zone", list(DAY_STARTS), indirect=True)
def test_forecast_and_heatmap_group_by_local_study_days(zone: str, tmp_path: Path) -> None:
    service = study(tmp_path, NOW)
    unit = service.next_unit(None, NOW)
    assert unit is not None
    due = service.answer(unit, Rating.EASY, NOW, 1.0)
    hour = service.everything.settings.day_starts_at_hour
    index = (study_date(due, LocalZone(), hour) - study_date(NOW, LocalZone(), hour)).days
    forecast = service.forecast(NOW, 30)
    assert forecast[index] == 1 and sum(forecast) == 1
    per_day = reviews_per_day(service.history(), service.study_date)
    local_day = {"America/Los_Angeles": date(2026, 3, 1), "Asia/Kolkata": date(2026, 3, 2)}
    assert per_day == {local_day[zone]: 1}
    assert service.study_date(NOW) == local_day[zone]


@pytest.mark.parametrize("zone", ["America/Los_Angeles"], indirect=True)
def test_the_local_zone_follows_daylight_saving_time(zone: str) -> None:
    winter = datetime(2026, 1, 15, 12, tzinfo=UTC).astimezone(LocalZone())
    summer = datetime(2026, 7, 15, 12, tzinfo=UTC).astimezone(LocalZone())
    assert (winter.hour, summer.hour) == (4, 5)
    assert winter.utcoffset() == timedelta(hours=-8)
    assert summer.utcoffset() == timedelta(hours=-7)
    # an answer at 01:00 local belongs to the study day before (days start at 04:00)
    late = datetime(2026, 7, 15, 8, tzinfo=UTC)  # 01:00 PDT
    assert study_date(late, LocalZone(), 4) == date(2026, 7, 14)
