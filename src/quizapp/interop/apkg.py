"""Reading Anki packages (.apkg) as untrusted input: bounded in size, time and shape.

A package is a zip around an SQLite collection. Before anything is extracted the collection
member's declared size and compression ratio are checked (a zip bomb is refused, not unpacked);
it is copied out with a byte cap, so a member that lies about its size stops at the cap too.
The database is read by `quizapp.store.anki` (read-only, real tables only, a budget for every
query). Every malformed piece is a one-line error naming the file.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizapp.errors import QuizappError
from quizapp.interop.importers import (
    ImportResult,
    Skipped,
    add_note,
    anki_clozes_to_quizapp,
    has_anki_cloze,
    html_to_text,
)
from quizapp.store.anki import AnkiCollection, read_collection

MAX_COLLECTION_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100  # deflate rarely gets better than 10:1 on a real collection
RATIO_CHECKED_ABOVE = 16 * 1024 * 1024
SUPPORTED_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
EXTRA_FIELDS = ("explanation", "extra", "back extra", "notes")
COLLECTION_MEMBERS = ("collection.anki21", "collection.anki2")


@dataclass(frozen=True)
class NoteType:
    kind: str
    reverse: bool
    fields: tuple[str, ...]


def read_apkg(path: Path) -> ImportResult:
    """An Anki package: notes from the legacy collection database inside the zip."""
    with _open_zip(path) as archive:
        info = _collection_member(archive, path)
        try:
            with tempfile.TemporaryDirectory(prefix="quizapp-apkg-") as tmp:
                database = Path(tmp) / "collection.sqlite"
                _extract(archive, info, database, path)
                collection = read_collection(database, path.name)
        except OSError as error:
            raise QuizappError(f"{path}: cannot unpack the collection: {error.strerror}") from None
    return _read_notes(collection, path.name)


def _open_zip(path: Path) -> zipfile.ZipFile:
    """The package as a zip; a FIFO or device is refused before it can block or stream."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise QuizappError(f"cannot read {path}: {error.strerror or error}") from None
    handle = os.fdopen(fd, "rb")
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise QuizappError(f"{path} is not a regular file")
        return zipfile.ZipFile(handle)
    except (OSError, zipfile.BadZipFile, ValueError, EOFError) as error:
        handle.close()
        raise QuizappError(f"{path} is not an Anki package (.apkg is a zip): {error}") from None
    except QuizappError:
        handle.close()
        raise


def _collection_member(archive: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    names = set(archive.namelist())
    member = next((n for n in COLLECTION_MEMBERS if n in names), None)
    if member is None:
        raise QuizappError(f"{path}: no Anki collection inside the package")
    if "collection.anki21b" in names and member == "collection.anki2":
        raise QuizappError(
            f"{path} uses Anki's newest package format; export again from Anki with "
            "'Support older Anki versions' ticked"
        )
    info = archive.getinfo(member)
    if info.flag_bits & 0x1:
        raise QuizappError(f"{path}: the collection inside is encrypted; export it again")
    if info.compress_type not in SUPPORTED_COMPRESSION:
        raise QuizappError(
            f"{path}: the collection uses an unsupported zip compression "
            f"(method {info.compress_type}); export it again from Anki"
        )
    if info.file_size > MAX_COLLECTION_BYTES:
        raise QuizappError(
            f"{path}: the collection is {info.file_size // 2**20} MB uncompressed, more than "
            f"the {MAX_COLLECTION_BYTES // 2**20} MB quizapp reads"
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_CHECKED_ABOVE and ratio > MAX_RATIO:
        raise QuizappError(
            f"{path}: the collection is compressed {ratio:.0f}:1, far more than a real one "
            "(a zip bomb?); refused without extracting it"
        )
    return info


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, path: Path) -> None:
    """Copy the member out, never more than its declared size (and the cap)."""
    limit = min(info.file_size, MAX_COLLECTION_BYTES)
    written = 0
    try:
        with archive.open(info) as source, open(target, "wb") as out:
            while chunk := source.read(1 << 20):
                written += len(chunk)
                if written > limit:
                    raise QuizappError(f"{path}: the collection is larger than it says; refused")
                out.write(chunk)
    except QuizappError:
        raise
    except OSError as error:
        raise QuizappError(f"{path}: cannot unpack the collection: {error.strerror}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as error:
        raise QuizappError(f"{path}: the package is damaged ({error})") from None


def _note_types(text: str, name: str) -> dict[int, NoteType]:
    """Note type id → kind, reversed, field names, from the legacy `col.models` JSON."""
    if not text:
        return {}
    try:
        models = json.loads(text)
    except (ValueError, RecursionError):
        raise QuizappError(f"{name}: the note types (col.models) are not valid JSON") from None
    if not isinstance(models, dict):
        raise QuizappError(f"{name}: the note types (col.models) are not a JSON object")
    types: dict[int, NoteType] = {}
    for model_id, model in models.items():
        if not isinstance(model, dict) or not str(model_id).lstrip("-").isdigit():
            raise QuizappError(f"{name}: note type {str(model_id)[:40]!r} is malformed")
        types[int(model_id)] = _note_type(model)
    return types


def _note_type(model: Mapping[str, Any]) -> NoteType:
    templates = [t for t in _list(model.get("tmpls")) if isinstance(t, dict)]
    fields = [f for f in _list(model.get("flds")) if isinstance(f, dict)]
    names = tuple(str(f.get("name", "")).lower() for f in fields)
    if model.get("type") == 1:
        return NoteType("cloze", False, names)
    if any("{{type:" in str(t.get("qfmt", "")) for t in templates):
        return NoteType("typed", False, names)
    return NoteType("basic", len(templates) == 2, names)


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _read_notes(collection: AnkiCollection, name: str) -> ImportResult:
    types = _note_types(collection.models_json, name)
    result = ImportResult()
    for note in collection.notes:
        origin = f"{name} note {note.id}"
        if note.model_id is None:
            result.skipped.append(Skipped(origin, "its note type id is not a number"))
            continue
        note_type = types.get(note.model_id, NoteType("basic", False, ()))
        _add_note(note_type, note.fields, note.tags, origin, result)
    return result


def _add_note(
    note_type: NoteType, fields: str, tags: str, origin: str, result: ImportResult
) -> None:
    values = fields.split("\x1f")
    named = dict(zip(note_type.fields, values, strict=False))
    kind = note_type.kind
    if kind == "basic" and has_anki_cloze(values[0]):
        kind = "cloze"
    main = 1 if kind == "cloze" else 2
    extra = next((named[f] for f in EXTRA_FIELDS if named.get(f, "").strip()), "")
    known = {named.get(f, "") for f in (*EXTRA_FIELDS, "source", "category")}
    ignored = [v for v in values[main:] if v.strip() and v not in known]
    if ignored:
        result.lost.append(Skipped(origin, f"{len(ignored)} extra field(s) ignored"))
    category = html_to_text(named.get("category", ""))[0]
    common = {"tags": tuple(tags.split()), "category": category}
    if kind == "cloze":
        front = anki_clozes_to_quizapp(values[0])
        add_note(front, "", origin, result, True, kind="cloze", explanation=extra, **common)
        return
    if len(values) < 2:
        result.skipped.append(Skipped(origin, "note type with a single field"))
        return
    add_note(values[0], values[1], origin, result, True, kind=kind, reverse=note_type.reverse,
          explanation=extra, **common)  # fmt: skip
