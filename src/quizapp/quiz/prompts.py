"""What a unit asks and what it answers, as plain text, whatever its kind and variant."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.model.cards import BasicCard, ChoiceCard, ClozeCard, MatchCard, OrderCard, TypedCard
from quizapp.model.units import StudyUnit
from quizapp.quiz.cloze import cloze_answer, cloze_plain
from quizapp.quiz.order import sort_key


@dataclass(frozen=True, slots=True)
class Prompt:
    question: str
    answer: str


def prompt_of(unit: StudyUnit) -> Prompt:
    """The question and its answer; a reversed basic card swaps them."""
    card = unit.card
    if isinstance(card, BasicCard):
        if unit.variant == "reverse":
            return Prompt(card.answer, card.question)
        return Prompt(card.question, card.answer)
    if isinstance(card, ChoiceCard | TypedCard):
        return Prompt(card.question, card.answer)
    if isinstance(card, ClozeCard):
        return Prompt(
            cloze_plain(card.text, unit.variant, reveal=False),
            cloze_answer(card.text, unit.variant),
        )
    if isinstance(card, OrderCard):
        ordered = sorted(card.items, key=lambda item: sort_key(item.date))
        return Prompt(card.prompt, "\n".join(f"{i.date}  {i.text}" for i in ordered))
    assert isinstance(card, MatchCard)
    return Prompt(card.prompt, "\n".join(f"{p.left} — {p.right}" for p in card.pairs))


def searchable_text(unit: StudyUnit) -> str:
    """Everything a search over this unit's card should look at."""
    prompt = prompt_of(unit)
    return f"{unit.card.id}\n{prompt.question}\n{prompt.answer}\n{unit.card.explanation or ''}"
