"""Hostile input elsewhere: linear generate, report on special files, one corrupt row in the
progress database, unclear errors, read-only media, honest claims about hand-ins."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from hostile_corpus import HANDINS, HOSTILE

from quizapp import cli
from quizapp.store.db import DB_FILENAME

GOOD = Path(__file__).parents[1] / "data" / "good"
ROOT = Path(__file__).parents[2]


def test_generate_caps_sentences_and_quotes(tmp_path: Path) -> None:
    from quizapp.generate.document import parse_document

    phrase = "in 1998 the GSPC was founded by Hassan Hattab near Algiers and "
    text = phrase * (60_000 // len(phrase))
    document = parse_document("runon.txt", text)
    longest = max(len(s.text) for s in document.sentences)
    assert longest <= 1_000
    source = tmp_path / "runon.txt"
    source.write_text(text)
    out = tmp_path / "runon.yaml"
    assert cli.main(["generate", str(source), "-o", str(out)]) == 0
    assert out.stat().st_size < 20 * len(text)
    facts = yaml.safe_load(out.read_text()).get("facts") or []
    quotes = [source["quote"] for fact in facts for source in fact.get("sources", [])]
    assert all(len(quote) <= 1_000 for quote in quotes), "no quote is a whole run-on text"


def test_report_reads_only_regular_files(tmp_path: Path) -> None:
    folder = tmp_path / "handed-in"
    folder.mkdir()
    for name in ("student-a.json", "student-b.json"):
        (folder / name).write_bytes((HANDINS / name).read_bytes())
    os.mkfifo(folder / "fifo.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    files = sorted(str(p) for p in folder.iterdir())
    argv = [sys.executable, "-m", "quizapp", "report", "--quiet", "--skip-invalid", *files]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "fifo.json" in result.stderr and "zero.json" in result.stderr
    assert "Traceback" not in result.stderr


def _studied_store(data_dir: Path) -> None:
    """A progress store on the good deck with a few answers logged."""
    from quizapp.decks import load_decks
    from quizapp.model.progress import Rating
    from quizapp.store import ProgressStore
    from quizapp.study.session import StudySession

    units = load_decks([GOOD]).units()
    now = datetime.now(UTC) - timedelta(days=2)
    with ProgressStore.open(data_dir) as store:
        session = StudySession.start(store, units, now, rng=random.Random(1))
        for _ in range(4):
            unit = session.next_unit(now)
            assert unit is not None
            session.answer(unit, Rating.GOOD, now, 1000)
            now += timedelta(minutes=1)


def _corrupt(data_dir: Path, sql: str) -> None:
    db = sqlite3.connect(data_dir / DB_FILENAME)
    db.execute(sql)
    db.commit()
    db.close()


def test_a_corrupt_setting_is_a_message_and_rebuild_repairs_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _studied_store(data)
    _corrupt(data, "INSERT OR REPLACE INTO settings (key, value) VALUES ('new_per_day', '{bad')")
    base = ["--decks", str(GOOD), "--data-dir", str(data)]
    assert cli.main([*base, "stats"]) == 2
    err = capsys.readouterr().err
    assert "new_per_day" in err and "quizapp rebuild" in err
    assert cli.main([*base, "rebuild"]) == 0
    assert cli.main([*base, "stats"]) == 0


def test_a_corrupt_state_blob_is_rebuilt_from_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _studied_store(data)
    _corrupt(data, "UPDATE units SET state = x'c1c1c1' WHERE state IS NOT NULL")
    base = ["--decks", str(GOOD), "--data-dir", str(data)]
    code = cli.main([*base, "progress", "export", "--anonymous", "-o", str(tmp_path / "s.json")])
    err = capsys.readouterr().err
    assert code == 2 and "quizapp rebuild" in err and "Traceback" not in err
    assert cli.main([*base, "rebuild"]) == 0
    assert "4 stored states differed" in capsys.readouterr().out
    assert (
        cli.main([*base, "progress", "export", "--anonymous", "-o", str(tmp_path / "s.json")]) == 0
    )


def test_read_only_commands_work_on_a_read_only_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    _studied_store(data)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    real_access = os.access

    def read_only_media(path: object, mode: int, **kwargs: object) -> bool:
        """The data folder as write-protected media shows it (tests may run as root)."""
        if mode & os.W_OK and Path(str(path)).resolve().is_relative_to(data.resolve()):
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", read_only_media)
    base = ["--decks", str(GOOD), "--data-dir", str(data)]
    assert cli.main([*base, "stats", "--json"]) == 0
    assert cli.main([*base, "progress", "export", "-o", str(tmp_path / "h.json")]) == 0
    assert (tmp_path / "h.json").stat().st_size > 0
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before, "nothing written"
    assert cli.main([*base, "rebuild"]) == 2, "a command that writes says it cannot"


def test_odd_paths_give_errors_that_say_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "data"
    a_file.write_text("not a folder")
    assert cli.main(["--decks", str(GOOD), "--data-dir", str(a_file), "stats"]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert cli.main(["--decks", "/dev/zero", "--data-dir", str(tmp_path / "d"), "stats"]) == 2
    err = capsys.readouterr().err
    assert "/dev/zero" in err and "no such file" not in err


def test_an_impossible_created_date_is_rejected(capsys: pytest.CaptureFixture[str]) -> None:
    bad = HOSTILE / "handins-bad" / "future-created.json"
    assert cli.main(["report", "--quiet", str(HANDINS), str(bad)]) == 2
    assert "future-created.json" in capsys.readouterr().err


def test_docs_say_what_the_digest_guards_and_have_a_security_section() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    instructors = (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")
    assert "Tampered files are rejected" not in readme
    assert "## Security" in readme
    for text in (readme, instructors):
        assert "not deliberate" in text or "not a signature" in text


def test_a_summary_from_the_future_is_rejected(tmp_path: Path) -> None:
    import msgspec

    from quizapp.reports.aggregate import read_summaries
    from quizapp.reports.summary import decode_summary, encode_summary

    body = decode_summary((HANDINS / "student-a.json").read_bytes())
    future = tmp_path / "future.json"
    future.write_bytes(encode_summary(msgspec.structs.replace(body, created="2999-01-01T00:00Z")))
    now = datetime(2026, 11, 30, tzinfo=UTC)
    bodies, rejected = read_summaries([HANDINS / "student-a.json", future], now=now)
    assert len(bodies) == 1 and [r.path for r in rejected] == [future]
    assert "future" in rejected[0].reason


FIFO_CASES = {
    "generate": lambda d: ["generate", str(d / "fifo.txt"), "-o", str(d / "out.yaml")],
    "import csv": lambda d: ["import", str(d / "fifo.csv"), "-o", str(d / "out.yaml")],
    "import apkg": lambda d: ["import", str(d / "fifo.apkg"), "-o", str(d / "out.yaml")],
    "validate a deck folder": lambda d: ["validate", "--sources", str(d / "decks")],
    "report": lambda d: ["report", str(d / "fifo.json")],
}


@pytest.mark.parametrize("case", sorted(FIFO_CASES))
def test_nothing_blocks_on_a_fifo_or_reads_a_device(tmp_path: Path, case: str) -> None:
    for name in ("fifo.txt", "fifo.csv", "fifo.apkg", "fifo.json"):
        os.mkfifo(tmp_path / name)
    decks = tmp_path / "decks"
    (decks / "sources").mkdir(parents=True)
    os.mkfifo(decks / "pipe.yaml")
    (decks / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(decks / "sources" / "d.txt")
    (decks / "ok.yaml").write_text(
        "title: T\ncards:\n  - id: a1\n    question: Q?\n    answer: A\n    category: concept\n"
        "    source: {doc: d.txt, quote: q}\n"
    )
    argv = [sys.executable, "-m", "quizapp", "--no-cache", *FIFO_CASES[case](tmp_path)]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr


def test_a_full_disk_message_claims_nothing_about_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from quizapp.store.db import storage_error

    path = tmp_path / DB_FILENAME
    full = str(storage_error(sqlite3.OperationalError("database or disk is full"), path))
    assert "full" in full and "answer was not saved" not in full
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: usage._replace(free=0))
    io_error = str(storage_error(sqlite3.OperationalError("disk I/O error"), path))
    assert "is full" in io_error, "before the WAL exists SQLite only says disk I/O error"
