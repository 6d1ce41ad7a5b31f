"""Browse's key line when its search comes back after the screen has settled (a busy machine, a
large collection): `@ Suspend / unsuspend` appears with the rows it acts on."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual.widgets import DataTable
from uikit import FixedClock, run_async

from quizapp.model.units import StudyUnit
from quizapp.ui.app import QuizApp
from quizapp.ui.screens import browse
from quizapp.ui.widgets.key_line import KeyLine

SUSPEND_KEY = "@ Suspend / unsuspend"


@run_async
async def test_the_suspend_key_shows_when_a_late_search_fills_the_table(
    make_app: Callable[..., QuizApp], clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_search = browse.search

    def held_search(*args: Any, **kwargs: Any) -> Iterator[StudyUnit]:
        release.wait()  # the search worker's thread: the UI runs on meanwhile
        return real_search(*args, **kwargs)

    monkeypatch.setattr(browse, "search", held_search)
    app = make_app()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.context is not None
            app.context.study.suspend(app.context.units["g-hez-founded"], clock())
            app.action_unsuspend()
            await pilot.pause()  # mounted: its search started, and held
            await pilot.wait_for_scheduled_animations()
            screen = app.screen
            assert isinstance(screen, browse.BrowseScreen)
            line = screen.query_one(KeyLine)
            table = screen.query_one("#results", DataTable)
            assert table.row_count == 0
            assert SUSPEND_KEY not in line.render_line(0).text, "nothing to suspend yet"
            release.set()
            await screen.workers.wait_for_complete()
            for _ in range(10):  # the result's message, then the table filled after a refresh
                if table.row_count:
                    break
                await pilot.pause()
            assert table.row_count == 1
            assert SUSPEND_KEY in line.render_line(0).text, "the key line as drawn"
    finally:
        release.set()
