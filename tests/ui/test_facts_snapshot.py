"""Snapshot of a fact's answer: quotes with their documents, "as of", caveat and disputes.

Review the report (`snapshot_report.html`) before `pytest --snapshot-update`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from uikit import FixedClock, make_context

from quizapp.ui.app import QuizApp

EXAMPLE = Path(__file__).parents[1] / "data" / "facts"
DECK = """\
title: One disputed event
facts:
  - id: bombing
    type: event
    what: twin car bombings in Algiers
    date: 2007-12-11
    place: algiers
    figures: {killed: thirty-three}
    time_sensitive: true
    caveat: "[bold]Markup[/bold] in a caveat stays text."
    disputed:
      - {field: figures.killed, value: thirty-three, doc: brief-2014.txt}
      - {field: figures.killed, value: at least 60, doc: profile.txt}
    as_of: 2016-03
    sources:
      - doc: brief-2014.txt
        quote: >-
          On December 11, 2007, twin car bombs struck the Constitutional Court and UN offices
          in Algiers, killing thirty-three people.
      - doc: profile.txt
        quote: "December 11, 2007: two car bombs in Algiers kill at least 60 people."
  - id: algiers
    type: place
    name: Algiers
    as_of: 2016-03
    sources:
      - {doc: profile.txt, quote: "Algiers is the capital of Algeria."}
"""


@pytest.mark.parametrize(
    "size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
)
def test_a_fact_answer(
    size: tuple[int, int], snap_compare: Any, tmp_path: Path, clock: FixedClock
) -> None:
    decks = tmp_path / "decks"
    shutil.copytree(EXAMPLE / "sources", decks / "sources")
    (decks / "event.yaml").write_text(DECK)
    app = QuizApp(make_context(tmp_path / "data", clock, decks), clock=clock, seed=7)
    assert snap_compare(app, press=["enter", "space"], terminal_size=size)
