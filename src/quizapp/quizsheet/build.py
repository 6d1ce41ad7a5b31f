"""Choosing and shaping the questions of a printable quiz, reproducibly from a seed.

Cards are drawn round-robin across kinds so a sheet mixes every kind the decks have; within a
kind the order comes from `random.Random(seed)`. The same decks and seed give the same sheet.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from quizapp.interop.sides import cloze_back, cloze_front, kind_of, ordered_items
from quizapp.model.cards import (
    BasicCard,
    Card,
    ChoiceCard,
    ClozeCard,
    Deck,
    MatchCard,
    OrderCard,
    TypedCard,
)
from quizapp.model.units import cloze_deletions

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
KIND_ORDER = ("basic", "typed", "choice", "cloze", "order", "match")
INSTRUCTIONS = {
    "basic": "Answer briefly.",
    "typed": "Write the exact name or term.",
    "choice": "Circle one answer.",
    "cloze": "Fill in the blanks.",
    "order": "Number the events in chronological order (1 = earliest).",
    "match": "Match each item on the left with a letter on the right.",
}


@dataclass(frozen=True)
class Question:
    """One printed question: its text, optional lettered options, and the key's answer."""

    card_id: str
    kind: str
    instruction: str
    prompt: str
    answer: str
    lines: tuple[str, ...] = ()  # numbered items (order, match left sides)
    options: tuple[str, ...] = ()  # lettered options (choice, match right sides)


def pick_cards(decks: Sequence[Deck], count: int, rng: random.Random) -> list[Card]:
    """Up to `count` cards, alternating kinds, shuffled within each kind."""
    by_kind: dict[str, list[Card]] = defaultdict(list)
    for deck in decks:
        for card in deck.cards:
            by_kind[kind_of(card)].append(card)
    for cards in by_kind.values():
        rng.shuffle(cards)
    kinds = [k for k in KIND_ORDER if by_kind.get(k)]
    picked: list[Card] = []
    while len(picked) < count and any(by_kind[k] for k in kinds):
        for kind in kinds:
            if by_kind[kind] and len(picked) < count:
                picked.append(by_kind[kind].pop())
    return picked


def _answers_by_category(decks: Sequence[Deck]) -> dict[str, list[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for deck in decks:
        for card in deck.cards:
            if isinstance(card, (BasicCard, TypedCard, ChoiceCard)):
                found[card.category.value].add(card.answer)
    return {k: sorted(v) for k, v in found.items()}


def question_for(card: Card, rng: random.Random, pool: dict[str, list[str]]) -> Question:
    """Shape one card as a printed question."""
    kind = kind_of(card)
    make = partial(Question, card.id, kind, INSTRUCTIONS[kind])
    if isinstance(card, ChoiceCard):
        given = sorted({c for c in card.choices if c != card.answer})
        wrong = given or [a for a in pool.get(card.category.value, []) if a != card.answer]
        options = [card.answer, *rng.sample(wrong, min(3, len(wrong)))]
        rng.shuffle(options)
        letter = LETTERS[options.index(card.answer)]
        return make(prompt=card.question, answer=f"{letter}) {card.answer}", options=tuple(options))
    if isinstance(card, BasicCard):
        if card.reverse and rng.random() < 0.5:
            return make(prompt=card.answer, answer=card.question)
        return make(prompt=card.question, answer=card.answer)
    if isinstance(card, TypedCard):
        return make(prompt=card.question, answer=card.answer)
    if isinstance(card, ClozeCard):
        answers = "; ".join(answer for answer, _hint in cloze_deletions(card.text))
        return make(prompt=cloze_front(card.text), answer=f"{answers} — {cloze_back(card.text)}")
    if isinstance(card, OrderCard):
        shown = [item.text for item in card.items]
        rng.shuffle(shown)
        return make(prompt=card.prompt, answer="; ".join(ordered_items(card)), lines=tuple(shown))
    if isinstance(card, MatchCard):
        rights = [pair.right for pair in card.pairs]
        rng.shuffle(rights)
        key = ", ".join(
            f"{n}-{LETTERS[rights.index(pair.right)]}" for n, pair in enumerate(card.pairs, 1)
        )
        return make(
            prompt=card.prompt,
            answer=key,
            lines=tuple(p.left for p in card.pairs),
            options=tuple(rights),
        )
    raise TypeError(f"unknown card type {type(card).__name__}")  # pragma: no cover


def build_quiz(decks: Sequence[Deck], count: int, seed: int) -> list[Question]:
    """The quiz's questions for these decks, `count` at most, reproducible by `seed`."""
    rng = random.Random(seed)
    pool = _answers_by_category(decks)
    return [question_for(card, rng, pool) for card in pick_cards(decks, count, rng)]
