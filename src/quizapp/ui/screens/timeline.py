"""Timeline: every dated fact on a scale, busy years expanded, empty stretches one row.

A density strip sums up the whole period; below it each fact sits under its year with its date
at its precision and its source. `/` filters (`group:AQIM type:event 2007-2013 words`), Space
marks the start of a span (else the span is the cursor's year), Enter studies the span's cards
now (a cram) and o puts the span's events in order (a drill made on the spot).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.facts.drawing import clip
from quizapp.facts.lineage import spoken
from quizapp.facts.timeline import (
    ScaleRow,
    TimelineEntry,
    TimelineFilter,
    apply_filter,
    density,
    order_items,
    parse_filter,
    scale_rows,
    short_date,
)
from quizapp.model.facts import Fact
from quizapp.model.units import StudyUnit
from quizapp.safety.terminal import literal
from quizapp.ui.requests import StudyNow
from quizapp.ui.screens.base import UsesQuizApp
from quizapp.ui.widgets.key_line import KeyLine
from quizapp.ui.widgets.row_list import RowList, cell, width_of

if TYPE_CHECKING:
    from textual.widgets import Input

DATE_WIDTH = 9
MAX_ROW_TEXT = 300
"""A fact longer than this is cut on the scale; the detail below shows it whole."""
SPAN_MARK = "\u2503"


class TimelineScreen(UsesQuizApp, Screen[None]):
    """The scale, the filter, and the facts of the highlighted entry."""

    CSS = """
    TimelineScreen #timeline-title { height: 1; background: $panel; text-style: bold; }
    TimelineScreen #timeline-title { padding: 0 1; }
    TimelineScreen #density { height: 1; padding: 0 1; }
    TimelineScreen #timeline-filter { height: 3; }
    TimelineScreen #scale { height: 1fr; }
    TimelineScreen #entry-box { height: 35%; border-top: solid $primary; padding: 0 1; }
    """

    AUTO_FOCUS = "#scale"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Home"),
        Binding("enter", "study", "Study span"),
        Binding("space", "mark", "Span"),
        Binding("o", "order", "Order"),
        Binding("slash", "filter", "Filter", key_display="/"),
    ]

    def __init__(
        self,
        entries: Sequence[TimelineEntry],
        facts: Mapping[str, Fact],
        units: Sequence[StudyUnit],
        group_names: Mapping[str, Sequence[str]],
    ) -> None:
        super().__init__()
        self.all_entries = list(entries)
        self.facts = facts
        self.units = units
        self.group_names = group_names
        self.entries: list[TimelineEntry] = self.all_entries
        self.rows: list[ScaleRow] = []
        self.span_start: int | None = None
        self.filter_text = ""

    def compose(self) -> ComposeResult:
        yield Static(id="timeline-title", markup=False)
        yield Static(id="density", markup=False)
        yield RowList(id="scale")
        with VerticalScroll(id="entry-box"):
            yield Static(id="entry", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        self.show_entries(self.all_entries)

    # -- drawing ---------------------------------------------------------------------------

    def show_entries(self, entries: list[TimelineEntry]) -> None:
        self.entries = entries
        self.span_start = None
        self.rows = scale_rows(entries)
        stops = [index for index, row in enumerate(self.rows) if row.entry is not None]
        width = max(
            (
                width_of(e.text[:MAX_ROW_TEXT]) + sum(width_of(d) + 2 for d in e.docs)
                for e in entries
            ),
            default=0,
        )
        self.query_one(RowList).set_rows(
            len(self.rows), width + DATE_WIDTH + 12, self.render_row, stops
        )
        self.paint_header()
        if not entries:
            self.query_one("#entry", Static).update(
                "No dated facts match." if self.filter_text else "The decks have no dated facts."
            )

    def paint_header(self) -> None:
        count = len(self.entries)
        title = f"Timeline · {count} dated fact{'s' * (count != 1)}"
        if self.filter_text:
            title += f" · filter: {self.filter_text}"
        self.query_one("#timeline-title", Static).update(literal(title))
        width = max(10, (self.size.width or self.app.size.width) - 14)
        bars, first, last = density(self.entries, width)
        line = Text(f"{first} " if bars else "")
        line.append(bars)
        if bars:
            line.append(f" {last}")
        self.query_one("#density", Static).update(line)

    def on_resize(self) -> None:
        self.paint_header()

    def render_row(self, index: int) -> Text:
        row = self.rows[index]
        text = Text(f"{row.year:>4} ", style="bold")
        if row.entry is None:
            text.append(f"{row.mark} {row.text}", style="dim")
            return text
        span = self.span()
        text.append(SPAN_MARK if span and span[0] <= row.entry <= span[1] else row.mark)
        entry = self.entries[row.entry]
        text.append(f" {short_date(entry):<{DATE_WIDTH}} ", style="dim")
        text.append_text(cell(clip(entry.text, MAX_ROW_TEXT)))
        text.append("  (", style="dim")
        text.append_text(cell(", ".join(entry.docs), "dim"))
        text.append(")", style="dim")
        return text

    def cursor_entry(self) -> int | None:
        row = self.query_one(RowList).cursor_row
        return None if row is None else self.rows[row].entry

    def span(self) -> tuple[int, int] | None:
        """Entry indexes (first, last) of the span: from the mark to the cursor, else the
        cursor's year."""
        cursor = self.cursor_entry()
        if cursor is None:
            return None
        if self.span_start is not None:
            return min(self.span_start, cursor), max(self.span_start, cursor)
        year = self.entries[cursor].year
        first = last = cursor
        while first > 0 and self.entries[first - 1].year == year:
            first -= 1
        while last + 1 < len(self.entries) and self.entries[last + 1].year == year:
            last += 1
        return first, last

    def span_entries(self) -> list[TimelineEntry]:
        span = self.span()
        return [] if span is None else self.entries[span[0] : span[1] + 1]

    def on_row_list_moved(self, message: RowList.Moved) -> None:
        # The span follows the cursor (its year, or from the mark): its marks move with it.
        self.query_one(RowList).invalidate()
        entry_index = self.rows[message.row].entry
        if entry_index is not None:
            self.show_entry(self.entries[entry_index])

    def show_entry(self, entry: TimelineEntry) -> None:
        text = Text()
        text.append_text(literal(entry.spoken_date(), "bold"))
        text.append(f"  {entry.type}\n")
        text.append_text(literal(entry.text))
        if entry.disputed:
            text.append("\nSources differ on the date:", style="bold")
            for claim in entry.disputed:
                text.append("\n  ")
                text.append_text(literal(f"{', '.join(claim.docs)}: {spoken(claim.value)}"))
        fact = self.facts.get(entry.fact_id)
        for source in fact.sources if fact is not None else ():
            text.append("\n")
            text.append_text(literal(f"\u201c{source.quote}\u201d", "italic"))
            text.append(" \u2014 ")
            text.append_text(literal(source.doc, "bold"))
        span = self.span_entries()
        if len(span) > 1:
            text.append(f"\nSpan: {span[0].date} to {span[-1].date}, {len(span)} facts", "dim")
        self.query_one("#entry", Static).update(text)

    # -- actions ---------------------------------------------------------------------------

    def action_mark(self) -> None:
        cursor = self.cursor_entry()
        self.span_start = None if self.span_start is not None else cursor
        self.query_one(RowList).invalidate()
        if cursor is not None:
            self.show_entry(self.entries[cursor])

    def action_study(self) -> None:
        from quizapp.ui.screens.lineage import units_for_facts

        span = self.span_entries()
        units = units_for_facts(self.units, {entry.fact_id for entry in span})
        if not units:
            self.notify("No cards test the facts of this span.", timeout=3)
            return
        title = f"Timeline · {span[0].date}" + (f" to {span[-1].date}" if len(span) > 1 else "")
        self.post_message(StudyNow(units, title))

    def action_order(self) -> None:
        from quizapp.model.cards import Category, OrderCard, OrderItem
        from quizapp.model.units import units_of

        items = order_items(self.span_entries())
        if len(items) < 2:
            self.notify(
                "An ordering drill needs two facts with different dates: Space marks the start "
                "of a span, then move the cursor.",
                timeout=4,
            )
            return
        first = self.facts.get(items[0].fact_id)
        if first is None:
            return
        card = OrderCard(
            id="timeline-order",
            category=Category.DATE,
            source=first.sources[0],
            prompt="Put these in the order they happened.",
            items=tuple(OrderItem(text=item.text, date=item.date) for item in items),
        )
        title = f"Order · {items[0].date} to {items[-1].date}"
        self.post_message(StudyNow(units_of(card, "timeline"), title))

    async def action_filter(self) -> None:
        from textual.widgets import Input

        found = self.query("#timeline-filter")
        if found:
            found.first().focus()
            return
        box = Input(
            value=self.filter_text,
            placeholder="group:AQIM type:event 2007-2013 words",
            id="timeline-filter",
        )
        await self.mount(box, after="#density")
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "timeline-filter":
            return
        self.filter_text = event.value.strip()
        wanted: TimelineFilter = parse_filter(self.filter_text, self.group_names)
        if wanted.unknown_groups:
            self.notify(f"No group is called {', '.join(wanted.unknown_groups)}.", timeout=3)
        event.input.remove()
        self.show_entries(apply_filter(self.all_entries, wanted))
        self.query_one(RowList).focus()

    def action_leave(self) -> None:
        if self.span_start is not None:
            self.span_start = None
            self.query_one(RowList).invalidate()
            return
        self.app.pop_screen()
