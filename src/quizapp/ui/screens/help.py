"""Help (`?`): every key of every screen, read from the screens' declared bindings."""

from __future__ import annotations

import importlib
import textwrap
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

SCREENS = (
    ("Home", "quizapp.ui.screens.home", "HomeScreen"),
    ("Review", "quizapp.ui.screens.review", "ReviewScreen"),
    ("Session summary", "quizapp.ui.screens.summary", "SummaryScreen"),
    ("Exam and cram (e on Home)", "quizapp.ui.screens.exam", "ExamScreen"),
    ("Quiz", "quizapp.ui.screens.quiz", "QuizScreen"),
    ("Stats", "quizapp.ui.screens.stats", "StatsScreen"),
    ("Browse", "quizapp.ui.screens.browse", "BrowseScreen"),
    ("Lineage (l on Home)", "quizapp.ui.screens.lineage", "LineageScreen"),
    ("Lineage quiz (x on Lineage)", "quizapp.ui.screens.lineage_quiz", "LineageQuizScreen"),
    ("Timeline (t on Home)", "quizapp.ui.screens.timeline", "TimelineScreen"),
    ("Triage (quizapp triage FILE, or the palette)", "quizapp.ui.screens.triage", "TriageScreen"),
    ("Settings (o on Home, Ctrl+P → Settings)", "quizapp.ui.screens.settings", "SettingsScreen"),
)

KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "minus": "-",
    "plus": "+",
    "space": "Space",
    "enter": "Enter",
    "escape": "Esc",
    "at": "@",
    "equals_sign": "=",
}

EXTRA = {
    "Review": [
        ("5-9", "Pick option / match 5-9"),
        ("Space / Enter", "After a basic card's answer: Good"),
    ],
    "Exam and cram (e on Home)": [("0-9", "Start typing the exam date (YYYY-MM-DD)")],
    "Lineage (l on Home)": [
        ("Up / Down", "Move between groups"),
        ("Left / Right", "Pan a drawing wider than the terminal"),
    ],
    "Timeline (t on Home)": [("Up / Down", "Move between dated facts")],
    "Everywhere": [
        ("?", "This help"),
        ("Ctrl+P", "Command palette (settings, unsuspend, themes, screens, quit)"),
        ("Ctrl+Z", "Undo the last answer, suspension or burial (u where no text box has focus)"),
        ("Ctrl+Q", "Quit"),
    ],
}


def key_label(keys: str) -> str:
    return " / ".join(
        KEY_NAMES.get(k, k.replace("shift+", "Shift+").replace("ctrl+", "Ctrl+").capitalize())
        if len(k) > 1
        else k
        for k in keys.split(",")
    )


def bindings_of(bindings: list[BindingType]) -> list[tuple[str, str]]:
    rows = []
    for binding in bindings:
        if isinstance(binding, Binding):
            rows.append((key_label(binding.key), binding.description))
    return rows


def key_map() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every screen's keys (its bindings, then keys it reads itself), then the global ones."""
    sections = []
    for title, module_name, class_name in SCREENS:
        screen = getattr(importlib.import_module(module_name), class_name)
        sections.append((title, bindings_of(screen.BINDINGS) + EXTRA.get(title, [])))
    sections.append(("Everywhere", EXTRA["Everywhere"]))
    return sections


def help_text(width: int = 200) -> Text:
    """Every key, a section per screen; a description longer than `width` allows wraps under
    itself, not back to the left edge (60 columns)."""
    text = Text()
    for title, rows in key_map():
        text.append(f"{title}\n", style="bold underline")
        for key, description in rows:
            text.append(f"  {key:<16}", style="bold")
            lines = textwrap.wrap(description, max(12, width - 18)) or [""]
            text.append(("\n" + " " * 18).join(lines) + "\n")
        text.append("\n")
    text.rstrip()
    return text


def keys_markdown() -> str:
    """docs/keys.md: the same key map as `?`, generated from the bindings (a test compares)."""
    lines = [
        "# Keys",
        "",
        "Generated from the screens' key bindings by `python -m quizapp.ui.screens.help`; a test",
        "fails when this page and the app disagree. A key keeps its meaning: nothing on Home",
        "(s Stats, b Browse, e Exam) changes your schedule in a review, where suspend is `@` and",
        "bury is `=`.",
    ]
    for title, rows in key_map():
        lines += ["", f"## {title}", "", "| key | what it does |", "|---|---|"]
        for key, description in rows:
            shown = key.replace("|", "\\|")
            lines.append(f"| `{shown}` | {description} |")
    return "\n".join(lines) + "\n"


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys; Escape, q or ? closes it."""

    # Parsed when the screen is first shown, not at start-up (issue 5).
    CSS = """
    HelpScreen { align: center middle; }
    HelpScreen #help {
        width: 76;
        max-width: 100%;
        height: 90%;
        border: round $primary;
        padding: 0 1;
        background: $surface;
    }
    HelpScreen #help-title { text-style: bold; content-align: center middle; width: 100%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static("Keys", id="help-title")
            # the dialog's width (76 at most) less its border, padding and scrollbar
            width = min(76, self.app.size.width) - 6
            yield Static(help_text(width), markup=False, id="help-body")

    def action_close(self) -> None:
        self.dismiss(None)


if __name__ == "__main__":
    import sys

    sys.stdout.write(keys_markdown())
