"""`StudyService` over the SQLite progress store and its `StudySession` facade (FSRS).

The store's sessions are scoped to a set of decks when they start; this adapter keeps one per
scope the UI asks for, all sharing the store, and remembers which one took each answer so that
undo walks back across them in order. Exam dates go through the all-decks session; setting
one starts the scoped sessions afresh, so each queue's review-ahead plan sees the new date.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from quizapp.model.progress import Counts, Phase, Rating
from quizapp.model.units import StudyUnit
from quizapp.store import history, log, queries, suspension
from quizapp.store.db import ProgressStore
from quizapp.store.queries import Scope
from quizapp.study import preferences
from quizapp.study.cram import Cram
from quizapp.study.localtime import local_zone, study_date
from quizapp.study.service import ActionKind, ExamStatus, NewLimit, ReviewEntry, UnitInfo
from quizapp.study.session import StudySession

PHASE_NAMES = {Phase.NEW: "new", Phase.LEARNING: "learning", Phase.REVIEW: "review"}
PHASE_NAMES[Phase.RELEARNING] = "relearning"


@dataclass(frozen=True)
class _Action:
    """One thing undo can take back: an answer (with the session that took it), a suspension,
    an unsuspension or a burial (with when the unit's earlier burial ended)."""

    kind: ActionKind
    uid: str
    session: StudySession | None = None
    before: float = 0.0


class StoreStudy:
    """The UI's study service, backed by `quizapp.store` (every answer committed at once)."""

    def __init__(
        self,
        store: ProgressStore,
        units: Sequence[StudyUnit],
        now: dt.datetime,
        rng: random.Random,
        fingerprint: str | None = None,
        retired: Mapping[str, str] | None = None,
        tz: dt.tzinfo | None = None,
    ) -> None:
        self.store = store
        self.rng = rng
        self.tz = local_zone() if tz is None else tz
        self.everything = StudySession.start(
            store, units, now, rng=rng, fingerprint=fingerprint, retired=retired, tz=self.tz
        )
        self.units = self.everything.units  # the same uid -> unit map: no second copy to build
        self._sessions: dict[tuple[str, ...] | None, StudySession] = {None: self.everything}
        self._actions: list[_Action] = []
        self._last_leech = False
        self._unit_totals = Counter(unit.deck_id for unit in units)

    def session(self, deck_ids: Sequence[str] | None) -> StudySession:
        key = None if deck_ids is None else tuple(sorted(set(deck_ids)))
        found = self._sessions.get(key)
        if found is None:
            chosen = [u for u in self.units.values() if key is not None and u.deck_id in key]
            found = StudySession(
                self.store,
                chosen,
                rng=self.rng,
                scope=Scope(key, None),
                tz=self.tz,
                loaded=self.everything.loaded,
            )
            self._sessions[key] = found
        return found

    def counts(self, now: dt.datetime) -> dict[str, Counts]:
        return queries.progress_counts(self.store.db, self._unit_totals, now.timestamp())

    def next_unit(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> StudyUnit | None:
        return self.session(deck_ids).next_unit(now)

    def preview(self, unit: StudyUnit, now: dt.datetime) -> dict[Rating, dt.timedelta]:
        return self.everything.preview_intervals(unit, now)

    def remaining(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> int:
        return self.session(deck_ids).today(now).total

    def next_new_unit(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> StudyUnit | None:
        return self.session(deck_ids).next_new_unit(now)

    def new_limit(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> NewLimit:
        return self.session(deck_ids).new_limit(now)

    def buried_new(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> int:
        return self.session(deck_ids).buried_new(now)

    def answer(self, unit: StudyUnit, grade: Rating, now: dt.datetime, took: float) -> dt.datetime:
        session = self.everything
        for candidate in self._sessions.values():
            if unit.uid in candidate.units and candidate is not self.everything:
                session = candidate
                break
        result = session.answer(unit, grade, now, answer_ms=max(0, round(took * 1000)))
        self._actions.append(_Action(ActionKind.ANSWER, unit.uid, session))
        self._last_leech = result.leech
        return result.due

    def preferences(self) -> dict[str, int | float]:
        return preferences.current(self.store)

    def change_preference(self, key: str, text: str) -> int | float:
        found = preferences.preference(key)
        value = found.parse(text)
        self.everything.update_settings(**{found.field: value})
        self._sessions = {None: self.everything}  # scoped sessions read settings when made
        return value

    def last_answer_leech(self) -> bool:
        return self._last_leech

    def last_action(self) -> ActionKind | None:
        return self._actions[-1].kind if self._actions else None

    def undo(self, now: dt.datetime) -> StudyUnit | None:
        """Take back the last answer, suspension, unsuspension or burial, newest first."""
        while self._actions:
            action = self._actions.pop()
            unit = self.units.get(action.uid)
            if action.kind is ActionKind.ANSWER:
                assert action.session is not None
                unit = action.session.undo(now)
                if unit is None:
                    continue  # another process built on that answer: skip it
            elif action.kind is ActionKind.SUSPEND:
                log.set_suspended(self.store, [action.uid], False, now.timestamp())
            elif action.kind is ActionKind.UNSUSPEND:
                log.set_suspended(self.store, [action.uid], True, now.timestamp())
            else:
                suspension.restore_burial(self.store, action.uid, action.before)
            self.store.forget_day_counts()
            if unit is not None:
                return unit
        return None

    def replace_units(self, units: Sequence[StudyUnit]) -> None:
        for session in {id(s): s for s in (self.everything, *self._sessions.values())}.values():
            for unit in units:
                if unit.uid in session.units:
                    session.units[unit.uid] = unit

    def suspend(self, unit: StudyUnit, now: dt.datetime) -> None:
        if queries.is_suspended(self.store.db, unit.uid):
            return
        self.everything.suspend(unit, now)
        self._actions.append(_Action(ActionKind.SUSPEND, unit.uid))

    def suspended_uids(self) -> frozenset[str]:
        return frozenset(suspension.suspended_uids(self.store))

    def unsuspend(self, unit: StudyUnit, now: dt.datetime) -> None:
        if not queries.is_suspended(self.store.db, unit.uid):
            return
        self.everything.unsuspend(unit, now)
        self._actions.append(_Action(ActionKind.UNSUSPEND, unit.uid))

    def bury(self, unit: StudyUnit, now: dt.datetime) -> None:
        before = suspension.buried_until(self.store, unit.uid)
        self.everything.bury(unit, now)
        self._actions.append(_Action(ActionKind.BURY, unit.uid, before=before))

    def info(self, uid: str, now: dt.datetime) -> UnitInfo:
        state = self.store.state(uid)
        suspended = queries.is_suspended(self.store.db, uid)
        leech = suspended and suspension.is_leech(self.store, uid)
        phase = Phase(state.phase)
        retrievability = None
        if phase is not Phase.NEW:
            retrievability = self.everything.adapter.retrievability(state, now)
        return UnitInfo(
            ("suspended leech" if leech else "suspended") if suspended else PHASE_NAMES[phase],
            state.due_at() if phase is not Phase.NEW else None,
            state.stability,
            state.difficulty,
            retrievability,
            state.reps,
            state.lapses,
        )

    def history(self, uid: str | None = None) -> Sequence[ReviewEntry]:
        return [
            ReviewEntry(r.uid, dt.datetime.fromtimestamp(r.time, dt.UTC), Rating(r.rating))
            for r in history.reviews(self.store, uid)
        ]

    def forecast(self, now: dt.datetime, days: int) -> list[int]:
        start = self.everything.day_start(now).timestamp()
        return history.due_forecast(self.store, start, days)

    def study_date(self, at: dt.datetime) -> dt.date:
        return study_date(at, self.tz, self.everything.settings.day_starts_at_hour)

    @cached_property
    def deck_ids(self) -> list[str]:
        """Every loaded deck's id, for the exams Home lists."""
        return sorted({unit.deck_id for unit in self.units.values()})

    def set_exam(self, deck_id: str, exam_date: dt.date | None, now: dt.datetime) -> None:
        self.everything.set_exam(deck_id, exam_date, now)
        # Scoped sessions cache the exam plan; undo keeps its own references to them.
        self._sessions = {None: self.everything}

    def exam_status(self, deck_id: str, now: dt.datetime) -> ExamStatus | None:
        return self.everything.exam_status(deck_id, now)

    def exams(self, now: dt.datetime) -> list[ExamStatus]:
        found = [self.exam_status(deck_id, now) for deck_id in self.deck_ids]
        return sorted((e for e in found if e is not None), key=lambda e: (e.exam_date, e.deck_id))

    def cram(self, deck_ids: Sequence[str] | None) -> Cram:
        wanted = None if deck_ids is None else set(deck_ids)
        chosen = [u for u in self.units.values() if wanted is None or u.deck_id in wanted]
        return self.everything.cram(chosen)
