"""Retired card ids: read from a deck's `retired:` list, and checked against the loaded decks.

A course rebuilt on facts merges duplicate cards and replaces written cards by drawn ones. A
student's reviews must not be lost on the way, so each retired id names the card that replaces
it (`by`); the progress store carries the old card's history over (`store.retire`). An id may be
retired only when no deck still has it, and its replacement must be a card some deck has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from quizapp.decks.problems import Problem
from quizapp.model.cards import Deck, Retirement

Position = tuple[int, int]
Report = Callable[[Position, str, str | None, str | None], None]
_FIELDS = ("id", "by", "reason")


def read_retired(raw: Any, at: Position, report: Report) -> tuple[Retirement, ...]:
    """The deck's `retired:` entries; a bad one is reported and left out."""
    # Imported here: a start-up served from the deck cache reads no YAML.
    from quizapp.decks.reader import YamlList, YamlMap

    if not isinstance(raw, YamlList):
        report(at, "'retired' must be a list of {id, by, reason}", "retired", None)
        return ()
    found: list[Retirement] = []
    for item, item_at in zip(raw, raw.items_at, strict=True):
        if not isinstance(item, YamlMap):
            report(item_at, "a retired entry must be a mapping {id, by, reason}", "retired", None)
            continue
        unknown = [key for key in item if key not in _FIELDS]
        missing = [key for key in _FIELDS if key not in item]
        for key in unknown:
            report(item.keys_at[key], f"unknown field '{key}' in a retired entry", key, None)
        for key in missing:
            report(item_at, f"missing field '{key}' in a retired entry", key, None)
        if unknown or missing:
            continue
        try:
            found.append(msgspec.convert(dict(item), Retirement))
        except msgspec.ValidationError as error:
            report(item_at, f"bad retired entry: {error}", "retired", "ids are card ids")
    return tuple(found)


def retirement_problems(decks: Sequence[Deck]) -> list[Problem]:
    """Retired ids still in use, retired twice, or replaced (directly or through retired ids)
    by a card no deck has."""
    live = {card.id for deck in decks for card in deck.cards}
    final = replacements(decks)
    problems: list[Problem] = []
    seen: set[str] = set()
    for deck in decks:
        for entry in deck.retired:
            message = None
            if entry.id in live:
                message = f"retired id '{entry.id}' is still a card"
            elif entry.id in seen:
                message = f"id '{entry.id}' is retired twice"
            elif final[entry.id] not in live:
                message = f"retired id '{entry.id}' is replaced by '{entry.by}', which no deck has"
            seen.add(entry.id)
            if message is not None:
                problems.append(
                    Problem(file=deck.path, message=message, card_id=entry.id, field="retired")
                )
    return problems


def replacements(decks: Sequence[Deck]) -> dict[str, str]:
    """Each retired card id and the id of the card that now stands for it (chains followed)."""
    direct = {entry.id: entry.by for deck in decks for entry in deck.retired}
    result: dict[str, str] = {}
    for old, new in direct.items():
        hops = 0
        while new in direct and hops < len(direct):
            new, hops = direct[new], hops + 1
        result[old] = new
    return result
