"""The JSON Schema of deck format v1, generated from the model (never written by hand)."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from quizapp.decks.fields import DERIVED_CARD_FIELDS
from quizapp.model.cards import CARD_TYPES, DeckDocument

SCHEMA_ID = "https://quizapp.invalid/deck-format/v1/schema.json"


def deck_schema() -> dict[str, Any]:
    """The schema, with the facts msgspec cannot know: what the loader derives may be left out."""
    schema: dict[str, Any] = msgspec.json.schema(DeckDocument)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "quizapp deck (format v1)"
    for cls in CARD_TYPES.values():
        card = schema["$defs"][cls.__name__]
        card["required"] = [n for n in card["required"] if n not in DERIVED_CARD_FIELDS]
        card["description"] += (
            " `id` may be left out (derived from the card's text) and `category` too (taken"
            " from the answer's shape)."
        )
    basic = schema["$defs"]["BasicCard"]
    basic["required"] = [name for name in basic["required"] if name != "kind"]
    basic["description"] += " `kind` may be left out: a card with a question is basic."
    return schema


def deck_schema_json() -> str:
    """The schema as stable, reviewable JSON text."""
    return json.dumps(deck_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
