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
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, tzinfo

from quizapp.model.progress import MemoryState
from quizapp.store import queries
from quizapp.store.db import ProgressStore
from quizapp.store.exams import read_exams, reviews_ahead_since, save_exam
from quizapp.study.service import ExamStatus

AHEAD_BATCH = 5


@dataclass(frozen=True)
class _Exam:
    exam_date: date
    starts: float
    set_at: float


@dataclass(frozen=True)
class _Plan:
    """A deck's review-ahead for one study day, as of the store's `data_version`."""

    day_start: float
    quota: int
    done: int
    version: int


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
        self._plans: dict[str, _Plan] = {}

    def set_exam(self, deck_id: str, exam_date: date | None, now: datetime) -> None:
        """Set (or clear with None) a deck's exam date; the at-risk clock starts now."""
        save_exam(self.store, deck_id, exam_date, now.timestamp())
        self._plans.pop(deck_id, None)
        self._exams = None

    def _all(self) -> dict[str, _Exam]:
        """Every deck's exam, read once (set_exam forgets them)."""
        if self._exams is None:
            self._exams = {}
            for stored in read_exams(self.store):
                starts = datetime.combine(stored.exam_date, time(self.hour, tzinfo=self.tz))
                self._exams[stored.deck_id] = _Exam(
                    stored.exam_date, starts.astimezone(UTC).timestamp(), stored.set_at
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

    def _plan(self, deck_id: str, exam: _Exam, now: datetime, day_start: float) -> _Plan | None:
        """Today's plan (None once the exam has come), made once per study day.

        Answers already given today (by this or an earlier session) count towards the quota,
        so restarting quizapp does not add more; when another process has committed since
        (`data_version`), the day's answers are counted again, so two windows share the quota.
        """
        plan = self._plans.get(deck_id)
        version = self.store.data_version()
        if plan is None or plan.day_start != day_start:
            status = self.status(deck_id, now, day_start)
            if status is None or status.days_left <= 0:
                return None
            done = self._done_today(deck_id, exam, day_start)
            quota = math.ceil((status.at_risk + done) / status.days_left)
            plan = _Plan(day_start, quota, done, version)
            self._plans[deck_id] = plan
        elif plan.version != version:
            plan = replace(plan, done=self._done_today(deck_id, exam, day_start), version=version)
            self._plans[deck_id] = plan
        return plan

    def _done_today(self, deck_id: str, exam: _Exam, day_start: float) -> int:
        """Reviews ahead of the exam answered in this deck since `day_start` (undone ones not)."""
        return reviews_ahead_since(self.store, deck_id, day_start, exam.starts)

    def ahead_candidates(self, now: datetime, day_start: float) -> Iterator[list[str]]:
        """For each deck in scope still under today's quota, a few units to review ahead."""
        for deck_id, exam in self._all().items():
            if self.deck_scope is not None and deck_id not in self.deck_scope:
                continue
            plan = self._plan(deck_id, exam, now, day_start)
            if plan is not None and plan.done < plan.quota:
                yield queries.ahead_units(
                    self.store.db, deck_id, exam.starts, exam.set_at, now.timestamp(), AHEAD_BATCH
                )

    def count_answer(self, deck_id: str, before: MemoryState, day_start: float) -> None:
        """Count an answer towards today's quota if it was a review ahead of the exam."""
        exam = self._all().get(deck_id)
        if exam is None or before.due is None or before.due <= exam.starts:
            return
        plan = self._plans.get(deck_id)
        if plan is not None and plan.day_start == day_start:
            self._plans[deck_id] = replace(plan, done=plan.done + 1)
