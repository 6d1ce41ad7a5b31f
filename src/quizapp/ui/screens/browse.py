"""Browse: search cards by text, tag, category, deck and state; see a card's memory and history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import get_current_worker

from quizapp.facts.stale import StaleFact, stale_facts
from quizapp.model.units import StudyUnit
from quizapp.quiz.prompts import prompt_of
from quizapp.quiz.search import parse_query, search
from quizapp.safety.terminal import literal, visible
from quizapp.study.context import StudyContext
from quizapp.ui.render import answer_text
from quizapp.ui.widgets.key_line import KeyLine

LIMIT = 200
STALE_MARK = "\u231b "
"""Marks a card testing a stale fact (`state:stale` finds them all)."""


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class BrowseScreen(Screen[None]):
    """A search box, the matching cards, and the highlighted card's details."""

    # Parsed when the screen is first shown, not at start-up (issue 5).
    CSS = """
    BrowseScreen #browse-body { height: 1fr; }
    BrowseScreen #results { width: 1fr; height: 1fr; }
    BrowseScreen #detail-box { width: 1fr; height: 1fr; border-left: solid $primary; padding: 0 1; }
    """

    AUTO_FOCUS = "#search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Home"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("at", "toggle_suspend", "Suspend / unsuspend", key_display="@"),
        Binding("u", "app.undo", "Undo", show=False),
    ]

    class Found(Message):
        """A search the worker finished: the text searched for and the matching units."""

        def __init__(self, text: str, units: list[StudyUnit]) -> None:
            super().__init__()
            self.text = text
            self.units = units

    def __init__(
        self, context: StudyContext, clock: Callable[[], dt.datetime], query: str = ""
    ) -> None:
        super().__init__()
        self.context = context
        self.clock = clock
        self.initial_query = query
        self.found: list[StudyUnit] = []
        self.stale: dict[str, StaleFact] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="words  tag:T  deck:D  cat:date  state:new|learning|review|suspended|leech",
            id="search",
        )
        with Horizontal(id="browse-body"):
            yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="detail-box"):
                yield Static(id="detail", markup=False)
        yield KeyLine()

    def on_mount(self) -> None:
        table = self.query_one("#results", DataTable)
        table.add_column("Card", key="card")
        table.add_column("Deck", key="deck")
        search = self.query_one("#search", Input)
        with search.prevent(Input.Changed):
            search.value = self.initial_query
        self.run_search(self.initial_query)

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search")
    def search_done(self) -> None:
        self.query_one("#results", DataTable).focus()

    @work(thread=True, exclusive=True)
    def run_search(self, text: str) -> None:
        """Search off the UI thread (a state filter asks the store about every unit); a search
        overtaken by the next keystroke is dropped."""
        context, now = self.context, self.clock()

        def state_of(uid: str) -> str:
            return context.study.info(uid, now).state

        stale = self.stale_facts()

        def is_stale(unit: StudyUnit) -> bool:
            card = unit.card
            return card.fact in stale or any(fact_id in stale for fact_id in card.facts)

        units = context.units.values()
        found = list(search(units, parse_query(text), state_of, LIMIT, stale=is_stale))
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(text, found))

    def stale_facts(self) -> dict[str, StaleFact]:
        """Time-sensitive facts whose "as of" is five or more years before today (local)."""
        if self.stale is None:
            today = self.clock().astimezone().date()
            self.stale = {s.fact_id: s for s in stale_facts(self.context.facts.values(), today)}
        return self.stale

    def stale_fact_of(self, unit: StudyUnit) -> StaleFact | None:
        stale = self.stale_facts()
        card = unit.card
        for fact_id in (card.fact,) if card.fact is not None else card.facts:
            if fact_id in stale:
                return stale[fact_id]
        return None

    def on_browse_screen_found(self, message: Found) -> None:
        self.found = message.units
        # after the next refresh: rows added to a table not yet laid out (the palette's
        # Unsuspend… searches as the screen opens) could keep its columns a few cells wide
        self.call_after_refresh(self.fill_results)

    def fill_results(self) -> None:
        table = self.query_one("#results", DataTable)
        table.clear()
        card_width, deck_width = self.column_widths()
        for unit in self.found:
            mark = STALE_MARK if self.stale_fact_of(unit) is not None else ""
            question = clip(mark + prompt_of(unit).question.splitlines()[0], card_width)
            table.add_row(literal(question), literal(clip(unit.deck_id, deck_width)), key=unit.uid)
        if self.found:
            self.show_detail(self.found[0].uid)
        else:
            self.query_one("#detail", Static).update("No card matches. Esc goes home.")
        # `@` is shown only while the table has rows (check_action): the key line is redrawn
        # now, not at whatever refresh comes next (none did when a slow search came back late)
        self.refresh_bindings()

    def column_widths(self) -> tuple[int, int]:
        """Card and deck column widths that fit the results pane: half the screen, from the
        screen's width rather than the table's, which is not laid out yet when the first
        search comes back (the columns then came out a few cells wide)."""
        pane = self.app.size.width // 2
        deck = min(18, max(6, pane // 3))
        return max(12, pane - deck - 5), deck

    def on_resize(self) -> None:
        self.fill_results()

    @on(DataTable.RowHighlighted, "#results")
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.show_detail(event.row_key.value)

    def show_detail(self, uid: str) -> None:
        context = self.context
        unit = context.units[uid]
        now = self.clock()
        info = context.study.info(uid, now)
        text = Text()
        text.append_text(literal(prompt_of(unit).question, "bold"))
        text.append("\n")
        text.append_text(answer_text(unit.card, prompt_of(unit).answer))
        kind = unit.card.__struct_config__.tag
        text.append_text(literal(f"\n\nCard {unit.uid} ({kind}) · deck {unit.deck_id}"))
        text.append(f" · {unit.card.category.value}")
        if unit.card.tags:
            text.append(" · tags ")
            text.append_text(literal(", ".join(unit.card.tags)))
        stale = self.stale_fact_of(unit)
        if stale is not None:
            text.append("\n\nStale: ", style="bold")
            text.append_text(
                literal(
                    f"{STALE_MARK}time-sensitive fact {stale.fact_id}, as of {stale.as_of} "
                    f"({stale.years} years ago): re-check it against {', '.join(stale.docs)}."
                )
            )
        text.append("\n\nState        ", style="bold")
        text.append(info.state)
        due = info.due.strftime("%Y-%m-%d %H:%M UTC") if info.due else "-"
        text.append(f"\nNext due     {due}")
        stability = f"{info.stability:.1f} days" if info.stability is not None else "-"
        text.append(f"\nStability    {stability}")
        difficulty = f"{info.difficulty:.1f} / 10" if info.difficulty is not None else "-"
        text.append(f"\nDifficulty   {difficulty}")
        recall = f"{info.retrievability:.0%}" if info.retrievability is not None else "-"
        text.append(f"\nRecall now   {recall}")
        text.append(f"\nReviews      {info.reps} (lapses {info.lapses})")
        history = context.study.history(uid)
        text.append("\n\nHistory\n", style="bold")
        if not history:
            text.append("  never reviewed\n")
        for entry in history[-12:]:
            text.append(f"  {entry.at:%Y-%m-%d %H:%M}  {entry.rating.label}\n")
        self.query_one("#detail", Static).update(text)

    def highlighted_uid(self) -> str | None:
        table = self.query_one("#results", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    def action_toggle_suspend(self) -> None:
        """Suspend the highlighted card, or bring a suspended one (a leech too) back."""
        context = self.context
        uid = self.highlighted_uid()
        if uid is None:
            return
        now = self.clock()
        unit = context.units[uid]
        if context.study.info(uid, now).state.startswith("suspended"):
            context.study.unsuspend(unit, now)
            self.notify(f"{visible(uid)} is back in your reviews; u undoes.", markup=False)
        else:
            context.study.suspend(unit, now)
            self.notify(f"{visible(uid)} is suspended; @ again or u brings it back.", markup=False)
        self.show_detail(uid)

    def after_undo(self) -> None:
        uid = self.highlighted_uid()
        if uid is not None:
            self.show_detail(uid)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_suspend":
            return self.query_one("#results", DataTable).row_count > 0
        return True

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_leave(self) -> None:
        self.app.pop_screen()
