"""The anonymous summary built from a real progress store: counts, last rating, undo, R."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from instructor_fixtures import sample_deck

from quizapp.model.progress import Rating
from quizapp.model.units import units_of
from quizapp.reports.anonymous import build_summary
from quizapp.reports.from_store import unit_progress
from quizapp.reports.summary import decode_summary, encode_summary
from quizapp.store import ProgressStore
from quizapp.study.session import StudySession

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def test_summary_from_store(tmp_path: Path) -> None:
    deck = sample_deck()
    units = [u for c in deck.cards for u in units_of(c, deck.id)]
    by_uid = {u.uid: u for u in units}
    store = ProgressStore.open(tmp_path)
    try:
        session = StudySession.start(store, units, NOW, rng=random.Random(1))
        session.answer(by_uid["b1"], Rating.GOOD, NOW)
        session.answer(by_uid["b1"], Rating.AGAIN, NOW + dt.timedelta(minutes=2))
        session.answer(by_uid["t1"], Rating.GOOD, NOW + dt.timedelta(minutes=3))
        session.answer(by_uid["t1"], Rating.EASY, NOW + dt.timedelta(minutes=4))
        session.undo(NOW + dt.timedelta(minutes=5))  # takes back t1's Easy
        rows = {r.uid: r for r in unit_progress(store, NOW + dt.timedelta(days=5))}
    finally:
        store.close()
    assert set(rows) == set(by_uid)
    assert (rows["b1"].reviews, rows["b1"].last_rating) == (2, 1)
    assert (rows["t1"].reviews, rows["t1"].last_rating) == (1, 3)
    assert rows["b1"].category == "date" and rows["b1"].deck_id == "aqim"
    assert rows["o1"].reviews == 0 and rows["o1"].retrievability is None
    assert rows["t1"].retrievability is not None and 0 < rows["t1"].retrievability < 1
    body = build_summary(rows.values(), "11111111-2222-4333-8444-555555555555", NOW)
    assert decode_summary(encode_summary(body)) == body


def test_naive_clock_refused(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path)
    try:
        with pytest.raises(ValueError, match="timezone"):
            unit_progress(store, dt.datetime(2026, 1, 1))
    finally:
        store.close()


def test_anonymous_export_command_function(tmp_path: Path) -> None:
    import argparse

    from quizapp.commands.anonymous_export import run_anonymous_export
    from quizapp.errors import QuizappError

    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "d.yaml").write_text(
        "title: D\ncards:\n  - id: a\n    kind: basic\n    category: date\n    question: Q?\n"
        "    answer: A\n    reverse: true\n    source: {doc: s.md, quote: q}\n"
    )
    out = tmp_path / "me.json"
    args = argparse.Namespace(decks=decks, data_dir=tmp_path / "data", output=out, no_cache=True)
    assert run_anonymous_export(args) == 0
    body = decode_summary(out.read_bytes())
    assert [u.uid for u in body.units] == ["a", "a/reverse"]
    assert (tmp_path / "data" / "anonymous-id").read_text().strip() == body.student
    with pytest.raises(QuizappError, match="exists"):
        run_anonymous_export(args)
