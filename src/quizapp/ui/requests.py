"""What a screen asks the app for; the app decides what comes next (screens build no screens).

The lineage and timeline screens stay where they are and post these up: the app opens the drill
(then its summary) or the lineage quiz, and the student comes back to where they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from quizapp.facts.lineage_quiz import LineageQuestion
    from quizapp.model.units import StudyUnit


class StudyNow(Message):
    """Drill these units now (a cram: nothing reaches the schedule), under this title."""

    def __init__(self, units: Sequence[StudyUnit], title: str) -> None:
        super().__init__()
        self.units = units
        self.title = title


class AskLineageQuiz(Message):
    """Ask these lineage questions."""

    def __init__(self, questions: Sequence[LineageQuestion]) -> None:
        super().__init__()
        self.questions = questions
