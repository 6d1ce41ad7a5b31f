"""Settings: the student's daily limits, desired retention and the hour a study day starts.

The same four settings as `quizapp settings`, from the same table (`study/preferences.py`), so
keys, ranges and messages agree. Each value is saved when Enter is pressed in its box; a value
out of range is refused with the allowed range and nothing is saved.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from quizapp.errors import QuizappError
from quizapp.study.preferences import PREFERENCES, preference
from quizapp.ui.screens.base import UsesQuizApp
from quizapp.ui.widgets.key_line import KeyLine

HELP = "Type a value and press Enter to save it · Tab / ↑ ↓ move · Esc goes back"


class SettingsScreen(UsesQuizApp, Screen[None]):
    """One box per setting, its allowed range beside it; Enter saves, Esc leaves."""

    CSS = """
    SettingsScreen #settings-title { height: 1; padding: 0 1; text-style: bold; }
    SettingsScreen #settings { height: 1fr; padding: 0 1; }
    SettingsScreen .pref-label { height: auto; margin: 1 0 0 0; }
    SettingsScreen Input { width: 24; }
    SettingsScreen #settings-status { height: auto; padding: 0 1; }
    """

    AUTO_FOCUS = "#pref-new_per_day"  # typing starts in the first box, not on the scroller
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back"),
        Binding("up", "app.focus_previous", "Previous", show=False),
        Binding("down", "app.focus_next", "Next", show=False),
    ]

    def compose(self) -> ComposeResult:
        context = self.quiz_app.context
        assert context is not None
        values = context.study.preferences()
        yield Static("Settings", id="settings-title")
        with VerticalScroll(id="settings"):
            for pref in PREFERENCES:
                label = f"{pref.label} ({pref.key}): {pref.allowed}\n  {pref.meaning}"
                yield Static(label, classes="pref-label", markup=False)
                value = values[pref.key]
                shown = f"{value:.2f}" if not pref.whole else str(value)
                yield Input(shown, id=f"pref-{pref.key}")
        yield Static(HELP, id="settings-status", markup=False)
        yield KeyLine()

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        context = self.quiz_app.context
        assert context is not None and event.input.id is not None
        key = event.input.id.removeprefix("pref-")
        status = self.query_one("#settings-status", Static)
        try:
            value = context.study.change_preference(key, event.value)
        except QuizappError as error:
            status.update(f"Not saved: {error}")
            return
        status.update(f"Saved: {preference(key).label} = {value}")
        self.focus_next()

    def action_leave(self) -> None:
        self.app.pop_screen()
