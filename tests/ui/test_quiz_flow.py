"""Pilot test of a quiz: setup dialog, questions, timed end, score and mistakes, no scheduling."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, SelectionList, Static
from uikit import FixedClock, run_async

from quizapp.ui.app import QuizApp
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.quiz import QuizResultScreen, QuizScreen, QuizSetupScreen


@run_async
async def test_quiz_scores_and_leaves_schedule_alone(
    make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.context is not None
        before = app.context.study.counts(clock())
        await pilot.press("x")
        assert isinstance(app.screen, QuizSetupScreen)
        app.screen.query_one("#count", Input).value = "3"
        app.screen.query_one("#minutes", Input).value = "1"
        categories = app.screen.query_one("#quiz-categories", SelectionList)
        categories.deselect("group")  # no matching question then
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, QuizScreen) and len(screen.questions) == 3
        assert screen.spec.categories is not None and "group" not in screen.spec.categories
        assert all(q.unit.card.category.value != "group" for q in screen.questions)
        first = screen.questions[0]
        panel = screen.panel
        if panel.kind == "typed":
            await pilot.press(*"zzz", "enter")
        elif panel.kind == "choice":
            assert first.choice is not None
            wrong = (first.choice.correct + 1) % len(first.choice.options)
            await pilot.press(str(wrong + 1))
        else:
            await pilot.press("space")
        assert screen.position == 1 and screen.answers[0].correct is False
        clock.advance(minutes=2)
        await pilot.pause(1.1)
        result = app.screen
        assert isinstance(result, QuizResultScreen)
        assert result.result.total == 3 and result.result.right == 0
        report = str(result.query_one(Static).render())
        assert "Score      0 / 3" in report and "Mistakes (3)" in report
        assert "Answered   1 of 3" in report
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.context.study.counts(clock()) == before


@run_async
async def test_quiz_leaves_out_suspended_cards_and_esc_scores_what_was_asked(
    make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    from quizapp.ui.screens.quiz import QuizSpec

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.context is not None
        units = app.context.units_in(["groups"])
        kept = units[0]
        for unit in units[1:]:
            app.context.study.suspend(unit, clock())
        app.start_quiz(QuizSpec(("groups",), 10, 0))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert [q.unit.uid for q in screen.questions] == [kept.uid]
        hint = str(screen.query_one("#quiz-hint", Static).render())
        assert "Space skips (counts wrong)" in hint and "Space shows" not in hint
        assert "Skip (counts wrong)" in [b.description for b in QuizScreen.BINDINGS]  # type: ignore[union-attr]
        app.context.study.unsuspend(units[1], clock())
        app.context.study.unsuspend(units[2], clock())
        await pilot.press("escape")  # nothing answered: straight back
        await pilot.pause()
        app.start_quiz(QuizSpec(("groups",), 3, 0))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen) and len(screen.questions) == 3
        await pilot.press("space")  # one question answered (skipped: wrong)
        await pilot.press("escape")
        result = app.screen
        assert isinstance(result, QuizResultScreen)
        assert result.result.total == 1
        report = str(result.query_one(Static).render())
        assert "Score      0 / 1" in report and "Answered   1 of 3" in report
        assert "only the questions answered are scored" in report


@run_async
async def test_quiz_setup_refuses_a_lone_minus_sign(make_app: Callable[..., QuizApp]) -> None:
    """Integer inputs accept "-" while a number is typed; Start then says what is wrong."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        setup = app.screen
        assert isinstance(setup, QuizSetupScreen)
        for field, value in (("#count", "-"), ("#minutes", "-")):
            setup.query_one("#count", Input).value = "5"
            setup.query_one("#minutes", Input).value = "0"
            setup.query_one(field, Input).value = value
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is setup and app.is_running
        assert any("whole number" in n.message for n in app._notifications)
        setup.query_one("#minutes", Input).value = "0"
        await pilot.press("enter")
        assert isinstance(app.screen, QuizScreen) and len(app.screen.questions) == 5
