"""Snapshot tests: each screen at 60x16, 80x24 and 120x40, fixed clock, fixed data, seeded
randomness; the dialogs and the palette at 60x16 and 80x24, the card kinds whose content runs
longest at 60x16 too.

Review the report (`snapshot_report.html`) before `pytest --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from uikit import FixedClock

from quizapp.model.progress import Rating
from quizapp.ui.app import QuizApp

SMALL = pytest.param((60, 16), id="60x16")
SIZES = [SMALL, pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def steady_cursors(pilot: Pilot[Any]) -> None:
    """Stop the blinking of the screen's text boxes, their cursors shown: a blink (first ~1 s
    after focus, then every 0.5 s) would make the picture depend on how long a busy machine
    takes to reach the screenshot."""
    from textual.widgets import Input

    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def answered(clock: FixedClock) -> Callable[[Pilot[Any]], None]:
    """Record three answers through the study service before the screenshot's key presses."""

    def run(pilot: Pilot[Any]) -> None:
        app = pilot.app
        study = app.context.study  # type: ignore[attr-defined]
        units = app.context.units  # type: ignore[attr-defined]
        for uid, grade in (("g-hamas-founded", Rating.AGAIN), ("g-aq-leader", Rating.GOOD)):
            study.answer(units[uid], grade, clock(), 3.0)
        study.answer(units["h-911"], Rating.GOOD, clock(), 3.0)
        clock.advance(minutes=2)
        app.screen.refresh_decks()  # type: ignore[attr-defined]

    return run


async def start_quiz(pilot: Pilot[Any]) -> None:
    from quizapp.ui.screens.quiz import QuizScreen, QuizSpec

    await pilot.app.push_screen(QuizScreen(pilot.app.context, QuizSpec(("groups",), 3, 10)))  # type: ignore[attr-defined]


SCREENS: dict[str, tuple[list[str], str | None]] = {
    "home": ([], "answered"),
    "review": (["enter", "space"], None),
    "summary": (["enter", "space", "1", "escape"], None),
    "quiz": ([], "quiz"),
    "stats": ([], "stats"),
    "browse": ([], "browse"),
    "help": (["question_mark"], None),
    "exam": (["e"], "exam"),
    "problems": ([], "problems"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(
    screen: str,
    size: tuple[int, int],
    snap_compare: Any,
    make_app: Callable[..., QuizApp],
    clock: FixedClock,
) -> None:
    press, before = SCREENS[screen]
    run_before: Any = None
    if before == "answered":
        run_before = answered(clock)
    elif before == "quiz":
        run_before = start_quiz
    elif before == "stats":
        answer = answered(clock)

        async def run_before(pilot: Pilot[Any]) -> None:
            from quizapp.ui.screens.stats import StatsScreen

            answer(pilot)
            screen = StatsScreen(pilot.app.context, clock())  # type: ignore[attr-defined]
            await pilot.app.push_screen(screen)
            await screen.workers.wait_for_complete()
            await pilot.pause()

    elif before == "browse":
        answer = answered(clock)

        async def run_before(pilot: Pilot[Any]) -> None:
            from quizapp.ui.screens.browse import BrowseScreen

            answer(pilot)
            screen = BrowseScreen(pilot.app.context, clock, "hamas")  # type: ignore[attr-defined]
            await pilot.app.push_screen(screen)
            steady_cursors(pilot)
            await screen.workers.wait_for_complete()
            await pilot.pause()

    elif before == "exam":
        answer = answered(clock)

        def run_before(pilot: Pilot[Any]) -> None:
            import datetime as dt

            study = pilot.app.context.study  # type: ignore[attr-defined]
            study.set_exam("groups", dt.date(2026, 1, 20), clock())
            answer(pilot)

    elif before == "problems":

        async def run_before(pilot: Pilot[Any]) -> None:
            from quizapp.ui.screens.problems import ProblemsScreen

            problems = (
                "decks/groups.yaml:14:5: card g-aqim-merger: missing field 'answer' (every "
                "basic card needs a question and an answer)",
                "decks/history/dates.yaml:3:1: card h-911: id also used in decks/groups.yaml "
                "(ids must be unique across decks; this card was left out)",
            )
            await pilot.app.push_screen(ProblemsScreen(problems))

    assert snap_compare(make_app(), press=press, terminal_size=size, run_before=run_before)


TO_CHOICE = ["enter", "space", "3"]
TO_TYPED = [*TO_CHOICE, "1", "enter"]
TO_ORDER = [*TO_TYPED, *"osama bin ladn", "enter", "3"]
TO_MATCH = [*TO_ORDER, "enter", "3"]
TO_CLOZE = [*TO_MATCH, "1", "2", "3", "enter", "3"]
CARD_KINDS: dict[str, list[str]] = {
    "choice": TO_CHOICE,
    "typed-difference": TO_ORDER[: len(TO_ORDER) - 1],  # checked, the diff shown, not graded
    "order": TO_ORDER,
    "match": TO_MATCH,
    "cloze": TO_CLOZE,
    "cram": ["e", "c", "space"],
}


@pytest.mark.parametrize("kind", list(CARD_KINDS))
def test_card_kind(
    kind: str, snap_compare: Any, make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    """Every card kind as the review screen shows it, at 80x24."""
    assert snap_compare(make_app(), press=CARD_KINDS[kind], terminal_size=(80, 24))


@pytest.mark.parametrize("kind", ["order", "match", "cloze"])
def test_card_kind_at_60x16(
    kind: str, snap_compare: Any, make_app: Callable[..., QuizApp], clock: FixedClock
) -> None:
    """The kinds whose checked answer runs longest: what is cut says "more below"."""
    assert snap_compare(make_app(), press=CARD_KINDS[kind], terminal_size=(60, 16))


def unsuspend_list(clock: FixedClock) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """One card suspended, then the palette's Unsuspend… (Browse on state:suspended)."""

    async def run(pilot: Pilot[Any]) -> None:
        from textual.widgets import DataTable

        app = pilot.app
        study, units = app.context.study, app.context.units  # type: ignore[attr-defined]
        study.suspend(units["g-hez-founded"], clock())
        app.action_unsuspend()  # type: ignore[attr-defined]
        await pilot.pause()  # a barrier: the screen's on_mount has run, its search started
        steady_cursors(pilot)
        await app.screen.workers.wait_for_complete()  # the search (a thread: any time on load)
        table = app.screen.query_one("#results", DataTable)
        for _ in range(10):  # its result's message, then the table filled after a refresh
            if table.row_count:
                break
            await pilot.pause()
        await pilot.wait_for_scheduled_animations()

    return run


DIALOGS: dict[str, tuple[list[str], str | None]] = {
    "quiz-setup": (["x"], None),
    "quiz-results": (["x", "enter", "escape"], None),
    "palette": (["ctrl+p"], None),
    "unsuspend": ([], "unsuspend"),
}


@pytest.mark.parametrize("size", [SMALL, pytest.param((80, 24), id="80x24")])
@pytest.mark.parametrize("dialog", list(DIALOGS))
def test_dialog(
    dialog: str,
    size: tuple[int, int],
    snap_compare: Any,
    make_app: Callable[..., QuizApp],
    clock: FixedClock,
) -> None:
    """The quiz's setup (its buttons on screen at 60x16) and results, the palette, Unsuspend."""
    press, before = DIALOGS[dialog]
    run_before = unsuspend_list(clock) if before == "unsuspend" else None
    assert snap_compare(make_app(), press=press, terminal_size=size, run_before=run_before)
