"""A student's progress in numbers, for `quizapp stats` and the UI's overview."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from quizapp.model.cards import Deck
from quizapp.store import queries
from quizapp.store.history import reviews_since
from quizapp.study.session import StudySession


def progress_summary(session: StudySession, decks: Sequence[Deck], now: datetime) -> dict[str, Any]:
    """Totals and a per-deck breakdown; `due_now` ignores daily limits, `new_available` not."""
    counts = {c.deck_id: c for c in session.deck_counts(now)}
    today = session.today(now)
    per_deck: list[dict[str, Any]] = []
    for deck in decks:
        c = counts.get(deck.id)
        exam = session.exam_status(deck.id, now)
        per_deck.append(
            {
                "id": deck.id,
                "title": deck.title,
                "cards": deck.card_count,
                "units": c.total if c else 0,
                "due_now": c.due if c else 0,
                "new": c.new if c else 0,
                "learning": c.learning if c else 0,
                "learned": c.learned if c else 0,
                "suspended": c.suspended if c else 0,
                "exam_date": exam.exam_date.isoformat() if exam else None,
                "exam_at_risk": exam.at_risk if exam else None,
            }
        )
    day = session.day_start(now).timestamp()
    reviews_today = reviews_since(session.store, day)
    leeches = queries.leech_count(session.store.db)
    return {
        "reviews_total": session.store.reviews_total(),
        "reviews_today": reviews_today,
        "cards_total": sum(d.card_count for d in decks),
        "units_total": sum(c.total for c in counts.values()),
        "due_now": sum(c.due for c in counts.values()),
        "new_available": today.new,
        "new_total": sum(c.new for c in counts.values()),
        "learning": sum(c.learning for c in counts.values()),
        "suspended": sum(c.suspended for c in counts.values()),
        "leeches": leeches,
        "new_per_day": session.settings.new_per_day,
        "desired_retention": session.settings.desired_retention,
        "decks": per_deck,
    }
