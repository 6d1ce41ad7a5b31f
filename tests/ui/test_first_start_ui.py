"""A new student's Home: drawn from the deck cache at once, saying the store is being set up."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from textual.widgets import Static
from uikit import DECKS, FixedClock, run_async

from quizapp.study.context import StudyContext
from quizapp.ui.app import QuizApp
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.widgets.deck_list import DeckList


def message(app: QuizApp) -> str:
    return str(app.screen.query_one("#message", Static).render())


@run_async
async def test_home_is_drawn_before_the_store_exists(tmp_path: Path, clock: FixedClock) -> None:
    from quizapp.commands.study import build_context
    from quizapp.decks import load_decks
    from quizapp.decks.cache import default_cache
    from quizapp.study.overview import quick_overview

    decks, data = tmp_path / "decks", tmp_path / "new-student"
    shutil.copytree(DECKS, decks)
    cache = default_cache()
    assert cache is not None
    load_decks([decks], cache=cache)  # compiled by an earlier start, on this machine
    overview = quick_overview(decks, data, clock(), cache)
    assert overview is not None and overview.new_store
    release = threading.Event()

    def slow_loader() -> StudyContext:
        assert release.wait(5)
        return build_context(decks, data, clock())

    app = QuizApp(loader=slow_loader, overview=overview, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen) and app.context is None
        assert home.query_one(DeckList).display
        assert "Setting up your progress for 11 cards" in message(app)
        assert not data.exists()
        release.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if app.context is not None:
                break
        assert app.context is not None
        assert "Setting up" not in message(app) and "Welcome!" in message(app)
        assert (data / "progress.sqlite3").exists()


@run_async
async def test_a_cold_start_draws_home_once_the_decks_are_read(
    tmp_path: Path, clock: FixedClock
) -> None:
    from quizapp.commands.study import build_context
    from quizapp.decks import load_decks
    from quizapp.decks.cache import default_cache
    from quizapp.decks.loader import DeckSet
    from quizapp.study.overview import Overview, quick_overview

    decks, data = tmp_path / "decks", tmp_path / "new-student"
    shutil.copytree(DECKS, decks)
    cache = default_cache()
    assert cache is not None
    assert quick_overview(decks, data, clock(), cache) is None, "nothing compiled yet"
    parsed: list[DeckSet] = []
    release, reading = threading.Event(), threading.Event()

    def read_decks() -> Overview | None:
        assert reading.wait(5)
        parsed.append(load_decks([decks], cache=cache))
        return quick_overview(decks, data, clock(), cache)

    def slow_loader() -> StudyContext:
        assert release.wait(5)
        return build_context(decks, data, clock(), deck_set=parsed[0])

    app = QuizApp(loader=slow_loader, read_decks=read_decks, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query("#loading-label") and not home.query_one(DeckList).display
        reading.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if app.overview is not None:
                break
        await pilot.pause()
        assert app.context is None and app.overview is not None
        assert home.query_one(DeckList).display and not home.query("#loading-label")
        assert "Setting up your progress" in message(app)
        release.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if app.context is not None:
                break
        assert app.context is not None and "Setting up" not in message(app)
