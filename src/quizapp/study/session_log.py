"""A review session's answers, as the summary screen shows them when the session ends."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import msgspec

from quizapp.model.progress import Rating
from quizapp.model.units import StudyUnit


class SessionAnswer(msgspec.Struct, frozen=True):
    """One answer: the unit, its rating, seconds taken, and whether it comes back today."""

    unit: StudyUnit
    rating: Rating
    seconds: float
    again_today: bool


@dataclass
class SessionLog:
    """What the summary shows: every answer of this session, in order."""

    started: dt.datetime
    deck_ids: list[str] | None
    answers: list[SessionAnswer] = field(default_factory=list)
    cram: bool = False
    """A cram session: nothing was written to the schedule."""
    left: int | None = None
    """Cards still to go when the student left early ("Session paused"); None: it ran out."""

    @property
    def done(self) -> int:
        return len(self.answers)

    @property
    def accuracy(self) -> float | None:
        if not self.answers:
            return None
        return sum(1 for a in self.answers if a.rating > Rating.AGAIN) / len(self.answers)

    @property
    def seconds(self) -> float:
        """Time spent answering, in seconds."""
        return sum(answer.seconds for answer in self.answers)

    def missed(self) -> list[StudyUnit]:
        seen: dict[str, StudyUnit] = {}
        for answer in self.answers:
            if answer.rating is Rating.AGAIN:
                seen.setdefault(answer.unit.uid, answer.unit)
        return list(seen.values())
