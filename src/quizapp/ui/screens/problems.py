"""Deck problems (`p` on Home): the validator's own messages, so a student can pass them on."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from quizapp.safety.terminal import literal


class ProblemsScreen(ModalScreen[None]):
    """Every problem found while loading, as `FILE:LINE:COL: card ID: message`; Escape closes."""

    # Parsed when the screen is first shown, not at start-up (issue 5).
    CSS = """
    ProblemsScreen { align: center middle; }
    ProblemsScreen #problems {
        width: 96;
        max-width: 100%;
        height: 80%;
        border: round $warning;
        padding: 0 1;
        background: $surface;
    }
    ProblemsScreen #problems-title { text-style: bold; width: 100%; }
    ProblemsScreen #problems-body { margin: 1 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,p", "close", "Close")]

    def __init__(self, problems: tuple[str, ...]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems"):
            count = len(self.problems)
            yield Static(
                f"{count} deck problem{'s' if count != 1 else ''}: these cards are left out",
                id="problems-title",
            )
            yield Static(literal("\n".join(self.problems)), markup=False, id="problems-body")
            yield Static(
                "Tell your instructor, or fix the deck and check it with `quizapp validate`.",
                id="problems-hint",
            )

    def action_close(self) -> None:
        self.dismiss(None)
