"""The JSON Schema of deck format v2, generated from the model (never written by hand)."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from quizapp.decks.fields import DERIVED_CARD_FIELDS
from quizapp.model.cards import CARD_ID_PATTERN, CARD_TYPES, DeckDocument
from quizapp.model.facts import NAMED_TYPES

SCHEMA_ID = "https://quizapp.invalid/deck-format/v2/schema.json"


def deck_schema() -> dict[str, Any]:
    """The schema, with the facts msgspec cannot know: `kind` may be left out for basic cards,
    a written card's id has no `/` (drawn cards' ids do), an alias may be plain text, a deck
    holds cards, facts or both, and what the loader derives (id, category) may be left out."""
    schema: dict[str, Any] = msgspec.json.schema(DeckDocument)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "quizapp deck (format v2; every v1 deck is a v2 deck)"
    defs = schema["$defs"]
    for cls in CARD_TYPES.values():
        card = defs[cls.__name__]
        card["required"] = [n for n in card["required"] if n not in DERIVED_CARD_FIELDS]
        card["description"] += (
            " `id` may be left out (derived from the card's text) and `category` too (taken"
            " from the answer's shape)."
        )
    basic = defs["BasicCard"]
    basic["required"] = [name for name in basic["required"] if name != "kind"]
    basic["description"] += " `kind` may be left out: a card with a question is basic."
    for card_type in CARD_TYPES.values():
        defs[card_type.__name__]["properties"]["id"]["pattern"] = CARD_ID_PATTERN
    for fact_type in NAMED_TYPES:
        aliases = defs[fact_type.__name__]["properties"]["aliases"]
        aliases["items"] = {"anyOf": [{"type": "string", "minLength": 1}, aliases["items"]]}
    defs["DeckDocument"]["anyOf"] = [{"required": ["cards"]}, {"required": ["facts"]}]
    return schema


def deck_schema_json() -> str:
    """The schema as stable, reviewable JSON text."""
    return json.dumps(deck_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
