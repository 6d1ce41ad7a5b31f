"""Small builders shared by the scheduling and store tests."""

from __future__ import annotations

from datetime import UTC, datetime

from quizapp.model.cards import BasicCard, Card, Category, ClozeCard, Source
from quizapp.model.units import StudyUnit, units_of

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
SOURCE = Source(doc="doc.md", quote="A sentence.")


def source_of(card_id: str) -> Source:
    """A sentence of its own for each card: cards quoting one sentence are buried together."""
    return Source(doc="doc.md", quote=f"A sentence about {card_id}.")


def basic(
    card_id: str,
    *,
    reverse: bool = False,
    category: Category = Category.CONCEPT,
    tags: tuple[str, ...] = (),
    revision: int = 0,
    question: str | None = None,
) -> BasicCard:
    return BasicCard(
        id=card_id,
        category=category,
        source=source_of(card_id),
        tags=tags,
        revision=revision,
        question=question or f"Question {card_id}?",
        answer=f"Answer {card_id}",
        reverse=reverse,
    )


def cloze(card_id: str, text: str) -> ClozeCard:
    return ClozeCard(id=card_id, category=Category.CONCEPT, source=source_of(card_id), text=text)


def units(cards: list[Card], deck_id: str = "deck") -> list[StudyUnit]:
    return [unit for card in cards for unit in units_of(card, deck_id)]
