"""The app `quizapp triage` runs: the triage screen alone, no study services or store."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from quizapp.authoring.triage import TriageSession
from quizapp.ui.hangup import exit_on_hangup
from quizapp.ui.screens.triage import TriageScreen

TERMINAL_CHECK_SECONDS = 1.0


class TriageApp(App[None]):
    TITLE = "quizapp triage"
    CSS_PATH = Path(__file__).parent / "styles" / "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, session: TriageSession) -> None:
        super().__init__()
        self.session = session

    def on_mount(self) -> None:
        # Pushed, not the default screen: a screen's own CSS is loaded when it is pushed.
        self.push_screen(TriageScreen(self.session), lambda _result: self.exit())
        if not self.is_headless:
            exit_on_hangup(self)
        if not self.is_headless and _stdin_is_terminal():
            self.set_interval(TERMINAL_CHECK_SECONDS, self.exit_if_terminal_gone)

    def exit_if_terminal_gone(self) -> None:
        """Quit once the terminal has hung up, as the study app does (see `QuizApp`); the last
        decision is written on the way out."""
        if not _stdin_is_terminal():
            self.exit(return_code=1)


def _stdin_is_terminal() -> bool:
    stdin = sys.__stdin__
    return stdin is not None and os.isatty(stdin.fileno())
