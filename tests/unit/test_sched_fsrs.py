"""The FSRS adapter: golden intervals, fuzz from an injected random source, pass/fail mode."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from store_fixtures import T0

from quizapp.model.progress import NEW_STATE, Phase, Rating
from quizapp.scheduling.fsrs_adapter import FsrsAdapter, SchedulerConfig, fuzz_days


def test_repeated_good_follows_fsrs6_golden_intervals() -> None:
    adapter = FsrsAdapter(SchedulerConfig())
    state, now, days = NEW_STATE, T0, []
    for _ in range(6):
        state = adapter.review(state, Rating.GOOD, now)
        due = state.due_at()
        assert due is not None
        days.append((due - now).days)
        now = due
    assert days == [0, 2, 11, 46, 163, 498]
    assert state.phase == Phase.REVIEW and state.reps == 6


def test_fuzz_uses_the_given_random_source_only() -> None:
    adapter = FsrsAdapter(SchedulerConfig())
    state = NEW_STATE
    for now in (T0, T0 + timedelta(minutes=10), T0 + timedelta(days=2)):
        state = adapter.review(state, Rating.GOOD, now)
    later = T0 + timedelta(days=13)
    first = adapter.review(state, Rating.GOOD, later, random.Random(7))
    again = adapter.review(state, Rating.GOOD, later, random.Random(7))
    assert first == again
    spread = {
        adapter.review(state, Rating.GOOD, later, random.Random(seed)).due for seed in range(40)
    }
    assert len(spread) > 1


@pytest.mark.parametrize("days", [3, 7, 20, 100, 1000])
def test_fuzz_stays_near_the_interval(days: int) -> None:
    rng = random.Random(1)
    values = {fuzz_days(days, rng, 36500) for _ in range(300)}
    assert min(values) >= max(2, days * 0.8 - 1)
    assert max(values) <= days * 1.2 + 1
    assert fuzz_days(2, rng, 36500) == 2
    assert fuzz_days(1000, rng, 900) <= 900


def test_pass_fail_mode_offers_two_ratings() -> None:
    adapter = FsrsAdapter(SchedulerConfig(pass_fail=True))
    assert set(adapter.preview(NEW_STATE, T0)) == {Rating.AGAIN, Rating.GOOD}
    with pytest.raises(ValueError, match="pass/fail"):
        adapter.review(NEW_STATE, Rating.EASY, T0)


def test_preview_grows_with_the_rating_and_respects_maximum_interval() -> None:
    adapter = FsrsAdapter(SchedulerConfig(maximum_interval_days=30))
    state = adapter.review(NEW_STATE, Rating.EASY, T0)
    preview = adapter.preview(state, T0 + timedelta(days=20))
    assert preview[Rating.AGAIN] < preview[Rating.HARD] <= preview[Rating.GOOD]
    assert preview[Rating.GOOD] <= preview[Rating.EASY] <= timedelta(days=30)


def test_lapses_count_only_forgotten_reviews() -> None:
    adapter = FsrsAdapter(SchedulerConfig())
    state = adapter.review(NEW_STATE, Rating.EASY, T0)
    assert state.lapses == 0
    state = adapter.review(state, Rating.AGAIN, T0 + timedelta(days=8))
    assert state.lapses == 1 and state.phase == Phase.RELEARNING
    state = adapter.review(state, Rating.AGAIN, T0 + timedelta(days=8, minutes=10))
    assert state.lapses == 1


def test_naive_or_local_clock_is_rejected() -> None:
    adapter = FsrsAdapter(SchedulerConfig())
    with pytest.raises(ValueError, match="UTC"):
        adapter.review(NEW_STATE, Rating.GOOD, datetime(2026, 1, 1))


def test_retrievability_falls_with_time() -> None:
    adapter = FsrsAdapter(SchedulerConfig())
    state = adapter.review(NEW_STATE, Rating.EASY, T0)
    assert adapter.retrievability(NEW_STATE, T0) == 0.0
    soon = adapter.retrievability(state, T0 + timedelta(days=1))
    late = adapter.retrievability(state, T0 + timedelta(days=60))
    assert 1.0 >= soon > late > 0.0


def test_stored_settings_start_from_py_fsrs_default_parameters() -> None:
    import fsrs

    from quizapp.model.progress import DEFAULT_PARAMETERS

    assert tuple(fsrs.Scheduler().parameters) == DEFAULT_PARAMETERS
