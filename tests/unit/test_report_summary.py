"""Anonymous summaries: round trip, strict checks, tamper detection, student id."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from quizapp.errors import QuizappError
from quizapp.reports.anonymous import UnitProgress, build_summary, student_id, write_summary
from quizapp.reports.summary import SummaryError, decode_summary, encode_summary

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
STUDENT = "8f2f5bd4-3c0e-4b43-9a38-2f3f3f5d6a11"


def units() -> list[UnitProgress]:
    return [
        UnitProgress("b-card", "deck/b", "date", 4, 1, 3, 12.5, 0.93),
        UnitProgress("a-card/reverse", "deck/a", "person", 2, 2, 1, None, float("nan")),
        UnitProgress("new-card", "deck/a", "concept", 0, 0),
    ]


def test_round_trip_keeps_every_field_sorted_by_uid() -> None:
    body = build_summary(units(), STUDENT, NOW)
    decoded = decode_summary(encode_summary(body))
    assert decoded == body
    assert [u.uid for u in decoded.units] == ["a-card/reverse", "b-card", "new-card"]
    assert decoded.units[0].retrievability is None  # NaN becomes unknown
    assert decoded.units[2].last_rating == 0
    assert decoded.created == "2026-11-22T12:00:00+00:00"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["body"]["units"][0].__setitem__(4, 0), "digest does not match"),
        (lambda d: d["body"].__setitem__("student", "alice"), "student"),
        (lambda d: d["body"].__setitem__("version", 2), "version"),
        (lambda d: d["body"]["units"][1].__setitem__(3, -1), "units"),
        (lambda d: d.__setitem__("extra", 1), "extra"),
    ],
)
def test_tampered_or_malformed_files_are_rejected(edit: object, message: str) -> None:
    data = json.loads(encode_summary(build_summary(units(), STUDENT, NOW)))
    edit(data)  # type: ignore[operator]
    with pytest.raises(SummaryError, match=message):
        decode_summary(json.dumps(data).encode())


@pytest.mark.parametrize("data", [b"", b"[1, 2]", b"{not json", b"\xff\xfe"])
def test_garbage_is_rejected_with_a_message(data: bytes) -> None:
    with pytest.raises(SummaryError):
        decode_summary(data)


def test_student_id_is_random_once_then_stable(tmp_path: Path) -> None:
    first = student_id(tmp_path, lambda: "11111111-2222-4333-8444-555555555555")
    again = student_id(tmp_path, lambda: "99999999-2222-4333-8444-555555555555")
    assert first == again == "11111111-2222-4333-8444-555555555555"
    (tmp_path / "anonymous-id").write_text("not-a-uuid")
    with pytest.raises(QuizappError, match="delete it"):
        student_id(tmp_path)


def test_write_summary_is_atomic_and_readable(tmp_path: Path) -> None:
    target = tmp_path / "me.json"
    body = build_summary(units(), STUDENT, NOW)
    write_summary(body, target)
    assert decode_summary(target.read_bytes()) == body
    assert [p.name for p in tmp_path.iterdir()] == ["me.json"]


def test_naive_clock_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        build_summary(units(), STUDENT, dt.datetime(2026, 1, 1))
