"""Cram: drill a set of units without touching the schedule or the progress store."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Sequence

from quizapp.model.progress import Rating
from quizapp.model.units import StudyUnit

AGAIN_GAP = 3


class Cram:
    """Shuffled units; a unit rated AGAIN (or HARD) comes back a few cards later until passed.

    The drill ends when every unit has been passed once.
    """

    def __init__(self, units: Sequence[StudyUnit], rng: random.Random) -> None:
        order = list(units)
        rng.shuffle(order)
        self._queue: deque[StudyUnit] = deque(order)
        self.total = len(order)
        self.passed: set[str] = set()
        self.answers = 0

    @property
    def remaining(self) -> int:
        """Answers still needed, counting units that came back."""
        return len(self._queue)

    def next_unit(self) -> StudyUnit | None:
        return self._queue[0] if self._queue else None

    def answer(self, unit: StudyUnit, rating: Rating) -> bool:
        """Take the unit off the front; put it back a few places later if it was not known.

        True when the unit comes back later in this drill.
        """
        if self._queue and self._queue[0].uid == unit.uid:
            self._queue.popleft()
        self.answers += 1
        if rating <= Rating.HARD:
            self._queue.insert(min(AGAIN_GAP, len(self._queue)), unit)
        else:
            self.passed.add(unit.uid)
        return unit.uid not in self.passed
