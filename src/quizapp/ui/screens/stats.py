"""Stats: review heatmap for the past year, 30-day due forecast, retention, hardest cards.

The forecast chart uses textual-plotext, imported here only (the screen loads on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual_plotext import PlotextPlot

from quizapp.quiz.prompts import prompt_of
from quizapp.safety.terminal import literal
from quizapp.study.stats import hardest, heatmap_rows, retention_by, reviews_per_day
from quizapp.ui.screens.base import UsesQuizApp

if TYPE_CHECKING:
    pass

FORECAST_DAYS = 30


class StatsScreen(UsesQuizApp, Screen[None]):
    """Everything is computed once when the screen opens."""

    # Parsed when the screen is first shown, not at start-up (issue 5).
    CSS = """
    StatsScreen #stats { padding: 0 1; }
    StatsScreen .stats-title { text-style: bold underline; margin-top: 1; }
    StatsScreen #forecast { height: 12; }
    StatsScreen .stats-table { height: auto; max-height: 12; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "app.pop_screen", "Home")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static("Reviews over the past year", classes="stats-title")
            yield Static(id="heatmap", markup=False)
            yield Static(f"Due in the next {FORECAST_DAYS} days", classes="stats-title")
            yield PlotextPlot(id="forecast")
            yield Static(id="forecast-text", markup=False)
            yield Static("Retention by category", classes="stats-title")
            yield DataTable(id="by-category", cursor_type="none", classes="stats-table")
            yield Static("Retention by deck", classes="stats-title")
            yield DataTable(id="by-deck", cursor_type="none", classes="stats-table")
            yield Static("Hardest cards", classes="stats-title")
            yield DataTable(id="hardest", cursor_type="none", classes="stats-table")
        yield Footer()

    def on_mount(self) -> None:
        app = self.quiz_app
        context = app.context
        assert context is not None
        now = app.clock()
        log = list(context.study.history())
        per_day = reviews_per_day(log)
        heat = Text("\n".join(heatmap_rows(per_day, now.date())))
        heat.append(f"\n    {len(log)} reviews · none · then fewer ░▒▓█ more")
        self.query_one("#heatmap", Static).update(heat)

        forecast = context.study.forecast(now, FORECAST_DAYS)
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.bar(list(range(FORECAST_DAYS)), forecast)
        plt.xticks([0, 7, 14, 21, 28], ["today", "+7", "+14", "+21", "+28"])
        peak = max(forecast, default=0)
        step = max(1, -(-peak // 4))
        plt.yticks(list(range(0, peak + step, step)))
        plt.xlabel("days from today")
        plt.ylabel("cards")
        self.query_one("#forecast-text", Static).update(
            f"today {forecast[0]} · tomorrow {forecast[1]} · next 7 days {sum(forecast[:7])} · "
            f"next 30 days {sum(forecast)}"
        )

        def category(uid: str) -> str:
            unit = context.units.get(uid)
            return unit.card.category.value if unit else "(removed)"

        def deck(uid: str) -> str:
            unit = context.units.get(uid)
            return context.deck_title(unit.deck_id) if unit else "(removed)"

        for table_id, group, label in (
            ("#by-category", category, "Category"),
            ("#by-deck", deck, "Deck"),
        ):
            table = self.query_one(table_id, DataTable)
            table.add_columns(label, "Passed", "Answers", "Retention")
            rows = retention_by(log, group)
            for row in rows:
                table.add_row(literal(row.name), str(row.passed), str(row.total), f"{row.rate:.0%}")
            if not rows:
                table.add_row("no reviews yet", "", "", "")

        table = self.query_one("#hardest", DataTable)
        table.add_columns("Card", "Again", "Answers")
        worst = hardest(log)
        for hard in worst:
            unit = context.units.get(hard.uid)
            question = prompt_of(unit).question.splitlines()[0][:50] if unit else hard.uid
            table.add_row(literal(question), str(hard.again), str(hard.total))
        if not worst:
            table.add_row("no card answered Again yet", "", "")
