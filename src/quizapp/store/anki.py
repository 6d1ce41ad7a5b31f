"""Reading the SQLite collection inside an Anki package, read-only, for the importer.

Every SQL statement lives in `quizapp.store`, this one included; what the rows mean (note
types, fields, cloze markup) is the importer's business, in `quizapp.interop.apkg`.

The file is untrusted: it is opened read-only with untrusted schema features off, `col` and
`notes` must be real tables (a view can hide an endless recursive query), a progress handler
stops any statement that runs too long, and the number of notes and the size of the note-type
JSON are capped. Every failure is a one-line QuizappError naming the package.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import msgspec

from quizapp.errors import QuizappError

QUERY_STEPS = 100_000  # SQLite VM steps between progress-handler calls
MAX_QUERY_CALLS = 5_000  # about 5e8 steps: seconds of work for any real collection
MAX_NOTES = 200_000
MAX_MODELS_CHARS = 10 * 1024 * 1024


class AnkiNote(msgspec.Struct, frozen=True):
    """One note row: its id, note type id (None when the row's is not a number), fields joined
    by U+001F, tags joined by spaces."""

    id: int | str
    model_id: int | None
    fields: str
    tags: str


class AnkiCollection(msgspec.Struct, frozen=True):
    """The legacy `col.models` JSON (note types by id) and every note, in id order."""

    models_json: str
    notes: tuple[AnkiNote, ...]


def read_collection(path: Path, name: str) -> AnkiCollection:
    """The collection at `path` (`name` is the package, for messages)."""
    db = _connect(path, name)
    try:
        _require_tables(db, name)
        row = db.execute("SELECT models FROM col").fetchone()
        models = row[0] if row and row[0] else ""
        if not isinstance(models, str) or len(models) > MAX_MODELS_CHARS:
            raise QuizappError(f"{name}: the note types (col.models) are not readable JSON text")
        notes: list[AnkiNote] = []
        for note_id, mid, fields, tags in db.execute(
            "SELECT id, mid, flds, tags FROM notes ORDER BY id"
        ):
            if len(notes) >= MAX_NOTES:
                raise QuizappError(f"{name}: more than {MAX_NOTES:,} notes; split the collection")
            notes.append(AnkiNote(_id(note_id), _number(mid), str(fields), str(tags)))
    except sqlite3.Error as error:
        raise QuizappError(f"{name}: unreadable Anki collection: {error}") from None
    finally:
        db.close()
    return AnkiCollection(models, tuple(notes))


def _connect(path: Path, name: str) -> sqlite3.Connection:
    """Read-only, no untrusted schema functions, in-memory sorting, a budget per statement."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        db.execute("PRAGMA trusted_schema = OFF")
        db.execute("PRAGMA query_only = ON")
        db.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.Error as error:
        raise QuizappError(f"{name}: unreadable Anki collection: {error}") from None
    calls = 0

    def budget() -> int:
        nonlocal calls
        calls += 1
        return 1 if calls > MAX_QUERY_CALLS else 0

    db.set_progress_handler(budget, QUERY_STEPS)
    db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_MODELS_CHARS * 4)
    return db


def _require_tables(db: sqlite3.Connection, name: str) -> None:
    kinds = dict(db.execute("SELECT name, type FROM sqlite_master WHERE name IN ('col', 'notes')"))
    for table in ("col", "notes"):
        if kinds.get(table) != "table":
            what = "missing" if table not in kinds else f"a {kinds[table]}, not a table"
            raise QuizappError(f"{name}: not an Anki collection (its `{table}` is {what})")


def _number(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError, OverflowError):
        return None


def _id(value: object) -> int | str:
    number = _number(value)
    return str(value)[:40] if number is None else number


def write_package(package: Any, path: Path, name: str) -> None:
    """Write a genanki `Package` (it builds an SQLite collection) to `path`; a failure of
    that database (a full disk) is a QuizappError naming `name`, the file the user asked for."""
    try:
        package.write_to_file(str(path))
    except sqlite3.Error as error:
        raise QuizappError(f"cannot write {name}: {error}") from None
