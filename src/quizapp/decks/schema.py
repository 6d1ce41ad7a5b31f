"""The JSON Schema of deck format v1, generated from the model (never written by hand)."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from quizapp.model.cards import DeckDocument

SCHEMA_ID = "https://quizapp.invalid/deck-format/v1/schema.json"


def deck_schema() -> dict[str, Any]:
    """The schema, with the facts msgspec cannot know: `kind` may be left out for basic cards."""
    schema: dict[str, Any] = msgspec.json.schema(DeckDocument)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "quizapp deck (format v1)"
    basic = schema["$defs"]["BasicCard"]
    basic["required"] = [name for name in basic["required"] if name != "kind"]
    basic["description"] += " `kind` may be left out: a card with a question is basic."
    return schema


def deck_schema_json() -> str:
    """The schema as stable, reviewable JSON text."""
    return json.dumps(deck_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
