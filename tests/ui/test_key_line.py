"""Every screen's key line at 80x24 shows all its keys; at 60x16 whole keys, `…` and `? Help`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.app import App
from uikit import FixedClock, make_context, run_async

from quizapp.authoring.triage import TriageSession
from quizapp.ui.app import QuizApp
from quizapp.ui.triage_app import TriageApp
from quizapp.ui.widgets.key_line import HELP_KEYS, KeyLine

FACTS = Path(__file__).resolve().parents[1] / "data" / "facts"
TRIAGE = Path(__file__).resolve().parents[1] / "data" / "triage"

# keys from Home to each screen with a key line (the decks: tests/ui/data/decks)
SCREENS = {
    "home": [],
    "review-question": ["enter"],
    "review-answer": ["enter", "space"],
    "review-order": ["enter", "space", "3", "1", "enter", *"osama bin ladn", "enter", "3"],
    "summary": ["enter", "space", "1", "escape"],
    "browse": ["b"],
    "stats": ["s"],
    "exam": ["e"],
    "settings": ["o"],
    "quiz": ["x", "enter"],
    "quiz-results": ["x", "enter", "escape"],
}


def check_key_line(app: App[object], width: int) -> list[str]:
    """The descriptions the key line shows; every one whole, all of them at 80 columns."""
    line = app.screen.query_one(KeyLine)
    shown, palette = line._shown()
    text = line.render().plain
    assert len(text) <= width
    if palette is not None:
        assert text.rstrip().endswith(palette[0].description), "the palette key stays"
    present = [b.description for b, _on in shown if f" {b.description} " in f"{text} "]
    if width >= 80:
        assert present == [b.description for b, _on in shown], f"cut at 80 columns: {text!r}"
    elif len(present) < len(shown):
        assert "…" in text, "says some keys are left out"
        helps = [b for b, _on in shown if b.key in HELP_KEYS]
        assert all(f" {b.description} " in text for b in helps), "Help, which lists them, stays"
    return present


@pytest.mark.parametrize("size", [(60, 16), (80, 24)], ids=["60x16", "80x24"])
@run_async
async def test_every_screens_keys_fit_whole(size: tuple[int, int], tmp_path: Path) -> None:
    clock = FixedClock()
    cut = 0
    for name, keys in SCREENS.items():
        app = QuizApp(make_context(tmp_path / name, clock), clock=clock, seed=7)
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            shown = check_key_line(app, size[0])
            cut += len(app.screen.query_one(KeyLine)._shown()[0]) - len(shown)
    for keys in (["l"], ["t"]):
        app = QuizApp(make_context(tmp_path / keys[0], clock, FACTS), clock=clock, seed=7)
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            check_key_line(app, size[0])
    shutil.copytree(TRIAGE, tmp_path / "triage")
    triage = TriageApp(TriageSession(tmp_path / "triage" / "drafts.yaml"))
    async with triage.run_test(size=size) as pilot:
        await pilot.pause()
        check_key_line(triage, size[0])
    if size[0] < 80:
        assert cut > 0, "at 60 columns some screens have more keys than room"


@run_async
async def test_the_quiz_setup_buttons_are_on_screen_at_60x16(tmp_path: Path) -> None:
    from textual.widgets import Button

    from quizapp.ui.screens.quiz import QuizScreen, QuizSetupScreen

    clock = FixedClock()
    app = QuizApp(make_context(tmp_path / "data", clock), clock=clock, seed=7)
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, QuizSetupScreen)
        screen_region = app.screen.region
        for button in app.screen.query(Button):
            region = button.region
            assert region.height > 0 and screen_region.contains_region(region), button.id
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen), "a click on Start starts the quiz"


def test_the_key_list_wraps_a_long_description_under_itself() -> None:
    from quizapp.ui.screens.help import help_text

    lines = help_text(54).plain.splitlines()
    assert all(len(line) <= 54 for line in lines)
    wrapped = [line for line in lines if line.startswith(" " * 18) and line.strip()]
    assert wrapped, "some description needs a second line at 54 columns"
    assert help_text().plain.replace(" ", "").replace("\n", "") == help_text(54).plain.replace(
        " ", ""
    ).replace("\n", ""), "the same words, only wrapped"
