"""The progress database: opening it safely, and the few writes that change a student's progress.

One SQLite file in the data dir, in WAL mode with `synchronous=NORMAL`: a committed answer survives
the app being killed (only an OS crash or power loss can roll back the last few). Every answer is
its own `BEGIN IMMEDIATE` transaction that re-reads the unit's state, so two quizapp processes
answering at once serialise on the write lock and build on each other's answers. A file that is not
a quizapp database, is damaged, or comes from a newer quizapp is never written to.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import msgspec

from quizapp.errors import QuizappError
from quizapp.model.progress import NEW_STATE, MemoryState
from quizapp.store.schema import APPLICATION_ID, SCHEMA_VERSION, identity, migrate
from quizapp.store.schema import DB_FILENAME as DB_FILENAME
from quizapp.store.settings import DeckSettings, NewOrder, Settings

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Checkpoint the WAL into the database every ~40 MB instead of SQLite's ~4 MB: the hot pages an
# answer touches are rewritten many times between checkpoints, so fewer checkpoints copy and
# fsync far less (about a third of an answer's cost at the default).
WAL_CHECKPOINT_PAGES = 10_000

_encode_state = msgspec.msgpack.Encoder().encode
_decode_state = msgspec.msgpack.Decoder(MemoryState).decode


def encode_state(state: MemoryState) -> bytes:
    return _encode_state(state)


REBUILD_HINT = "run `quizapp rebuild` to repair it from the review log (your answers are kept)"


class DamagedRow(QuizappError):
    """One row of the progress database cannot be read; `quizapp rebuild` repairs it."""


def decode_state(blob: bytes | None) -> MemoryState:
    """A stored scheduling state; a damaged blob is a DamagedRow naming the way out."""
    if blob is None:
        return NEW_STATE
    try:
        return _decode_state(blob)
    except (msgspec.DecodeError, TypeError) as error:
        raise DamagedRow(
            f"a saved card state in the progress database is damaged ({error}); " + REBUILD_HINT
        ) from None


def try_decode_state(blob: bytes | None) -> MemoryState | None:
    """`decode_state`, or None for a damaged blob (for the repair tool, which recomputes it)."""
    try:
        return decode_state(blob)
    except DamagedRow:
        return None


def _move_aside_hint(path: Path) -> str:
    return (
        f"Your decks are untouched. To start fresh progress, move it aside "
        f"(`mv '{path}' '{path}.old'`) or use another folder with --data-dir DIR."
    )


def _nearly_full(folder: Path) -> bool:
    """SQLite says only "disk I/O error" when the disk fills before its WAL file exists."""
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


def storage_error(error: sqlite3.Error, path: Path) -> QuizappError:
    """Turn an SQLite failure into a message that says what the student can do."""
    text = str(error).lower()
    if "full" in text or ("disk i/o" in text and _nearly_full(path.parent)):
        return QuizappError(
            f"the disk holding {path.parent} is full; the last change (an answer, a setting) "
            "was not saved, and everything saved before it is safe. Free some space and try again."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return QuizappError(
            f"cannot write progress to {path.parent} (read-only?). "
            "Make it writable or choose another folder with --data-dir DIR."
        )
    if "locked" in text or "busy" in text:
        return QuizappError(
            f"the progress database {path} stayed locked by another program for "
            f"{BUSY_TIMEOUT_MS // 1000} s. Close other quizapp windows and try again."
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return QuizappError(f"the progress database {path} is damaged. " + _move_aside_hint(path))
    return QuizappError(f"the progress database {path} failed: {error}")


_DEFAULT_SETTINGS = Settings()


def setting_value(key: str, raw: object) -> Any:
    """A stored setting decoded and of its field's type, or None when it is damaged."""
    value: Any
    try:
        value = json.loads(raw) if isinstance(raw, str) else None
    except (ValueError, RecursionError):
        return None
    default = getattr(_DEFAULT_SETTINGS, key)
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return float(value) if ok else None
    if isinstance(default, tuple):
        if isinstance(value, list) and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in value
        ):
            return tuple(float(v) for v in value)
        return None
    return value


class _Write:
    """`with store.write() as db:` -- BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on error.

    A small class rather than a generator context manager: it runs on every answer.
    """

    __slots__ = ("store",)

    def __init__(self, store: ProgressStore) -> None:
        self.store = store

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.store.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise storage_error(error, self.store.path) from error
        return self.store.db

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        if error is None:
            try:
                self.store.db.execute("COMMIT")
                return
            except sqlite3.Error as commit_error:
                self.store._rollback()
                raise storage_error(commit_error, self.store.path) from commit_error
        self.store._rollback()
        if isinstance(error, sqlite3.Error):
            raise storage_error(error, self.store.path) from error


P = ParamSpec("P")
R = TypeVar("R")


def guarded(method: Callable[P, R]) -> Callable[P, R]:
    """Turn SQLite failures inside a store-backed method into a QuizappError with advice.

    The method's first argument must have a `store` attribute (or be the store's class method
    called with the store second), so the message can name the file.
    """

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as error:
            owner = args[0] if args else None
            store = getattr(owner, "store", None)
            if store is None:
                store = next((a for a in args if isinstance(a, ProgressStore)), None)
            path = store.path if store is not None else Path(DB_FILENAME)
            raise storage_error(error, path) from error

    return wrapper


@dataclass(frozen=True)
class SyncReport:
    """What changed when the store was matched with the decks on disk."""

    added: int = 0
    reset: int = 0
    returned: int = 0
    gone: int = 0


class ProgressStore:
    """The student's progress: unit states, the review log, settings. Open with `open()`."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        self.snapshot = False  # a read-only copy in memory: nothing is saved
        self._day_counts: tuple[float, dict[int, int]] = (-1.0, {})
        self._counted_version = -1

    def data_version(self) -> int:
        """A number that changes whenever another connection (another quizapp) has committed;
        this connection's own commits leave it alone."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def answered_on_day(self, day_start: float, phase: int, data_version: int | None = None) -> int:
        """Answers since `day_start` to units that were in `phase` (NEW or REVIEW).

        Counted from the log, then kept up to date by `count_answer`, so every session on this
        store shares one tally and picking a card does not re-count the day. It is counted again
        on a new study day and whenever another connection has committed since (its data
        version moved), so a second quizapp answering at the same time counts at once. A caller
        asking several counts at once reads `data_version()` first and passes it to each.
        """
        if data_version is None:
            data_version = self.data_version()
        if self._day_counts[0] != day_start or self._counted_version != data_version:
            from quizapp.store.queries import answered_since

            self._day_counts = (
                day_start,
                {p: answered_since(self.db, day_start, p) for p in (0, 2)},
            )
            self._counted_version = data_version
        return self._day_counts[1].get(phase, 0)

    def count_answer(self, day_start: float, phase: int, delta: int) -> None:
        if self._day_counts[0] == day_start:
            counts = self._day_counts[1]
            counts[phase] = counts.get(phase, 0) + delta

    def forget_day_counts(self) -> None:
        self._day_counts = (-1.0, {})

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls, data_dir: Path, filename: str = DB_FILENAME, *, read_only_ok: bool = False
    ) -> ProgressStore:
        """Open (creating if needed) the progress database in `data_dir`.

        Raises QuizappError with a way forward when the folder is not writable or the file is
        damaged, foreign or from a newer quizapp; such a file is never modified. With
        `read_only_ok` (commands that only read), a folder that cannot be written (a
        write-protected stick, a backup) is read into memory instead: the command works and
        nothing is written anywhere (`snapshot` is then True).
        """
        path = data_dir / filename
        if data_dir.exists() and not data_dir.is_dir():
            raise QuizappError(
                f"the data folder {data_dir} is a file, not a folder. "
                "Choose a folder with --data-dir DIR or QUIZAPP_DATA_DIR."
            )
        if read_only_ok and path.is_file() and not os.access(data_dir, os.W_OK):
            cls._check_header(path)
            return cls._snapshot(path)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise QuizappError(
                f"cannot create the data folder {data_dir} ({error.strerror}). "
                "Choose a writable folder with --data-dir DIR or QUIZAPP_DATA_DIR."
            ) from error
        if path.exists():
            cls._check_header(path)
        if not os.access(data_dir, os.W_OK):
            raise QuizappError(
                f"cannot write progress to {data_dir} (read-only). "
                "Make it writable or choose another folder with --data-dir DIR."
            )
        try:
            db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise storage_error(error, path) from error
        try:
            cls._check_identity(db, path)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
            db.execute(f"PRAGMA journal_size_limit = {WAL_CHECKPOINT_PAGES * 4096 * 2}")
            db.execute("PRAGMA foreign_keys = ON")
            migrate(db)
        except QuizappError:
            db.close()
            raise
        except sqlite3.Error as error:
            db.close()
            raise storage_error(error, path) from error
        return cls(db, path)

    @classmethod
    def _snapshot(cls, path: Path) -> ProgressStore:
        """The database on read-only media, copied into memory (the file is never written)."""
        try:
            source = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        except sqlite3.Error as error:
            raise storage_error(error, path) from error
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            cls._check_identity(source, path)
            source.backup(memory)
            memory.execute("PRAGMA foreign_keys = ON")
            migrate(memory)
        except QuizappError:
            memory.close()
            raise
        except sqlite3.Error as error:
            memory.close()
            raise storage_error(error, path) from error
        finally:
            source.close()
        store = cls(memory, path)
        store.snapshot = True
        return store

    @staticmethod
    def _check_header(path: Path) -> None:
        try:
            with path.open("rb") as handle:
                head = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise QuizappError(f"cannot read {path} ({error.strerror}).") from error
        if head and head != SQLITE_HEADER:
            raise QuizappError(
                f"{path} is not a quizapp progress database (not SQLite at all). "
                + _move_aside_hint(path)
            )

    @staticmethod
    def _check_identity(db: sqlite3.Connection, path: Path) -> None:
        version, app_id = identity(db)
        tables = int(db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0])
        if (version > 0 or tables > 0) and app_id != APPLICATION_ID:
            raise QuizappError(
                f"{path} is an SQLite database of another program, not quizapp's progress. "
                + _move_aside_hint(path)
            )
        if version > SCHEMA_VERSION:
            raise QuizappError(
                f"{path} was written by a newer quizapp (schema {version}, this one knows "
                f"{SCHEMA_VERSION}). Upgrade quizapp; the file was left as it is."
            )

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self) -> _Write:
        """One write transaction, taken with the write lock up front, committed on exit."""
        return _Write(self)

    def _rollback(self) -> None:
        """Roll back if SQLite has not already done so (it does after SQLITE_FULL)."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def integrity_ok(self) -> bool:
        return bool(self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    # -- settings --------------------------------------------------------------------------------

    def settings(self) -> Settings:
        """Global settings, defaults for anything never saved; a damaged value is a DamagedRow."""
        stored = dict(self.db.execute("SELECT key, value FROM settings").fetchall())
        values: dict[str, Any] = {}
        for item in fields(Settings):
            if item.name in stored:
                value = setting_value(item.name, stored[item.name])
                if value is None:
                    raise DamagedRow(
                        f"the progress database {self.path} has a damaged setting "
                        f"'{item.name}'; run `quizapp rebuild` to reset it to its default "
                        "(your answers are kept)"
                    )
                values[item.name] = value
        return Settings(**values)

    def repair_settings(self) -> list[str]:
        """Delete every damaged setting (it falls back to its default); the keys deleted."""
        stored = self.db.execute("SELECT key, value FROM settings").fetchall()
        names = {item.name for item in fields(Settings)}
        damaged = [
            str(key) for key, raw in stored if key in names and setting_value(key, raw) is None
        ]
        if damaged:
            with self.write() as db:
                db.executemany("DELETE FROM settings WHERE key = ?", [(k,) for k in damaged])
        return damaged

    def save_settings(self, settings: Settings) -> None:
        problems = settings.validate()
        if problems:
            raise QuizappError("; ".join(problems))
        with self.write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                [(k, json.dumps(v)) for k, v in asdict(settings).items()],
            )

    def deck_settings(self, deck_id: str) -> DeckSettings:
        stored = dict(
            self.db.execute(
                "SELECT key, value FROM deck_settings WHERE deck_id = ?", (deck_id,)
            ).fetchall()
        )
        exam = stored.get("exam_date")
        return DeckSettings(
            new_order=NewOrder(stored.get("new_order", NewOrder.AS_WRITTEN)),
            exam_date=date.fromisoformat(exam) if exam else None,
        )

    def save_deck_setting(self, deck_id: str, key: str, value: str | None) -> None:
        self.save_deck_settings(deck_id, {key: value})

    def save_deck_settings(self, deck_id: str, values: Mapping[str, str | None]) -> None:
        """Write a deck's settings together (None removes one), in one transaction."""
        with self.write() as db:
            for key, value in values.items():
                if value is None:
                    db.execute(
                        "DELETE FROM deck_settings WHERE deck_id = ? AND key = ?", (deck_id, key)
                    )
                else:
                    db.execute(
                        "INSERT OR REPLACE INTO deck_settings (deck_id, key, value) "
                        "VALUES (?, ?, ?)",
                        (deck_id, key, value),
                    )

    def params_id(self, settings: Settings, now_ts: float) -> int:
        """The id of the parameter set in use, recorded once so every review can cite it."""
        text = json.dumps(list(settings.parameters))
        row = self.db.execute(
            "SELECT id FROM params WHERE parameters = ? AND desired_retention = ? "
            "ORDER BY id DESC LIMIT 1",
            (text, settings.desired_retention),
        ).fetchone()
        if row is not None:
            return int(row[0])
        with self.write() as db:
            cursor = db.execute(
                "INSERT INTO params (created, parameters, desired_retention) VALUES (?, ?, ?)",
                (now_ts, text, settings.desired_retention),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    # -- reading state --------------------------------------------------------------------------

    def state(self, uid: str) -> MemoryState:
        row = self.db.execute("SELECT state FROM units WHERE uid = ?", (uid,)).fetchone()
        return NEW_STATE if row is None else decode_state(row[0])

    def reviews_total(self) -> int:
        return int(
            self.db.execute(
                "SELECT COUNT(*) FROM reviews r WHERE NOT EXISTS "
                "(SELECT 1 FROM events e WHERE e.kind = 'undo' AND e.review_id = r.id)"
            ).fetchone()[0]
        )
