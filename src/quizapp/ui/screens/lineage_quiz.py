"""The lineage quiz: part of the drawing is hidden (a group or an edge label); pick it.

Questions come from `quizapp.facts.lineage_quiz` (built by the lineage screen with the app's
random source). 1-4 picks a choice, Enter or n goes on, Esc leaves; the last screen gives the
score. Practice only: nothing reaches the progress store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.facts.lineage_quiz import LineageQuestion
from quizapp.safety.terminal import literal
from quizapp.ui.widgets.key_line import KeyLine
from quizapp.ui.widgets.row_list import cell


class LineageQuizScreen(Screen[int]):
    """Asks each question in turn; dismisses with the number answered right."""

    CSS = """
    LineageQuizScreen #quiz-title { height: 1; background: $panel; text-style: bold; padding: 0 1; }
    LineageQuizScreen #quiz-body { height: 1fr; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "pick(0)", "Pick", key_display="1-4"),
        Binding("2", "pick(1)", "Pick 2", show=False),
        Binding("3", "pick(2)", "Pick 3", show=False),
        Binding("4", "pick(3)", "Pick 4", show=False),
        Binding("enter,n", "next", "Next"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, questions: Sequence[LineageQuestion]) -> None:
        super().__init__()
        self.questions = list(questions)
        self.index = 0
        self.picked: int | None = None
        self.right = 0

    def compose(self) -> ComposeResult:
        yield Static(id="quiz-title", markup=False)
        with VerticalScroll(id="quiz-body"):
            yield Static(id="question", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        self.paint()

    @property
    def question(self) -> LineageQuestion | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    def paint(self) -> None:
        title = self.query_one("#quiz-title", Static)
        body = self.query_one("#question", Static)
        question = self.question
        if question is None:
            title.update(f"Lineage quiz · done · {self.right} of {len(self.questions)} right")
            body.update("Esc goes back to the lineage.")
            self.refresh_bindings()
            return
        title.update(
            f"Lineage quiz · {self.index + 1} of {len(self.questions)} · {self.right} right"
        )
        text = Text()
        text.append(question.prompt + "\n\n", style="bold")
        for line in question.shown():
            text.append_text(cell(line))
            text.append("\n")
        text.append("\n")
        for number, choice in enumerate(question.choices):
            mark = "  "
            if self.picked is not None and number == question.answer:
                mark = "\u2713 "
            elif self.picked == number:
                mark = "\u2717 "
            text.append(f"{mark}{number + 1}  ")
            text.append_text(cell(choice, "bold" if self.picked is not None else ""))
            text.append("\n")
        if self.picked is not None:
            verdict = "Right." if self.picked == question.answer else "Not quite."
            text.append(f"\n{verdict} ", style="bold")
            text.append("Source: ")
            text.append_text(literal(", ".join(question.docs)))
            text.append("\nEnter: next question.")
        body.update(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        question = self.question
        if action == "pick":
            if question is None or self.picked is not None:
                return False
            index = parameters[0]
            return isinstance(index, int) and index < len(question.choices)
        if action == "next":
            return self.picked is not None
        return True

    def action_pick(self, index: int) -> None:
        question = self.question
        if question is None or self.picked is not None or index >= len(question.choices):
            return
        self.picked = index
        if index == question.answer:
            self.right += 1
        self.paint()

    def action_next(self) -> None:
        if self.picked is None:
            return
        self.picked = None
        self.index += 1
        self.paint()

    def action_leave(self) -> None:
        self.dismiss(self.right)
