"""The app `quizapp triage` runs: the triage screen alone, no study services or store."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from quizapp.authoring.triage import TriageSession
from quizapp.ui.hangup import watch_terminal
from quizapp.ui.screens.triage import TriageScreen


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
        watch_terminal(self)
