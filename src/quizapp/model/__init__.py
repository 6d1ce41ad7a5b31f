"""Pure domain values: cards, decks, study units, ratings and memory states."""

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
from quizapp.model.progress import NEW_STATE, MemoryState, Phase, Rating
from quizapp.model.units import StudyUnit, cloze_deletions, units_of

__all__ = [
    "CARD_TYPES",
    "NEW_STATE",
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
    "MemoryState",
    "OrderCard",
    "OrderItem",
    "Phase",
    "Rating",
    "Source",
    "Status",
    "StudyUnit",
    "TypedCard",
    "cloze_deletions",
    "units_of",
]
