"""Study units: what the scheduler schedules.

Most cards are one unit whose id is the card id. A reversed basic card adds `ID/reverse`; a cloze
card with several deletions is one unit per deletion (`ID/c1`, `ID/c2`, ...). Units of one card are
siblings and are not shown on the same day.
"""

from __future__ import annotations

import re

import msgspec

from quizapp.model.cards import BasicCard, Card, ClozeCard

CLOZE_PATTERN = re.compile(r"\{\{(.+?)\}\}", re.DOTALL)


class StudyUnit(msgspec.Struct, frozen=True, gc=False):
    """One schedulable item: a card, seen one way (`variant`)."""

    uid: str
    card: Card
    deck_id: str
    variant: str = ""

    @property
    def sibling_key(self) -> str:
        return self.card.id


def cloze_deletions(text: str) -> list[tuple[str, str | None]]:
    """The `(answer, hint)` of each `{{answer}}` or `{{answer::hint}}` in order."""
    found: list[tuple[str, str | None]] = []
    for match in CLOZE_PATTERN.finditer(text):
        answer, sep, hint = match.group(1).partition("::")
        found.append((answer, hint if sep else None))
    return found


def units_of(card: Card, deck_id: str) -> list[StudyUnit]:
    """The study units a card makes."""
    if isinstance(card, BasicCard) and card.reverse:
        return [
            StudyUnit(card.id, card, deck_id),
            StudyUnit(f"{card.id}/reverse", card, deck_id, "reverse"),
        ]
    if isinstance(card, ClozeCard):
        count = len(cloze_deletions(card.text))
        if count > 1:
            return [
                StudyUnit(f"{card.id}/c{n}", card, deck_id, f"c{n}") for n in range(1, count + 1)
            ]
    return [StudyUnit(card.id, card, deck_id)]
