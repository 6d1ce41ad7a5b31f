"""Pilot tests of exam mode and cram: set, refuse and clear a date, at-risk counts, cram."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from textual.widgets import Input, Static
from uikit import FixedClock, run_async

from quizapp.model.progress import Rating
from quizapp.ui.app import QuizApp
from quizapp.ui.screens.exam import ExamScreen
from quizapp.ui.screens.help import HelpScreen
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.review import CRAM_NOTE, ReviewScreen
from quizapp.ui.screens.summary import SummaryScreen

GROUPS = "groups"  # the first deck on Home, highlighted at start


def text_of(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def store_writes(app: QuizApp) -> tuple[int, int]:
    """(reviews logged, rows this connection has changed): both stay put if nothing is written."""
    store: Any = app.context.study.store  # type: ignore[union-attr]
    reviews = store.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    return int(reviews), int(store.db.total_changes)


async def open_exam(pilot: Any) -> ExamScreen:
    await pilot.press("e")
    screen = pilot.app.screen
    assert isinstance(screen, ExamScreen) and screen.deck_id == GROUPS
    return screen


async def type_date(pilot: Any, text: str) -> None:
    await pilot.press("d")
    box = pilot.app.screen.query_one("#exam-date", Input)
    assert box.has_focus
    box.value = text
    await pilot.press("enter")


@run_async
async def test_set_a_date_shows_days_and_risk_then_home(
    make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exam(pilot)
        assert "No exam date for this deck" in text_of(app, "#exam-status")
        deck_size = screen.cards
        assert deck_size > 1
        await pilot.press(*"2026-01-10", "enter")  # digits go to the date box; today: 01-05
        status = text_of(app, "#exam-status")
        assert "2026-01-10, in 5 days" in status
        assert f"{deck_size} of {deck_size} cards" in status  # every card is new: all at risk
        assert text_of(app, "#exam-feedback").startswith("✓ Exam date set to 2026-01-10")
        assert not app.screen.query_one("#exam-date", Input).has_focus  # keys work again
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert f"Exam for Groups and dates in 5 days: {deck_size} cards at risk" in text_of(
            app, "#message"
        )


@run_async
async def test_answered_cards_are_no_longer_at_risk(
    make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_exam(pilot)
        await type_date(pilot, "2026-03-01")
        before = screen.info
        assert before is not None and before.at_risk == screen.cards
        await pilot.press("escape")
        study = app.context.study  # type: ignore[union-attr]
        for _ in range(2):  # learn two new cards of the deck
            unit = study.next_unit([GROUPS], clock())
            assert unit is not None
            study.answer(unit, Rating.GOOD, clock(), 2.0)
        screen = await open_exam(pilot)
        assert screen.info is not None and screen.info.at_risk == before.at_risk - 2
        assert f"{before.at_risk - 2} of {screen.cards} cards" in text_of(app, "#exam-status")


@run_async
async def test_bad_dates_are_refused_with_a_reason(
    make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exam(pilot)
        for typed, reason in (
            ("2026-02-30", "not a real date"),
            ("2025-12-31", "in the past"),
            ("2026-01-05", "is today"),
            ("2026-1-5", "not a date like"),
            ("", "Type the exam date"),
        ):
            await type_date(pilot, typed)
            feedback = text_of(app, "#exam-feedback")
            assert feedback.startswith("✗") and reason in feedback, (typed, feedback)
        assert app.context.study.exam_status(GROUPS, clock()) is None  # type: ignore[union-attr]
        assert "No exam date" in text_of(app, "#exam-status")
        box = app.screen.query_one("#exam-date", Input)
        await pilot.press("x", "c")  # letters are not typed into the date box
        assert box.value == "" and isinstance(app.screen, ExamScreen)
        box.value = "2026-03-01"  # Enter that lands before the focus has moved in
        app.screen.set_focus(None)
        await pilot.press("enter")
        info = app.context.study.exam_status(GROUPS, clock())  # type: ignore[union-attr]
        assert info is not None and info.exam_date == dt.date(2026, 3, 1)
        clock.advance(days=60)  # the exam has passed
        await pilot.press("escape", "e")
        assert "2026-03-01: passed" in text_of(app, "#exam-status")


@run_async
async def test_clear_the_date(make_app: Callable[..., QuizApp], clock: FixedClock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.context.study.set_exam(GROUPS, dt.date(2026, 2, 1), clock())  # type: ignore[union-attr]
        app.screen.refresh_decks()  # type: ignore[attr-defined]
        assert "Exam for Groups and dates in 27 days" in text_of(app, "#message")
        screen = await open_exam(pilot)
        assert "2026-02-01, in 27 days" in text_of(app, "#exam-status")
        await pilot.press("x")
        assert app.context.study.exam_status(GROUPS, clock()) is None  # type: ignore[union-attr]
        assert "No exam date" in text_of(app, "#exam-status")
        assert text_of(app, "#exam-feedback").startswith("✓ Exam date cleared")
        assert screen.check_action("clear", ()) is False  # nothing left to clear
        await pilot.press("escape")
        assert "Exam for" not in text_of(app, "#message")


@run_async
async def test_cram_writes_nothing_and_ends_in_a_summary(
    make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        before = store_writes(app)
        counts = app.context.study.counts(clock())  # type: ignore[union-attr]
        screen = await open_exam(pilot)
        size = screen.cards
        await pilot.press("c")
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.cram is not None
        assert CRAM_NOTE in text_of(app, "#cram-note")
        assert "Cram · Groups and dates" in text_of(app, "#title")
        for action in ("undo", "suspend", "bury"):
            assert review.check_action(action, ()) is False  # they would write: hidden
        first = review.unit
        review.grade(Rating.AGAIN)  # comes back later in the drill
        assert review.cram.remaining == size
        answers = 1
        while review.cram.next_unit() is not None and answers < 4 * size:
            review.grade(Rating.GOOD)
            answers += 1
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary = text_of(app, "#summary-text")
        assert "Cram complete" in summary and "your schedule was not changed" in summary
        assert f"Cards done   {size + 1}" in summary and "Missed (1)" in summary
        assert first is not None and answers == size + 1
        assert store_writes(app) == before
        assert app.context.study.counts(clock()) == counts  # type: ignore[union-attr]
        await pilot.press("r")  # "Review more" after a cram is another cram
        again = app.screen
        assert isinstance(again, ReviewScreen) and again.cram is not None
        assert again.cram.remaining == size
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


@run_async
async def test_escape_goes_back_help_lists_the_keys_and_cram_grades(
    make_app: Callable[..., QuizApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exam(pilot)
        await pilot.press("d")  # even from inside the date box
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = text_of(app, "#help-body")
        for binding in ExamScreen.BINDINGS:
            assert binding.description in text  # type: ignore[union-attr]
        assert "Exam date and cram" in text
        await pilot.press("escape")
        await open_exam(pilot)
        await pilot.press("c", "space")
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.revealed
        grades = text_of(app, "#grades")
        assert "1 Again soon" in grades and "3 Good done" in grades
        await pilot.press("escape")  # no answers yet: straight back to Home
        assert isinstance(app.screen, HomeScreen)
