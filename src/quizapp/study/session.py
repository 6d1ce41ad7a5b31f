"""The study facade the UI talks to: what to show next, what an answer does, undo, exams, cram.

Typical use (the clock and random source are always handed in)::

    store = ProgressStore.open(data_dir)              # QuizappError with a way forward if not
    session = StudySession.start(store, deck_set.units(), now, rng=random.Random())
    unit = session.next_unit(now)                     # StudyUnit | None when done for today
    keys = session.preview_intervals(unit, now)       # {Rating.AGAIN: timedelta(minutes=1), ...}
    result = session.answer(unit, Rating.GOOD, now, answer_ms=4200)  # committed on return
    session.undo(now)                                 # the unit answered last, to show again

Order of a queue: learning steps due now, then reviews due (up to reviews/day), then review-ahead
for decks with an exam date, then new units (up to new/day), then learning steps due within the
next 20 minutes. Limits count answers across all decks for the current study day, which starts
at `Settings.day_starts_at_hour` in the session's time zone. Answering a unit buries its siblings
(other units of the same card, the other cards of its fact) and its kin (cards quoting the same
source sentence, in any loaded deck) until the next study day.

Exam mode: `set_exam(deck_id, date, now)`; until that date the queue adds, each day, a share of
the deck's units that would otherwise not come up before the exam (review-ahead). FSRS gives an
early review little stability gain, so the long-term schedule stays sound. `exam_status` reports
the units still at risk. `cram(...)` returns a `Cram` that never writes to the store.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

import msgspec

from quizapp.model.progress import MemoryState, Phase, Rating
from quizapp.model.units import StudyUnit, quote_groups, quote_kin
from quizapp.scheduling.fsrs_adapter import FsrsAdapter, config_of, require_utc
from quizapp.scheduling.leech import is_leech
from quizapp.store import log, queries
from quizapp.store.db import ProgressStore, SyncReport, guarded
from quizapp.store.queries import DeckCounts, Scope
from quizapp.store.settings import NewOrder, Settings
from quizapp.store.sync import reorder_new, sync_units
from quizapp.study.cram import Cram
from quizapp.study.exam import ExamPlanner
from quizapp.study.service import LEARN_AHEAD, ExamStatus, NewLimit

# Due units read per phase when the first ones belong to decks this session did not load.
WIDE_WINDOW = 50
_PHASES = {int(phase): phase for phase in Phase}


class AnswerResult(msgspec.Struct, frozen=True):
    """What an answer did: when the unit comes back, and whether it just became a leech.

    A Struct rather than a frozen dataclass: one is made per answer, and it costs a tenth.
    """

    review_id: int
    uid: str
    rating: Rating
    due: datetime
    interval: timedelta
    phase: Phase
    leech: bool


@dataclass(frozen=True)
class TodayCounts:
    """What is left today in this session's scope, daily limits applied."""

    learning: int
    due: int
    new: int

    @property
    def total(self) -> int:
        return self.learning + self.due + self.new


def study_day_start(now: datetime, tz: tzinfo, hour: int) -> datetime:
    """Start (UTC) of the study day containing `now`; days begin at `hour` local time."""
    local = now.astimezone(tz)
    start = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if local < start:
        start -= timedelta(days=1)
    return start.astimezone(UTC)


class StudySession:
    """A study session over some units; all writes go through the store and commit at once."""

    def __init__(
        self,
        store: ProgressStore,
        units: Sequence[StudyUnit],
        *,
        rng: random.Random,
        scope: Scope | None = None,
        tz: tzinfo = UTC,
        loaded: Sequence[StudyUnit] | None = None,
    ) -> None:
        """`loaded` is every loaded unit when `units` is only part of them: a card quoting the
        same sentence is buried even when it is outside this session's decks."""
        self.store = store
        self.units: dict[str, StudyUnit] = {unit.uid: unit for unit in units}
        self.rng = rng
        self.tz = tz
        self.session_id = uuid.UUID(int=rng.getrandbits(128)).hex
        self._scope = scope or Scope()
        self._where = self._scope.where(store.db)
        self._history: list[int] = []
        self._day_span = (datetime.max.replace(tzinfo=UTC), datetime.min.replace(tzinfo=UTC))
        self._day_ts = (0.0, 0.0)
        self._with_siblings = _sibling_keys_shared(units)
        self.loaded = units if loaded is None else loaded
        self._quote_groups: dict[str, tuple[StudyUnit, ...]] | None = None
        self.last_sync = SyncReport()
        self._load_settings()

    @classmethod
    @guarded
    def start(
        cls,
        store: ProgressStore,
        units: Sequence[StudyUnit],
        now: datetime,
        *,
        rng: random.Random,
        deck_ids: Sequence[str] | None = None,
        tag: str | None = None,
        category: str | None = None,
        tz: tzinfo = UTC,
        fingerprint: str | None = None,
        retired: Mapping[str, str] | None = None,
    ) -> StudySession:
        """Match the store with `units` (all loaded decks), then study the chosen part of them.

        `deck_ids`, `tag` (a card tag) and `category` narrow the queue; None means all.
        `fingerprint` is `DeckSet.units_fingerprint()` when known (saves hashing every unit).
        `retired` (`DeckSet.retired`): retired card ids whose history carries over.
        """
        require_utc(now)
        report = sync_units(store, units, now.timestamp(), rng, fingerprint, retired)
        uids: frozenset[str] | None = None
        if tag is not None or category is not None:
            uids = frozenset(
                u.uid
                for u in units
                if (tag is None or tag in u.card.tags)
                and (category is None or u.card.category.value == category)
            )
        scope = Scope(tuple(deck_ids) if deck_ids is not None else None, uids)
        chosen = units if scope == Scope() else [u for u in units if _in_scope(u, scope)]
        session = cls(store, chosen, rng=rng, scope=scope, tz=tz, loaded=units)
        session.last_sync = report
        return session

    # -- settings --------------------------------------------------------------------------------

    def _load_settings(self) -> None:
        self._day_span = (datetime.max.replace(tzinfo=UTC), datetime.min.replace(tzinfo=UTC))
        self.settings: Settings = self.store.settings()
        self._exams = ExamPlanner(
            self.store, self.tz, self.settings.day_starts_at_hour, self._scope.deck_ids
        )
        self.adapter = FsrsAdapter(config_of(self.settings))
        self._params_id: int | None = None

    @guarded
    def update_settings(self, **changes: Any) -> Settings:
        """Change and save settings (desired_retention, new_per_day, pass_fail, ...)."""
        self.store.save_settings(replace(self.settings, **changes))
        self._load_settings()
        return self.settings

    @guarded
    def set_new_order(self, deck_id: str, order: NewOrder) -> None:
        """Choose how a deck's new units are introduced (as written, by category, random)."""
        reorder_new(self.store, deck_id, order)

    # -- the queue -------------------------------------------------------------------------------

    def day_start(self, now: datetime) -> datetime:
        """Start of the study day containing `now` (cached: asked several times per answer)."""
        start, end = self._day_span
        if not start <= now < end:
            start = study_day_start(now, self.tz, self.settings.day_starts_at_hour)
            end = start + timedelta(days=1)
            self._day_span = (start, end)
            self._day_ts = (start.timestamp(), end.timestamp())
        return start

    def _day_bounds(self, now: datetime) -> tuple[float, float]:
        """(start, end) of the study day containing `now`, as UNIX seconds."""
        self.day_start(now)
        return self._day_ts

    def _first_known(self, uids: list[str]) -> StudyUnit | None:
        for uid in uids:
            unit = self.units.get(uid)
            if unit is not None:
                return unit
        return None

    @guarded
    def next_unit(self, now: datetime) -> StudyUnit | None:
        """The unit to show now, or None when nothing is left for today."""
        require_utc(now)
        db, where, ts = self.store.db, self._where, now.timestamp()
        day_start = self._day_bounds(now)[0]
        version = self.store.data_version()
        found = self._first_due(ts, day_start, version)
        if found is not None:
            return found
        found = self._review_ahead(now)
        if found is not None:
            return found
        if self.store.answered_on_day(day_start, Phase.NEW, version) < self.settings.new_per_day:
            found = self._first_known(queries.new_units(db, where, ts, 5))
            if found is not None:
                return found
        ahead = (now + LEARN_AHEAD).timestamp()
        learning = (Phase.LEARNING, Phase.RELEARNING)
        return self._first_known(queries.due_units(db, where, ahead, learning, 5))

    @guarded
    def next_new_unit(self, now: datetime) -> StudyUnit | None:
        """The next new unit whatever the daily limit says ("Review more", as Anki's custom
        study): what the student asks for beyond the limit is counted against nothing."""
        require_utc(now)
        return self._first_known(queries.new_units(self.store.db, self._where, now.timestamp(), 5))

    @guarded
    def new_limit(self, now: datetime, cap: int = 1000) -> NewLimit:
        """Today's new-card limit, how many new units were introduced today, and how many more
        are waiting (counted up to `cap`): Home and the review screen explain a reached limit."""
        day_start, version = self._day_bounds(now)[0], self.store.data_version()
        done = self.store.answered_on_day(day_start, Phase.NEW, version)
        waiting = queries.count_new(self.store.db, self._where, now.timestamp(), cap)
        return NewLimit(self.settings.new_per_day, done, waiting)

    @guarded
    def buried_new(self, now: datetime, cap: int = 1000) -> int:
        """New units buried until later (counted up to `cap`); it reads every new unit, so only
        the screens that say why nothing is left ask for it."""
        return queries.count_buried_new(self.store.db, self._where, now.timestamp(), cap)

    def _first_due(self, ts: float, day_start: float, version: int) -> StudyUnit | None:
        """The most overdue learning unit due by `ts`, else review unit while the daily review
        limit is open.

        One row per phase is enough when the first is a unit this session knows; otherwise (the
        store holds units of decks another process synced) a wider window is read.
        """
        db, where = self.store.db, self._where
        done = self.store.answered_on_day(day_start, Phase.REVIEW, version)
        review_limit = 1 if done < self.settings.reviews_per_day else 0
        learning, reviews = queries.due_now(db, where, ts, 1, review_limit)
        uids = learning or reviews
        if not uids:
            return None
        found = self.units.get(uids[0])
        if found is not None:
            return found
        learning, reviews = queries.due_now(db, where, ts, WIDE_WINDOW, WIDE_WINDOW * review_limit)
        return self._first_known(learning) or self._first_known(reviews)

    @guarded
    def today(self, now: datetime) -> TodayCounts:
        """Counts left today in this session's scope, with the daily limits applied.

        Each count stops at its daily limit, so the cost stays flat however large the backlog.
        """
        db, where, ts = self.store.db, self._where, now.timestamp()
        day_start, version = self._day_bounds(now)[0], self.store.data_version()
        done_reviews = self.store.answered_on_day(day_start, Phase.REVIEW, version)
        reviews_left = max(0, self.settings.reviews_per_day - done_reviews)
        new_left = max(
            0, self.settings.new_per_day - self.store.answered_on_day(day_start, Phase.NEW, version)
        )
        ahead = ts + LEARN_AHEAD.total_seconds()
        return TodayCounts(
            learning=queries.count_due(db, where, ahead, ts, (Phase.LEARNING, Phase.RELEARNING)),
            due=queries.count_due(db, where, ts, ts, (Phase.REVIEW,), reviews_left),
            new=queries.count_new(db, where, ts, new_left),
        )

    @guarded
    def deck_counts(self, now: datetime) -> list[DeckCounts]:
        """Per-deck totals (new, learning, due, learned, suspended) in this session's scope."""
        return queries.deck_counts(self.store.db, self._where, now.timestamp())

    # -- answering -------------------------------------------------------------------------------

    @guarded
    def state(self, unit: StudyUnit) -> MemoryState:
        return self.store.state(unit.uid)

    @guarded
    def preview_intervals(self, unit: StudyUnit, now: datetime) -> dict[Rating, timedelta]:
        """The interval each allowed rating would give (two ratings in pass/fail mode)."""
        return self.adapter.preview(self.store.state(unit.uid), now)

    @guarded
    def answer(
        self, unit: StudyUnit, rating: Rating, now: datetime, answer_ms: int = 0
    ) -> AnswerResult:
        """Record an answer; it is committed to disk before this returns."""
        require_utc(now)
        if self._params_id is None:
            self._params_id = self.store.params_id(self.settings, now.timestamp())
        day_start, next_day = self._day_bounds(now)
        kin = self.kin(unit)
        bury_until = next_day if kin or unit.sibling_key in self._with_siblings else None
        threshold = self.settings.leech_threshold

        def schedule(before: MemoryState) -> tuple[MemoryState, bool]:
            after = self.adapter.review(before, rating, now, self.rng)
            return after, is_leech(before, after, threshold)

        done = log.record_answer(
            self.store,
            unit,
            rating,
            now,
            answer_ms,
            schedule=schedule,
            params_id=self._params_id,
            bury_until=bury_until,
            session=self.session_id,
            kin=kin,
        )
        self._history.append(done.review_id)
        self.store.count_answer(day_start, done.before.phase, 1)
        if done.before.phase == Phase.REVIEW:
            self._exams.count_answer(unit.deck_id, done.before, day_start)
        after = done.after
        assert after.due is not None
        due = datetime.fromtimestamp(after.due, UTC)
        return AnswerResult(
            done.review_id, unit.uid, rating, due, due - now, _PHASES[after.phase], done.leech
        )

    def kin(self, unit: StudyUnit) -> list[str]:
        """The units of other cards that quote `unit`'s source sentence (worked out over the
        loaded decks at the first answer, not at start: most starts answer nothing)."""
        if self._quote_groups is None:
            self._quote_groups = quote_groups(self.loaded)
        return quote_kin(unit, self._quote_groups)

    @guarded
    def undo(self, now: datetime) -> StudyUnit | None:
        """Take back this session's last answer; return its unit (to show again) or None.

        Several undos walk back through the session. Siblings the answer buried come back
        (ones buried by hand stay buried). An answer another process has built on since cannot
        be undone and is skipped.
        """
        while self._history:
            uid = log.undo_review(self.store, self._history.pop(), now.timestamp())
            if uid is not None:
                self.store.forget_day_counts()
                return self.units.get(uid)
        return None

    @guarded
    def suspend(self, unit: StudyUnit, now: datetime) -> None:
        log.set_suspended(self.store, [unit.uid], True, now.timestamp())

    @guarded
    def unsuspend(self, unit: StudyUnit, now: datetime) -> None:
        log.set_suspended(self.store, [unit.uid], False, now.timestamp())

    @guarded
    def bury(self, unit: StudyUnit, now: datetime) -> None:
        """Hide a unit until the next study day."""
        log.bury(self.store, [unit.uid], (self.day_start(now) + timedelta(days=1)).timestamp())

    @guarded
    def leeches(self) -> list[StudyUnit]:
        """Units suspended as leeches, for a list the student can work through."""
        return [self.units[uid] for uid in queries.leech_uids(self.store.db) if uid in self.units]

    # -- exams -----------------------------------------------------------------------------------

    @guarded
    def set_exam(self, deck_id: str, exam_date: date | None, now: datetime) -> None:
        """Set (or clear with None) a deck's exam date."""
        self._exams.set_exam(deck_id, exam_date, now)

    @guarded
    def exam_status(self, deck_id: str, now: datetime) -> ExamStatus | None:
        """The deck's exam and how many of its units are at risk, or None without an exam."""
        return self._exams.status(deck_id, now, self._day_bounds(now)[0])

    def _review_ahead(self, now: datetime) -> StudyUnit | None:
        for uids in self._exams.ahead_candidates(now, self._day_bounds(now)[0]):
            found = self._first_known(uids)
            if found is not None:
                return found
        return None

    # -- cram ------------------------------------------------------------------------------------

    def cram(self, units: Sequence[StudyUnit] | None = None) -> Cram:
        """A practice run over `units` (default: this session's) that never touches the store."""
        return Cram(list(units) if units is not None else list(self.units.values()), self.rng)


def _sibling_keys_shared(units: Sequence[StudyUnit]) -> frozenset[str]:
    """Sibling keys with more than one unit: only their answers need to bury anything."""
    # attribute reads, not a call per unit: a 100,000-unit collection runs this at every start
    counts = Counter([unit.family or unit.card.id for unit in units])
    if len(counts) == len(units):
        return frozenset()
    return frozenset(key for key, count in counts.items() if count > 1)


def _in_scope(unit: StudyUnit, scope: Scope) -> bool:
    if scope.deck_ids is not None and unit.deck_id not in scope.deck_ids:
        return False
    return scope.uids is None or unit.uid in scope.uids
