"""Matching questions: left sides in order, right sides shuffled; check the pairs chosen."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quizapp.model.cards import MatchPair
from quizapp.model.progress import Rating
from quizapp.quiz.text import normalize


def shuffled_rights(pairs: Sequence[MatchPair], rng: random.Random) -> list[int]:
    """A display order for the right sides, different from the pairs' order when possible."""
    order = list(range(len(pairs)))
    for _ in range(20):
        rng.shuffle(order)
        if order != sorted(order):
            return order
    return order


@dataclass(frozen=True, slots=True)
class MatchResult:
    """Whether each left side got a right side with the right text."""

    pair_ok: tuple[bool, ...]

    @property
    def correct(self) -> bool:
        return all(self.pair_ok)

    @property
    def suggested(self) -> Rating:
        right = sum(self.pair_ok)
        if right == len(self.pair_ok):
            return Rating.GOOD
        return Rating.HARD if right * 2 >= len(self.pair_ok) + 1 else Rating.AGAIN


def check_match(pairs: Sequence[MatchPair], chosen: Mapping[int, int]) -> MatchResult:
    """`chosen` maps a left index to the index of the pair whose right side was picked.

    Two pairs may share a right side's text; picking either counts.
    """
    ok = tuple(
        i in chosen and normalize(pairs[chosen[i]].right) == normalize(pair.right)
        for i, pair in enumerate(pairs)
    )
    return MatchResult(ok)
