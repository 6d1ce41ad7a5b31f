"""Proposals → a deck file, merged with what an instructor already has.

Re-running never touches a reviewed card (status `reviewed`, or no status, which means
reviewed): it adds new proposals, refreshes generated ones whose text changed, keeps every
card it no longer proposes, and reports each of those outcomes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizapp.errors import QuizappError
from quizapp.generate.cards import Card

KEY_ORDER = (
    "id",
    "kind",
    "category",
    "tags",
    "status",
    "question",
    "answer",
    "reverse",
    "text",
    "choices",
    "aliases",
    "prompt",
    "items",
    "pairs",
    "explanation",
    "revision",
    "source",
)


@dataclass
class MergeReport:
    """What a run changed, card id by card id."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_reviewed: list[str] = field(default_factory=list)
    kept_missing: list[str] = field(default_factory=list)

    def lines(self, limit: int = 40) -> list[str]:
        """A short human summary, with the new and changed ids listed."""
        out = [
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, "
            f"{len(self.kept_reviewed)} reviewed kept as they are, "
            f"{len(self.kept_missing)} no longer proposed (kept)"
        ]
        changes = [f"  + {card_id}" for card_id in self.added]
        changes += [f"  ~ {card_id}" for card_id in self.updated]
        if len(changes) > limit:
            changes = [*changes[:limit], f"  \u2026 and {len(changes) - limit} more"]
        return out + changes


def ordered(card: Card) -> Card:
    """The card's keys in deck-format order (unknown keys last, so nothing is lost)."""
    known = {key: card[key] for key in KEY_ORDER if key in card}
    known.update({key: value for key, value in card.items() if key not in known})
    return known


def read_existing(path: Path) -> dict[str, Any] | None:
    """An existing deck file as a mapping, None if absent; a clear error if it is not a deck."""
    if not path.exists():
        return None
    import yaml

    from quizapp.safety.files import read_regular

    try:
        data = yaml.safe_load(read_regular(path).decode("utf-8-sig"))
    except (QuizappError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise QuizappError(
            f"{path} exists but cannot be read as a deck ({error}); fix it or choose another -o"
        ) from None
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("cards", []), list):
        raise QuizappError(
            f"{path} exists but is not a deck (a mapping with a `cards` list); "
            "choose another -o so it is not overwritten"
        )
    return data


def merge(
    existing: dict[str, Any] | None, proposals: Sequence[Card], title: str
) -> tuple[dict[str, Any], MergeReport]:
    """The deck to write and what changed; existing cards keep their place and content."""
    report = MergeReport()
    deck: dict[str, Any] = dict(existing or {})
    deck.setdefault("title", title)
    old_cards: list[Any] = list(deck.get("cards") or [])
    index = {card.get("id"): i for i, card in enumerate(old_cards) if isinstance(card, dict)}
    proposed_ids = set()
    for proposal in proposals:
        card_id = proposal["id"]
        proposed_ids.add(card_id)
        position = index.get(card_id)
        if position is None:
            index[card_id] = len(old_cards)
            old_cards.append(ordered(proposal))
            report.added.append(card_id)
            continue
        current = old_cards[position]
        if current.get("status", "reviewed") != "generated":
            report.kept_reviewed.append(card_id)
        elif ordered(current) == ordered(proposal):
            report.unchanged.append(card_id)
        else:
            old_cards[position] = ordered(proposal)
            report.updated.append(card_id)
    report.kept_missing = [
        card["id"]
        for card in old_cards
        if isinstance(card, dict) and card.get("id") not in proposed_ids
    ]
    ordered_deck: dict[str, Any] = {"title": deck.pop("title")}
    for key in ("description", "tags"):
        if key in deck:
            ordered_deck[key] = deck.pop(key)
    deck.pop("cards", None)
    ordered_deck.update(deck)
    ordered_deck["cards"] = old_cards
    return ordered_deck, report


def dump(deck: dict[str, Any]) -> str:
    """YAML text for a deck in the house layout `quizapp fmt` keeps (so a generated deck passes
    `fmt --check` as is): keys in the order given, readable Unicode, never an alias."""
    from quizapp.authoring.fmt import format_data

    return format_data(deck)


def write_deck(path: Path, deck: dict[str, Any]) -> None:
    """Write atomically (a temporary file, then a rename). Merging into an existing deck keeps
    its BOM, line endings, escapes and long lines (lines are not re-wrapped)."""
    from quizapp.decks.style import FileStyle
    from quizapp.safety.files import read_regular, write_atomic

    if not path.exists():
        write_atomic(path, dump(deck))
        return
    try:
        original = read_regular(path).decode("utf-8")
    except UnicodeDecodeError as error:
        raise QuizappError(f"cannot read {path}: {error}") from None
    write_atomic(path, FileStyle.of(original)[1].apply(dump(deck)))
