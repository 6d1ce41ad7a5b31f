"""Exam mode: a deck's exam date, the units at risk, and the daily review-ahead before it.

A unit is at risk when, as things stand, the student would not see it between the day the exam
was set and the exam: it is new, or it is next due after the exam and was last seen before the
exam was set. Each study day the queue brings up an even share of the at-risk units (the quota:
at risk / days left), most nearly due first. FSRS credits an early review with little extra
stability, so these reviews do not wreck the long-term schedule.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo

from quizapp.model.progress import MemoryState
from quizapp.store import queries
from quizapp.store.db import ProgressStore, decode_state

AHEAD_BATCH = 5


@dataclass(frozen=True)
class ExamStatus:
    """A deck's exam: its date, study days left, and units not yet sure to be seen before it."""

    deck_id: str
    exam_date: date
    days_left: int
    at_risk: int


@dataclass(frozen=True)
class _Exam:
    exam_date: date
    starts: float
    set_at: float


class ExamPlanner:
    """Exam dates of the decks in scope and today's review-ahead quota for each."""

    def __init__(
        self,
        store: ProgressStore,
        tz: tzinfo,
        day_starts_at_hour: int,
        deck_scope: tuple[str, ...] | None,
    ) -> None:
        self.store = store
        self.tz = tz
        self.hour = day_starts_at_hour
        self.deck_scope = deck_scope
        self._exams: dict[str, _Exam] | None = None
        # deck id -> (study day start, today's quota, done so far, store data_version then)
        self._plans: dict[str, tuple[float, int, int, int]] = {}

    def set_exam(self, deck_id: str, exam_date: date | None, now: datetime) -> None:
        """Set (or clear with None) a deck's exam date; the at-risk clock starts now."""
        self.store.save_deck_setting(
            deck_id, "exam_date", exam_date.isoformat() if exam_date else None
        )
        self.store.save_deck_setting(
            deck_id, "exam_set_at", repr(now.timestamp()) if exam_date else None
        )
        self._plans.pop(deck_id, None)
        self._exams = None

    def _all(self) -> dict[str, _Exam]:
        """Every deck's exam, read once (set_exam forgets them)."""
        if self._exams is None:
            self._exams = {}
            rows = self.store.db.execute(
                "SELECT deck_id FROM deck_settings WHERE key = 'exam_date' ORDER BY deck_id"
            ).fetchall()
            for (deck_id,) in rows:
                exam = self.store.deck_settings(deck_id).exam_date
                set_at = self.store.deck_setting_raw(deck_id, "exam_set_at")
                if exam is not None and set_at is not None:
                    starts = datetime.combine(exam, time(self.hour, tzinfo=self.tz))
                    self._exams[deck_id] = _Exam(
                        exam, starts.astimezone(UTC).timestamp(), float(set_at)
                    )
        return self._exams

    def status(self, deck_id: str, now: datetime, day_start: float) -> ExamStatus | None:
        exam = self._all().get(deck_id)
        if exam is None:
            return None
        days = max(0, math.ceil((exam.starts - day_start) / 86400))
        at_risk = queries.at_risk_count(
            self.store.db, deck_id, exam.starts, exam.set_at, now.timestamp()
        )
        return ExamStatus(deck_id, exam.exam_date, days, at_risk)

    def _plan(self, deck_id: str, exam: _Exam, now: datetime, day_start: float) -> tuple[int, int]:
        """(quota, done) for today, planned once per study day.

        Answers already given today (by this or an earlier session) count towards the quota,
        so restarting quizapp does not add more; when another process has committed since
        (`data_version`), the day's answers are counted again, so two windows share the quota.
        """
        plan = self._plans.get(deck_id)
        version = self.store.data_version()
        if plan is None or plan[0] != day_start:
            status = self.status(deck_id, now, day_start)
            if status is None or status.days_left <= 0:
                return 0, 0
            done = self._done_today(deck_id, exam, day_start)
            quota = math.ceil((status.at_risk + done) / status.days_left)
            plan = (day_start, quota, done, version)
            self._plans[deck_id] = plan
        elif plan[3] != version:
            plan = (day_start, plan[1], self._done_today(deck_id, exam, day_start), version)
            self._plans[deck_id] = plan
        return plan[1], plan[2]

    def _done_today(self, deck_id: str, exam: _Exam, day_start: float) -> int:
        """Reviews ahead of the exam answered in this deck since `day_start` (undone ones not)."""
        rows = self.store.db.execute(
            "SELECT r.state_before FROM reviews r WHERE r.time >= ? AND r.deck_id = ? "
            "AND r.phase_before = 2 AND NOT EXISTS (SELECT 1 FROM events e "
            "WHERE e.kind = 'undo' AND e.review_id = r.id)",
            (day_start, deck_id),
        )
        return sum(1 for (blob,) in rows if (decode_state(blob).due or 0) > exam.starts)

    def ahead_candidates(self, now: datetime, day_start: float) -> Iterator[list[str]]:
        """For each deck in scope still under today's quota, a few units to review ahead."""
        for deck_id, exam in self._all().items():
            if self.deck_scope is not None and deck_id not in self.deck_scope:
                continue
            quota, done = self._plan(deck_id, exam, now, day_start)
            if done < quota:
                yield queries.ahead_units(
                    self.store.db, deck_id, exam.starts, exam.set_at, now.timestamp(), AHEAD_BATCH
                )

    def count_answer(self, deck_id: str, before: MemoryState, day_start: float) -> None:
        """Count an answer towards today's quota if it was a review ahead of the exam."""
        exam = self._all().get(deck_id)
        if exam is None or before.due is None or before.due <= exam.starts:
            return
        plan = self._plans.get(deck_id)
        if plan is not None and plan[0] == day_start:
            self._plans[deck_id] = (plan[0], plan[1], plan[2] + 1, plan[3])
