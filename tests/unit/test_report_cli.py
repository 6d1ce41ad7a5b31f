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
