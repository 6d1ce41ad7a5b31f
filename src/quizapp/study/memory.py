"""An in-memory `StudyService`: a simple interval-doubling scheduler whose progress is not kept.

Tests use it (fast, deterministic, no database), and the app can run on it when the progress
store is unavailable. It is not FSRS: Again → 1 minute, Hard → x1.2, Good → x2.5, Easy → x4.
Exam dates live in memory too, with the store's rule for "at risk" (days start at 00:00 UTC);
the queue does not review ahead for them.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from quizapp.model.progress import Counts, Rating
from quizapp.model.units import StudyUnit
from quizapp.store.settings import Settings
from quizapp.study import preferences
from quizapp.study.cram import Cram
from quizapp.study.service import ActionKind, ExamStatus, NewLimit, ReviewEntry, UnitInfo

DAY = dt.timedelta(days=1)
FACTORS = {Rating.HARD: 1.2, Rating.GOOD: 2.5, Rating.EASY: 4.0}
FIRST = {
    Rating.AGAIN: dt.timedelta(minutes=1),
    Rating.HARD: dt.timedelta(minutes=6),
    Rating.GOOD: dt.timedelta(minutes=10),
    Rating.EASY: dt.timedelta(days=4),
}


@dataclass(frozen=True, slots=True)
class _State:
    due: dt.datetime | None = None
    interval: dt.timedelta = dt.timedelta(0)
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    buried_until: dt.datetime | None = None


class MemoryStudy:
    """Units in deck order; due ones first, then new ones; nothing is written anywhere."""

    def __init__(
        self,
        units: Iterable[StudyUnit],
        new_per_day: int = 20,
        rng: random.Random | None = None,
        tz: dt.tzinfo = dt.UTC,
    ) -> None:
        self.units: dict[str, StudyUnit] = {u.uid: u for u in units}
        self.tz = tz
        defaults = Settings()
        self._preferences: dict[str, int | float] = {
            p.key: getattr(defaults, p.field) for p in preferences.PREFERENCES
        }
        self.new_per_day = new_per_day
        self.rng = rng if rng is not None else random.Random()
        self._exams: dict[str, tuple[dt.date, dt.datetime]] = {}  # deck -> (date, set at)
        self._states: dict[str, _State] = {}
        self._log: list[ReviewEntry] = []
        self._undo: list[tuple[ActionKind, str, _State | None, int]] = []
        self._order: list[str] = list(self.units)

    def _state(self, uid: str) -> _State:
        return self._states.get(uid, _State())

    def counts(self, now: dt.datetime) -> dict[str, Counts]:
        result: dict[str, list[int]] = {}
        for unit in self.units.values():
            row = result.setdefault(unit.deck_id, [0, 0, 0, 0])
            state = self._state(unit.uid)
            if state.reps == 0:
                row[1] += 1
            else:
                row[2 if state.interval >= DAY else 3] += 1  # learned, or in a learning step
                if self._available(state, now) and state.due is not None and state.due <= now:
                    row[0] += 1
        return {deck: Counts(*row) for deck, row in result.items()}

    @staticmethod
    def _available(state: _State, now: dt.datetime) -> bool:
        return not state.suspended and (state.buried_until is None or state.buried_until <= now)

    def next_unit(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> StudyUnit | None:
        wanted = None if deck_ids is None else set(deck_ids)
        best: tuple[dt.datetime, str] | None = None
        for uid, state in self._states.items():
            unit = self.units[uid]
            if wanted is not None and unit.deck_id not in wanted:
                continue
            due = state.due
            if not state.reps or due is None or due > now or not self._available(state, now):
                continue
            if best is None or (due, uid) < best:
                best = (due, uid)
        if best is not None:
            return self.units[best[1]]
        for uid in self._order:
            unit = self.units[uid]
            state = self._state(uid)
            in_decks = wanted is None or unit.deck_id in wanted
            if state.reps == 0 and in_decks and self._available(state, now):
                return unit
        return None

    def _after(self, state: _State, grade: Rating) -> dt.timedelta:
        if state.reps == 0 or grade is Rating.AGAIN:
            return FIRST[grade]
        base = max(state.interval, DAY)
        return dt.timedelta(days=math.ceil(base / DAY * FACTORS[grade]))

    def preview(self, unit: StudyUnit, now: dt.datetime) -> dict[Rating, dt.timedelta]:
        state = self._state(unit.uid)
        return {grade: self._after(state, grade) for grade in Rating}

    def remaining(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> int:
        counts = self.counts(now)
        chosen = counts if deck_ids is None else {d: counts[d] for d in deck_ids if d in counts}
        return sum(c.due + min(c.new, self.new_per_day) for c in chosen.values())

    def answer(self, unit: StudyUnit, grade: Rating, now: dt.datetime, took: float) -> dt.datetime:
        before = self._states.get(unit.uid)
        state = self._state(unit.uid)
        interval = self._after(state, grade)
        lapses = state.lapses + (1 if grade is Rating.AGAIN and state.reps else 0)
        self._states[unit.uid] = replace(
            state, due=now + interval, interval=interval, reps=state.reps + 1, lapses=lapses
        )
        self._undo.append((ActionKind.ANSWER, unit.uid, before, len(self._log)))
        self._log.append(ReviewEntry(unit.uid, now, grade))
        return now + interval

    def last_action(self) -> ActionKind | None:
        return self._undo[-1][0] if self._undo else None

    def preferences(self) -> dict[str, int | float]:
        values = dict(self._preferences)
        values["new_per_day"] = self.new_per_day
        return values

    def change_preference(self, key: str, text: str) -> int | float:
        found = preferences.preference(key)
        value = found.parse(text)
        self._preferences[found.key] = value
        if found.key == "new_per_day":
            self.new_per_day = int(value)
        return value

    def last_answer_leech(self) -> bool:
        return False  # memory sessions never suspend leeches

    def _remember(self, kind: ActionKind, uid: str) -> None:
        self._undo.append((kind, uid, self._states.get(uid), len(self._log)))

    def next_new_unit(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> StudyUnit | None:
        wanted = None if deck_ids is None else set(deck_ids)
        for uid in self._order:
            unit, state = self.units[uid], self._state(uid)
            in_decks = wanted is None or unit.deck_id in wanted
            if state.reps == 0 and in_decks and self._available(state, now):
                return unit
        return None

    def new_limit(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> NewLimit:
        counts = self.counts(now)
        chosen = counts if deck_ids is None else {d: counts[d] for d in deck_ids if d in counts}
        return NewLimit(self.new_per_day, 0, sum(c.new for c in chosen.values()))

    def buried_new(self, deck_ids: Sequence[str] | None, now: dt.datetime) -> int:
        wanted = None if deck_ids is None else set(deck_ids)
        return sum(
            1
            for uid, unit in self.units.items()
            if (wanted is None or unit.deck_id in wanted)
            and (state := self._state(uid)).reps == 0
            and not state.suspended
            and state.buried_until is not None
            and state.buried_until > now
        )

    def undo(self, now: dt.datetime) -> StudyUnit | None:
        if not self._undo:
            return None
        _kind, uid, before, log_size = self._undo.pop()
        if before is None:
            self._states.pop(uid, None)
        else:
            self._states[uid] = before
        del self._log[log_size:]
        return self.units[uid]

    def replace_units(self, units: Sequence[StudyUnit]) -> None:
        for unit in units:
            if unit.uid in self.units:
                self.units[unit.uid] = unit

    def suspend(self, unit: StudyUnit, now: dt.datetime) -> None:
        self._remember(ActionKind.SUSPEND, unit.uid)
        self._states[unit.uid] = replace(self._state(unit.uid), suspended=True)

    def suspended_uids(self) -> frozenset[str]:
        return frozenset(uid for uid, state in self._states.items() if state.suspended)

    def unsuspend(self, unit: StudyUnit, now: dt.datetime) -> None:
        self._remember(ActionKind.UNSUSPEND, unit.uid)
        self._states[unit.uid] = replace(self._state(unit.uid), suspended=False)

    def bury(self, unit: StudyUnit, now: dt.datetime) -> None:
        self._remember(ActionKind.BURY, unit.uid)
        tomorrow = (now + DAY).replace(hour=0, minute=0, second=0, microsecond=0)
        self._states[unit.uid] = replace(self._state(unit.uid), buried_until=tomorrow)

    def info(self, uid: str, now: dt.datetime) -> UnitInfo:
        state = self._state(uid)
        if state.suspended:
            label = "suspended"
        elif state.reps == 0:
            label = "new"
        else:
            label = "review" if state.interval >= DAY else "learning"
        stability = state.interval / DAY if state.reps else None
        retrievability = None
        if state.reps and state.due is not None and stability:
            elapsed = (now - (state.due - state.interval)) / DAY
            retrievability = 0.9 ** (max(elapsed, 0.0) / max(stability, 1e-9))
        return UnitInfo(label, state.due, stability, None, retrievability, state.reps, state.lapses)

    def history(self, uid: str | None = None) -> Sequence[ReviewEntry]:
        return [e for e in self._log if uid is None or e.uid == uid]

    def study_date(self, at: dt.datetime) -> dt.date:
        return at.astimezone(self.tz).date()

    def forecast(self, now: dt.datetime, days: int) -> list[int]:
        local = now.astimezone(self.tz).replace(hour=0, minute=0, second=0, microsecond=0)
        start = local.astimezone(dt.UTC)
        buckets = [0] * days
        for state in self._states.values():
            if state.reps == 0 or state.due is None or state.suspended:
                continue
            index = max(0, (state.due - start) // DAY)
            if index < days:
                buckets[index] += 1
        return buckets

    def set_exam(self, deck_id: str, exam_date: dt.date | None, now: dt.datetime) -> None:
        if exam_date is None:
            self._exams.pop(deck_id, None)
        else:
            self._exams[deck_id] = (exam_date, now)

    def exam_status(self, deck_id: str, now: dt.datetime) -> ExamStatus | None:
        if deck_id not in self._exams:
            return None
        exam_date, set_at = self._exams[deck_id]
        starts = dt.datetime.combine(exam_date, dt.time(tzinfo=dt.UTC))
        at_risk = sum(
            1
            for unit in self.units.values()
            if unit.deck_id == deck_id and _at_risk(self._state(unit.uid), starts, set_at)
        )
        days_left = max(0, (exam_date - now.date()).days)
        return ExamStatus(deck_id, exam_date, days_left, at_risk)

    def exams(self, now: dt.datetime) -> list[ExamStatus]:
        known = {unit.deck_id for unit in self.units.values()}
        found = [self.exam_status(deck_id, now) for deck_id in sorted(self._exams)]
        return sorted(
            (e for e in found if e is not None and e.deck_id in known),
            key=lambda e: (e.exam_date, e.deck_id),
        )

    def cram(self, deck_ids: Sequence[str] | None) -> Cram:
        wanted = None if deck_ids is None else set(deck_ids)
        chosen = [u for u in self.units.values() if wanted is None or u.deck_id in wanted]
        return Cram(chosen, self.rng)


def _at_risk(state: _State, exam_starts: dt.datetime, set_at: dt.datetime) -> bool:
    """New, or next due after the exam and last seen before the exam date was set."""
    if state.suspended:
        return False
    if state.reps == 0 or state.due is None:
        return True
    return state.due > exam_starts and state.due - state.interval < set_at
