"""Multiple-choice questions whose distractors are the same kind of thing as the answer.

Dates are answered with nearby dates, people with other people, groups with other groups; a
distractor never equals the answer (after normalising) and never repeats. An index built once
per deck set keeps building a question cheap with 100,000 cards (bisect by year, sample by
category) so the next card appears as fast with a big deck set as with a small one.
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quizapp.model.cards import BasicCard, Card, Category, ChoiceCard, TypedCard
from quizapp.model.shapes import shape_category
from quizapp.quiz.text import normalize

YEAR = re.compile(r"(?<!\d)(\d{3,4})(?!\d)")
OPTION_COUNT = 4


@dataclass(frozen=True, slots=True)
class ChoiceQuestion:
    """Options in display order and the index of the right one."""

    options: tuple[str, ...]
    correct: int

    def is_correct(self, picked: int) -> bool:
        return picked == self.correct


def year_of(text: str) -> int | None:
    """The first 3-4 digit number in an answer, taken as its year."""
    match = YEAR.search(text)
    return int(match.group(1)) if match else None


_ANSWERED = (BasicCard, ChoiceCard, TypedCard)


def answer_of(card: Card) -> str | None:
    """The single short answer of a card, when it has one."""
    if isinstance(card, _ANSWERED):
        return card.answer
    return None


@dataclass
class DistractorIndex:
    """Answers grouped by category; dated answers also sorted by year."""

    by_category: dict[Category, list[str]] = field(default_factory=dict)
    dated: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def from_cards(cls, cards: Iterable[Card]) -> DistractorIndex:
        # Built while a 100,000-card collection starts: one pass, no call per card but normalize.
        index = cls()
        seen: dict[Category, set[str]] = {}
        by_category = index.by_category
        for card in cards:
            if not isinstance(card, _ANSWERED):
                continue
            answer = card.answer
            category = card.category
            keys = seen.get(category)
            if keys is None:
                keys = seen[category] = set()
                by_category[category] = []
            key = normalize(answer)
            if key in keys:
                continue
            keys.add(key)
            by_category[category].append(answer)
            if category is Category.DATE:
                year = year_of(answer)
                if year is not None:
                    index.dated.append((year, answer))
        index.dated.sort()
        return index

    def candidates(
        self, category: Category, answer: str, rng: random.Random, want: int
    ) -> list[str]:
        """Up to `want * 3` plausible distractors, nearest first for dates."""
        if category is Category.DATE:
            year = year_of(answer)
            if year is not None:
                return self._near_dates(year, want * 3)
        pool = self.by_category.get(category, [])
        if len(pool) <= want * 3:
            return list(pool)
        return rng.sample(pool, want * 3)

    def _near_dates(self, year: int, count: int) -> list[str]:
        position = bisect.bisect_left(self.dated, (year, ""))
        low, high = position - 1, position
        found: list[str] = []
        while len(found) < count and (low >= 0 or high < len(self.dated)):
            take_low = high >= len(self.dated) or (
                low >= 0 and year - self.dated[low][0] <= self.dated[high][0] - year
            )
            if take_low:
                found.append(self.dated[low][1])
                low -= 1
            else:
                found.append(self.dated[high][1])
                high += 1
        return found


def shifted_dates(answer: str, rng: random.Random, count: int) -> list[str]:
    """Made-up dates near the answer: the same text with its year moved by a few years."""
    match = YEAR.search(answer)
    if match is None:
        return []
    year = int(match.group(1))
    offsets = [d for d in range(-6, 7) if d != 0]
    rng.shuffle(offsets)
    offsets.sort(key=abs)
    return [answer[: match.start()] + str(year + d) + answer[match.end() :] for d in offsets][
        :count
    ]


def pick_distractors(
    answer: str, candidates: Sequence[str], count: int, rng: random.Random
) -> list[str]:
    """Distinct candidates that differ from the answer and from each other, in candidate order."""
    keys = {normalize(answer)}
    picked: list[str] = []
    for candidate in candidates:
        key = normalize(candidate)
        if not key or key in keys:
            continue
        keys.add(key)
        picked.append(candidate)
        if len(picked) == count:
            break
    return picked


def build_choice(
    category: Category,
    answer: str,
    index: DistractorIndex,
    rng: random.Random,
    given: Sequence[str] = (),
    count: int = OPTION_COUNT,
) -> ChoiceQuestion:
    """A question with the answer and up to `count - 1` distractors, shuffled by `rng`."""
    need = count - 1
    if given:
        distractors = pick_distractors(answer, given, need, rng)
    else:
        pool = index.candidates(category, answer, rng, need * 2)
        if category is not Category.DATE:
            pool = list(pool)
            rng.shuffle(pool)
            # Of the sampled candidates, those of the answer's shape (a name for a name, a
            # number for a number) and then closest in length look most plausible.
            shape = shape_category(answer)
            pool.sort(
                key=lambda candidate: (
                    shape_category(candidate) is not shape,
                    abs(len(candidate) - len(answer)),
                )
            )
        distractors = pick_distractors(answer, pool, need, rng)
        if category is Category.DATE and len(distractors) < need:
            more = shifted_dates(answer, rng, need * 2)
            distractors += pick_distractors(answer, [*distractors, *more], need, rng)[
                len(distractors) :
            ]
        elif category is Category.DATE:
            rng.shuffle(distractors)
    options = [answer, *distractors]
    rng.shuffle(options)
    return ChoiceQuestion(tuple(options), options.index(answer))


def choice_for_card(card: Card, index: DistractorIndex, rng: random.Random) -> ChoiceQuestion:
    """The multiple-choice question for a card with a single answer (its own choices first)."""
    answer = answer_of(card)
    if answer is None:
        raise ValueError(f"card {card.id} has no single answer to choose")
    given = card.choices if isinstance(card, ChoiceCard) else ()
    return build_choice(card.category, answer, index, rng, given)
