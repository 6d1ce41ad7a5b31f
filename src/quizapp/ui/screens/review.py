"""Review: one card at a time; the card's kind decides how it is answered; 1-4 grades it."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import subprocess
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, ProgressBar, Static

from quizapp.model.cards import ChoiceCard, MatchCard, OrderCard, TypedCard
from quizapp.model.units import StudyUnit
from quizapp.quiz.choices import ChoiceQuestion, answer_of, choice_for_card
from quizapp.quiz.grades import Grade
from quizapp.quiz.match import check_match, shuffled_rights
from quizapp.quiz.order import OrderResult, check_order, move, shuffled
from quizapp.quiz.prompts import prompt_of
from quizapp.quiz.typed import TypedResult, check_typed
from quizapp.ui import render

if TYPE_CHECKING:
    from quizapp.ui.app import QuizApp

HINTS = {
    "basic": "Space shows the answer",
    "choice": "1-4 pick an answer · Space shows it",
    "typed": "Type the answer, Enter checks it",
    "order": "↑↓ select · Shift+↑↓ or +/- move · Enter checks",
    "match": "↑↓ select a left side · 1-9 pick its match · Enter checks",
}


@dataclass
class SessionLog:
    """What the summary shows: every answer of this session, in order."""

    started: dt.datetime
    deck_ids: list[str] | None
    answers: list[tuple[StudyUnit, Grade, float]] = field(default_factory=list)

    @property
    def done(self) -> int:
        return len(self.answers)

    @property
    def accuracy(self) -> float | None:
        if not self.answers:
            return None
        return sum(1 for _, grade, _ in self.answers if grade > Grade.AGAIN) / len(self.answers)

    def missed(self) -> list[StudyUnit]:
        seen: dict[str, StudyUnit] = {}
        for unit, grade, _ in self.answers:
            if grade is Grade.AGAIN:
                seen.setdefault(unit.uid, unit)
        return list(seen.values())


class ReviewScreen(Screen[None]):
    """Shows the next unit, takes the answer, records the grade, and moves on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Show answer"),
        Binding("1", "key(1)", "Again", show=False),
        Binding("2", "key(2)", "Hard", show=False),
        Binding("3", "key(3)", "Good", show=False),
        Binding("4", "key(4)", "Easy", show=False),
        Binding("enter", "enter", "Check / accept"),
        Binding("up", "cursor(-1)", "Select up", show=False, priority=True),
        Binding("down", "cursor(1)", "Select down", show=False, priority=True),
        Binding("shift+up,minus", "move(-1)", "Move up", show=False, priority=True),
        Binding("shift+down,plus", "move(1)", "Move down", show=False, priority=True),
        Binding("u", "undo", "Undo"),
        Binding("s", "suspend", "Suspend"),
        Binding("b", "bury", "Bury"),
        Binding("e", "edit", "Edit card"),
        Binding("escape", "leave", "Home"),
    ]

    def __init__(self, deck_ids: list[str] | None) -> None:
        super().__init__()
        self.deck_ids = deck_ids
        self.unit: StudyUnit | None = None
        self.revealed = False
        self.suggested: Grade | None = None
        self.choice: ChoiceQuestion | None = None
        self.picked: int | None = None
        self.typed: TypedResult | None = None
        self.order: list[int] = []
        self.order_result: OrderResult | None = None
        self.rights: list[int] = []
        self.chosen: dict[int, int] = {}
        self.match_ok: tuple[bool, ...] | None = None
        self.cursor = 0
        self.shown_at: dt.datetime | None = None
        self.remaining = 0
        self.session_log: SessionLog | None = None

    @property
    def quiz_app(self) -> QuizApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Horizontal(id="review-top"):
            yield Static(id="title", markup=False)
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
            yield Static(id="counters", markup=False)
        with VerticalScroll(id="card"):
            yield Static(id="question", markup=False)
            yield Input(id="typed", placeholder="your answer")
            yield Static(id="work", markup=False)
            yield Static(id="answer", markup=False)
        yield Static(id="grades", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        app = self.quiz_app
        assert app.context is not None
        now = app.clock()
        self.session_log = SessionLog(now, self.deck_ids)
        counts = app.context.study.counts(now)
        wanted = counts if self.deck_ids is None else {d: counts[d] for d in self.deck_ids}
        self.remaining = sum(c.due + c.new for c in wanted.values() if c)
        if self.deck_ids and len(self.deck_ids) == 1:
            title = app.context.deck_title(self.deck_ids[0])
        else:
            title = "All due cards"
        self.query_one("#title", Static).update(render.literal(title))
        self.show_next()

    # -- showing a unit --------------------------------------------------------------------

    @property
    def kind(self) -> str:
        card = self.unit.card if self.unit else None
        if isinstance(card, ChoiceCard):
            return "choice"
        if isinstance(card, TypedCard):
            return "typed"
        if isinstance(card, OrderCard):
            return "order"
        if isinstance(card, MatchCard):
            return "match"
        return "basic"

    def show_next(self) -> None:
        app = self.quiz_app
        assert app.context is not None
        unit = app.context.study.next_unit(self.deck_ids, app.clock())
        if unit is None:
            self.finish()
            return
        self.show(unit)

    def show(self, unit: StudyUnit) -> None:
        app = self.quiz_app
        assert app.context is not None
        self.unit = unit
        self.revealed = False
        self.suggested = None
        self.choice = None
        self.picked = None
        self.typed = None
        self.order_result = None
        self.match_ok = None
        self.chosen = {}
        self.cursor = 0
        self.shown_at = app.clock()
        card = unit.card
        if isinstance(card, ChoiceCard):
            self.choice = choice_for_card(card, app.context.distractors, app.rng)
        elif isinstance(card, OrderCard):
            self.order = shuffled(card.items, app.rng)
        elif isinstance(card, MatchCard):
            self.rights = shuffled_rights(card.pairs, app.rng)
        typed = self.query_one("#typed", Input)
        typed.display = self.kind == "typed"
        typed.value = ""
        typed.disabled = False
        if self.kind == "typed":
            typed.focus()
        else:
            self.query_one("#card").focus()
        self.paint()

    def paint(self) -> None:
        """Redraw the card from the screen's state."""
        assert self.unit is not None and self.session_log is not None
        app = self.quiz_app
        assert app.context is not None
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
            work = render.typed_feedback(self.query_one("#typed", Input).value, self.typed)
        self.query_one("#work", Static).update(work)
        answer = self.query_one("#answer", Static)
        answer.display = self.revealed
        if self.revealed:
            show_answer = self.kind == "basic" or self.kind == "typed"
            prompt = prompt_of(unit)
            answer.update(render.answer_text(card, prompt.answer, show_answer))
        grades = self.query_one("#grades", Static)
        if self.revealed:
            preview = app.context.study.preview(unit, app.clock())
            grades.update(render.grades_text(preview, self.suggested))
        else:
            grades.update(Text(HINTS[self.kind], style="italic"))
        left = max(self.remaining - self.session_log.done, 0)
        self.query_one("#counters", Static).update(f"{self.session_log.done} done · {left} left")
        self.query_one(ProgressBar).update(
            total=max(self.session_log.done + left, 1), progress=self.session_log.done
        )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.unit is None:
            return action == "leave"
        if action == "reveal":
            return not self.revealed and self.kind != "typed"
        if action in {"undo"}:
            return bool(self.session_log and self.session_log.answers)
        if action in {"cursor", "move"}:
            return not self.revealed and self.kind in {"order", "match"}
        return True

    # -- answering ----------------------------------------------------------------------------

    def reveal(self, suggested: Grade | None) -> None:
        self.revealed = True
        self.suggested = suggested
        self.query_one("#card").focus()
        self.paint()

    def action_reveal(self) -> None:
        if self.revealed or self.unit is None:
            return
        if self.kind in {"order", "match"}:
            self.action_enter()
            return
        self.reveal(Grade.AGAIN if self.kind == "choice" else None)

    def action_key(self, number: int) -> None:
        if self.unit is None:
            return
        if self.revealed:
            self.grade(Grade(number))
        elif self.choice is not None:
            self.pick(number - 1)
        elif self.kind == "match":
            self.match_pick(number - 1)

    def on_key(self, event: events.Key) -> None:
        """5-9 only pick (options, match sides); they are never grades, so no binding."""
        character = event.character
        if character in {"5", "6", "7", "8", "9"} and not self.revealed and self.unit:
            if self.kind == "match":
                self.match_pick(int(character) - 1)
            elif self.choice is not None:
                self.pick(int(character) - 1)

    def pick(self, index: int) -> None:
        assert self.choice is not None
        if index >= len(self.choice.options):
            return
        self.picked = index
        self.reveal(Grade.GOOD if self.choice.is_correct(index) else Grade.AGAIN)

    def match_pick(self, index: int) -> None:
        if index >= len(self.rights):
            return
        self.chosen[self.cursor] = self.rights[index]
        card = self.unit.card if self.unit else None
        assert isinstance(card, MatchCard)
        self.cursor = min(self.cursor + 1, len(card.pairs) - 1)
        self.paint()

    @on(Input.Submitted, "#typed")
    def typed_submitted(self, event: Input.Submitted) -> None:
        card = self.unit.card if self.unit else None
        if not isinstance(card, TypedCard) or self.revealed:
            return
        self.typed = check_typed(event.value, card.answer, card.aliases)
        event.input.disabled = True
        self.reveal(self.typed.suggested)

    def action_enter(self) -> None:
        if self.unit is None:
            return
        card = self.unit.card
        if self.revealed:
            if self.suggested is not None:
                self.grade(self.suggested)
            return
        if isinstance(card, OrderCard):
            self.order_result = check_order(card.items, self.order)
            self.reveal(self.order_result.suggested)
        elif isinstance(card, MatchCard):
            result = check_match(card.pairs, self.chosen)
            self.match_ok = result.pair_ok
            self.reveal(result.suggested)
        elif self.kind == "basic":
            self.reveal(None)

    def action_cursor(self, delta: int) -> None:
        card = self.unit.card if self.unit else None
        size = len(card.items) if isinstance(card, OrderCard) else 0
        if isinstance(card, MatchCard):
            size = len(card.pairs)
        if size:
            self.cursor = max(0, min(size - 1, self.cursor + delta))
            self.paint()

    def action_move(self, delta: int) -> None:
        if self.kind == "order" and not self.revealed:
            self.order, self.cursor = move(self.order, self.cursor, delta)
            self.paint()

    def grade(self, grade: Grade) -> None:
        app = self.quiz_app
        assert app.context is not None and self.unit is not None and self.session_log is not None
        now = app.clock()
        took = (now - self.shown_at).total_seconds() if self.shown_at else 0.0
        app.context.study.answer(self.unit, grade, now, took)
        self.session_log.answers.append((self.unit, grade, took))
        if grade is Grade.AGAIN:
            self.remaining += 1
        self.show_next()

    # -- instructor and navigation actions ----------------------------------------------------

    def action_undo(self) -> None:
        app = self.quiz_app
        assert app.context is not None and self.session_log is not None
        unit = app.context.study.undo(app.clock())
        if unit is None:
            self.notify("Nothing to undo.")
            return
        if self.session_log.answers:
            _, grade, _ = self.session_log.answers.pop()
            if grade is Grade.AGAIN:
                self.remaining -= 1
        self.notify("Last answer undone.", timeout=2)
        self.show(unit)

    def action_suspend(self) -> None:
        app = self.quiz_app
        assert app.context is not None and self.unit is not None
        app.context.study.suspend(self.unit, app.clock())
        self.notify("Card suspended: it will not be shown until unsuspended.", timeout=3)
        self.remaining -= 1
        self.show_next()

    def action_bury(self) -> None:
        app = self.quiz_app
        assert app.context is not None and self.unit is not None
        app.context.study.bury(self.unit, app.clock())
        self.notify("Card buried until tomorrow.", timeout=3)
        self.remaining -= 1
        self.show_next()

    def action_edit(self) -> None:
        """Open the card's deck file in $VISUAL / $EDITOR (instructors fix cards in place)."""
        app = self.quiz_app
        assert app.context is not None and self.unit is not None
        deck = app.context.deck(self.unit.deck_id)
        editor = app.editor or shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR", ""))
        if deck is None or not editor:
            self.notify("Set $EDITOR to edit cards from here.", severity="warning")
            return
        path = str(deck.path)
        if app.context.decks_dir is not None and not os.path.isabs(path):
            path = str(app.context.decks_dir / path)
        try:
            with self.app.suspend():
                subprocess.run([*editor, path], check=False)
        except OSError as error:
            self.notify(f"Could not start the editor: {error}", severity="error")
            return
        self.notify(f"Edited {deck.path}: changes apply the next time quizapp starts.")

    def action_leave(self) -> None:
        if self.session_log and self.session_log.answers:
            self.finish()
        else:
            self.app.pop_screen()

    def finish(self) -> None:
        from quizapp.ui.screens.summary import SummaryScreen

        assert self.session_log is not None
        self.app.switch_screen(SummaryScreen(self.session_log))


def short_answer(unit: StudyUnit) -> str:
    return answer_of(unit.card) or prompt_of(unit).answer
