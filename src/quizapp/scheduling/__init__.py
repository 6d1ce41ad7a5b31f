"""Spaced repetition: the FSRS adapter, study queues, exam review-ahead and cram sessions.

The UI's entry point is `quizapp.scheduling.session.StudySession` (also importable from here).
Names are loaded on first use: importing one light module of the package must not import
py-fsrs or the store. Ratings, phases and memory states are plain values in `quizapp.model`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.scheduling.cram import CramSession
    from quizapp.scheduling.exam import ExamStatus
    from quizapp.scheduling.fsrs_adapter import FsrsAdapter, SchedulerConfig
    from quizapp.scheduling.session import AnswerResult, StudySession, TodayCounts

_HOMES = {
    "AnswerResult": "session",
    "CramSession": "cram",
    "ExamStatus": "exam",
    "FsrsAdapter": "fsrs_adapter",
    "SchedulerConfig": "fsrs_adapter",
    "StudySession": "session",
    "TodayCounts": "session",
}

__all__ = [
    "AnswerResult",
    "CramSession",
    "ExamStatus",
    "FsrsAdapter",
    "SchedulerConfig",
    "StudySession",
    "TodayCounts",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"quizapp.scheduling.{home}"), name)
