"""Stats: review heatmap for the past year, 30-day due forecast, retention, hardest cards.

The forecast chart uses textual-plotext, imported here only (the screen loads on first use).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual_plotext import PlotextPlot

from quizapp.safety.terminal import literal
from quizapp.study.context import StudyContext
from quizapp.study.stats import StatsReport, stats_report
from quizapp.ui.widgets.key_line import KeyLine

FORECAST_DAYS = 30


def recent_weeks(row: str, width: int) -> str:
    """A heatmap row (a 4-column day label, then one column per week) cut to `width` columns by
    leaving out its oldest weeks."""
    if len(row) <= width or width <= 4:
        return row
    return row[:4] + row[len(row) - (width - 4) :]


class StatsScreen(Screen[None]):
    """Everything is computed once, in a worker, when the screen opens."""

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
            yield Static(id="forecast-text", markup=False)
            yield Static("Retention by category", classes="stats-title")
            yield DataTable(id="by-category", cursor_type="none", classes="stats-table")
            yield Static("Retention by deck", classes="stats-title")
            yield DataTable(id="by-deck", cursor_type="none", classes="stats-table")
            yield Static("Hardest cards", classes="stats-title")
            yield DataTable(id="hardest", cursor_type="none", classes="stats-table")
        yield KeyLine()

    def __init__(self, context: StudyContext, now: dt.datetime) -> None:
        super().__init__()
        self.context = context
        self.now = now

    class Computed(Message):
        """The report the worker computed."""

        def __init__(self, report: StatsReport) -> None:
            super().__init__()
            self.report = report

    def on_mount(self) -> None:
        self.query_one("#heatmap", Static).update("Reading your review history…")
        self.compute()

    @work(thread=True, exclusive=True)
    def compute(self) -> None:
        """The whole review log is read here, off the UI thread."""
        self.post_message(self.Computed(stats_report(self.context, self.now, FORECAST_DAYS)))

    def on_stats_screen_computed(self, message: Computed) -> None:
        report = message.report
        # a year of weeks is 57 columns: a narrow terminal (60x16) drops the oldest weeks rather
        # than wrapping each row; the room is the screen's less padding and scrollbar (the
        # scrollbar appears only once the content is in, so the widget's width is not yet it)
        room = self.app.size.width - 4
        heat = Text("\n".join(recent_weeks(row, room) for row in report.heatmap))
        heat.append(f"\n    {report.reviews} reviews · none · then fewer ░▒▓█ more")
        self.query_one("#heatmap", Static).update(heat)

        forecast = report.forecast
        # Drawn once its data is known: a plot first painted empty keeps its first axes.
        plot = PlotextPlot(id="forecast")
        plt = plot.plt
        plt.bar(list(range(FORECAST_DAYS)), forecast)
        plt.xticks([0, 7, 14, 21, 28], ["today", "+7", "+14", "+21", "+28"])
        peak = max(forecast, default=0)
        step = max(1, -(-peak // 4))
        plt.yticks(list(range(0, peak + step, step)))
        plt.xlabel("days from today")
        plt.ylabel("cards")
        self.query_one("#stats").mount(plot, before="#forecast-text")
        self.query_one("#forecast-text", Static).update(
            f"today {forecast[0]} · tomorrow {forecast[1]} · next 7 days {sum(forecast[:7])} · "
            f"next 30 days {sum(forecast)}"
        )

        for table_id, rows, label in (
            ("#by-category", report.by_category, "Category"),
            ("#by-deck", report.by_deck, "Deck"),
        ):
            table = self.query_one(table_id, DataTable)
            table.add_columns(label, "Passed", "Answers", "Retention")
            for row in rows:
                table.add_row(literal(row.name), str(row.passed), str(row.total), f"{row.rate:.0%}")
            if not rows:
                table.add_row("no reviews yet", "", "", "")

        table = self.query_one("#hardest", DataTable)
        table.add_columns("Card", "Again", "Answers")
        for hard in report.hardest:
            table.add_row(literal(hard.question), str(hard.again), str(hard.total))
        if not report.hardest:
            table.add_row("no card answered Again yet", "", "")
