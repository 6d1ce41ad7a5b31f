"""Reading the SQLite collection inside an Anki package, read-only, for the importer.

Every SQL statement lives in `quizapp.store`, this one included; what the rows mean (note
types, fields, cloze markup) is the importer's business, in `quizapp.interop.importers`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import msgspec

from quizapp.errors import QuizappError


class AnkiNote(msgspec.Struct, frozen=True):
    """One note row: its id, note type id, fields joined by U+001F, tags joined by spaces."""

    id: int
    model_id: int
    fields: str
    tags: str


class AnkiCollection(msgspec.Struct, frozen=True):
    """The legacy `col.models` JSON (note types by id) and every note, in id order."""

    models_json: str
    notes: tuple[AnkiNote, ...]


def read_collection(path: Path, name: str) -> AnkiCollection:
    """The collection at `path` (`name` is the package, for messages)."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise QuizappError(f"{name}: unreadable Anki collection: {error}") from None
    try:
        row = db.execute("SELECT models FROM col").fetchone()
        notes = tuple(
            AnkiNote(int(note_id), int(mid), str(fields), str(tags))
            for note_id, mid, fields, tags in db.execute(
                "SELECT id, mid, flds, tags FROM notes ORDER BY id"
            )
        )
    except sqlite3.Error as error:
        raise QuizappError(f"{name}: unreadable Anki collection: {error}") from None
    finally:
        db.close()
    return AnkiCollection(str(row[0]) if row and row[0] else "", notes)
