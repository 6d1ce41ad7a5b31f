"""Pure domain values: cards, decks, study units. Imports nothing from the UI."""

from quizapp.model.cards import (
    CARD_TYPES,
    BasicCard,
    Card,
    CardBase,
    Category,
    ChoiceCard,
    ClozeCard,
    Deck,
    DeckDocument,
    MatchCard,
    MatchPair,
    OrderCard,
    OrderItem,
    Source,
    Status,
    TypedCard,
)
from quizapp.model.units import StudyUnit, cloze_deletions, units_of

__all__ = [
    "CARD_TYPES",
    "BasicCard",
    "Card",
    "CardBase",
    "Category",
    "ChoiceCard",
    "ClozeCard",
    "Deck",
    "DeckDocument",
    "MatchCard",
    "MatchPair",
    "OrderCard",
    "OrderItem",
    "Source",
    "Status",
    "StudyUnit",
    "TypedCard",
    "cloze_deletions",
    "units_of",
]
