"""Exam: a deck's exam date, its cards at risk, and a cram of the deck (opened with e on Home).

Setting a date makes the review queue bring every card of the deck up again before the exam, a
few each day; a cram drills the whole deck now and never touches the schedule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from quizapp.errors import QuizappError
from quizapp.safety.terminal import literal
from quizapp.study.context import StudyContext
from quizapp.study.service import ExamStatus
from quizapp.ui.exams import cards_phrase, days_phrase, parse_exam_date
from quizapp.ui.widgets.key_line import KeyLine


class ExamScreen(Screen[bool]):
    """One deck's exam date (set, change, clear), its cards at risk, and the way into cram.

    Returns True when the student chose to cram the deck (the app starts the drill).
    """

    # Parsed when the screen is first shown, not at start-up (issue 5).
    CSS = """
    ExamScreen #exam-title {
        height: 1; width: 100%; background: $panel; text-style: bold;
        content-align: center middle;
    }
    ExamScreen #exam-body { height: 1fr; padding: 1 2 0 2; }
    ExamScreen #exam-status { height: auto; }
    ExamScreen #exam-date-row { height: 3; margin-top: 1; }
    ExamScreen #exam-date-label { width: auto; padding: 1 1 0 0; }
    ExamScreen #exam-date { width: 18; }
    ExamScreen #exam-feedback { height: auto; min-height: 1; }
    ExamScreen #exam-cram { height: auto; margin-top: 1; }
    """

    AUTO_FOCUS = ""  # the keys below work at once; d or a digit moves into the date box
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "edit_date", "Set date"),
        Binding("x", "clear", "Clear date"),
        Binding("c", "cram", "Cram this deck"),
        Binding("escape", "back", "Back"),
        Binding("enter", "submit", "Set the typed date", show=False),
    ]

    def __init__(
        self, context: StudyContext, clock: Callable[[], dt.datetime], deck_id: str
    ) -> None:
        super().__init__()
        self.context = context
        self.clock = clock
        self.deck_id = deck_id
        self.info: ExamStatus | None = None
        self.cards = 0

    def compose(self) -> ComposeResult:
        context = self.context
        self.cards = len(context.units_in([self.deck_id]))
        title = Text("Exam and cram · ")
        title.append_text(literal(context.deck_title(self.deck_id)))
        yield Static(title, id="exam-title", markup=False)
        with VerticalScroll(id="exam-body"):
            yield Static(id="exam-status", markup=False)
            with Horizontal(id="exam-date-row"):
                yield Label("New date (YYYY-MM-DD)", id="exam-date-label")
                yield Input(
                    placeholder="YYYY-MM-DD",
                    id="exam-date",
                    restrict=r"[0-9-]*",
                    max_length=10,
                    select_on_focus=False,
                )
            yield Static(id="exam-feedback", markup=False)
            yield Static(self.cram_text(), id="exam-cram", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        self.refresh_status()

    # -- what the screen shows ---------------------------------------------------------------

    def refresh_status(self) -> None:
        context, now = self.context, self.clock()
        self.info = context.study.exam_status(self.deck_id, now)
        text = Text()
        info = self.info
        if info is None:
            text.append("No exam date for this deck.\n", style="bold")
            text.append(
                "Set one (d) and quizapp brings every card up again before it, a few each "
                "day, without upsetting your long-term schedule."
            )
        elif info.exam_date < now.date():
            text.append(f"Exam date   {info.exam_date}: passed.\n", style="bold")
            text.append("Set a new date (d) or clear it (x).")
        else:
            text.append("Exam date   ", style="bold")
            text.append(f"{info.exam_date}, {days_phrase(info.days_left)}\n")
            text.append("At risk     ", style="bold")
            text.append(f"{info.at_risk} of {cards_phrase(self.cards)}\n\n")
            if info.at_risk:
                text.append(
                    "Cards at risk would not come up again before the exam as things stand. "
                    "Your daily reviews bring them up a few at a time, without upsetting your "
                    "long-term schedule."
                )
            else:
                text.append("Every card of this deck comes up before the exam.")
        if not context.persistent:
            text.append("\n\nPreview: the exam date is kept only until you quit.", style="italic")
        self.query_one("#exam-status", Static).update(text)
        self.refresh_bindings()

    def cram_text(self) -> Text:
        text = Text()
        text.append("Cram (c): ", style="bold")
        text.append(
            f"drill all {cards_phrase(self.cards)} of this deck now, in random order; "
            "Again and Hard bring a card back until you know it. Your schedule is not changed."
        )
        return text

    def feedback(self, ok: bool, message: str) -> None:
        """A line under the date box, marked ✓ or ✗ (never by colour alone)."""
        self.query_one("#exam-feedback", Static).update(f"{'✓' if ok else '✗'} {message}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear":
            return self.info is not None  # False hides the key, None would only dim it
        if action == "cram":
            return self.cards > 0
        return True

    # -- actions -----------------------------------------------------------------------------

    def action_edit_date(self) -> None:
        self.query_one("#exam-date", Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Digits typed outside the date box go into it, so a date can be typed without d.

        Keys typed right after d can also arrive before the focus has moved: none is lost.
        """
        box = self.query_one("#exam-date", Input)
        typed = event.character
        if typed is not None and (typed.isdigit() or typed == "-") and not box.has_focus:
            event.stop()
            box.insert_text_at_cursor(typed)
            box.focus()

    def action_submit(self) -> None:
        """Enter outside the date box (pressed before the focus moved in) submits it too."""
        box = self.query_one("#exam-date", Input)
        if box.value:
            self.submit(box.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(event.value)

    def submit(self, typed: str) -> None:
        context, now = self.context, self.clock()
        try:
            exam = parse_exam_date(typed, now.date())
        except ValueError as error:
            self.feedback(False, str(error))
            return
        try:
            context.study.set_exam(self.deck_id, exam, now)
        except QuizappError as error:
            self.feedback(False, f"Not saved: {error}")
            return
        self.query_one("#exam-date", Input).value = ""
        self.refresh_status()
        self.feedback(True, f"Exam date set to {exam}.")
        self.set_focus(None)

    def action_clear(self) -> None:
        context = self.context
        if self.info is None:
            return
        try:
            context.study.set_exam(self.deck_id, None, self.clock())
        except QuizappError as error:
            self.feedback(False, f"Not saved: {error}")
            return
        self.query_one("#exam-date", Input).value = ""
        self.refresh_status()
        self.feedback(True, "Exam date cleared: your reviews follow the usual schedule.")

    def action_cram(self) -> None:
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
