"""What `quizapp` (no command) prepares before the home screen shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quizapp.commands import study

GOOD = Path(__file__).parents[1] / "data" / "good"
NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("threshold", "prebuilt"), [(0, True), (10**9, False)])
def test_big_deck_sets_get_their_distractor_index_while_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threshold: int, prebuilt: bool
) -> None:
    monkeypatch.setattr(study, "PREBUILD_INDEX_UNITS", threshold)
    context = study.build_context(GOOD, tmp_path / "data", NOW)
    assert (context._index is not None) is prebuilt
    assert sorted(context.units) == sorted(u.uid for d in context.decks for u in _units(d))
    assert len(context.units) == 9


def _units(deck: object) -> list[object]:
    from quizapp.model import units_of

    return [u for c in deck.cards for u in units_of(c, deck.id)]  # type: ignore[attr-defined]
