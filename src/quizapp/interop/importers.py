"""Reading other tools' exports into quizapp cards: Anki packages, Anki/Quizlet CSV and TSV.

Each importer yields `Imported` notes (front, back, kind hint, tags) plus `Skipped` entries
saying what could not be mapped and why; `deck_writer` turns them into a deck file.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from quizapp.errors import QuizappError
from quizapp.store.anki import AnkiCollection, read_collection

ANKI_CLOZE = re.compile(r"\{\{c\d+::(.+?)\}\}", re.DOTALL)
SOUND = re.compile(r"\[sound:[^\]]*\]")
HEADER_WORDS = {("front", "back"), ("term", "definition"), ("question", "answer")}
BLOCK_TAGS = {"br", "div", "p", "li", "tr", "hr"}


@dataclass(frozen=True)
class Imported:
    """One note from the foreign file, as plain text."""

    front: str
    back: str = ""
    kind: str = "basic"  # basic, cloze, typed
    reverse: bool = False
    tags: tuple[str, ...] = ()
    origin: str = ""  # where in the file, for messages
    explanation: str = ""
    category: str = ""  # when the source says (quizapp's own packages do)


@dataclass(frozen=True)
class Skipped:
    origin: str
    reason: str


@dataclass
class ImportResult:
    notes: list[Imported] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    lost: list[Skipped] = field(default_factory=list)  # imported, but something was dropped


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag in ("img", "audio", "video"):
            self.media += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(value: str) -> tuple[str, int]:
    """Plain text of an HTML field (line breaks kept) and how many media items were dropped."""
    sounds = len(SOUND.findall(value))
    parser = _TextOf()
    parser.feed(SOUND.sub("", value))
    parser.close()
    text = html.unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line), parser.media + sounds


def _note(front: str, back: str, origin: str, result: ImportResult, **extra: object) -> None:
    front_text, media_front = html_to_text(front)
    back_text, media_back = html_to_text(back)
    if media_front or media_back:
        result.lost.append(
            Skipped(origin, f"{media_front + media_back} image/sound item(s) dropped")
        )
    kind = str(extra.get("kind", "basic"))
    if not front_text or (kind != "cloze" and not back_text):
        result.skipped.append(Skipped(origin, "empty front or back after removing HTML/media"))
        return
    if isinstance(extra.get("explanation"), str):
        extra["explanation"] = html_to_text(str(extra["explanation"]))[0]
    result.notes.append(Imported(front_text, back_text, origin=origin, **extra))  # type: ignore[arg-type]


def read_delimited(path: Path) -> ImportResult:
    """Anki text exports and Quizlet exports: `front<sep>back[<sep>tags]` per line."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise QuizappError(f"cannot read {path}: {error}") from None
    lines = raw.splitlines()
    delimiter = "\t" if path.suffix.lower() == ".tsv" else None
    body: list[str] = []
    for line in lines:
        if line.startswith("#separator:"):
            name = line.split(":", 1)[1].strip().lower()
            delimiter = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}.get(name, "\t")
        elif not line.startswith("#"):
            body.append(line)
    text = "\n".join(body)
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    result = ImportResult()
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    for number, row in enumerate(rows, start=1):
        origin = f"{path.name} row {number}"
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if number == 1 and tuple(c.lower() for c in cells[:2]) in HEADER_WORDS:
            continue
        if len(cells) < 2:
            result.skipped.append(Skipped(origin, "only one column (expected front and back)"))
            continue
        if len(cells) > 3:
            result.lost.append(Skipped(origin, f"{len(cells) - 3} extra column(s) ignored"))
        tags = tuple(cells[2].split()) if len(cells) > 2 else ()
        kind = "cloze" if ANKI_CLOZE.search(cells[0]) else "basic"
        front = ANKI_CLOZE.sub(_cloze_group, cells[0]) if kind == "cloze" else cells[0]
        if kind == "cloze":
            _note(front, "", origin, result, kind=kind, tags=tags, explanation=cells[1])
        else:
            _note(front, cells[1], origin, result, kind=kind, tags=tags)
    return result


def _cloze_group(match: re.Match[str]) -> str:
    return "{{" + match.group(1) + "}}"


def read_apkg(path: Path) -> ImportResult:
    """An Anki package: notes from the legacy collection database inside the zip."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise QuizappError(f"{path} is not an Anki package (.apkg is a zip): {error}") from None
    with archive, tempfile.TemporaryDirectory() as tmp:
        names = set(archive.namelist())
        member = next((n for n in ("collection.anki21", "collection.anki2") if n in names), None)
        if member is None:
            raise QuizappError(f"{path}: no Anki collection inside the package")
        if "collection.anki21b" in names and member == "collection.anki2":
            raise QuizappError(
                f"{path} uses Anki's newest package format; export again from Anki with "
                "'Support older Anki versions' ticked"
            )
        archive.extract(member, tmp)
        return _read_collection(read_collection(Path(tmp) / member, str(path)), path.name)


EXTRA_FIELDS = ("explanation", "extra", "back extra", "notes")


@dataclass(frozen=True)
class NoteType:
    kind: str
    reverse: bool
    fields: tuple[str, ...]


def _note_types(models_json: str) -> dict[int, NoteType]:
    """Note type id → kind, reversed, field names, from the legacy `col.models` JSON."""
    types: dict[int, NoteType] = {}
    models = json.loads(models_json) if models_json else {}
    for model_id, model in models.items():
        templates = model.get("tmpls", [])
        names = tuple(str(f.get("name", "")).lower() for f in model.get("flds", []))
        if model.get("type") == 1:
            kind, reverse = "cloze", False
        elif any("{{type:" in t.get("qfmt", "") for t in templates):
            kind, reverse = "typed", False
        else:
            kind, reverse = "basic", len(templates) == 2
        types[int(model_id)] = NoteType(kind, reverse, names)
    return types


def _read_collection(collection: AnkiCollection, name: str) -> ImportResult:
    types = _note_types(collection.models_json)
    result = ImportResult()
    for note in collection.notes:
        note_id, mid, fields, tags = note.id, note.model_id, note.fields, note.tags
        origin = f"{name} note {note_id}"
        values = str(fields).split("\x1f")
        note_type = types.get(int(mid), NoteType("basic", False, ()))
        named = dict(zip(note_type.fields, values, strict=False))
        kind = note_type.kind
        if kind == "basic" and ANKI_CLOZE.search(values[0]):
            kind = "cloze"
        main = 1 if kind == "cloze" else 2
        extra = next((named[f] for f in EXTRA_FIELDS if named.get(f, "").strip()), "")
        known = {named.get(f, "") for f in (*EXTRA_FIELDS, "source", "category")}
        ignored = [v for v in values[main:] if v.strip() and v not in known]
        if ignored:
            result.lost.append(Skipped(origin, f"{len(ignored)} extra field(s) ignored"))
        category = html_to_text(named.get("category", ""))[0]
        common = {"tags": tuple(str(tags).split()), "category": category}
        if kind == "cloze":
            front = ANKI_CLOZE.sub(_cloze_group, values[0])
            _note(front, "", origin, result, kind="cloze", explanation=extra, **common)
            continue
        if len(values) < 2:
            result.skipped.append(Skipped(origin, "note type with a single field"))
            continue
        _note(values[0], values[1], origin, result, kind=kind, reverse=note_type.reverse,
              explanation=extra, **common)  # fmt: skip
    return result


def read_any(path: Path) -> ImportResult:
    """Dispatch on the file's extension."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise QuizappError(f"{path}: no such file")
    if suffix == ".apkg":
        return read_apkg(path)
    if suffix in (".csv", ".tsv", ".txt"):
        return read_delimited(path)
    raise QuizappError(f"{path}: unsupported file type (use .csv, .tsv, .txt or .apkg)")
