"""The Textual application: receives its services, shows the home screen."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Footer, Header, Static

from quizapp.decks import DeckSet


class QuizApp(App[None]):
    """quizapp's terminal UI."""

    CSS_PATH = Path(__file__).parent / "styles" / "app.tcss"
    TITLE = "quizapp"
    BINDINGS: ClassVar[list[BindingType]] = [("q", "quit", "Quit")]

    def __init__(self, deck_set: DeckSet) -> None:
        super().__init__()
        self.deck_set = deck_set

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[Text | int] = DataTable(id="decks", cursor_type="row")
        table.add_columns("Deck", "Cards")
        for deck in self.deck_set.decks:
            table.add_row(Text(deck.title), deck.card_count, key=deck.id)
        yield table
        if not self.deck_set.decks:
            yield Static(Text("No decks found. Put deck files (*.yaml) in the deck folder."))
        if self.deck_set.problems:
            lines = "\n".join(p.format() for p in self.deck_set.problems[:20])
            yield Static(Text(f"Problems in the decks:\n{lines}"), id="problems")
        yield Footer()
