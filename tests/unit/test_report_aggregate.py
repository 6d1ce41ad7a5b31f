"""Class aggregation, its renderings and the `report` command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.reports.aggregate import aggregate, read_summaries
from quizapp.reports.anonymous import UnitProgress, build_summary, write_summary
from quizapp.reports.render import csv_report, html_report
from quizapp.reports.summary import SummaryBody

NOW = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)


def student(n: int, ratings: dict[str, int], when: dt.datetime = NOW) -> SummaryBody:
    rows = [
        UnitProgress(
            uid,
            "deck/" + uid[0],
            "date" if uid[0] == "a" else "person",
            3,
            int(r == 1),
            r,
            5.0,
            0.9 if r > 1 else 0.4,
        )
        for uid, r in ratings.items()
    ]
    return build_summary(rows, str(uuid.UUID(int=n, version=4)), when)


def test_hardest_retention_and_risk() -> None:
    bodies = [
        student(1, {"a1": 1, "a2": 3, "b1": 3}),
        student(2, {"a1": 1, "a2": 1, "b1": 3}),
        student(3, {"a1": 3, "a2": 3, "b1": 4}),
    ]
    report = aggregate(bodies, min_reviewed=2, risk_threshold=0.5)
    assert report.students == 3
    assert [r.uid for r in report.hardest] == ["a1", "a2", "b1"]
    assert report.hardest[0].tally.failed_last == 2
    assert report.decks["deck/a"].retention == pytest.approx(3 / 6)
    assert report.decks["deck/b"].retention == 1.0
    assert report.categories["person"].mean_retrievability == pytest.approx(0.9)
    assert [s.student for s in report.at_risk] == [str(uuid.UUID(int=2, version=4))]


def test_student_handing_in_twice_counts_once_newest_kept() -> None:
    old = student(1, {"a1": 1}, NOW - dt.timedelta(days=3))
    new = student(1, {"a1": 3})
    report = aggregate([new, old], min_students=1)
    assert report.students == 1
    assert report.duplicates == [str(uuid.UUID(int=1, version=4))]
    assert report.hardest[0].tally.failed_last == 0


def test_csv_and_html_outputs() -> None:
    report = aggregate([student(1, {"a1": 1, "b1": 3}), student(2, {"a1": 1, "b1": 3})])
    rows = list(csv.DictReader(io.StringIO(csv_report(report))))
    assert {r["section"] for r in rows} == {"hardest", "deck", "category"}
    assert rows[0]["name"] == "a1" and rows[0]["retention"] == "0.0000"
    page = html_report(report, title="CT <101>")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "CT &lt;101&gt;" in page and "<script" not in page and "http" not in page


def test_report_command_rejects_tampered_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(3):
        write_summary(student(n, {"a1": 1 + n, "b1": 3}), tmp_path / f"s{n}.json")
    bad = tmp_path / "s1.json"
    bad.write_bytes(bad.read_bytes().replace(b'"a1"', b'"a9"'))
    assert main(["report", str(tmp_path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "s1.json" in err and "digest does not match" in err
    html_out = tmp_path / "r.html"
    assert (
        main(["report", str(tmp_path), "--skip-invalid", "--quiet", "--html", str(html_out)]) == 0
    )
    assert "2 students" in html_out.read_text()


def test_read_summaries_reports_unreadable(tmp_path: Path) -> None:
    bodies, rejected = read_summaries([tmp_path / "missing.json"])
    assert not bodies and "cannot read" in rejected[0].reason
