"""The card being asked: question, the kind-specific way to answer it, and the revealed answer.

The screen owns the keys and calls the panel's methods (attributes down); the panel posts
`CardPanel.Checked` when an answer has been checked (messages up). Review and Quiz share it.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from quizapp.facts.notes import FactNote, notes_for
from quizapp.model.cards import ChoiceCard, MatchCard, OrderCard, TypedCard
from quizapp.model.facts import Fact
from quizapp.model.progress import Rating
from quizapp.model.units import StudyUnit
from quizapp.quiz.choices import ChoiceQuestion, DistractorIndex, choice_for_card
from quizapp.quiz.match import check_match, shuffled_rights
from quizapp.quiz.order import OrderResult, check_order, move, shuffled
from quizapp.quiz.prompts import prompt_of
from quizapp.quiz.typed import TypedResult, check_typed
from quizapp.ui import render

HINTS = {
    "basic": "Space shows the answer",
    "choice": "1-4 pick an answer · Space shows it",
    "typed": "Type the answer, Enter checks it",
    "order": "↑↓ select · Shift+↑↓ or +/- move · Enter checks",
    "match": "↑↓ select a left side · 1-9 pick its match · Enter checks",
}


def kind_of(unit: StudyUnit, as_choice: bool = False, as_typed: bool = False) -> str:
    card = unit.card
    if isinstance(card, ChoiceCard) or as_choice:
        return "choice"
    if isinstance(card, TypedCard) or as_typed:
        return "typed"
    if isinstance(card, OrderCard):
        return "order"
    if isinstance(card, MatchCard):
        return "match"
    return "basic"


class CardPanel(VerticalScroll, can_focus=True):
    """Shows one unit and takes its answer; knows nothing about grading or scheduling."""

    # Default (not app) rules: parsed when a card is first shown, not at start-up.
    DEFAULT_CSS = """
    CardPanel { height: 1fr; padding: 1 2; border: round $primary; overflow-x: hidden; }
    CardPanel #question { margin-bottom: 1; }
    CardPanel #typed { width: 100%; margin-bottom: 1; }
    CardPanel #answer { border-top: dashed $secondary; padding-top: 1; }
    """

    class Checked(Message):
        """The answer was checked (or the student gave up with Space on an auto-checked card)."""

        def __init__(self, correct: bool, suggested: Rating, given: str) -> None:
            super().__init__()
            self.correct = correct
            self.suggested = suggested
            self.given = given

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.unit: StudyUnit | None = None
        self.notes: list[FactNote] = []
        self.kind = "basic"
        self.revealed = False
        self.choice: ChoiceQuestion | None = None
        self.picked: int | None = None
        self.typed: TypedResult | None = None
        self.given = ""
        self.order: list[int] = []
        self.order_result: OrderResult | None = None
        self.rights: list[int] = []
        self.chosen: dict[int, int] = {}
        self.match_ok: tuple[bool, ...] | None = None
        self.cursor = 0

    def compose(self) -> ComposeResult:
        yield Static(id="question", markup=False)
        yield Input(id="typed", placeholder="your answer")
        yield Static(id="work", markup=False)
        yield Static(id="answer", markup=False)

    @property
    def hint(self) -> str:
        return HINTS[self.kind]

    def show(
        self,
        unit: StudyUnit,
        rng: random.Random,
        index: DistractorIndex,
        choice: ChoiceQuestion | None = None,
        typed: bool = False,
        facts: Mapping[str, Fact] | None = None,
    ) -> None:
        """Ask `unit`; `choice` or `typed` make any single-answer card multiple choice / typed;
        `facts` (by id) give the answer of a card that tests facts its sources and disputes."""
        self.unit = unit
        self.notes = notes_for(unit.card, facts) if facts else []
        self.kind = kind_of(unit, as_choice=choice is not None, as_typed=typed)
        self.revealed = False
        self.choice = choice
        self.picked = None
        self.typed = None
        self.given = ""
        self.order_result = None
        self.match_ok = None
        self.chosen = {}
        self.cursor = 0
        card = unit.card
        if isinstance(card, ChoiceCard) and choice is None:
            self.choice = choice_for_card(card, index, rng)
        elif isinstance(card, OrderCard):
            self.order = shuffled(card.items, rng)
        elif isinstance(card, MatchCard):
            self.rights = shuffled_rights(card.pairs, rng)
        answer_box = self.query_one("#typed", Input)
        answer_box.display = self.kind == "typed"
        answer_box.value = ""
        answer_box.disabled = False
        if self.kind == "typed":
            answer_box.focus()
        else:
            self.focus()
        self.scroll_home(animate=False)
        self.paint()

    def paint(self) -> None:
        assert self.unit is not None
        unit, card = self.unit, self.unit.card
        self.query_one("#question", Static).update(render.question_text(unit, self.revealed))
        work = Text()
        if self.choice is not None:
            work = render.choices_text(self.choice, self.picked, self.revealed)
        elif isinstance(card, OrderCard):
            work = render.order_text(card.items, self.order, self.cursor, self.order_result)
        elif isinstance(card, MatchCard):
            work = render.match_text(
                card.pairs, self.rights, self.chosen, self.cursor, self.match_ok
            )
        elif self.typed is not None:
            work = render.typed_feedback(self.given, self.typed)
        self.query_one("#work", Static).update(work)
        answer = self.query_one("#answer", Static)
        answer.display = self.revealed
        if self.revealed:
            show_answer = self.kind in {"basic", "typed"}
            answer.update(render.answer_text(card, prompt_of(unit).answer, show_answer, self.notes))

    # -- what the screen calls ----------------------------------------------------------------

    def reveal(self) -> None:
        """Space: show the answer; on an auto-checked card this counts as not knowing it."""
        if self.revealed or self.unit is None:
            return
        if self.kind in {"order", "match"}:
            self.check()
            return
        self.revealed = True
        self.focus()
        self.paint()
        if self.kind == "choice":
            self.post_message(self.Checked(False, Rating.AGAIN, ""))

    def pick(self, number: int) -> None:
        """A digit: choose option `number` (choice) or match side `number` (match)."""
        if self.revealed:
            return
        if self.choice is not None and 1 <= number <= len(self.choice.options):
            self.picked = number - 1
            self.revealed = True
            correct = self.choice.is_correct(self.picked)
            self.paint()
            given = self.choice.options[self.picked]
            self.post_message(
                self.Checked(correct, Rating.GOOD if correct else Rating.AGAIN, given)
            )
        elif self.kind == "match" and 1 <= number <= len(self.rights):
            card = self.unit.card if self.unit else None
            assert isinstance(card, MatchCard)
            self.chosen[self.cursor] = self.rights[number - 1]
            self.cursor = min(self.cursor + 1, len(card.pairs) - 1)
            self.paint()

    def check(self) -> None:
        """Enter: check an order or a match (typed answers are checked by their Input)."""
        if self.revealed or self.unit is None:
            return
        card = self.unit.card
        if isinstance(card, OrderCard):
            self.order_result = check_order(card.items, self.order)
            correct, suggested = self.order_result.correct, self.order_result.suggested
            given = " / ".join(card.items[i].text for i in self.order)
        elif isinstance(card, MatchCard):
            match = check_match(card.pairs, self.chosen)
            self.match_ok = match.pair_ok
            correct, suggested = match.correct, match.suggested
            given = "; ".join(
                f"{card.pairs[i].left} → {card.pairs[j].right}" for i, j in self.chosen.items()
            )
        else:
            return
        self.revealed = True
        self.focus()
        self.paint()
        self.post_message(self.Checked(correct, suggested, given))

    def cursor_by(self, delta: int) -> None:
        card = self.unit.card if self.unit else None
        size = 0
        if isinstance(card, OrderCard):
            size = len(card.items)
        elif isinstance(card, MatchCard):
            size = len(card.pairs)
        if size and not self.revealed:
            self.cursor = max(0, min(size - 1, self.cursor + delta))
            self.paint()

    def move_by(self, delta: int) -> None:
        if self.kind == "order" and not self.revealed:
            self.order, self.cursor = move(self.order, self.cursor, delta)
            self.paint()

    @on(Input.Submitted, "#typed")
    def typed_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.revealed or self.unit is None:
            return
        card = self.unit.card
        answer = card.answer if isinstance(card, TypedCard) else prompt_of(self.unit).answer
        aliases = card.aliases if isinstance(card, TypedCard) else ()
        self.given = event.value
        self.typed = check_typed(event.value, answer, aliases)
        event.input.disabled = True
        self.revealed = True
        self.focus()
        self.paint()
        self.post_message(self.Checked(self.typed.correct, self.typed.suggested, event.value))
