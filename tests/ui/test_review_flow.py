"""Pilot tests of the review flow: every card kind, grades, undo, suspend/bury, summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, Static
from uikit import run_async

from quizapp.model.progress import Rating
from quizapp.ui.app import QuizApp
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.review import ReviewScreen, card_line
from quizapp.ui.screens.summary import SummaryScreen


def text_of(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@run_async
async def test_review_every_kind(make_app: Callable[..., QuizApp]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        # basic: Space reveals answer, explanation and source
        assert screen.unit is not None and screen.unit.uid == "g-hamas-founded"
        await pilot.press("space")
        answer = text_of(app, "#answer")
        assert "1987" in answer and "first intifada" in answer and "groups.md" in answer
        assert "3 Good" in text_of(app, "#grades")
        await pilot.press("3")
        # choice: options of the same category, pick the right one → Good suggested
        assert screen.unit.uid == "g-hez-founded"
        assert screen.panel.choice is not None
        right = screen.panel.choice.correct + 1
        await pilot.press(str(right))
        assert screen.revealed and screen.suggested is Rating.GOOD
        assert "✓" in text_of(app, "#work")
        await pilot.press("enter")
        # typed: a small typo is accepted with a diff
        assert screen.unit.uid == "g-aq-leader"
        screen.query_one("#typed", Input).value = "osama bin ladn"
        await pilot.press("enter")
        assert screen.suggested is Rating.HARD
        assert "{+e+}" in text_of(app, "#work")
        await pilot.press("1")
        # order: move the first item down, check
        assert screen.unit.uid == "g-timeline"
        await pilot.press("enter")
        assert screen.panel.order_result is not None
        await pilot.press("3")
        # match: pick sides in order
        assert screen.unit.uid == "g-match"
        await pilot.press("1", "2", "3", "enter")
        assert screen.panel.match_ok is not None and screen.suggested is not None
        await pilot.press("2")
        assert screen.unit.uid.startswith("g-cloze")
        assert "[...]" in text_of(app, "#question") or "[year]" in text_of(app, "#question")
        assert screen.session_log is not None and screen.session_log.done == 5


@run_async
async def test_undo_suspend_bury_and_summary(make_app: Callable[..., QuizApp]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        first = screen.unit
        await pilot.press("space", "1")
        assert screen.unit != first
        await pilot.press("u")
        assert (
            screen.unit == first and screen.session_log is not None and screen.session_log.done == 0
        )
        await pilot.press("space", "1", "s")  # answer Again, then suspend the next card
        suspended = "g-hez-founded"
        assert screen.unit is not None and screen.unit.uid != suspended
        await pilot.press("b")
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
        summary = str(app.screen.query_one("#summary-text", Static).render())
        assert "Cards done   1" in summary and "Missed (1)" in summary
        assert "When was Hamas founded?" in summary
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        info = app.context.study.info(suspended, app.clock())  # type: ignore[union-attr]
        assert info.state == "suspended"


@run_async
async def test_typed_input_takes_digits_and_letters(make_app: Callable[..., QuizApp]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "space", "3", "1", "1")
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.kind == "typed"
        await pilot.press("s", "u", "3")
        assert app.screen.query_one("#typed", Input).value == "su3"


def test_card_line_for_the_editor(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(
        "title: T\ncards:\n  - kind: basic\n    id: a1\n  - id: 'b2'\n    kind: basic\n"
    )
    assert card_line(str(deck), "a1") == 4
    assert card_line(str(deck), "b2") == 5
    assert card_line(str(deck), "zz") is None
    assert card_line(str(tmp_path / "missing.yaml"), "a1") is None
