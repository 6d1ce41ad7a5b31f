"""The progress database's schema: its version and one migration per version.

`PRAGMA user_version` holds the version; `PRAGMA application_id` marks the file as quizapp's so
a foreign SQLite file is recognised and left alone. To change the schema, append a migration
(never edit an old one) and add a test for it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x51554941  # "QUIA"
DB_FILENAME = "progress.sqlite3"
# The settings row holding the units fingerprint of the last sync with the decks.
FINGERPRINT_KEY = "_units_fingerprint"


def _run(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: `executescript` would commit the migration's transaction."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            db.execute(buffer)
            buffer = ""


def _v1(db: sqlite3.Connection) -> None:
    """Units with their current state, the append-only review log, events, settings.

    An event's `log_pos` is the id of the last review logged before it, so a replay orders
    events and reviews exactly even when their clocks tie.
    """
    _run(
        db,
        """
        CREATE TABLE units (
            uid TEXT PRIMARY KEY,
            deck_id TEXT NOT NULL,
            sibling_key TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 0,
            category TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            rand REAL NOT NULL DEFAULT 0,
            new_rank REAL NOT NULL DEFAULT 0,
            present INTEGER NOT NULL DEFAULT 1,
            phase INTEGER NOT NULL DEFAULT 0,
            state BLOB,
            due REAL,
            last_review REAL,
            lapses INTEGER NOT NULL DEFAULT 0,
            suspended INTEGER NOT NULL DEFAULT 0,
            leech INTEGER NOT NULL DEFAULT 0,
            buried_until REAL NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX units_due ON units (phase, due, present, suspended, buried_until)
            WHERE phase > 0;
        CREATE INDEX units_new ON units (new_rank, present, suspended, buried_until)
            WHERE phase = 0;
        CREATE INDEX units_deck ON units (deck_id);
        CREATE INDEX units_sibling ON units (sibling_key);

        CREATE TABLE params (
            id INTEGER PRIMARY KEY,
            created REAL NOT NULL,
            parameters TEXT NOT NULL,
            desired_retention REAL NOT NULL
        );

        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL,
            deck_id TEXT NOT NULL,
            time REAL NOT NULL,
            rating INTEGER NOT NULL,
            answer_ms INTEGER NOT NULL,
            phase_before INTEGER NOT NULL,
            state_before BLOB NOT NULL,
            state_after BLOB NOT NULL,
            params_id INTEGER NOT NULL REFERENCES params (id),
            session TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX reviews_uid ON reviews (uid, id);
        CREATE INDEX reviews_time ON reviews (time);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            time REAL NOT NULL,
            kind TEXT NOT NULL,
            uid TEXT,
            review_id INTEGER,
            detail TEXT NOT NULL DEFAULT '',
            log_pos INTEGER NOT NULL DEFAULT 0
        );
        CREATE TRIGGER events_log_pos AFTER INSERT ON events BEGIN
            UPDATE events SET log_pos = (SELECT IFNULL(MAX(id), 0) FROM reviews)
            WHERE id = NEW.id;
        END;
        CREATE INDEX events_uid ON events (uid, id);
        CREATE UNIQUE INDEX events_undo ON events (review_id) WHERE kind = 'undo';

        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE deck_settings (
            deck_id TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (deck_id, key)
        ) WITHOUT ROWID;
        """,
    )


def _v2(db: sqlite3.Connection) -> None:
    """The sibling burials each answer made, with the value each one replaced.

    Undoing the answer puts exactly those back, so a sibling buried by hand stays buried. Keyed
    by unit first: undo finds a unit's siblings through `units_sibling`, and burying by hand
    looks up a unit's rows. Bookkeeping for undo only: burials end with the study day, so
    `rebuild` does not replay them.
    """
    _run(
        db,
        """
        CREATE TABLE burials (
            uid TEXT NOT NULL,
            review_id INTEGER NOT NULL REFERENCES reviews (id),
            until REAL NOT NULL,
            previous REAL NOT NULL,
            PRIMARY KEY (uid, review_id)
        ) WITHOUT ROWID;
        """,
    )


def _v3(db: sqlite3.Connection) -> None:
    """An index that answers per-deck counts (Home, exams) without reading rows or sorting.

    Counting a deck's seen units is then a range of this index; new units are the deck's
    units minus those (Home knows how many units a deck has), so the cost follows what the
    student has seen, not the size of the collection. Only columns that an answer rarely
    changes (a new unit's first answer, a suspension): answers do not pay for it. `units_due`
    gains the deck id, so units due now are counted per deck from that index alone.
    """
    _run(
        db,
        """
        CREATE INDEX units_progress ON units (deck_id, present, phase, suspended);
        DROP INDEX units_due;
        CREATE INDEX units_due ON units (phase, due, present, suspended, buried_until, deck_id)
            WHERE phase > 0;
        """,
    )


def _v4(db: sqlite3.Connection) -> None:
    """Burials found by the answer that made them: an answer also buries the cards that quote
    its card's sentence (not only its siblings), so undo reads its burials by review id instead
    of through the unit's sibling key."""
    _run(db, "CREATE INDEX burials_review ON burials (review_id);")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3, _v4)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection) -> int:
    """Bring the database up to SCHEMA_VERSION, one transaction per step; return the old version."""
    old = int(db.execute("PRAGMA user_version").fetchone()[0])
    for version in range(old, SCHEMA_VERSION):
        db.execute("BEGIN IMMEDIATE")
        try:
            current = int(db.execute("PRAGMA user_version").fetchone()[0])
            if current == version:
                MIGRATIONS[version](db)
                db.execute(f"PRAGMA user_version = {version + 1}")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return old


def identity(db: sqlite3.Connection) -> tuple[int, int]:
    """The file's (schema version, application id): whose database it is and how old."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    return version, app_id
