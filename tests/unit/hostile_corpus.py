"""The hostile-input corpus: static files under tests/data/hostile/ and crafted Anki packages.

Binary packages are built at test time (a zip around a tiny SQLite file), so each test can
craft exactly the malformed part it needs: a recursive view, a zip bomb, a bad `col.models`.
"""

from __future__ import annotations

import shutil
import sqlite3
import struct
import zipfile
from pathlib import Path

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
DECKS = HOSTILE / "decks"
BROKEN = HOSTILE / "broken"
HANDINS = HOSTILE / "handins"
IMPORTS = HOSTILE / "import"
DOCUMENTS = HOSTILE / "documents"

# What must never reach a terminal from input: OSC (title, hyperlink, clipboard), CSI 2J
# (clear screen), a bell, C1 CSI/OSC, and the string terminator.
FORBIDDEN = ("\x1b]", "\x1b[2J", "\x07", "\x9b", "\x9d", "\x1b\\")
# Text that must be shown as written (Rich would take it for markup).
BRACKETS = "[/usr/bin]"

MODELS_BASIC = '{"1": {"type": 0, "flds": [{"name": "Front"}, {"name": "Back"}], "tmpls": [{}]}}'


def copy_decks(target: Path) -> Path:
    """A writable copy of the hostile deck folder (commands like fmt change it)."""
    shutil.copytree(DECKS, target)
    return target


def collection(
    path: Path,
    *,
    models: str = MODELS_BASIC,
    notes: list[tuple[object, object, str, str]] | None = None,
    notes_view: str | None = None,
    col_view: str | None = None,
) -> Path:
    """A legacy Anki collection database with the given `col.models` and notes."""
    db = sqlite3.connect(path)
    if col_view is None:
        db.execute("CREATE TABLE col (models TEXT)")
        db.execute("INSERT INTO col VALUES (?)", (models,))
    else:
        db.execute(f"CREATE VIEW col AS {col_view}")
    if notes_view is None:
        db.execute("CREATE TABLE notes (id, mid, flds TEXT, tags TEXT)")
        rows = notes if notes is not None else [(1, 1, "front\x1fback", "")]
        db.executemany("INSERT INTO notes VALUES (?, ?, ?, ?)", rows)
    else:
        db.execute(f"CREATE VIEW notes AS {notes_view}")
    db.commit()
    db.close()
    return path


def package(
    path: Path,
    db: Path | None = None,
    *,
    member: str = "collection.anki2",
    data: bytes | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """An .apkg (zip) holding one collection member: a database file or raw bytes."""
    payload = data if data is not None else (db.read_bytes() if db is not None else b"")
    with zipfile.ZipFile(path, "w", compression) as archive:
        archive.writestr(member, payload)
    return path


def patch_member(path: Path, *, flags: int | None = None, method: int | None = None) -> Path:
    """Rewrite the first member's flag bits or compression method in both zip headers."""
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    for offset, flag_at, method_at in ((0, 6, 8), (central, 8, 10)):
        if flags is not None:
            struct.pack_into("<H", data, offset + flag_at, flags)
        if method is not None:
            struct.pack_into("<H", data, offset + method_at, method)
    path.write_bytes(bytes(data))
    return path


def corrupt_first_member(path: Path) -> Path:
    """Flip a byte of a stored member's data so its CRC no longer matches."""
    data = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack_from("<HH", data, 26)
    start = 30 + name_len + extra_len
    data[start + 100] ^= 0xFF
    path.write_bytes(bytes(data))
    return path
