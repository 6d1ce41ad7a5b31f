"""A store failure during a session (here: the database locked by another program) shows a
notice and keeps the card; once the lock is gone the same answer goes through."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from textual.widgets import Static
from textual.worker import WorkerFailed
from uikit import run_async

from quizapp.errors import QuizappError
from quizapp.study.context import StudyContext
from quizapp.ui.app import QuizApp
from quizapp.ui.screens.review import ReviewScreen


@run_async
async def test_a_locked_database_keeps_the_card_and_says_why(
    make_app: Callable[..., QuizApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.unit is not None
        first = screen.unit
        store = app.context.study.store  # type: ignore[union-attr]
        store.db.execute("PRAGMA busy_timeout = 0")  # fail at once instead of waiting 5 s
        other = sqlite3.connect(store.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        await pilot.press("space", "3")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert screen.unit == first and screen.revealed
        assert screen.session_log is not None and screen.session_log.done == 0
        assert any("locked" in n.message for n in app._notifications)
        other.execute("ROLLBACK")
        other.close()
        await pilot.press("3")
        assert screen.unit != first and screen.session_log.done == 1
    assert not app.return_code


@run_async
async def test_a_load_failure_the_student_can_fix_is_shown_on_home() -> None:
    def load() -> StudyContext:
        raise QuizappError("cannot read /decks (permission denied).")

    app = QuizApp(loader=load)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        message = str(app.screen.query_one("#message", Static).render())
        assert "permission denied" in message and app.is_running


@run_async
async def test_a_bug_while_loading_is_not_hidden_behind_a_message() -> None:
    def load() -> StudyContext:
        return {}["no such key"]  # type: ignore[no-any-return]

    app = QuizApp(loader=load)
    with pytest.raises(WorkerFailed) as failed:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.3)
            await app.workers.wait_for_complete()
            await pilot.pause()
    assert isinstance(failed.value.error, KeyError)
    assert app.return_code == 1


@run_async
async def test_a_locked_database_when_setting_an_exam_date_says_not_saved(
    make_app: Callable[..., QuizApp],
) -> None:
    from textual.widgets import Input

    from quizapp.ui.screens.exam import ExamScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        store = app.context.study.store  # type: ignore[union-attr]
        store.db.execute("PRAGMA busy_timeout = 0")
        other = sqlite3.connect(store.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        await pilot.press("d")
        screen.query_one("#exam-date", Input).value = "2026-02-01"
        await pilot.press("enter")
        feedback = str(screen.query_one("#exam-feedback", Static).render())
        assert feedback.startswith("✗ Not saved") and "locked" in feedback
        assert app.is_running and app.screen is screen and screen.info is None
        other.execute("ROLLBACK")
        other.close()
