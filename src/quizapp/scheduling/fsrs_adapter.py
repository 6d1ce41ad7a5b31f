"""The one place that talks to `fsrs` (py-fsrs 6): ratings in, memory states out.

Everything here is pure: the clock (`now`, timezone-aware UTC) and the random source for
interval fuzz are arguments. py-fsrs's own fuzz reads the global `random`, so it is switched off
and the adapter fuzzes review intervals itself with the `random.Random` it is given.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import fsrs

from quizapp.model.progress import (
    ALL_RATINGS,
    DEFAULT_PARAMETERS,
    PASS_FAIL_RATINGS,
    MemoryState,
    Phase,
    Rating,
)
from quizapp.store.settings import Settings


@dataclass(frozen=True)
class SchedulerConfig:
    """The knobs a student or `quizapp optimize` can turn."""

    parameters: tuple[float, ...] = DEFAULT_PARAMETERS
    desired_retention: float = 0.90
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval_days: int = 36500
    fuzz: bool = True
    pass_fail: bool = False

    @property
    def ratings(self) -> tuple[Rating, ...]:
        return PASS_FAIL_RATINGS if self.pass_fail else ALL_RATINGS


def config_of(settings: Settings) -> SchedulerConfig:
    """The scheduler the student's stored settings ask for."""
    return SchedulerConfig(
        parameters=settings.parameters,
        desired_retention=settings.desired_retention,
        learning_steps=tuple(timedelta(minutes=m) for m in settings.learning_steps_minutes),
        relearning_steps=tuple(timedelta(minutes=m) for m in settings.relearning_steps_minutes),
        maximum_interval_days=settings.maximum_interval_days,
        pass_fail=settings.pass_fail,
    )


def fuzz_days(days: int, rng: random.Random, maximum: int) -> int:
    """Spread an interval of `days` a little so cards learned together do not stay together.

    The spread grows with the interval (15% up to a week, 10% up to 20 days, 5% beyond), the
    shape Anki and FSRS use; intervals under three days are not fuzzed.
    """
    if days < 3:
        return days
    delta = 1.0 + 0.15 * ((days if days < 7 else 7) - 2.5)
    if days > 7:
        delta += 0.10 * ((days if days < 20 else 20) - 7)
        if days > 20:
            delta += 0.05 * (days - 20)
    low = round(days - delta)
    high = round(days + delta)
    if high > maximum:
        high = maximum
    if low < 2:
        low = 2
    if low > high:
        low = high
    fuzzed = low + math.floor(rng.random() * (high - low + 1))
    return fuzzed if fuzzed < high else high


def _dt(seconds: float | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


_ZERO = timedelta(0)
# Looked up rather than converted: an enum call costs more than the rest of a state conversion.
_FSRS_STATE = {int(state): state for state in fsrs.State}
_FSRS_RATING = {int(rating): rating for rating in fsrs.Rating}
_REVIEW = fsrs.State.Review


def require_utc(now: datetime) -> None:
    """Reject naive or non-UTC clocks early: FSRS arithmetic assumes UTC."""
    if now.tzinfo is not UTC and (now.tzinfo is None or now.utcoffset() != _ZERO):
        raise ValueError(f"time must be timezone-aware UTC, got {now!r}")


@dataclass
class FsrsAdapter:
    """Computes the next memory state of a unit for a rating at a given time."""

    config: SchedulerConfig = field(default_factory=SchedulerConfig)

    def __post_init__(self) -> None:
        c = self.config
        self._scheduler = fsrs.Scheduler(
            parameters=c.parameters,
            desired_retention=c.desired_retention,
            learning_steps=c.learning_steps,
            relearning_steps=c.relearning_steps,
            maximum_interval=c.maximum_interval_days,
            enable_fuzzing=False,
        )

    def _to_card(self, state: MemoryState, now: datetime) -> fsrs.Card:
        if state.phase == Phase.NEW:
            return fsrs.Card(card_id=0, state=fsrs.State.Learning, step=0, due=now)
        return fsrs.Card(
            card_id=0,
            state=_FSRS_STATE[state.phase],
            step=state.step,
            stability=state.stability,
            difficulty=state.difficulty,
            due=_dt(state.due),
            last_review=_dt(state.last_review),
        )

    def review(
        self,
        state: MemoryState,
        rating: Rating,
        now: datetime,
        rng: random.Random | None = None,
    ) -> MemoryState:
        """The state after answering with `rating` at `now`; fuzzed when `rng` is given."""
        require_utc(now)
        config = self.config
        if config.pass_fail and rating not in PASS_FAIL_RATINGS:
            raise ValueError(f"{rating.name} is not a rating in pass/fail mode")
        card, _ = self._scheduler.review_card(self._to_card(state, now), _FSRS_RATING[rating], now)
        due = card.due
        if rng is not None and config.fuzz and card.state is _REVIEW:
            days = (due - now).days
            due = now + timedelta(days=fuzz_days(days, rng, config.maximum_interval_days))
        lapsed = state.phase == Phase.REVIEW and rating == Rating.AGAIN
        return MemoryState(
            int(card.state),
            card.step,
            card.stability,
            card.difficulty,
            due.timestamp(),
            now.timestamp(),
            state.reps + 1,
            state.lapses + 1 if lapsed else state.lapses,
        )

    def preview(self, state: MemoryState, now: datetime) -> dict[Rating, timedelta]:
        """The unfuzzed interval each allowed rating would give, for showing on the keys."""
        result: dict[Rating, timedelta] = {}
        for rating in self.config.ratings:
            after = self.review(state, rating, now)
            assert after.due is not None
            result[rating] = timedelta(seconds=round(after.due - now.timestamp()))
        return result

    def retrievability(self, state: MemoryState, now: datetime) -> float:
        """Probability of recall at `now` (0 for units never answered)."""
        if state.phase == Phase.NEW or state.stability is None:
            return 0.0
        return float(self._scheduler.get_card_retrievability(self._to_card(state, now), now))


def parameters_ok(parameters: Sequence[float]) -> bool:
    """Whether py-fsrs accepts these parameters (21 numbers within its bounds)."""
    try:
        fsrs.Scheduler(parameters=tuple(parameters), enable_fuzzing=False)
    except (ValueError, TypeError):
        return False
    return True
