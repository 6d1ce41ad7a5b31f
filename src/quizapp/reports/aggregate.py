"""Aggregating many students' summaries into what the class finds hard.

Pure functions over decoded summaries: one pass over every unit row, counters in dicts. For each
unit: how many students saw it, reviews, lapses, how many last answered Again. Retention per deck
and category is the share of reviewed units whose last answer was not Again, with the mean
estimated retrievability beside it when the scheduler provided one. A student is at risk when
their retention is below a threshold over enough reviewed units.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from quizapp.reports.summary import SummaryBody, SummaryError, created_at, decode_summary
from quizapp.safety.files import UnreadableFile, read_regular

AGAIN = 1
FUTURE_SLACK = dt.timedelta(days=1)
MAX_SUMMARY_BYTES = 32 * 1024 * 1024  # a 100,000-unit summary is about 6 MB


@dataclass(frozen=True, slots=True)
class Rejected:
    """A file left out of the report, and why."""

    path: Path
    reason: str


def read_summaries(
    paths: Sequence[Path],
    advance: Callable[[], None] | None = None,
    now: dt.datetime | None = None,
) -> tuple[list[SummaryBody], list[Rejected]]:
    """Decode every file; bad ones are returned as Rejected, never raised.

    A summary made after `now` (plus a day of clock skew) is rejected: its date would win
    every duplicate. Only regular files of at most MAX_SUMMARY_BYTES are read (a FIFO or a
    link to /dev/zero among hand-ins is rejected, not waited on or read forever)."""
    bodies: list[SummaryBody] = []
    rejected: list[Rejected] = []
    for path in paths:
        try:
            data = read_regular(path, MAX_SUMMARY_BYTES)
        except UnreadableFile as error:
            rejected.append(Rejected(path, error.reason))
        else:
            try:
                body = decode_summary(data)
                if now is not None and created_at(body) > now + FUTURE_SLACK:
                    raise SummaryError(f"'created' is in the future: {body.created}")
                bodies.append(body)
            except SummaryError as error:
                rejected.append(Rejected(path, str(error)))
        if advance is not None:
            advance()
    return bodies, rejected


@dataclass(slots=True)
class Tally:
    """Counters for one unit, deck or category."""

    students: int = 0
    reviews: int = 0
    lapses: int = 0
    reviewed: int = 0
    failed_last: int = 0
    r_sum: float = 0.0
    r_count: int = 0

    @property
    def retention(self) -> float | None:
        """Share of reviewed rows whose last answer was not Again."""
        return 1.0 - self.failed_last / self.reviewed if self.reviewed else None

    @property
    def mean_retrievability(self) -> float | None:
        return self.r_sum / self.r_count if self.r_count else None

    @property
    def lapse_rate(self) -> float | None:
        return self.lapses / self.reviews if self.reviews else None


@dataclass(frozen=True, slots=True)
class UnitRow:
    uid: str
    deck: str
    category: str
    tally: Tally
    question: str | None = None
    """The unit's question, when the report was given the decks (`report --decks DIR`)."""

    @property
    def name(self) -> str:
        """How the report names the unit: its question when known, else its id."""
        return self.question if self.question is not None else self.uid


def with_questions(report: ClassReport, questions: Mapping[str, str]) -> ClassReport:
    """The report with each hardest unit named by its question (units the decks no longer
    have keep their id)."""
    rows = [replace(row, question=questions.get(row.uid)) for row in report.hardest]
    return replace(report, hardest=rows)


@dataclass(frozen=True, slots=True)
class StudentRow:
    student: str
    tally: Tally


@dataclass(slots=True)
class ClassReport:
    """Everything the report shows."""

    students: int
    hardest: list[UnitRow] = field(default_factory=list)
    decks: dict[str, Tally] = field(default_factory=dict)
    categories: dict[str, Tally] = field(default_factory=dict)
    at_risk: list[StudentRow] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def latest_per_student(bodies: Iterable[SummaryBody]) -> tuple[list[SummaryBody], list[str]]:
    """One summary per student (the most recent); the ids that were handed in twice."""
    by_student: dict[str, SummaryBody] = {}
    duplicates: set[str] = set()
    for body in bodies:
        seen = by_student.get(body.student)
        if seen is not None:
            duplicates.add(body.student)
            if created_at(seen) >= created_at(body):
                continue
        by_student[body.student] = body
    return list(by_student.values()), sorted(duplicates)


def aggregate(
    bodies: Iterable[SummaryBody],
    *,
    top: int = 20,
    min_students: int = 2,
    risk_threshold: float = 0.7,
    min_reviewed: int = 10,
) -> ClassReport:
    """Aggregate summaries (one per student after `latest_per_student`)."""
    kept, duplicates = latest_per_student(bodies)
    units: dict[str, tuple[str, str, Tally]] = {}
    decks: dict[str, Tally] = {}
    categories: dict[str, Tally] = {}
    students: list[StudentRow] = []
    for body in kept:
        mine = Tally(students=1)
        for row in body.units:
            if not row.reviews:
                continue
            entry = units.get(row.uid)
            if entry is None:
                entry = units[row.uid] = (row.deck, row.category, Tally())
            failed = row.last_rating == AGAIN
            r = row.retrievability
            for tally in (
                entry[2],
                decks.setdefault(row.deck, Tally()),
                categories.setdefault(row.category or "(none)", Tally()),
                mine,
            ):
                tally.reviews += row.reviews
                tally.lapses += row.lapses
                tally.reviewed += 1
                tally.failed_last += failed
                if r is not None:
                    tally.r_sum += r
                    tally.r_count += 1
            entry[2].students += 1
        students.append(StudentRow(body.student, mine))
    for tally in decks.values():
        tally.students = len(kept)
    for tally in categories.values():
        tally.students = len(kept)
    hardest = [
        UnitRow(uid, deck, category, tally)
        for uid, (deck, category, tally) in units.items()
        if tally.students >= min_students
    ]
    hardest.sort(key=_difficulty, reverse=True)
    at_risk = [
        s
        for s in students
        if s.tally.reviewed >= min_reviewed and (s.tally.retention or 0.0) < risk_threshold
    ]
    at_risk.sort(key=lambda s: (s.tally.retention or 0.0, s.student))
    return ClassReport(
        students=len(kept),
        hardest=hardest[:top],
        decks=dict(sorted(decks.items())),
        categories=dict(sorted(categories.items())),
        at_risk=at_risk,
        duplicates=duplicates,
    )


def _difficulty(row: UnitRow) -> tuple[float, float, int, str]:
    """Failed-last share first, then lapses per review, then how many students saw it."""
    t = row.tally
    return (1.0 - (t.retention or 0.0), t.lapse_rate or 0.0, t.students, row.uid)
