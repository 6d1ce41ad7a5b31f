"""Proposed facts → a deck file's `facts:`, merged with what an instructor already decided.

A fact's id is a hash of its document, kind, key and sentence, so the same proposal gets the
same id on every run. Re-running keeps every fact whose `status` is `reviewed` (or absent) or
`rejected` exactly as it is: a rejected fact stays in the file, draws no cards, and is never
proposed again (`quizapp` triage marks a fact rejected by setting its status). Generated facts
whose text changed are refreshed; facts no longer proposed are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from quizapp.generate.typed import Proposal

FACT_KEY_ORDER = (
    "id",
    "type",
    "status",
    "confidence",
    "name",
    "acronym",
    "what",
    "relation",
    "from",
    "to",
    "authority",
    "list",
    "target",
    "action",
    "claim",
    "by",
    "date",
    "as_of",
    "place",
    "actors",
    "figures",
    "aliases",
    "roles",
    "sources",
)
_REFERENCES = ("from", "to", "target", "actors", "place", "by")


@dataclass
class FactReport:
    """What a run changed, fact id by fact id."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_reviewed: list[str] = field(default_factory=list)
    kept_rejected: list[str] = field(default_factory=list)
    below_confidence: int = 0

    def lines(self, limit: int = 40) -> list[str]:
        out = [
            f"facts: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.kept_reviewed)} reviewed kept as they "
            f"are, {len(self.kept_rejected)} rejected kept (not proposed again), "
            f"{self.below_confidence} below --min-confidence left out"
        ]
        changes = [f"  + {i}" for i in self.added] + [f"  ~ {i}" for i in self.updated]
        if len(changes) > limit:
            changes = [*changes[:limit], f"  \u2026 and {len(changes) - limit} more"]
        return out + changes


def ordered(fact: dict[str, Any]) -> dict[str, Any]:
    known = {key: fact[key] for key in FACT_KEY_ORDER if key in fact}
    known.update({key: value for key, value in fact.items() if key not in known})
    return known


def as_fact(proposal: Proposal) -> dict[str, Any]:
    """The proposal as a deck-file fact: `status: generated` and its confidence."""
    fact = dict(proposal.fact)
    fact["status"] = "generated"
    fact["confidence"] = round(proposal.confidence, 2)
    return ordered(fact)


def _references(fact: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for key in _REFERENCES:
        value = fact.get(key)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            found.extend(str(item) for item in value)
    return found


def select(proposals: Sequence[Proposal], minimum: float) -> tuple[list[Proposal], int]:
    """Proposals at or above `minimum`, and those whose referenced facts are kept too."""
    kept = {p.id: p for p in proposals if p.confidence >= minimum}
    changed = True
    while changed:
        changed = False
        for ident, proposal in list(kept.items()):
            if any(ref not in kept for ref in _references(proposal.fact)):
                del kept[ident]
                changed = True
    chosen = [p for p in proposals if p.id in kept]
    return chosen, len(proposals) - len(chosen)


def merge_facts(
    deck: dict[str, Any], proposals: Sequence[Proposal], report: FactReport
) -> dict[str, Any]:
    """`deck` with the proposals merged into its `facts:` (see the module docstring)."""
    facts: list[Any] = list(deck.get("facts") or [])
    index = {f.get("id"): i for i, f in enumerate(facts) if isinstance(f, dict)}
    for proposal in proposals:
        fact = as_fact(proposal)
        position = index.get(proposal.id)
        if position is None:
            index[proposal.id] = len(facts)
            facts.append(fact)
            report.added.append(proposal.id)
            continue
        current = facts[position]
        status = current.get("status", "reviewed")
        if status == "rejected":
            report.kept_rejected.append(proposal.id)
        elif status != "generated":
            report.kept_reviewed.append(proposal.id)
        elif ordered(current) == fact:
            report.unchanged.append(proposal.id)
        else:
            facts[position] = fact
            report.updated.append(proposal.id)
    out = {key: value for key, value in deck.items() if key != "cards"}
    out["facts"] = facts
    if deck.get("cards"):
        out["cards"] = deck["cards"]
    return out
