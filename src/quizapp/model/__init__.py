"""Pure domain values: cards, decks, study units, ratings and memory states.

The names below are found here lazily (PEP 562): importing one module of the model (a warm
start needs `progress` and `digests` to paint Home) does not import all of them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from quizapp.model.dates import FuzzyDate, PartialDate, Precision
    from quizapp.model.facts import (
        FACT_TYPES,
        Alias,
        DesignationAction,
        DesignationFact,
        Dispute,
        EventFact,
        Fact,
        FactBase,
        GroupFact,
        PersonFact,
        PlaceFact,
        RelationFact,
        RelationKind,
        Role,
        StatementFact,
    )
    from quizapp.model.progress import NEW_STATE, MemoryState, Phase, Rating
    from quizapp.model.units import StudyUnit, cloze_deletions, units_of

_HOMES = {
    "CARD_TYPES": "cards",
    "BasicCard": "cards",
    "Card": "cards",
    "CardBase": "cards",
    "Category": "cards",
    "ChoiceCard": "cards",
    "ClozeCard": "cards",
    "Deck": "cards",
    "DeckDocument": "cards",
    "MatchCard": "cards",
    "MatchPair": "cards",
    "OrderCard": "cards",
    "OrderItem": "cards",
    "Source": "cards",
    "Status": "cards",
    "TypedCard": "cards",
    "FuzzyDate": "dates",
    "PartialDate": "dates",
    "Precision": "dates",
    "FACT_TYPES": "facts",
    "Alias": "facts",
    "DesignationAction": "facts",
    "DesignationFact": "facts",
    "Dispute": "facts",
    "EventFact": "facts",
    "Fact": "facts",
    "FactBase": "facts",
    "GroupFact": "facts",
    "PersonFact": "facts",
    "PlaceFact": "facts",
    "RelationFact": "facts",
    "RelationKind": "facts",
    "Role": "facts",
    "StatementFact": "facts",
    "NEW_STATE": "progress",
    "MemoryState": "progress",
    "Phase": "progress",
    "Rating": "progress",
    "StudyUnit": "units",
    "cloze_deletions": "units",
    "units_of": "units",
}

__all__ = [
    "CARD_TYPES",
    "FACT_TYPES",
    "NEW_STATE",
    "Alias",
    "BasicCard",
    "Card",
    "CardBase",
    "Category",
    "ChoiceCard",
    "ClozeCard",
    "Deck",
    "DeckDocument",
    "DesignationAction",
    "DesignationFact",
    "Dispute",
    "EventFact",
    "Fact",
    "FactBase",
    "FuzzyDate",
    "GroupFact",
    "MatchCard",
    "MatchPair",
    "MemoryState",
    "OrderCard",
    "OrderItem",
    "PartialDate",
    "PersonFact",
    "Phase",
    "PlaceFact",
    "Precision",
    "Rating",
    "RelationFact",
    "RelationKind",
    "Role",
    "Source",
    "StatementFact",
    "Status",
    "StudyUnit",
    "TypedCard",
    "cloze_deletions",
    "units_of",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
