"""Home (counts, filter, grouping, empty / first-run / all-done states, loading worker), help,
and literal deck text."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Static
from uikit import DECKS, FixedClock, make_context, run_async

from quizapp.model.progress import Rating
from quizapp.study.context import StudyContext
from quizapp.study.memory import MemoryStudy
from quizapp.ui.app import QuizApp
from quizapp.ui.screens.help import HelpScreen
from quizapp.ui.screens.home import SHOW_BAR_AFTER, HomeScreen
from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.widgets.deck_list import DeckList


def message(app: QuizApp) -> str:
    return str(app.screen.query_one("#message", Static).render())


def row_labels(app: QuizApp) -> list[str]:
    return [row.label.plain.strip() for row in app.screen.query_one(DeckList).rows]


def first_counts(app: QuizApp) -> list[int]:
    row = app.screen.query_one(DeckList).rows[0]
    return [row.due, row.new, row.learned]


@run_async
async def test_home_counts_filter_group(make_app: Callable[..., QuizApp]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert row_labels(app) == ["Groups and dates", "Key dates"]
        assert first_counts(app) == [0, 8, 0]
        assert "Welcome!" in message(app)
        await pilot.press("slash")
        app.screen.query_one("#filter", Input).value = "history"
        await pilot.pause()
        assert row_labels(app) == ["Key dates"]
        app.screen.query_one("#filter", Input).value = ""
        await pilot.press("enter", "g")  # back to the table, group by tag
        assert row_labels(app) == ["▸ groups", "Groups and dates", "▸ history", "Key dates"]
        await pilot.press("down", "down", "enter")  # the "history" group row
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.deck_ids == ["history/dates"]
        home = app.screen_stack[-2]
        assert isinstance(home, HomeScreen)
        assert not home.fresh  # Home's first resume was seen, so returning here refreshes


@run_async
async def test_empty_and_all_done_states(tmp_path: Path, clock: FixedClock) -> None:
    empty = QuizApp(StudyContext((), MemoryStudy([]), decks_dir=tmp_path), clock=clock)
    async with empty.run_test(size=(80, 24)) as pilot:
        assert "No decks found in" in message(empty)
        await pilot.press("a")  # hidden and inert without decks
        assert isinstance(empty.screen, HomeScreen)
    context = make_context(tmp_path / "data", clock)
    study = MemoryStudy(context.units.values())
    for unit in context.units.values():
        study.answer(unit, Rating.EASY, clock(), 1.0)
    done = QuizApp(StudyContext(context.decks, study), clock=clock)
    async with done.run_test(size=(80, 24)):
        assert "All caught up" in message(done)


@run_async
async def test_loading_runs_in_a_worker(tmp_path: Path, clock: FixedClock) -> None:
    release = threading.Event()

    def slow_loader() -> StudyContext:
        assert release.wait(5)
        return make_context(tmp_path / "data", clock)

    app = QuizApp(loader=slow_loader, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.loading
        assert home.query_one("#loading-label").display
        assert not home.query_one("#decks").display
        await pilot.pause(SHOW_BAR_AFTER)  # a slow load gets an animated bar
        for _ in range(100):  # polled: on a busy machine the timer may fire late
            if home.query("#loading"):
                break
            await pilot.pause(0.05)
        assert home.query("#loading")
        release.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if not home.loading:
                break
        assert not home.loading
        await pilot.pause()  # the bar's removal completes
        assert not home.query("#loading") and not home.query("#loading-label")
        assert row_labels(app) == ["Groups and dates", "Key dates"]

    def broken() -> StudyContext:
        from quizapp.errors import QuizappError

        raise QuizappError("the data folder is read-only")

    app = QuizApp(loader=broken, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if "read-only" in message(app):
                break
        assert "read-only" in message(app)


@run_async
async def test_a_warm_start_paints_home_before_loading(tmp_path: Path, clock: FixedClock) -> None:
    import shutil

    from quizapp.commands.study import build_context
    from quizapp.decks.cache import default_cache
    from quizapp.study.overview import quick_overview

    decks, data = tmp_path / "decks", tmp_path / "data"
    shutil.copytree(DECKS, decks)
    build_context(decks, data, clock())  # the first start: compiles the decks, syncs the store
    cache = default_cache()
    assert cache is not None
    overview = quick_overview(decks, data, clock(), cache)
    assert overview is not None
    release = threading.Event()

    def slow_loader() -> StudyContext:
        assert release.wait(5)
        return build_context(decks, data, clock())

    app = QuizApp(loader=slow_loader, overview=overview, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen) and not home.loading
        assert app.context is None  # drawn from the overview alone
        assert row_labels(app) == ["Groups and dates", "Key dates"]
        assert first_counts(app) == [0, 8, 0]
        assert "Welcome!" in message(app)
        await pilot.press("slash")  # the filter works on the overview too
        home.query_one("#filter", Input).value = "history"
        await pilot.pause()
        assert row_labels(app) == ["Key dates"]
        await pilot.press("enter", "enter")  # leave the filter, then review the deck
        assert isinstance(app.screen, HomeScreen)
        assert "as soon as the cards are loaded" in message(app)
        release.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, ReviewScreen):
                break
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.deck_ids == ["history/dates"]
        assert app.context is not None


@run_async
async def test_help_lists_every_key(make_app: Callable[..., QuizApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-body", Static).render())
        from quizapp.ui.screens.browse import BrowseScreen
        from quizapp.ui.screens.quiz import QuizScreen
        from quizapp.ui.screens.stats import StatsScreen
        from quizapp.ui.screens.summary import SummaryScreen

        screens = (HomeScreen, ReviewScreen, SummaryScreen, QuizScreen, StatsScreen, BrowseScreen)
        for screen in screens:
            for binding in screen.BINDINGS:
                assert binding.description in text  # type: ignore[union-attr]
        for key in ("Space", "Esc", "u ", "Shift+up", "Ctrl+P"):
            assert key in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


@run_async
async def test_deck_text_is_literal(make_app: Callable[..., QuizApp]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and app.context is not None
        screen.show(app.context.units["g-markup"])
        await pilot.press("space")
        question = screen.query_one("#question", Static).render()
        plain = str(question)
        assert "[bold]x[/bold]" in plain and "[link=http://e]y[/link]" in plain
        assert "\x1b" not in plain and "␛[31mred" in plain
        answer = str(screen.query_one("#answer", Static).render())
        assert "[i]literal[/i]" in answer
        spans = getattr(question, "spans", [])
        assert not any("link" in str(span.style) for span in spans)


@run_async
async def test_no_color_and_palette_commands(
    make_app: Callable[..., QuizApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert app.no_color
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("Review all due", "Practice quiz", "Statistics", "Browse cards", "Keys",
                      "Exam date and cram"):  # fmt: skip
            assert title in titles
        assert "Theme" in " ".join(titles)


@run_async
async def test_review_with_nothing_due_says_so(tmp_path: Path, clock: FixedClock) -> None:
    from quizapp.ui.screens.summary import SummaryScreen

    context = make_context(tmp_path / "data", clock)
    study = MemoryStudy(context.units.values())
    for unit in context.units.values():
        study.answer(unit, Rating.EASY, clock(), 1.0)
    app = QuizApp(StudyContext(context.decks, study), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, SummaryScreen)
        assert "Nothing was due here" in str(app.screen.query_one("#summary-text").render())
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
