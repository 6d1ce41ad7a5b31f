"""Hostile deck files in the study app: a file name is never an editor option, and what Browse
shows of a deck has its control characters made visible."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static
from uikit import FixedClock, make_context, run_async

from quizapp.ui.app import QuizApp
from quizapp.ui.screens.review import ReviewScreen

DECK = Path(__file__).parent / "data" / "decks"
HOSTILE_NAME = "+!touch PWNED;true.yaml"
ESCAPE_NAME = "\x1b]0;PWNED\x07 deck.yaml"


def deck_folder(tmp_path: Path, name: str) -> Path:
    """A deck folder holding one of the UI test decks under a hostile file name."""
    folder = tmp_path / "decks"
    folder.mkdir()
    first = sorted(DECK.glob("*.yaml"))[0]
    shutil.copy(first, folder / name)
    return folder


@run_async
async def test_the_editor_gets_an_absolute_path_after_double_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck_folder(tmp_path, HOSTILE_NAME)
    monkeypatch.chdir(tmp_path / "decks")
    clock = FixedClock()
    context = make_context(tmp_path / "data", clock, decks=Path("."))
    app = QuizApp(context, clock=clock, seed=7, editor=["vim"])
    calls: list[list[str]] = []

    def record(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(list(argv))
        return subprocess.CompletedProcess(argv, 0)

    @contextlib.contextmanager
    def no_suspend() -> Iterator[None]:
        yield

    monkeypatch.setattr(subprocess, "run", record)
    async with app.run_test(size=(100, 30)) as pilot:
        app.suspend = no_suspend  # type: ignore[method-assign]
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("e")
        await pilot.pause()
    assert len(calls) == 1
    argv = calls[0]
    assert argv[0] == "vim" and argv[-2] == "--"
    assert os.path.isabs(argv[-1]) and argv[-1].endswith(HOSTILE_NAME)
    assert [a for a in argv[1:-2] if not a[1:].isdigit()] == [], "only +LINE before --"


@run_async
async def test_browse_makes_control_characters_in_deck_ids_visible(tmp_path: Path) -> None:
    decks = deck_folder(tmp_path, ESCAPE_NAME)
    clock = FixedClock()
    app = QuizApp(make_context(tmp_path / "data", clock, decks=decks), clock=clock, seed=7)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        detail = str(app.screen.query_one("#detail", Static).render())
    assert "\x1b" not in detail and "\x07" not in detail
    assert "PWNED" in detail


@run_async
async def test_problems_and_load_errors_show_escapes_visibly(tmp_path: Path) -> None:
    from quizapp.errors import QuizappError
    from quizapp.study.context import StudyContext
    from quizapp.study.memory import MemoryStudy

    hostile = "deck [/usr/bin] \x1b]0;PWNED\x07 [bold]x"
    clock = FixedClock()
    context = StudyContext((), MemoryStudy([]), problems=(hostile,))
    app = QuizApp(context, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")
        body = str(app.screen.query_one("#problems-body", Static).render())
    assert "\x1b" not in body and "[/usr/bin]" in body and "[bold]x" in body

    def failing() -> StudyContext:
        raise QuizappError(hostile)

    app = QuizApp(loader=failing, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        message = ""
        for _ in range(50):
            await pilot.pause(0.05)
            message = str(app.screen.query_one("#message", Static).render())
            if message:
                break
    assert "\x1b" not in message and "[/usr/bin]" in message and "Could not load" in message
