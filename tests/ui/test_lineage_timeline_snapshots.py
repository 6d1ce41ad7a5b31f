"""Snapshots of the lineage and timeline screens at 60x16, 80x24 and 120x40, and under NO_COLOR.

Review the report (`snapshot_report.html`) before `pytest --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from uikit import FixedClock, make_context

from quizapp.ui.app import QuizApp

LINEAGE = Path(__file__).parents[1] / "data" / "lineage"
SIZES = [
    pytest.param((60, 16), id="60x16"),
    pytest.param((80, 24), id="80x24"),
    pytest.param((120, 40), id="120x40"),
]
KEYS = {"lineage": ["l", "down", "down", "down"], "timeline": ["t", "down", "down", "down"]}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(KEYS))
def test_screen(
    screen: str, size: tuple[int, int], snap_compare: Any, tmp_path: Path, clock: FixedClock
) -> None:
    app = QuizApp(make_context(tmp_path / "data", clock, LINEAGE), clock=clock, seed=7)
    assert snap_compare(app, press=KEYS[screen], terminal_size=size)


def test_lineage_without_colour(
    snap_compare: Any, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = QuizApp(make_context(tmp_path / "data", clock, LINEAGE), clock=clock, seed=7)
    assert snap_compare(app, press=KEYS["lineage"], terminal_size=(80, 24))
