"""What the study screens need from the progress store, as a Protocol.

The UI is written against this interface; `quizapp.study.memory.MemoryStudy` implements it in
memory (tests, and a session whose progress is not kept), and an adapter implements it over the
SQLite store. Every time is a timezone-aware UTC datetime given by the caller's clock.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import msgspec

from quizapp.model.progress import Counts, Rating
from quizapp.model.units import StudyUnit

if TYPE_CHECKING:
    from quizapp.study.cram import Cram


class NewLimit(msgspec.Struct, frozen=True):
    """The daily new-card limit as it stands: `per_day`, introduced `done` today, `waiting`."""

    per_day: int
    done: int
    waiting: int

    @property
    def reached(self) -> bool:
        """The limit, not a lack of cards, is what keeps new cards back today."""
        return self.waiting > 0 and self.done >= self.per_day


class ActionKind(enum.Enum):
    """What kind of action undo takes back."""

    ANSWER = "answer"
    SUSPEND = "suspend"
    UNSUSPEND = "unsuspend"
    BURY = "bury"


class UnitInfo(msgspec.Struct, frozen=True):
    """A unit's memory as the Browse screen shows it."""

    state: str
    due: dt.datetime | None
    stability: float | None
    difficulty: float | None
    retrievability: float | None
    reps: int
    lapses: int


class ReviewEntry(msgspec.Struct, frozen=True):
    uid: str
    at: dt.datetime
    rating: Rating


class ExamStatus(msgspec.Struct, frozen=True):
    """A deck's exam: its date, study days left, and units not yet sure to be seen before it."""

    deck_id: str
    exam_date: dt.date
    days_left: int
    at_risk: int


class StudyService(Protocol):
    """The study-session facade: queue, answers, undo, and the numbers the screens show."""

    def counts(self, now: dt.datetime) -> dict[str, Counts]:
        """Counts per deck id."""
        ...

    def next_unit(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> StudyUnit | None:
        """The next unit to study from these decks (all decks when None), or None when done."""
        ...

    def preview(self, unit: StudyUnit, now: dt.datetime) -> dict[Rating, dt.timedelta]:
        """How long until the unit comes back after each allowed grade (2 in pass/fail mode)."""
        ...

    def remaining(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> int:
        """Units left to study today in these decks (daily limits applied)."""
        ...

    def answer(self, unit: StudyUnit, grade: Rating, now: dt.datetime, took: float) -> dt.datetime:
        """Record an answer (`took` seconds to answer); returns when the unit is due again."""
        ...

    def undo(self, now: dt.datetime) -> StudyUnit | None:
        """Take back the last action of any kind (answer, suspend, unsuspend, bury); returns its
        unit to show again, None if there is nothing to undo."""
        ...

    def last_action(self) -> ActionKind | None:
        """What undo would take back now (None: nothing)."""
        ...

    def preferences(self) -> dict[str, int | float]:
        """The student's settings by key (`quizapp.study.preferences`)."""
        ...

    def change_preference(self, key: str, text: str) -> int | float:
        """Check and save one setting (QuizappError naming the allowed range when bad)."""
        ...

    def last_answer_leech(self) -> bool:
        """Whether the last answer made its unit a leech (suspended it): the UI says so."""
        ...

    def replace_units(self, units: Sequence[StudyUnit]) -> None:
        """Put units with edited card text in place of the loaded ones (same uids)."""
        ...

    def suspend(self, unit: StudyUnit, now: dt.datetime) -> None: ...

    def suspended_uids(self) -> frozenset[str]:
        """Every suspended unit (the practice quiz leaves them out)."""
        ...

    def unsuspend(self, unit: StudyUnit, now: dt.datetime) -> None: ...

    def bury(self, unit: StudyUnit, now: dt.datetime) -> None: ...

    def next_new_unit(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> StudyUnit | None:
        """The next new unit beyond the daily limit ("Review more"), or None when none is left."""
        ...

    def new_limit(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> NewLimit:
        """The new-card limit as it stands in these decks (reached, with how many waiting)."""
        ...

    def buried_new(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> int:
        """New units held back until the next study day (siblings and cards quoting the same
        sentence as one answered today, or buried by hand), so "nothing to do" can say why.
        Its own call, not part of `new_limit`: it reads every new unit, and the review asks
        `new_limit` on every card."""
        ...

    def info(self, uid: str, now: dt.datetime) -> UnitInfo: ...

    def history(self, uid: str | None = None) -> Sequence[ReviewEntry]:
        """Reviews of one unit, or of every unit, oldest first."""
        ...

    def forecast(self, now: dt.datetime, days: int) -> list[int]:
        """How many units fall due on each of the next `days` study days (today first)."""
        ...

    def study_date(self, at: dt.datetime) -> dt.date:
        """The local study day an instant belongs to (the heatmap's day of a review)."""
        ...

    def set_exam(self, deck_id: str, exam_date: dt.date | None, now: dt.datetime) -> None:
        """Set a deck's exam date (None clears it); until then the queue reviews ahead."""
        ...

    def exam_status(self, deck_id: str, now: dt.datetime) -> ExamStatus | None:
        """The deck's exam and its units at risk, or None when the deck has no exam date."""
        ...

    def exams(self, now: dt.datetime) -> list[ExamStatus]:
        """Every loaded deck's exam, soonest first."""
        ...

    def cram(self, deck_ids: Sequence[str] | None) -> Cram:
        """A drill over every unit of these decks (all when None) that never touches the store."""
        ...


LEARN_AHEAD = dt.timedelta(minutes=20)
"""Units due again within this window come back in the same session (as in Anki)."""


def format_interval(delta: dt.timedelta) -> str:
    """`<1m`, `10m`, `3h`, `4d`, `2.5mo`, `1.2y`: Anki-style labels for a grade's interval."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"
