"""A scrolling list of text rows with a cursor, drawn a line at a time.

The lineage and timeline screens show thousands of rows: only the rows on screen are turned
into text (by the screen's `render_row`), so opening costs the same at 10,000 facts as at 100,
and a cursor move repaints two lines. Rows wider than the view pan with left / right. The
cursor row starts with `▶` and is reversed: visible under NO_COLOR too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from quizapp.safety.terminal import one_line

CURSOR_MARK = "\u25b6 "
PLAIN_MARK = "  "
PAN_STEP = 8


def cell(text: str, style: str = "") -> Text:
    """Untrusted text for one row: markup stays text, controls and newlines are made visible."""
    return Text(one_line(text), style=style)


def width_of(text: str) -> int:
    """Cells `text` takes; ASCII (most rows) without asking Rich character by character."""
    return len(text) if text.isascii() else cell_len(text)


class RowList(ScrollView, can_focus=True):
    """Rows from `render_row(index)`; the cursor stops only on `stops` (all rows by default)."""

    DEFAULT_CSS = """
    RowList { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "move(-10)", "Page up", show=False),
        Binding("pagedown", "move(10)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("left,h", "pan(-1)", "Pan left", show=False),
        Binding("right,l", "pan(1)", "Pan right", show=False),
    ]

    class Moved(Message):
        """The cursor is on another row."""

        def __init__(self, row_list: RowList, row: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.row = row

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.count = 0
        self.render_row: Callable[[int], Text] = lambda index: Text()
        self.stops: Sequence[int] = ()
        self.stop_index = 0
        self.cache: dict[int, list[Segment]] = {}

    def set_rows(
        self,
        count: int,
        width: int,
        render_row: Callable[[int], Text],
        stops: Sequence[int] | None = None,
        cursor: int = 0,
    ) -> None:
        """Show `count` rows at most `width` cells wide; the cursor on stop number `cursor`."""
        self.count = count
        self.render_row = render_row
        self.stops = stops if stops is not None else range(count)
        self.stop_index = max(0, min(cursor, len(self.stops) - 1))
        self.cache = {}
        self.virtual_size = Size(width + len(CURSOR_MARK), count)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()
        if self.stops:
            self.call_after_refresh(self.show_cursor)

    @property
    def cursor_row(self) -> int | None:
        return self.stops[self.stop_index] if self.stops else None

    def invalidate(self) -> None:
        """Rows changed their text (the quiz hides one): draw them again."""
        self.cache = {}
        self.refresh()

    def action_move(self, delta: int) -> None:
        if self.stops:
            self.move_to(max(0, min(self.stop_index + delta, len(self.stops) - 1)))

    def action_jump(self, index: int) -> None:
        if self.stops:
            self.move_to(index % len(self.stops))

    def action_pan(self, direction: int) -> None:
        self.scroll_to(x=self.scroll_x + direction * PAN_STEP, animate=False)

    def move_to(self, stop_index: int) -> None:
        old = self.cursor_row
        self.stop_index = stop_index
        new = self.cursor_row
        for row in (old, new):
            if row is not None:
                self.cache.pop(row, None)
                self.refresh_line(row - int(self.scroll_y))
        self.show_cursor()

    def show_cursor(self) -> None:
        row = self.cursor_row
        if row is None:
            return
        height = self.scrollable_content_region.height or 1
        top = int(self.scroll_y)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)
        self.post_message(self.Moved(self, row))

    def row_segments(self, row: int) -> list[Segment]:
        found = self.cache.get(row)
        if found is None:
            text = Text(CURSOR_MARK if row == self.cursor_row else PLAIN_MARK)
            text.append_text(self.render_row(row))
            if row == self.cursor_row:
                text.stylize("reverse bold")
            found = list(text.render(self.app.console))
            found = [segment for segment in found if segment.text != "\n"]
            if len(self.cache) > 512:
                self.cache.clear()
            self.cache[row] = found
        return found

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = y + scroll_y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if row >= self.count:
            return Strip.blank(width, style)
        strip = Strip(list(Segment.apply_style(self.row_segments(row), style)))
        if strip.cell_length > scroll_x + width > scroll_x + 1:  # cut: say so with "…"
            kept = strip.crop_extend(scroll_x, scroll_x + width - 1, style)
            return Strip.join([kept, Strip([Segment("…", style)], 1)])
        return strip.crop_extend(scroll_x, scroll_x + width, style)
