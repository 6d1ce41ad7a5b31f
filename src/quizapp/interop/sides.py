"""Every card kind as plain front/back text, for CSV, Markdown and printed quizzes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quizapp.model.cards import (
    BasicCard,
    Card,
    ChoiceCard,
    ClozeCard,
    MatchCard,
    OrderCard,
    TypedCard,
)
from quizapp.model.units import CLOZE_PATTERN


def cloze_front(text: str) -> str:
    """The cloze sentence with each deletion shown as `[...]` (or `[hint]`)."""

    def blank(match: object) -> str:
        _answer, sep, hint = match.group(1).partition("::")  # type: ignore[attr-defined]
        return f"[{hint}]" if sep else "[...]"

    return CLOZE_PATTERN.sub(blank, text)


def cloze_back(text: str) -> str:
    """The cloze sentence with the answers filled in."""
    return CLOZE_PATTERN.sub(lambda m: m.group(1).partition("::")[0], text)


def ordered_items(card: OrderCard) -> list[str]:
    return [f"{item.date}: {item.text}" for item in sorted(card.items, key=lambda i: i.date)]


Options = Mapping[str, Sequence[str]]
"""A choice card's options by card id, for cards whose deck lists no `choices` (the exporter
draws distractors as the app would, seeded, so a file never gives the answer away)."""


def plain_sides(card: Card, options: Options | None = None) -> tuple[str, str]:
    """(front, back) as plain text, one card whatever its kind."""
    if isinstance(card, ClozeCard):
        return cloze_front(card.text), cloze_back(card.text)
    if isinstance(card, ChoiceCard):
        drawn = options.get(card.id, ()) if options is not None and not card.choices else ()
        shown = sorted({card.answer, *card.choices, *drawn})
        return card.question + "\n" + "\n".join(f"- {o}" for o in shown), card.answer
    if isinstance(card, (BasicCard, TypedCard)):
        return card.question, card.answer
    if isinstance(card, OrderCard):
        shown = sorted(item.text for item in card.items)
        return card.prompt + "\n" + "\n".join(f"- {t}" for t in shown), "\n".join(
            ordered_items(card)
        )
    if isinstance(card, MatchCard):
        lefts = "\n".join(f"- {p.left}" for p in card.pairs)
        return card.prompt + "\n" + lefts, "\n".join(f"{p.left} = {p.right}" for p in card.pairs)
    raise TypeError(f"unknown card type {type(card).__name__}")  # pragma: no cover


def kind_of(card: Card) -> str:
    """The card's `kind` as written in decks."""
    return str(card.__struct_config__.tag)
