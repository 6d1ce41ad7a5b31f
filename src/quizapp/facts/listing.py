"""Facts as records for `quizapp facts`: what each says, where from, and the cards drawn from it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from quizapp.model.cards import Deck
from quizapp.model.facts import (
    FACT_TYPES,
    DesignationFact,
    Fact,
    RelationFact,
    StatementFact,
    fact_name,
)

TYPE_NAMES: dict[type, str] = {cls: kind for kind, cls in FACT_TYPES.items()}


def fact_records(decks: Sequence[Deck]) -> list[dict[str, Any]]:
    """One JSON-ready record per fact: the contract fields first, then the fact's own fields.

    `cards` are the ids drawn from the fact; `tested_by` the written cards that name it, in any
    deck.
    """
    drawn: dict[str, list[str]] = {}
    written: dict[str, list[str]] = {}
    for deck in decks:
        for card in deck.cards:
            if card.fact is not None and card.id.startswith(card.fact + "/"):
                drawn.setdefault(card.fact, []).append(card.id)
                continue
            for fact_id in (card.fact,) if card.fact else card.facts:
                written.setdefault(fact_id, []).append(card.id)
    records: list[dict[str, Any]] = []
    for deck in decks:
        names = {fact.id: fact_name(fact) for fact in deck.facts}
        for fact in deck.facts:
            record = _record(fact, deck, drawn.get(fact.id, []), written.get(fact.id, []))
            record["summary"] = summary(fact, names)
            records.append(record)
    return records


def summary(fact: Fact, names: dict[str, str]) -> str:
    """One line saying what the fact is: a name, an event, "split: GIA -> GSPC"..."""
    if isinstance(fact, RelationFact):
        parts = " and ".join(names.get(i, i) for i in fact.from_)
        return f"{fact.relation.value}: {parts} \u2192 {names.get(fact.to, fact.to)}"
    if isinstance(fact, DesignationFact):
        target = names.get(fact.target, fact.target)
        return f"{fact.authority} {fact.action.value} {target} ({fact.list_})"
    if isinstance(fact, StatementFact):
        who = names.get(fact.by, fact.by) if fact.by else fact.attributed_to
        return f"{who}: {fact.claim}"
    return fact_name(fact)


def _record(fact: Fact, deck: Deck, drawn: list[str], written: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = msgspec.to_builtins(fact)
    record: dict[str, Any] = {
        "id": fact.id,
        "type": TYPE_NAMES[type(fact)],
        "date": fact.date,
        "as_of": fact.as_of,
        "time_sensitive": fact.time_sensitive,
        "disputed": fields["disputed"],
        "caveat": fact.caveat,
        "sources": fields["sources"],
        "cards": drawn,
        "tested_by": written,
        "deck": deck.id,
    }
    for key, value in fields.items():
        record.setdefault(key, value)
    return record
