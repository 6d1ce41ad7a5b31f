"""Snapshots of triage: a proposal (highlighted sentence, fields, cards) and the edit dialog.

Review the report (`snapshot_report.html`) before `pytest --snapshot-update`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from quizapp.authoring.triage import TriageSession
from quizapp.ui.triage_app import TriageApp

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "decks")
    return tmp_path / "decks" / "drafts.yaml"


@pytest.mark.parametrize(
    "size",
    [
        pytest.param((60, 16), id="60x16"),
        pytest.param((80, 24), id="80x24"),
        pytest.param((120, 40), id="120x40"),
    ],
)
def test_a_proposal(size: tuple[int, int], snap_compare: Any, drafts: Path) -> None:
    # Document order, skipped to the Algiers bombings: an event with a place and three cards.
    app = TriageApp(TriageSession(drafts))
    assert snap_compare(app, press=["a", "o", *["s"] * 9], terminal_size=size)


def test_the_edit_dialog_at_60x16(snap_compare: Any, drafts: Path) -> None:
    app = TriageApp(TriageSession(drafts))
    assert snap_compare(app, press=["e"], terminal_size=(60, 16))
