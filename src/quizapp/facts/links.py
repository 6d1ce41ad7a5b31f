"""How a deck file's facts stand to each other, for questions with one right answer."""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.model.dates import FuzzyDate
from quizapp.model.facts import EventFact, Fact, RelationFact, RelationKind


def moment(fact: EventFact) -> tuple[str, str | None]:
    """When and where an event happened, as its `what` question says them."""
    date = FuzzyDate.parse(fact.date).spoken() if fact.date else ""
    return date, fact.place


def relation_keys(fact: RelationFact) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """Keys of the relations sharing this one's `to` side, and sharing its `from` side."""
    return (fact.relation, "to", fact.to), (fact.relation, "from", frozenset(fact.from_))


def rename_groups(facts: Sequence[Fact]) -> dict[str, frozenset[str]]:
    """For each fact renamed (or renamed to), every fact id of its chain of renamings."""
    parent: dict[str, str] = {}

    def root(fact_id: str) -> str:
        while parent.get(fact_id, fact_id) != fact_id:
            fact_id = parent[fact_id]
        return fact_id

    for fact in facts:
        if isinstance(fact, RelationFact) and fact.relation is RelationKind.RENAME:
            for old in fact.from_:
                parent[root(old)] = root(fact.to)
    chains: dict[str, set[str]] = {}
    for fact_id in list(parent) + [p for p in parent.values()]:
        chains.setdefault(root(fact_id), set()).add(fact_id)
    return {fact_id: frozenset(chain) for chain in chains.values() for fact_id in chain}
