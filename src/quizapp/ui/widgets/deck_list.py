"""Home's deck list: a header and one line per deck (or group) with its counts and progress.

A DataTable here cost ~50 ms of start-up (its stylesheet, and a Rich render per cell) to show a
handful of rows, a sixth of a bare Textual app's whole start. This widget draws each row as one
pre-formatted line through Textual's line API, with a sticky header, a cursor (marked by `▶` as
well as by colour), the usual movement keys and mouse support.
"""

from __future__ import annotations

from typing import ClassVar

import msgspec
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

BAR_CELLS = 10
COUNT_WIDTHS = (5, 5, 8)  # Due, New, Learned
PROGRESS_WIDTH = BAR_CELLS + 5
FIXED_WIDTH = 2 + sum(COUNT_WIDTHS) + PROGRESS_WIDTH + 2 * 4 + 1  # gutter, gaps, margin


def progress_bar(learned: int, total: int) -> str:
    """`██████░░░░  60%`: readable without colour."""
    share = learned / total if total else 0.0
    filled = round(share * BAR_CELLS)
    return "█" * filled + "░" * (BAR_CELLS - filled) + f" {round(share * 100):3d}%"


class DeckRow(msgspec.Struct, frozen=True):
    """One line of the list: a deck, or a group heading that stands for several decks."""

    key: str
    label: Text
    due: int
    new: int
    learned: int
    learning: int = 0

    @property
    def total(self) -> int:
        return self.new + self.learning + self.learned


class DeckList(ScrollView, can_focus=True):
    """Rows of decks; Enter or a click on the highlighted row posts `Selected`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "deck-list--header",
        "deck-list--cursor",
        "deck-list--stripe",
    }
    DEFAULT_CSS = """
    DeckList { height: 1fr; }
    DeckList > .deck-list--header { text-style: bold; color: $text-accent; }
    DeckList > .deck-list--stripe { background: $surface-lighten-1 20%; }
    DeckList > .deck-list--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
    }
    DeckList:focus > .deck-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True)

    class Selected(Message):
        """The highlighted row was chosen (Enter is the screen's, a click is the list's)."""

        def __init__(self, row: DeckRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[DeckRow] = []

    def set_rows(self, rows: list[DeckRow]) -> None:
        """Show `rows`, keeping the cursor where it was (or on the last row)."""
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        self.cursor_row = min(self.cursor_row, max(0, len(rows) - 1))
        self.refresh()

    @property
    def highlighted(self) -> DeckRow | None:
        return self.rows[self.cursor_row] if self.rows else None

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            header = self.format_line(Text("Deck"), ("Due", "New", "Learned", "Progress"))
            return self.strip(header, self.get_component_rich_style("deck-list--header"), width)
        index = y - 1 + round(self.scroll_offset.y)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        cells = (str(row.due), str(row.new), str(row.learned), progress_bar(row.learned, row.total))
        line = self.format_line(row.label, cells, cursor=index == self.cursor_row)
        if index == self.cursor_row:
            style = self.get_component_rich_style("deck-list--cursor")
        elif index % 2:
            style = self.get_component_rich_style("deck-list--stripe")
        else:
            style = Style()
        return self.strip(line, style, width)

    def format_line(self, label: Text, cells: tuple[str, ...], cursor: bool = False) -> Text:
        """Gutter, the label cut or padded to the room left, then the right-aligned counts."""
        room = max(8, self.size.width - FIXED_WIDTH)
        line = Text("▶ " if cursor else "  ")
        title = label.copy()
        title.truncate(room, overflow="ellipsis", pad=True)
        line.append_text(title)
        for cell, cell_width in zip(cells, (*COUNT_WIDTHS, PROGRESS_WIDTH), strict=True):
            line.append("  " + cell.rjust(cell_width))
        return line

    def strip(self, line: Text, style: Style, width: int) -> Strip:
        segments = [
            Segment(s.text, style + s.style if s.style else style)
            for s in line.render(self.app.console)
        ]
        return Strip(segments).adjust_cell_length(width, self.rich_style + style)

    # -- moving ----------------------------------------------------------------------------

    def watch_cursor_row(self, row: int) -> None:
        visible = max(1, self.size.height - 1)
        top = round(self.scroll_offset.y)
        if row < top:
            self.scroll_to(y=row, animate=False)
        elif row >= top + visible:
            self.scroll_to(y=row - visible + 1, animate=False)
        self.refresh()

    def action_cursor(self, step: int) -> None:
        if self.rows:
            self.cursor_row = max(0, min(len(self.rows) - 1, self.cursor_row + step))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.size.height - 2))

    def action_cursor_to(self, row: int) -> None:
        if self.rows:
            self.cursor_row = row % len(self.rows)

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            return
        index = event.y - 1 + round(self.scroll_offset.y)
        if index < len(self.rows):
            if index == self.cursor_row:
                self.post_message(self.Selected(self.rows[index]))
            self.cursor_row = index

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self.watch_cursor_row(self.cursor_row)
