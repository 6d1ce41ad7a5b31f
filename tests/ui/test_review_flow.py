"""Pilot tests of the review flow: every card kind, grades, undo, suspend/bury, summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, Static
from uikit import run_async

from quizapp.model.cards import OrderCard
from quizapp.model.progress import Rating
from quizapp.quiz.order import sort_key
from quizapp.ui.app import QuizApp
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.review import ReviewScreen, card_line
from quizapp.ui.screens.summary import SummaryScreen


def text_of(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def put_in_date_order(pilot: Pilot[Any], screen: ReviewScreen) -> None:
    """Sort the shuffled timeline by selecting (↑/↓) and moving (+/-) items, as a student does."""
    card = screen.unit.card if screen.unit else None
    assert isinstance(card, OrderCard)
    wanted = sorted(range(len(card.items)), key=lambda i: sort_key(card.items[i].date))
    assert screen.panel.order != wanted, "the seeded shuffle must need some moves"
    for place, item in enumerate(wanted):
        at = screen.panel.order.index(item)
        step = "down" if at > screen.panel.cursor else "up"
        await pilot.press(*[step] * abs(at - screen.panel.cursor))
        await pilot.press(*["minus"] * (at - place))
        assert screen.panel.order[place] == item
    assert screen.panel.order == wanted


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
        work = screen.query_one("#work", Static).content
        assert isinstance(work, Text) and "{+" not in work.plain and "[-" not in work.plain
        missing = [
            work.plain[sp.start : sp.end] for sp in work.spans if "underline" in str(sp.style)
        ]
        assert "e" in missing  # "Lad·e·n": drawn underlined, no markup characters
        await pilot.press("1")
        # order: put the items in date order with the move keys, then check
        assert screen.unit.uid == "g-timeline"
        await put_in_date_order(pilot, screen)
        await pilot.press("enter")
        assert screen.panel.order_result is not None and screen.panel.order_result.correct
        assert screen.suggested is Rating.GOOD
        await pilot.press("3")
        # match: pick sides in order
        assert screen.unit.uid == "g-match"
        await pilot.press("1", "2", "3", "enter")
        assert screen.panel.match_ok is not None and screen.suggested is not None
        await pilot.press("2")
        # cloze: the first deletion (Hamas) is hidden, the other shown
        assert screen.unit.uid == "g-cloze/c1"
        assert "[...] was founded in 1987." in text_of(app, "#question")
        await pilot.press("space")
        assert "Hamas" in text_of(app, "#answer")
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
        await pilot.press("space", "1")  # Again
        buried = "g-hez-founded"  # the next card (multiple choice): bury it
        assert screen.unit is not None and screen.unit.uid == buried
        await pilot.press("=")
        assert screen.unit is not None and screen.unit.uid == "g-aq-leader"
        await pilot.press(*"osama bin laden", "enter", "3")  # typed: keys go to its input
        suspended = "g-timeline"  # the next card (an order): suspend it
        assert screen.unit is not None and screen.unit.uid == suspended
        await pilot.press("@")
        assert screen.unit is not None and screen.unit.uid not in {buried, suspended}
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
        summary = str(app.screen.query_one("#summary-text", Static).render())
        assert "Session paused — " in summary and "Session complete" not in summary
        assert "Cards done   2" in summary and "Missed (1)" in summary
        assert "When was Hamas founded?" in summary
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        study = app.context.study  # type: ignore[union-attr]
        assert study.info(suspended, app.clock()).state == "suspended"
        following = study.next_unit(None, app.clock())
        assert following is not None and following.uid != buried, "buried until tomorrow"


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
