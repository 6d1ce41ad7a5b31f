"""The practice quiz: N questions from chosen decks, optionally timed, scored at the end.

A quiz never touches the schedule: answers go to the score, not to the progress store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, SelectionList, Static

from quizapp.quiz.practice import QuizAnswer, QuizQuestion, QuizScore, build_quiz, expected_answer
from quizapp.quiz.practice import score as score_quiz
from quizapp.quiz.prompts import prompt_of
from quizapp.safety.terminal import literal
from quizapp.study.context import StudyContext
from quizapp.ui.render import hanging
from quizapp.ui.screens.base import UsesQuizApp
from quizapp.ui.widgets.card_panel import CardPanel
from quizapp.ui.widgets.key_line import KeyLine


def whole_number(text: str) -> int | None:
    """The number typed in an integer input (empty is 0), or None while it is only a sign."""
    text = text.strip()
    if not text:
        return 0
    try:
        return int(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class QuizSpec:
    deck_ids: tuple[str, ...]
    count: int
    minutes: int
    categories: tuple[str, ...] | None = None
    """None: every category."""


@dataclass(frozen=True)
class QuizOutcome:
    """How a quiz went: its settings, the score, seconds spent and questions answered."""

    spec: QuizSpec
    result: QuizScore
    elapsed: float
    answered: int
    planned: int
    """Questions the quiz had; Esc scores only the `answered` ones."""


class QuizSetupScreen(ModalScreen[QuizSpec | None]):
    """Choose decks, the number of questions and an optional time limit."""

    # Parsed when the screen is first shown, not at start-up (issue 5).
    CSS = """
    QuizSetupScreen { align: center middle; }
    QuizSetupScreen #quiz-setup {
        width: 70;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        padding: 0 1;
        background: $surface;
    }
    QuizSetupScreen .field { height: 3; }
    QuizSetupScreen .field Label { width: auto; padding: 1 1 0 0; }
    QuizSetupScreen .field Input { width: 10; margin-right: 2; }
    QuizSetupScreen #quiz-lists { height: auto; max-height: 10; }
    QuizSetupScreen #quiz-decks { width: 2fr; height: auto; max-height: 10; }
    QuizSetupScreen #quiz-categories { width: 1fr; height: auto; max-height: 10; }
    QuizSetupScreen #quiz-buttons { dock: bottom; height: 3; align: right middle; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "start", "Start"),
    ]

    def __init__(self, context: StudyContext, deck_ids: list[str] | None) -> None:
        super().__init__()
        self.context = context
        self.preselected = set(deck_ids or [])

    def compose(self) -> ComposeResult:
        context = self.context
        everything = not self.preselected
        with Vertical(id="quiz-setup"):
            yield Static("Practice quiz: scored at the end, your schedule is not changed.")
            # one row for both numbers and the buttons docked at the bottom: at 60x16 the
            # dialog fits, the lists giving up rows (they scroll) before the buttons do
            with Horizontal(classes="field"):
                yield Label("Questions")
                yield Input("10", id="count", type="integer")
                yield Label("Minutes (0 = untimed)")
                yield Input("0", id="minutes", type="integer")
            categories = sorted({c.category.value for d in context.decks for c in d.cards})
            with Horizontal(id="quiz-lists"):
                yield SelectionList[str](
                    *(
                        (literal(d.title), d.id, everything or d.id in self.preselected)
                        for d in context.decks
                    ),
                    id="quiz-decks",
                )
                yield SelectionList[str](
                    *((name, name, True) for name in categories), id="quiz-categories"
                )
            with Horizontal(id="quiz-buttons"):
                yield Button("Start", id="start", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#count", Input).focus()

    @on(Button.Pressed, "#start")
    @on(Input.Submitted)
    def action_start(self) -> None:
        decks = tuple(self.query_one("#quiz-decks", SelectionList).selected)
        categories_list = self.query_one("#quiz-categories", SelectionList)
        categories = tuple(categories_list.selected)
        count = whole_number(self.query_one("#count", Input).value)
        minutes = whole_number(self.query_one("#minutes", Input).value)
        if count is None or minutes is None:
            self.notify("Questions and minutes must be whole numbers.", severity="warning")
            return
        if not decks or not categories or count <= 0:
            self.notify(
                "Choose at least one deck, one category and one question.", severity="warning"
            )
            return
        every = len(categories) == categories_list.option_count
        spec = QuizSpec(decks, count, max(minutes, 0), None if every else categories)
        self.dismiss(spec)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def quiz_hint(panel: CardPanel) -> str:
    """The card's hint, with what Space does in a quiz (skip, counted wrong), as the key line."""
    hint = panel.hint.replace(" · Space shows it", "")
    if panel.kind == "typed":
        return hint
    return f"{hint} · Space skips (counts wrong)"


class QuizScreen(UsesQuizApp, Screen[QuizOutcome | None]):
    """One question after another, no feedback until the end (like a test)."""

    # Parsed when the screen is first shown, not at start-up (issue 5).
    CSS = """
    QuizScreen #quiz-top { height: 1; padding: 0 1; }
    QuizScreen #quiz-position { width: 1fr; text-style: bold; }
    QuizScreen #quiz-timer { width: auto; }
    QuizScreen #quiz-hint { height: 1; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "key(1)", "Pick 1", show=False),
        Binding("2", "key(2)", "Pick 2", show=False),
        Binding("3", "key(3)", "Pick 3", show=False),
        Binding("4", "key(4)", "Pick 4", show=False),
        Binding("enter", "enter", "Check"),
        Binding("space", "skip", "Skip (counts wrong)"),
        Binding("up", "cursor(-1)", "Select up", show=False, priority=True),
        Binding("down", "cursor(1)", "Select down", show=False, priority=True),
        Binding("shift+up,minus", "move(-1)", "Move up", show=False, priority=True),
        Binding("shift+down,plus", "move(1)", "Move down", show=False, priority=True),
        Binding("escape", "finish", "End quiz"),
    ]

    def __init__(self, context: StudyContext, spec: QuizSpec) -> None:
        super().__init__()
        self.context = context
        self.spec = spec
        self.questions: list[QuizQuestion] = []
        self.answers: list[QuizAnswer] = []
        self.position = 0
        self.started: dt.datetime | None = None
        self.finished = False

    @property
    def panel(self) -> CardPanel:
        return self.query_one(CardPanel)

    def compose(self) -> ComposeResult:
        with Horizontal(id="quiz-top"):
            yield Static(id="quiz-position", markup=False)
            yield Static(id="quiz-timer", markup=False)
        yield CardPanel(id="card")
        yield Static(id="quiz-hint", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        app = self.quiz_app
        suspended = self.context.study.suspended_uids()
        units = [
            u for u in self.context.units_in(list(self.spec.deck_ids)) if u.uid not in suspended
        ]
        if self.spec.categories is not None:
            wanted = set(self.spec.categories)
            units = [u for u in units if u.card.category.value in wanted]
        self.questions = build_quiz(units, self.spec.count, app.rng, self.context.distractors)
        self.started = app.clock()
        if not self.questions:
            self.notify("These decks have no cards to ask.", severity="warning")
            self.dismiss(None)
            return
        if self.spec.minutes:
            self.set_interval(1.0, self.tick)
        self.ask()

    def time_left(self) -> dt.timedelta | None:
        if not self.spec.minutes or self.started is None:
            return None
        spent = self.quiz_app.clock() - self.started
        return dt.timedelta(minutes=self.spec.minutes) - spent

    def tick(self) -> None:
        left = self.time_left()
        if left is not None and left <= dt.timedelta(0):
            self.notify("Time is up.")
            self.action_finish(timed_out=True)
            return
        self.paint_top()

    def paint_top(self) -> None:
        self.query_one("#quiz-position", Static).update(
            f"Question {self.position + 1} of {len(self.questions)}"
        )
        left = self.time_left()
        if left is None:
            timer = "untimed"
        else:
            seconds = max(0, int(left.total_seconds()))
            timer = f"time left {seconds // 60}:{seconds % 60:02d}"
        self.query_one("#quiz-timer", Static).update(timer)

    def ask(self) -> None:
        app = self.quiz_app
        question = self.questions[self.position]
        self.panel.show(
            question.unit,
            app.rng,
            self.context.distractors,
            question.choice,
            question.typed,
            facts=self.context.facts,
        )
        self.query_one("#quiz-hint", Static).update(Text(quiz_hint(self.panel), style="italic"))
        self.paint_top()

    def on_card_panel_checked(self, message: CardPanel.Checked) -> None:
        if self.finished:
            return
        question = self.questions[self.position]
        self.answers.append(QuizAnswer(question, message.correct, message.given))
        self.position += 1
        if self.position >= len(self.questions):
            self.action_finish()
        else:
            self.ask()

    def action_key(self, number: int) -> None:
        self.panel.pick(number)

    def on_key(self, event: events.Key) -> None:
        if event.character in {"5", "6", "7", "8", "9"} and not self.panel.revealed:
            self.panel.pick(int(event.character))

    def action_enter(self) -> None:
        self.panel.check()

    def action_skip(self) -> None:
        if self.panel.kind == "typed":
            return
        self.panel.reveal()

    def action_cursor(self, delta: int) -> None:
        self.panel.cursor_by(delta)

    def action_move(self, delta: int) -> None:
        self.panel.move_by(delta)

    def action_finish(self, timed_out: bool = False) -> None:
        """End the quiz: Esc scores the questions answered; when time runs out, every question
        of the quiz counts (the unanswered ones wrong), as in a timed exam."""
        if self.finished:
            return
        self.finished = True
        assert self.started is not None
        elapsed = (self.quiz_app.clock() - self.started).total_seconds()
        answered = len(self.answers)
        if timed_out:
            unanswered = [QuizAnswer(q, False, "") for q in self.questions[answered:]]
            result = score_quiz([*self.answers, *unanswered], len(self.questions))
        else:
            result = score_quiz(self.answers, answered)
        self.dismiss(QuizOutcome(self.spec, result, elapsed, answered, len(self.questions)))


class QuizResultScreen(Screen[bool]):
    """The score and every mistake with the right answer; returns True for another quiz."""

    # Parsed when the screen is first shown, not at start-up (issue 5).
    CSS = """
    QuizResultScreen #quiz-result { padding: 1 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "home", "Home"),
        Binding("r", "retry", "New quiz, same settings"),
    ]

    def __init__(self, outcome: QuizOutcome) -> None:
        super().__init__()
        self.spec = outcome.spec
        self.result = outcome.result
        self.elapsed = outcome.elapsed
        self.answered = outcome.answered
        self.planned = outcome.planned

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="quiz-result"):
            yield Static(self.report(), markup=False)
        yield KeyLine()

    def report(self) -> Text:
        result = self.result
        minutes, seconds = divmod(round(self.elapsed), 60)
        text = Text()
        text.append("Quiz finished\n\n", style="bold")
        text.append(f"Score      {result.right} / {result.total} ({result.percent:.0f}%)\n")
        text.append(f"Answered   {self.answered} of {self.planned}\n")
        if result.total < self.planned:
            note = "(ended early: only the questions answered are scored)"
            text.append_text(hanging("           ", note, max(20, self.app.size.width - 6)))
        text.append(f"Time       {minutes} min {seconds:02d} s\n")
        text.append("\nYour schedule was not changed.\n", style="italic")
        text.append(f"\nMistakes ({len(result.mistakes)})\n", style="bold")
        if not result.mistakes:
            text.append("  none: perfect.\n")
        width = max(20, self.app.size.width - 6)  # the padding (2 + 2) and a scrollbar
        for mistake in result.mistakes:
            prompt = prompt_of(mistake.question.unit)
            text.append_text(hanging("  ✗ ", prompt.question, width))
            text.append_text(hanging("     you: ", mistake.given or "(no answer)", width))
            right = expected_answer(mistake.question).replace("\n", "; ")
            text.append_text(hanging("     right: ", right, width))
        return text

    def action_home(self) -> None:
        self.dismiss(False)

    def action_retry(self) -> None:
        self.dismiss(True)
