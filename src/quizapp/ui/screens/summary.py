"""Session summary: cards done, accuracy, time, what is due next, and the cards missed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from quizapp.quiz.prompts import prompt_of
from quizapp.ui.render import hanging
from quizapp.ui.widgets.key_line import KeyLine

if TYPE_CHECKING:
    from quizapp.study.context import StudyContext
    from quizapp.study.session_log import SessionLog


def duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


class SummaryScreen(Screen[bool]):
    """Shown when a review session ends (queue empty, or Escape after some answers).

    Returns True when the student asks for more of the same session (the app starts it).
    """

    # Parsed when the screen is first shown, not at start-up (issue 5).
    CSS = """
    SummaryScreen #summary { padding: 1 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "home", "Home"),
        Binding("r", "again", "Review more"),
    ]

    def __init__(self, log: SessionLog, context: StudyContext, now: dt.datetime) -> None:
        super().__init__()
        self.session_log = log
        self.context = context
        self.now = now
        self.left = log.left
        """Cards still to go when the student left early (None: the session ran out)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="summary"):
            yield Static(self.summary(), id="summary-text", markup=False)
        yield KeyLine()

    def summary(self) -> Text:
        now = self.now
        log = self.session_log
        text = Text()
        if self.left:
            noun = "card" if self.left == 1 else "cards"
            what = "Cram" if log.cram else "Session"
            text.append(f"{what} paused — {self.left} {noun} left\n", style="bold")
            if log.cram:
                text.append("Cram: your schedule was not changed.\n")
            text.append("r goes on where you left off.\n\n")
        elif log.cram:
            text.append("Cram complete\n", style="bold")
            text.append("Cram: your schedule was not changed.\n\n")
        else:
            text.append("Session complete\n\n", style="bold")
            limit = self.context.study.new_limit(log.deck_ids, now)
            if limit.reached:
                from quizapp.ui.screens.home import limit_line

                text.append(limit_line(limit.done) + "\nr reviews more new cards anyway.\n\n")
        if log.done == 0 and log.cram:
            text.append("No cards to cram here. Pick another deck on Home.\n")
        elif log.done == 0:
            text.append("Nothing was due here. Pick another deck, or press x on Home for a quiz.\n")
            buried = self.context.study.buried_new(log.deck_ids, now)
            if buried:
                noun = "new card waits" if buried == 1 else "new cards wait"
                text.append(
                    f"{buried} {noun} for tomorrow: each shares a card, a fact or a quoted "
                    "sentence with one studied today, and would give it away.\n"
                )
        accuracy = log.accuracy
        spent = log.seconds
        text.append(f"Cards done   {log.done}\n")
        text.append(f"Accuracy     {'-' if accuracy is None else f'{accuracy:.0%}'}\n")
        text.append(f"Time         {duration(spent)}\n")
        forecast = self.context.study.forecast(now, 7)
        text.append(
            f"Due next     {forecast[0]} later today, {forecast[1] if len(forecast) > 1 else 0} "
            f"tomorrow, {sum(forecast)} this week\n"
        )
        missed = log.missed()
        text.append(f"\nMissed ({len(missed)})\n", style="bold")
        if not missed:
            text.append("  none: well done.\n")
        width = max(20, self.app.size.width - 6)  # the padding (2 + 2) and a scrollbar
        for unit in missed:
            prompt = prompt_of(unit)
            text.append_text(hanging("  ✗ ", prompt.question, width))
            text.append_text(hanging("     → ", prompt.answer, width, "bold"))
        return text

    def action_home(self) -> None:
        self.dismiss(False)

    def action_again(self) -> None:
        self.dismiss(True)
