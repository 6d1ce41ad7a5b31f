"""The progress commands: stats, rebuild, optimize, progress export / exam."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp import cli
from quizapp.decks import load_decks
from quizapp.model.progress import Rating
from quizapp.store import ProgressStore
from quizapp.study.session import StudySession

DECKS = Path(__file__).parents[1] / "data" / "good"


def run(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--decks", str(DECKS), "--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def study(data: Path, answers: int, now: datetime) -> None:
    with ProgressStore.open(data) as store:
        session = StudySession.start(store, load_decks([DECKS]).units(), now, rng=random.Random(1))
        for _ in range(answers):
            unit = session.next_unit(now)
            assert unit is not None
            session.answer(unit, Rating.EASY, now, 1200)


def test_stats_json_counts_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    study(tmp_path, 3, datetime.now(UTC) - timedelta(days=60))
    code, out, _ = run(capsys, tmp_path, "stats", "--json")
    stats = json.loads(out)
    assert code == 0
    assert stats["reviews_total"] == 3
    assert stats["cards_total"] == 7
    assert stats["due_now"] == 3
    assert stats["new_available"] == stats["units_total"] - 3
    (deck,) = stats["decks"]
    assert deck["id"] == "all-kinds" and deck["learned"] == 3


def test_stats_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, tmp_path, "stats")
    assert code == 0 and "All kinds" in out and "0 reviews so far" in out


def test_stats_refuses_a_foreign_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "progress.sqlite3").write_text("not mine")
    code, _, err = run(capsys, tmp_path, "stats")
    assert code == 2 and "not a quizapp progress database" in err and "Traceback" not in err
    assert (tmp_path / "progress.sqlite3").read_text() == "not mine"


def test_rebuild_reports_and_corrects(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    study(tmp_path, 4, datetime.now(UTC))
    with ProgressStore.open(tmp_path) as store:
        store.db.execute("UPDATE units SET phase = 0, state = NULL, due = NULL")
    code, out, _ = run(capsys, tmp_path, "rebuild")
    assert code == 0 and "from 4 reviews; 4 stored states differed" in out
    code, out, _ = run(capsys, tmp_path, "rebuild")
    assert "0 stored states differed" in out


def test_export_json_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    study(tmp_path, 2, datetime(2026, 3, 2, 12, tzinfo=UTC))
    code, out, err = run(capsys, tmp_path, "progress", "export")
    history = json.loads(out)
    assert code == 0 and "exported 2 reviews" in err
    assert [r["rating"] for r in history["reviews"]] == ["easy", "easy"]
    assert history["reviews"][0]["time"] == "2026-03-02T12:00:00+00:00"
    target = tmp_path / "h.csv"
    code, _, _ = run(capsys, tmp_path, "progress", "export", "-o", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert code == 0 and len(rows) == 2 and rows[0]["phase_after"] == "review"
    code, _, err = run(capsys, tmp_path, "progress", "export", "-o", str(target))
    assert code == 2 and "exists" in err


def test_exam_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    day = (datetime.now(UTC) + timedelta(days=10)).date().isoformat()
    code, out, _ = run(capsys, tmp_path, "progress", "exam", "all-kinds", day)
    assert code == 0 and "9 cards to bring up" in out
    code, out, _ = run(capsys, tmp_path, "stats", "--json")
    assert json.loads(out)["decks"][0]["exam_date"] == day
    code, _, err = run(capsys, tmp_path, "progress", "exam", "nope", day)
    assert code == 2 and "no deck 'nope'" in err
    code, _, err = run(capsys, tmp_path, "progress", "exam", "all-kinds", "2001-01-01")
    assert code == 2 and "not in the future" in err
    code, out, _ = run(capsys, tmp_path, "progress", "exam", "all-kinds", "--clear")
    assert code == 0 and "no exam date" in out


def test_optimize_needs_history_then_fits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, tmp_path, "optimize")
    assert code == 2 and "not enough review history" in err
    with ProgressStore.open(tmp_path) as store:
        params = store.params_id(store.settings(), 0.0)
        rng = random.Random(4)
        rows = []
        for card in range(150):
            t = 1.7e9 + card * 60
            gap = 1.0
            for _ in range(6):
                remembered = rng.random() < 0.85
                rows.append((f"u{card}", "d", t, 3 if remembered else 1, 1000, 0, b"", b"", params))
                gap = gap * 2.5 if remembered else 1.0
                t += gap * 86400
        with store.write() as db:
            db.executemany(
                "INSERT INTO reviews (uid, deck_id, time, rating, answer_ms, phase_before, "
                "state_before, state_after, params_id) VALUES (?,?,?,?,?,?,?,?,?)",
                rows,
            )
    code, out, _ = run(capsys, tmp_path, "optimize", "--dry-run")
    assert code == 0 and "fitted on 750 reviews" in out and "nothing saved" in out
    with ProgressStore.open(tmp_path) as store:
        before = store.settings().parameters
    code, out, _ = run(capsys, tmp_path, "optimize")
    with ProgressStore.open(tmp_path) as store:
        after = store.settings().parameters
    assert ("saved" in out) == (after != before)
    code, out, _ = run(capsys, tmp_path, "optimize", "--reset")
    with ProgressStore.open(tmp_path) as store:
        assert store.settings().parameters == before
