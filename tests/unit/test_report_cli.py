"""A student's `progress export --anonymous` is what an instructor's `report` reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp import cli

GOOD = Path(__file__).parents[1] / "data" / "good"


def test_anonymous_export_round_trips_through_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--decks", str(GOOD), "--data-dir", str(tmp_path / "data")]
    summary = tmp_path / "student.json"
    assert cli.main([*base, "progress", "export", "--anonymous", "-o", str(summary)]) == 0
    body = json.loads(summary.read_text())
    assert len(body["body"]["units"]) == 9, "every study unit of the deck, studied or not"
    csv_out = tmp_path / "class.csv"
    capsys.readouterr()
    assert cli.main(["report", "--quiet", "--csv", str(csv_out), str(summary)]) == 0
    assert csv_out.read_text().strip()

    tampered = tmp_path / "tampered.json"
    body["body"]["units"][0][3] = 5  # claim five reviews of a card never studied
    tampered.write_text(json.dumps(body))
    assert cli.main(["report", "--quiet", str(tampered)]) == 2
    assert "tampered.json" in capsys.readouterr().err


def test_report_with_decks_names_failed_facts_by_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import io
    import random
    from datetime import UTC, datetime, timedelta

    from quizapp.decks import load_decks
    from quizapp.model.progress import Rating
    from quizapp.store import ProgressStore
    from quizapp.study.stored import StoreStudy

    start = datetime.now(UTC) - timedelta(days=3)
    files = []
    for student in ("a", "b"):
        data = tmp_path / student
        units = load_decks([GOOD]).units()
        with ProgressStore.open(data) as store:
            study = StoreStudy(store, units, start, random.Random(1), tz=UTC)
            for unit in units[:3]:
                study.answer(unit, Rating.AGAIN, start, 2.0)
        out = tmp_path / f"{student}.json"
        base = ["--decks", str(GOOD), "--data-dir", str(data)]
        assert cli.main([*base, "progress", "export", "--anonymous", "-o", str(out)]) == 0
        files.append(str(out))
    named, plain = tmp_path / "named.csv", tmp_path / "plain.csv"
    assert cli.main(["report", "--quiet", "--decks", str(GOOD), "--csv", str(named), *files]) == 0
    assert cli.main(["report", "--quiet", "--csv", str(plain), *files]) == 0
    capsys.readouterr()

    def hardest(path: Path) -> set[str]:
        rows = csv.DictReader(io.StringIO(path.read_text()))
        return {row["name"] for row in rows if row["section"] == "hardest"}

    questions = {"When was the GSPC founded?"}
    assert hardest(plain) and not hardest(plain) & questions
    assert hardest(named) & questions
    assert cli.main(["report", "--decks", str(GOOD), *files]) == 0
    assert "question" in capsys.readouterr().out
