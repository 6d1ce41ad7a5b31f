"""Pilot tests of Stats and Browse after a few answers (fixed clock, temporary store)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static
from uikit import FixedClock, run_async

from quizapp.model.progress import Rating
from quizapp.ui.app import QuizApp
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.stats import StatsScreen


async def answer_some(app: QuizApp, clock: FixedClock) -> None:
    """Answer three units through the study service: a date Again, a date and a person Good."""
    assert app.context is not None
    study = app.context.study
    answers = {"g-hamas-founded": Rating.AGAIN, "g-hez-founded": Rating.GOOD}
    answers["g-aq-leader"] = Rating.GOOD
    for uid, grade in answers.items():
        study.answer(app.context.units[uid], grade, clock(), 2.0)
        clock.advance(seconds=5)


async def searched(screen: Screen[None], pilot: Pilot[None]) -> None:
    """Let Browse's search worker finish and its results reach the table."""
    await pilot.pause()
    await screen.workers.wait_for_complete()
    await pilot.pause()


@run_async
async def test_stats_shows_heatmap_forecast_retention(
    make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await answer_some(app, clock)
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        heat = str(screen.query_one("#heatmap", Static).render())
        assert "3 reviews" in heat and "█" in heat
        forecast = str(screen.query_one("#forecast-text", Static).render())
        assert "today 3" in forecast  # every answer today comes back within minutes
        categories = screen.query_one("#by-category", DataTable)
        rows = [categories.get_row_at(i) for i in range(categories.row_count)]
        assert [str(r[0]) for r in rows] == ["date", "person"]
        assert [r[3] for r in rows] == ["50%", "100%"]
        hardest = screen.query_one("#hardest", DataTable)
        assert str(hardest.get_row_at(0)[0]) == "When was Hamas founded?"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


@run_async
async def test_browse_search_and_details(
    make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    from quizapp.ui.screens.browse import BrowseScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await answer_some(app, clock)
        await pilot.press("b")
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        await searched(screen, pilot)
        table = screen.query_one("#results", DataTable)
        assert table.row_count == 11  # every unit (the cloze card has two)
        screen.query_one("#search", Input).value = "hamas"
        await pilot.press("enter")
        await searched(screen, pilot)
        keys = [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]
        assert keys == ["g-hamas-founded", "g-cloze/c1", "g-cloze/c2"]
        detail = str(screen.query_one("#detail", Static).render())
        assert "State        learning" in detail and "Again" in detail
        assert "Recall now" in detail and "Next due     2026-01-05" in detail
        screen.query_one("#search", Input).value = "state:new cat:date"
        await searched(screen, pilot)
        assert "g-hamas-founded" not in [
            table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)
        ]
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
