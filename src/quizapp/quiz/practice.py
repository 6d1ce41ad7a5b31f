"""The practice quiz: N questions drawn from chosen decks, scored at the end; never scheduled.

Cards with a single short answer become multiple-choice questions with same-category
distractors (when there are enough), so the quiz feels like a real test; typed, timeline and
matching cards keep their own form, and other single-answer cards are typed. A recall card drawn
from a fact is typed too: its template chose recall because no wrong answer is fair. One question
per card: siblings are never both asked.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.model.cards import BasicCard, ChoiceCard, MatchCard, OrderCard, TypedCard
from quizapp.model.units import StudyUnit
from quizapp.quiz.choices import ChoiceQuestion, DistractorIndex, answer_of, build_choice
from quizapp.quiz.prompts import prompt_of

MIN_OPTIONS = 3


@dataclass(frozen=True, slots=True)
class QuizQuestion:
    """A unit to ask; `choice` set when it is asked as multiple choice."""

    unit: StudyUnit
    choice: ChoiceQuestion | None = None

    @property
    def typed(self) -> bool:
        """Asked as a typed answer: no choice, and not a timeline or a matching card."""
        return self.choice is None and not isinstance(self.unit.card, OrderCard | MatchCard)


@dataclass(frozen=True, slots=True)
class QuizAnswer:
    question: QuizQuestion
    correct: bool
    given: str


@dataclass(frozen=True, slots=True)
class QuizScore:
    right: int
    total: int
    mistakes: tuple[QuizAnswer, ...]

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.total if self.total else 0.0


def build_quiz(
    units: Sequence[StudyUnit], count: int, rng: random.Random, index: DistractorIndex
) -> list[QuizQuestion]:
    """Up to `count` questions from distinct cards, in random order."""
    by_card: dict[str, StudyUnit] = {}
    for unit in units:
        by_card.setdefault(unit.sibling_key, unit)
    chosen = rng.sample(list(by_card.values()), min(count, len(by_card)))
    questions: list[QuizQuestion] = []
    for unit in chosen:
        card = unit.card
        answer = answer_of(card)
        # A recall card drawn from a fact has no choices because its template found no fair
        # wrong answers (who said it, what was the case): made-up ones would undo that.
        recall_only = card.drawn and isinstance(card, BasicCard)
        if (
            isinstance(card, TypedCard)
            or answer is None
            or unit.variant == "reverse"
            or recall_only
        ):
            questions.append(QuizQuestion(unit))
            continue
        given = card.choices if isinstance(card, ChoiceCard) else ()
        choice = build_choice(card.category, answer, index, rng, given)
        questions.append(QuizQuestion(unit, choice if len(choice.options) >= MIN_OPTIONS else None))
    return questions


def score(answers: Sequence[QuizAnswer], asked: int) -> QuizScore:
    """Right answers out of the questions asked; unanswered ones (time ran out) count wrong."""
    right = sum(1 for a in answers if a.correct)
    return QuizScore(right, asked, tuple(a for a in answers if not a.correct))


def expected_answer(question: QuizQuestion) -> str:
    if question.choice is not None:
        return question.choice.options[question.choice.correct]
    return prompt_of(question.unit).answer
