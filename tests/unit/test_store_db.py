"""Opening the progress database: migrations, refusing foreign or damaged files, clear errors."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from store_fixtures import T0, basic, units

from quizapp.errors import QuizappError
from quizapp.model.progress import Rating
from quizapp.store import ProgressStore, Settings
from quizapp.store.db import DB_FILENAME
from quizapp.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, migrate
from quizapp.study.session import StudySession


def tables(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_migration_1_creates_the_schema_and_marks_the_file(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    assert migrate(db) == 0
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert {"units", "reviews", "events", "settings", "deck_settings", "params"} <= tables(db)
    assert migrate(db) == SCHEMA_VERSION


def test_migration_2_adds_burials_and_keeps_a_version_1_file(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    db.execute("BEGIN")
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("COMMIT")
    db.execute("INSERT INTO units (uid, deck_id, sibling_key) VALUES ('a', 'd', 'a')")
    assert "burials" not in tables(db)
    assert migrate(db) == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "burials" in tables(db)
    assert db.execute("SELECT uid FROM units").fetchall() == [("a",)]
    columns = [r[1] for r in db.execute("PRAGMA table_info(burials)")]
    assert columns == ["uid", "review_id", "until", "previous"]


def test_migration_4_finds_burials_by_answer_and_keeps_them(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    for migration in MIGRATIONS[:3]:
        migration(db)
    db.execute("PRAGMA user_version = 3")
    db.execute("INSERT INTO burials VALUES ('a', 7, 10.0, 0.0)")
    assert migrate(db) == 3
    assert db.execute("SELECT * FROM burials").fetchall() == [("a", 7, 10.0, 0.0)]
    plan = db.execute("EXPLAIN QUERY PLAN SELECT uid FROM burials WHERE review_id = 7").fetchall()
    assert "burials_review" in str(plan)


def test_migration_3_adds_the_progress_index_and_keeps_the_data(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    MIGRATIONS[0](db)
    MIGRATIONS[1](db)
    db.execute("PRAGMA user_version = 2")
    db.execute("INSERT INTO units (uid, deck_id, sibling_key) VALUES ('a', 'd', 'a')")
    assert migrate(db) == 2
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "units_progress" in indexes
    assert db.execute("SELECT uid, deck_id FROM units").fetchall() == [("a", "d")]
    plan = db.execute(
        "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM units WHERE deck_id = 'd' AND present = 1 "
        "AND phase > 0"
    ).fetchall()
    assert "units_progress" in str(plan)


def test_open_sets_wal_and_busy_timeout(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert store.integrity_ok()


def _unchanged_after_refusal(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(QuizappError, match=match) as caught:
        ProgressStore.open(path.parent)
    assert "mv " in str(caught.value) or "Upgrade" in str(caught.value)
    assert path.read_bytes() == before
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0


def test_garbage_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    path.write_bytes(b"this is my thesis, not a database\n" * 100)
    _unchanged_after_refusal(path, "not SQLite")


def test_foreign_sqlite_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (body TEXT)")
    other.execute("INSERT INTO notes VALUES ('keep me')")
    other.commit()
    other.close()
    _unchanged_after_refusal(path, "another program")


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    ProgressStore.open(tmp_path).close()
    path = tmp_path / DB_FILENAME
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    _unchanged_after_refusal(path, "newer quizapp")


def test_damaged_file_gives_a_clear_message(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        StudySession.start(
            store, units([basic(f"c{i}") for i in range(200)]), T0, rng=random.Random()
        )
    path = tmp_path / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(QuizappError, match=r"damaged|another program"):
        store = ProgressStore.open(tmp_path)
        store.db.execute("SELECT COUNT(*) FROM units").fetchone()
    assert path.read_bytes() == bytes(data)


READ_ONLY_CHILD = """
import os, sys
from pathlib import Path
from quizapp.errors import QuizappError
from quizapp.store import ProgressStore
if os.geteuid() == 0:
    os.setuid(65534)
try:
    ProgressStore.open(Path(sys.argv[1]))
except QuizappError as error:
    print(error)
"""


def test_read_only_data_dir_gives_a_clear_error() -> None:
    """The child drops to `nobody` when run as root, since root ignores directory permissions."""
    folder = Path(tempfile.mkdtemp(prefix="quizapp-ro-"))
    try:
        folder.chmod(0o555)
        result = subprocess.run(
            [sys.executable, "-c", READ_ONLY_CHILD, str(folder)],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        assert "read-only" in result.stdout, result.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
        shutil.rmtree(folder)


def test_uncreatable_data_dir_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(QuizappError, match="--data-dir"):
        ProgressStore.open(blocker / "data")


def test_full_disk_gives_a_clear_error_and_keeps_committed_answers(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path)
    session = StudySession.start(
        store, units([basic(f"c{i}") for i in range(50)]), T0, rng=random.Random()
    )
    unit = session.next_unit(T0)
    assert unit is not None
    session.answer(unit, Rating.GOOD, T0, 10)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(QuizappError, match="full"):
        for i in range(2000):
            other = session.next_unit(T0)
            assert other is not None
            session.answer(other, Rating.AGAIN, T0, 10 + i)
    assert store.reviews_total() >= 1
    assert store.integrity_ok()


def test_settings_round_trip(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path) as store:
        assert store.settings() == Settings()
        store.save_settings(Settings(desired_retention=0.85, new_per_day=7, pass_fail=True))
    with ProgressStore.open(tmp_path) as store:
        saved = store.settings()
        assert (saved.desired_retention, saved.new_per_day, saved.pass_fail) == (0.85, 7, True)
        with pytest.raises(QuizappError, match="retention"):
            store.save_settings(Settings(desired_retention=1.5))


def test_damage_found_after_opening_gives_a_clear_message(tmp_path: Path) -> None:
    units_list = units([basic(f"card-{i:05}") for i in range(3000)])
    with ProgressStore.open(tmp_path) as store:
        StudySession.start(store, units_list, T0, rng=random.Random())
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = tmp_path / DB_FILENAME
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 40 * page
    for number in range(10, 40):
        data[number * page + 8 : number * page + 300] = b"\x07" * 292
    path.write_bytes(bytes(data))
    with pytest.raises(QuizappError, match="damaged") as caught:
        store = ProgressStore.open(tmp_path)
        session = StudySession.start(store, units_list, T0, rng=random.Random())
        session.today(T0)
        session.deck_counts(T0)
    assert "mv " in str(caught.value)
    assert path.read_bytes() == bytes(data)
