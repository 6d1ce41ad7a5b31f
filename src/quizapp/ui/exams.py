"""Exam dates in words: reading the date a student types, and the lines Home shows for exams.

No Textual here: Home calls `exam_lines` on every refresh, and the exam screen is imported only
when it is opened.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from quizapp.safety.terminal import visible

if TYPE_CHECKING:  # Home imports this before the cards load: no study modules for its first paint
    from quizapp.study.context import StudyContext
    from quizapp.study.service import ExamStatus

DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
EXAMPLE = "2026-06-15"
MAX_YEARS_AHEAD = 5
HOME_EXAMS = 2
"""Home's message area is a few lines high: the soonest exams, then a count of the others."""


def parse_exam_date(text: str, today: dt.date) -> dt.date:
    """The exam date typed as YYYY-MM-DD; ValueError with a message for the student otherwise."""
    typed = text.strip()
    if not typed:
        raise ValueError(f"Type the exam date as YYYY-MM-DD, for example {EXAMPLE}.")
    if not DATE_SHAPE.fullmatch(typed):
        raise ValueError(f"'{typed}' is not a date like {EXAMPLE} (YYYY-MM-DD).")
    try:
        exam = dt.date.fromisoformat(typed)
    except ValueError:
        raise ValueError(f"{typed} is not a real date: check the month and the day.") from None
    if exam < today:
        raise ValueError(f"{typed} is in the past: the exam date must be after today ({today}).")
    if exam == today:
        raise ValueError(
            f"{typed} is today: the exam date must be after today. Cram (c) works without one."
        )
    if exam.year > today.year + MAX_YEARS_AHEAD:
        raise ValueError(f"{typed} is more than {MAX_YEARS_AHEAD} years away: check the year.")
    return exam


def days_phrase(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def cards_phrase(count: int) -> str:
    return f"{count} card{'' if count == 1 else 's'}"


def risk_phrase(info: ExamStatus) -> str:
    if info.at_risk == 0:
        return "no cards at risk"
    return f"{cards_phrase(info.at_risk)} at risk"


def exam_lines(context: StudyContext | None, now: dt.datetime) -> list[str]:
    """`Exam for <deck> in 5 days: 12 cards at risk`, soonest first; past exams left out.

    None until the study context is loaded. Plain strings (Home's message is not markup); deck
    titles have control characters shown.
    """
    if context is None:
        return []
    upcoming = [e for e in context.study.exams(now) if e.exam_date >= now.date()]
    lines = [
        f"Exam for {visible(context.deck_title(e.deck_id))} {days_phrase(e.days_left)}: "
        f"{risk_phrase(e)}"
        for e in upcoming[:HOME_EXAMS]
    ]
    if len(upcoming) > HOME_EXAMS:
        more = len(upcoming) - HOME_EXAMS
        lines.append(
            f"… and {more} more exam{'s' if more != 1 else ''} (e on a deck shows its own)."
        )
    return lines
