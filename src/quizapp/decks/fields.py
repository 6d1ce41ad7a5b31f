"""Which fields each part of a deck may have, derived from the model so there is one truth."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import msgspec

from quizapp.model.cards import CARD_TYPES, DeckDocument


def _required(cls: type[msgspec.Struct]) -> tuple[str, ...]:
    return tuple(f.name for f in msgspec.structs.fields(cls) if f.required)


CARD_FIELDS: dict[str, frozenset[str]] = {
    kind: frozenset(cls.__struct_fields__) | {"kind"} for kind, cls in CARD_TYPES.items()
}
# A deck file may leave these out: the loader derives the id from the card's text
# (decks/ids.py) and the category from the answer's shape (model/shapes.py).
DERIVED_CARD_FIELDS = frozenset({"id", "category"})
REQUIRED_CARD_FIELDS: dict[str, tuple[str, ...]] = {
    kind: tuple(f for f in _required(cls) if f not in DERIVED_CARD_FIELDS)
    for kind, cls in CARD_TYPES.items()
}
ALL_CARD_FIELDS: frozenset[str] = frozenset().union(*CARD_FIELDS.values())
DECK_FIELDS: frozenset[str] = frozenset(DeckDocument.__struct_fields__)
REQUIRED_DECK_FIELDS: tuple[str, ...] = _required(DeckDocument)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest known word, when one is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
