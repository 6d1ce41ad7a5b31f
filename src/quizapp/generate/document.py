"""Reading a source document and cutting it into sentences.

Cards quote their source verbatim, so every sentence keeps its raw text (Markdown links and
all) next to a cleaned text the extractors read. Paragraphs that a copy-paste broke in the
middle of a sentence are joined again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quizapp.errors import QuizappError
from quizapp.generate.gazetteer import words
from quizapp.safety.files import read_regular

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_ABBREVIATIONS = frozenset(
    words(
        "mr mrs ms dr st gen lt col maj sgt capt gov sen rep jr sr no vs etc inc co corp e.g i.e "
        "jan feb mar apr aug sept sep oct nov dec u.s u.k u.n"
    )
)
# A "sentence" longer than this is cut at spaces: cards quote whole sentences, and the
# extractors' work per sentence must stay bounded for `generate` to stay linear in its input.
MAX_SENTENCE_CHARS = 1_000
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
_PARAGRAPH_END = '.!?:;"\u201d\u2019'
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)\]]*(?:\d{1,3})?(?=\s+[\"\u201c\u2018(\[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: `raw` as it stands in the file, `text` with Markdown removed."""

    index: int
    raw: str
    text: str
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A source document: its file name (what cards cite) and its sentences in order."""

    name: str
    text: str
    sentences: tuple[Sentence, ...]


def clean_markdown(text: str) -> str:
    """Text as a reader sees it: links, emphasis, heading marks and bullets removed."""
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _HEADING.sub("", text)
    text = _BULLET.sub("", text)
    return " ".join(text.split())


def read_document(path: Path) -> Document:
    """Read a UTF-8 text or Markdown file; raise a clear error for empty or binary input."""
    if not path.exists():
        raise QuizappError(f"{path}: no such file; give the path of a text or Markdown document")
    if path.is_dir():
        raise QuizappError(f"{path} is a folder; give text or Markdown files")
    data = read_regular(path, MAX_DOCUMENT_BYTES)
    if b"\x00" in data[:8192]:
        raise QuizappError(f"{path} looks binary; convert it to plain text or Markdown first")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuizappError(
            f"{path} is not UTF-8 text; convert it to UTF-8 plain text or Markdown first"
        ) from None
    if not text.strip():
        raise QuizappError(f"{path} is empty; there is nothing to generate cards from")
    return parse_document(path.name, text)


def parse_document(name: str, text: str) -> Document:
    """Split `text` into sentences (see the module docstring)."""
    sentences: list[Sentence] = []
    for block, is_heading in _paragraphs(text):
        for raw in _split_sentences(block) if not is_heading else _capped(block):
            clean = clean_markdown(raw)
            if clean:
                sentences.append(Sentence(len(sentences), raw, clean, is_heading))
    return Document(name, text, tuple(sentences))


def _is_structural(line: str) -> bool:
    return bool(_HEADING.match(line) or _BULLET.match(line) or _RULE.match(line))


def _paragraphs(text: str) -> list[tuple[str, bool]]:
    """Blocks separated by blank lines or list items, rejoining sentences cut by a blank line."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip() or _is_structural(line):
            if current:
                blocks.append(current)
                current = []
            if line.strip() and not _RULE.match(line):
                blocks.append([line])
            continue
        if current and _field_line(current[-1]) and line.lstrip()[:1].isupper():
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    joined: list[tuple[str, bool]] = []
    previous_is_text = False
    for lines in blocks:
        block = " ".join(part.strip() for part in lines)
        is_heading = bool(_HEADING.match(lines[0]))
        is_text = not is_heading and not _BULLET.match(lines[0])
        continues = (
            len(block.split()) > 6 or block[:1].islower() or not _unfinished(block, minimum=0)
        )
        if (
            previous_is_text
            and is_text
            and continues
            and len(joined[-1][0]) < MAX_SENTENCE_CHARS
            and _unfinished(joined[-1][0])
        ):
            joined[-1] = (joined[-1][0] + " " + block, False)
        else:
            joined.append((block, is_heading))
        previous_is_text = is_text
    return joined


def _field_line(line: str) -> bool:
    """A short line without end punctuation: a title or a "Field: value" line, not wrapped prose."""
    clean = clean_markdown(line)
    return len(clean.split()) <= 8 and not clean.endswith(tuple(_PARAGRAPH_END))


def _unfinished(block: str, minimum: int = 6) -> bool:
    """Whether a paragraph (longer than `minimum` words) stops mid-sentence (only its end is
    read, so a huge paragraph costs no more than a normal one)."""
    clean = clean_markdown(block[-2 * MAX_SENTENCE_CHARS :])
    if len(clean.split()) <= minimum or re.search(r"(^|[.!?\"\u201d])\s*\([^()]*\)$", clean):
        return False
    return not clean.endswith(tuple(_PARAGRAPH_END))


def _split_sentences(block: str) -> list[str]:
    """Sentence ends, skipping abbreviations ("U.S.", "Gen.") and initials ("Martin E.")."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(block):
        before = block[max(start, match.start() - 64) : match.start() + 1]
        word = re.search(r"(\S+)\.$", before)
        if word:
            token = word.group(1).lower().lstrip('(["\u201c')
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
                continue
        pieces.extend(_capped(block[start : match.end()].strip()))
        start = match.end()
    tail = block[start:].strip()
    if tail:
        pieces.extend(_capped(tail))
    return pieces


def _capped(sentence: str) -> list[str]:
    """`sentence`, or pieces of it cut at spaces, none longer than MAX_SENTENCE_CHARS."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [sentence] if sentence else []
    pieces: list[str] = []
    start = 0
    while len(sentence) - start > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", start, start + MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append(sentence[start:cut].strip())
        start = cut
    pieces.append(sentence[start:].strip())
    return [piece for piece in pieces if piece]
