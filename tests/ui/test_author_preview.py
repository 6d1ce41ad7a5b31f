"""`quizapp preview`: the review screen on a deck, with nothing written to any store."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from uikit import run_async

from quizapp.commands.preview import build_preview_app, load_preview, run
from quizapp.errors import QuizappError
from quizapp.ui.screens.review import ReviewScreen

DECK = """\
title: Preview
cards:
  - id: p1
    kind: basic
    category: date
    question: When was AQIM named?
    answer: "2007"
    source: {doc: s.md, quote: q}
  - id: p2
    kind: basic
    category: date
    question: When was the GSPC founded?
    answer: "1998"
    source: {doc: s.md, quote: q}
"""


@run_async
async def test_preview_opens_review_and_writes_nothing(tmp_path: Path) -> None:
    deck = tmp_path / "p.yaml"
    deck.write_text(DECK)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    app = build_preview_app(load_preview([deck]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.unit is not None and screen.unit.uid == "p1"
        await pilot.press("space")
        await pilot.press("3")
        await pilot.pause()
        assert screen.unit is not None and screen.unit.uid == "p2"
        await pilot.press("escape")  # review -> session summary
        await pilot.press("escape")  # summary -> home
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen", type(app.screen).__name__
        home_message = str(app.screen.query_one("#message").render())
        assert "Preview: nothing you answer here is saved" in home_message
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_preview_refuses_invalid_decks(tmp_path: Path) -> None:
    deck = tmp_path / "bad.yaml"
    deck.write_text("title: Bad\ncards:\n  - id: x\n    kind: basic\n")
    with pytest.raises(QuizappError, match="fix the deck problems"):
        run(argparse.Namespace(paths=[deck]))
