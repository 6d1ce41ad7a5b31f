"""The UI's side of a cram session: grades in, "does it come back?" out; the store never written.

It wraps the core `CramSession` (shuffled units; Again and Hard bring a unit back a few cards
later) so that the screens speak in `Grade`s and the in-memory and stored services share it.
The scheduling package (and `fsrs`) is imported on first use: the in-memory service stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.model.units import StudyUnit
from quizapp.quiz.grades import Grade

if TYPE_CHECKING:
    from quizapp.study.cram import CramSession


class Cram:
    """A drill over a fixed set of units; it ends when every unit has been passed once."""

    def __init__(self, session: CramSession) -> None:
        self.session = session

    @property
    def total(self) -> int:
        """Units in the drill."""
        return self.session.total

    @property
    def remaining(self) -> int:
        """Answers still needed, counting units that came back."""
        return self.session.remaining

    def next_unit(self) -> StudyUnit | None:
        return self.session.next_unit()

    def answer(self, unit: StudyUnit, grade: Grade) -> bool:
        """Take the answer; True when the unit comes back later in this drill."""
        from quizapp.model.progress import Rating

        self.session.answer(unit, Rating(int(grade)))
        return unit.uid not in self.session.passed
