"""A broken deck never crashes the app: its good cards load and `p` lists the problems."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from uikit import FixedClock, run_async

from quizapp.decks import load_decks
from quizapp.study.context import StudyContext
from quizapp.study.memory import MemoryStudy
from quizapp.ui.app import QuizApp
from quizapp.ui.screens.home import HomeScreen
from quizapp.ui.screens.problems import ProblemsScreen

DECK = """\
title: Half broken
cards:
  - {id: good, question: Who led AQIM?, answer: Droukdal, category: person,
     source: {doc: d.txt, quote: q}}
  - {id: bad, question: "[bold]Loud[/bold]", answr: x, category: person,
     source: {doc: d.txt, quote: q}}
"""


@run_async
async def test_problems_are_listed_literally(tmp_path: Path, clock: FixedClock) -> None:
    (tmp_path / "half.yaml").write_text(DECK)
    deck_set = load_decks([tmp_path])
    problems = tuple(p.format() for p in deck_set.problems)
    assert len(problems) == 2  # unknown field 'answr' and missing 'answer'
    context = StudyContext(deck_set.decks, MemoryStudy(deck_set.units()), problems=problems)
    app = QuizApp(context, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        message = str(home.query_one("#message", Static).render())
        assert "2 deck problems" in message and "p shows them" in message
        await pilot.press("p")
        assert isinstance(app.screen, ProblemsScreen)
        body = str(app.screen.query_one("#problems-body", Static).render())
        assert f"{tmp_path / 'half.yaml'}:5:" in body
        assert "card bad: unknown field 'answr' (did you mean 'answer'?)" in body
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


@run_async
async def test_problems_key_does_nothing_without_problems(
    tmp_path: Path, clock: FixedClock
) -> None:
    (tmp_path / "ok.yaml").write_text(DECK.split("  - {id: bad")[0])
    deck_set = load_decks([tmp_path])
    assert deck_set.problems == ()
    app = QuizApp(StudyContext(deck_set.decks, MemoryStudy(deck_set.units())), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, HomeScreen)
