"""Ratings, phases and the memory state: the vocabulary of a unit's progress.

Plain values, so the store can keep them and the screens show them without importing the
scheduler (py-fsrs), which is the only thing that computes a next state.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime

import msgspec

# Every count a student reads (Home, the review, the summary, `quizapp stats`) is of study units,
# and calls them cards; this says, wherever totals appear, how they relate to a deck's cards.
# Here rather than in model.units so Home's first paint need not import the card model.
COUNTED_AS = "a reversed card counts twice, a cloze once per gap"


class Rating(enum.IntEnum):
    """How well the student remembered, as Anki and FSRS number it; pass/fail mode uses only
    AGAIN and GOOD. Auto-checked answers suggest one, the student may override it."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


PASS_FAIL_RATINGS: tuple[Rating, ...] = (Rating.AGAIN, Rating.GOOD)
ALL_RATINGS: tuple[Rating, ...] = tuple(Rating)


# FSRS-6's default weights, as py-fsrs ships them (a test checks they still agree): stored settings
# start from them without importing the scheduler.
DEFAULT_PARAMETERS: tuple[float, ...] = (
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
)  # fmt: skip


class Phase(enum.IntEnum):
    """Where a unit is in its life; NEW units have never been answered."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class MemoryState(msgspec.Struct, frozen=True, array_like=True):
    """A unit's scheduling state; times are UNIX seconds (UTC) so SQLite can index them."""

    phase: int = Phase.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: float | None = None
    last_review: float | None = None
    reps: int = 0
    lapses: int = 0

    def due_at(self) -> datetime | None:
        return None if self.due is None else datetime.fromtimestamp(self.due, UTC)


NEW_STATE = MemoryState()


class Counts(msgspec.Struct, frozen=True):
    """Study units due now, never seen, learned (in review: past their learning steps) and still
    in a learning step. Home, `quizapp stats` and the stats JSON all count these, in these words.
    """

    due: int = 0
    new: int = 0
    learned: int = 0
    learning: int = 0

    @property
    def total(self) -> int:
        return self.new + self.learning + self.learned

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.due + other.due,
            self.new + other.new,
            self.learned + other.learned,
            self.learning + other.learning,
        )
