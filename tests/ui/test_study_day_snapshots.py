"""Snapshots of the study day's new looks (issue 14): settings, the daily-limit notice, a typed
answer's difference drawn without markup, the paused session; at 80x24 and 60x16.

Review the report (`snapshot_report.html`) before `pytest --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from uikit import FixedClock

from quizapp.model.progress import Rating
from quizapp.ui.app import QuizApp

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((60, 16), id="60x16")]


def keys_for(text: str) -> list[str]:
    return ["space" if char == " " else char for char in text]


def first_two_learned(pilot: Pilot[Any]) -> None:
    """Basic and choice cards answered Easy, so the review opens on the typed card."""
    app = pilot.app
    study, units, clock = app.context.study, app.context.units, app.clock  # type: ignore[attr-defined]
    for uid in ("g-hamas-founded", "g-hez-founded"):
        study.answer(units[uid], Rating.EASY, clock(), 3.0)


def limit_reached(pilot: Pilot[Any]) -> None:
    app = pilot.app
    app.context.study.change_preference("new_per_day", "2")  # type: ignore[attr-defined]
    first_two_learned(pilot)
    app.screen.refresh_decks()  # type: ignore[attr-defined]


SCENES: dict[str, tuple[list[str], Callable[[Pilot[Any]], None] | None]] = {
    "settings": (["o"], None),
    "home-limit": ([], limit_reached),
    "typed-diff": (["enter", *keys_for("osama bin ladn"), "enter"], first_two_learned),
    "typed-qualifier": (
        ["enter", *keys_for("Osama bin Laden, the Saudi"), "enter"],
        first_two_learned,
    ),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", list(SCENES))
def test_study_day_looks(
    scene: str,
    size: tuple[int, int],
    snap_compare: Any,
    make_app: Callable[..., QuizApp],
    clock: FixedClock,
) -> None:
    press, before = SCENES[scene]
    assert snap_compare(make_app(), press=press, terminal_size=size, run_before=before)
