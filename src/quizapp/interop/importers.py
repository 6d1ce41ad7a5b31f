"""Reading other tools' exports into quizapp cards: Anki packages, Anki/Quizlet CSV and TSV.

Each importer yields `Imported` notes (front, back, kind hint, tags) plus `Skipped` entries
saying what could not be mapped and why; `deck_writer` turns them into a deck file.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from quizapp.errors import QuizappError
from quizapp.interop.text_export import CSV_COLUMNS
from quizapp.safety.cells import csv_uncell
from quizapp.safety.files import read_regular

ANKI_CLOZE_OPEN = re.compile(r"\{\{c\d+::")
SOUND = re.compile(r"\[sound:[^\]]*\]")
HEADER_WORDS = {("front", "back"), ("term", "definition"), ("question", "answer")}
HIDDEN_TAGS = {"script", "style"}
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
    """The text a reader sees: no tags, no script or style code, entities decoded once."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media = 0
        self.hidden = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag in ("img", "audio", "video"):
            self.media += 1
        if tag in HIDDEN_TAGS:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag in HIDDEN_TAGS and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(value: str) -> tuple[str, int]:
    """Plain text of an HTML field (line breaks kept) and how many media items were dropped."""
    sounds = len(SOUND.findall(value))
    parser = _TextOf()
    parser.feed(SOUND.sub("", value))
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line), parser.media + sounds


def plain_text(value: str) -> str:
    """A plain-text field as a card holds it: lines trimmed, blank lines dropped; `<`, `&`
    and every other character kept (only `\\n` and `\\r\\n` end a line)."""
    lines = (line.strip() for line in value.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def add_note(
    front: str, back: str, origin: str, result: ImportResult, as_html: bool, **extra: object
) -> None:
    """Add one note (or list it as skipped); fields are HTML only when the source says so."""
    if as_html:
        front_text, media_front = html_to_text(front)
        back_text, media_back = html_to_text(back)
    else:
        (front_text, media_front), (back_text, media_back) = (
            (plain_text(front), 0),
            (
                plain_text(back),
                0,
            ),
        )
    if media_front or media_back:
        result.lost.append(
            Skipped(origin, f"{media_front + media_back} image/sound item(s) dropped")
        )
    kind = str(extra.get("kind", "basic"))
    if not front_text or (kind != "cloze" and not back_text):
        result.skipped.append(Skipped(origin, "empty front or back"))
        return
    if isinstance(extra.get("explanation"), str):
        explanation = str(extra["explanation"])
        extra["explanation"] = html_to_text(explanation)[0] if as_html else plain_text(explanation)
    result.notes.append(Imported(front_text, back_text, origin=origin, **extra))  # type: ignore[arg-type]


ANKI_DIRECTIVE = re.compile(r"#([a-z ]+):(.*)")
# The header lines Anki writes at the top of a text export; a `#` line anywhere else is data.
ANKI_DIRECTIVES = frozenset(
    ("separator", "html", "tags column", "deck", "notetype", "columns", "guid column",
     "notetype column", "deck column", "tags")
)  # fmt: skip
SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " "}
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_FIELD_CHARS = 100_000
MAX_ROWS = 200_000


def decode_text(data: bytes, name: str) -> str:
    """Text of an export: UTF-8 (with or without BOM) or UTF-16 with a BOM (Excel writes both)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise QuizappError(
            f"{name}: line {line}: not {encoding.upper().removesuffix('-SIG')} text; "
            "save it as UTF-8 (or UTF-16) and import again"
        ) from None


def _anki_header(text: str) -> tuple[dict[str, str], int, int]:
    """Anki's `#key:value` header lines: their values, where the data starts, and its line."""
    found: dict[str, str] = {}
    position, line = 0, 1
    while text.startswith("#", position):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        match = ANKI_DIRECTIVE.fullmatch(text[position:end].rstrip("\r"))
        if match is None or match.group(1) not in ANKI_DIRECTIVES:
            break
        found[match.group(1)] = match.group(2).strip()
        position, line = end + 1, line + 1
    return found, position, line


def read_delimited(path: Path) -> ImportResult:
    """Anki text exports, Quizlet exports and quizapp's own CSV: `front<sep>back[<sep>tags]`.

    Fields are split by the csv module's rules only (quoted fields may hold newlines, `#`, and
    any Unicode line separator); every row becomes a note or is listed as skipped, with the line
    it starts on. Plain text stays text: HTML is read only when the header says `#html:true`.
    """
    text = decode_text(read_regular(path, MAX_FILE_BYTES), path.name)
    header, start, first_line = _anki_header(text)
    body = text[start:]
    delimiter = SEPARATORS.get(header.get("separator", "").lower())
    if delimiter is None and "separator" in header:
        delimiter = header["separator"][:1] or "\t"
    if delimiter is None and path.suffix.lower() == ".tsv":
        delimiter = "\t"
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(body[:4096], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    as_html = header.get("html", "").lower() == "true"
    result = ImportResult()
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    own: dict[str, int] | None = None
    row_line = first_line
    try:
        for number, row in enumerate(reader, start=1):
            origin = f"{path.name} line {row_line}"
            row_line = first_line + reader.line_num
            if number > MAX_ROWS:
                raise QuizappError(f"{path.name}: more than {MAX_ROWS:,} rows; split the file")
            if number == 1 and tuple(row) == CSV_COLUMNS:
                own = {name: index for index, name in enumerate(CSV_COLUMNS)}
                continue
            if own is not None:
                row = [csv_uncell(cell) for cell in row]
                _own_row(row, own, origin, result)
                continue
            _foreign_row(row, number, origin, as_html, result)
    except csv.Error as error:
        where = f"{path.name}: line {row_line}"
        if "field limit" in str(error):
            raise QuizappError(
                f"{where}: a field is longer than {MAX_FIELD_CHARS:,} characters"
            ) from None
        raise QuizappError(f"{where}: not valid CSV ({error})") from None
    return result


def _foreign_row(
    row: list[str], number: int, origin: str, as_html: bool, result: ImportResult
) -> None:
    cells = [c.strip() for c in row]
    if not any(cells):
        return
    if number == 1 and tuple(c.lower() for c in cells[:2]) in HEADER_WORDS:
        return
    if len(cells) < 2:
        result.skipped.append(Skipped(origin, "only one column (expected front and back)"))
        return
    if len(cells) > 3:
        result.lost.append(Skipped(origin, f"{len(cells) - 3} extra column(s) ignored"))
    tags = tuple(cells[2].split()) if len(cells) > 2 else ()
    kind = "cloze" if has_anki_cloze(cells[0]) else "basic"
    front = anki_clozes_to_quizapp(cells[0]) if kind == "cloze" else cells[0]
    if kind == "cloze":
        add_note(front, "", origin, result, as_html, kind=kind, tags=tags, explanation=cells[1])
    else:
        add_note(front, cells[1], origin, result, as_html, kind=kind, tags=tags)


def _own_row(row: list[str], columns: dict[str, int], origin: str, result: ImportResult) -> None:
    """A row of quizapp's own CSV export (its header names the columns)."""
    if len(row) != len(columns):
        result.skipped.append(Skipped(origin, f"{len(row)} columns, expected {len(columns)}"))
        return

    def cell(name: str) -> str:
        return row[columns[name]].strip()

    add_note(cell("front"), cell("back"), origin, result, False, tags=tuple(cell("tags").split()),
          explanation=cell("explanation"), category=cell("category"))  # fmt: skip


def _clozes(text: str) -> list[tuple[int, int, int, int]]:
    """Anki deletions `{{cN::...}}` as (start, content start, content end, end), found in one
    pass: a regex with a lazy `.+?` rescans to the end from every unclosed `{{c1::` (seconds
    for one crafted 100 KB field)."""
    found: list[tuple[int, int, int, int]] = []
    position = 0
    while match := ANKI_CLOZE_OPEN.search(text, position):
        close = text.find("}}", match.end() + 1)
        if close < 0:
            break  # no `}}` after this opening, so none after any later one either
        found.append((match.start(), match.end(), close, close + 2))
        position = close + 2
    return found


def has_anki_cloze(text: str) -> bool:
    return bool(_clozes(text))


def anki_clozes_to_quizapp(text: str) -> str:
    """`{{c1::answer}}` (and `{{c1::answer::hint}}`) as quizapp's `{{answer}}`."""
    parts: list[str] = []
    position = 0
    for start, inner, inner_end, end in _clozes(text):
        parts += [text[position:start], "{{", text[inner:inner_end], "}}"]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def read_any(path: Path) -> ImportResult:
    """Dispatch on the file's extension."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise QuizappError(f"{path}: no such file")
    if suffix == ".apkg":
        from quizapp.interop.apkg import read_apkg

        return read_apkg(path)
    if suffix in (".csv", ".tsv", ".txt"):
        return read_delimited(path)
    raise QuizappError(f"{path}: unsupported file type (use .csv, .tsv, .txt or .apkg)")
