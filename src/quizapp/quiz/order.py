"""Timeline questions: shuffle events, let the student reorder them, check against the dates."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.model.cards import OrderItem
from quizapp.model.progress import Rating


def sort_key(date: str) -> tuple[int, int, int]:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a tuple; a missing month or day sorts first."""
    parts = [int(p) for p in date.split("-")]
    parts += [0] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def shuffled(items: Sequence[OrderItem], rng: random.Random) -> list[int]:
    """Indexes of `items` in a random order that is not already chronological (when possible)."""
    order = list(range(len(items)))
    keys = [sort_key(item.date) for item in items]
    if len(set(keys)) < 2:
        return order
    for _ in range(20):
        rng.shuffle(order)
        if not is_chronological(items, order):
            return order
    return order[::-1]


def is_chronological(items: Sequence[OrderItem], order: Sequence[int]) -> bool:
    keys = [sort_key(items[i].date) for i in order]
    return all(a <= b for a, b in itertools.pairwise(keys))


def move(order: Sequence[int], position: int, delta: int) -> tuple[list[int], int]:
    """Move the item at `position` by `delta` places; returns the new order and its new place."""
    new = list(order)
    target = max(0, min(len(new) - 1, position + delta))
    new.insert(target, new.pop(position))
    return new, target


@dataclass(frozen=True, slots=True)
class OrderResult:
    """For each position, whether the placed item may stand there; and the right order."""

    placed_ok: tuple[bool, ...]
    solution: tuple[int, ...]

    @property
    def correct(self) -> bool:
        return all(self.placed_ok)

    @property
    def suggested(self) -> Rating:
        right = sum(self.placed_ok)
        if right == len(self.placed_ok):
            return Rating.GOOD
        return Rating.HARD if right * 2 >= len(self.placed_ok) + 1 else Rating.AGAIN


def check_order(items: Sequence[OrderItem], order: Sequence[int]) -> OrderResult:
    """Position by position: an item is right where its date equals the date due there."""
    solution = sorted(range(len(items)), key=lambda i: sort_key(items[i].date))
    placed = tuple(
        sort_key(items[got].date) == sort_key(items[want].date)
        for got, want in zip(order, solution, strict=True)
    )
    return OrderResult(placed, tuple(solution))
