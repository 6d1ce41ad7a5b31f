"""Spaced repetition: the FSRS adapter, study queues, exam review-ahead and cram sessions.

The UI's entry point is `quizapp.scheduling.session.StudySession` (also importable from here;
it is loaded lazily because it depends on `quizapp.store`, which depends on the adapter).
"""

from typing import Any

from quizapp.scheduling.cram import CramSession
from quizapp.scheduling.fsrs_adapter import (
    FsrsAdapter,
    MemoryState,
    Phase,
    Rating,
    SchedulerConfig,
)

_SESSION_NAMES = ("AnswerResult", "ExamStatus", "StudySession", "TodayCounts")

__all__ = [
    "AnswerResult",
    "CramSession",
    "ExamStatus",
    "FsrsAdapter",
    "MemoryState",
    "Phase",
    "Rating",
    "SchedulerConfig",
    "StudySession",
    "TodayCounts",
]


def __getattr__(name: str) -> Any:
    if name in _SESSION_NAMES:
        from quizapp.scheduling import session

        return getattr(session, name)
    raise AttributeError(name)
