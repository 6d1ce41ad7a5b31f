"""Checking that each card's quote really is in the document it cites.

A document is read as Markdown and matched as its plain text (`plaintext.plain_text`): a quote is
the sentence as a student reads it, never with the page's link syntax or escapes.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from quizapp.decks.plaintext import plain_text
from quizapp.errors import QuizappError
from quizapp.model.cards import Source
from quizapp.safety.files import read_regular

MAX_SOURCE_BYTES = 64 * 1024 * 1024

# Typographic quotes, primes and the no-break space, written as escapes so the source stays ASCII.
_SINGLE = "\u2018\u2019\u201a\u201b\u2032"
_DOUBLE = "\u201c\u201d\u201e\u201f\u2033"
_QUOTES = str.maketrans(
    {**dict.fromkeys(_SINGLE, "'"), **dict.fromkeys(_DOUBLE, '"'), "\u00a0": " "}
)
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Text with whitespace runs as one space and typographic quotes as plain ones."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


def read_plain(path: Path) -> str:
    """A source document's plain text, folded: what quotes are matched against (a regular
    file of at most MAX_SOURCE_BYTES; anything else is UnreadableFile)."""
    text = read_regular(path, MAX_SOURCE_BYTES).decode("utf-8")
    return fold(plain_text(text.replace("\r\n", "\n").replace("\r", "\n")))


class SourceLibrary:
    """The documents under a deck folder's `sources/`, read once as plain text and folded."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._folded: dict[str, str | None] = {}

    def _document(self, doc: str) -> str | None:
        if doc not in self._folded:
            path = self.root / doc
            try:
                self._folded[doc] = read_plain(path)
            except (QuizappError, UnicodeDecodeError):
                self._folded[doc] = None
        return self._folded[doc]

    def check_document(self, name: str) -> tuple[str, str | None] | None:
        """Why a document name is unusable (not a plain file name, not found), or None."""
        doc = PurePosixPath(name)
        if doc.is_absolute() or ".." in doc.parts or "\\" in name:
            return (f"source doc '{name}' must be a file name under sources/", None)
        if self._document(name) is None:
            known = sorted(p.name for p in self.root.glob("*") if p.is_file())
            hint = "known documents: " + ", ".join(known) if known else None
            return (f"source document '{name}' not found in {self.root}", hint)
        return None

    def check(self, source: Source) -> list[tuple[str, str | None]]:
        """Problems with one citation, as (message, hint) pairs; empty when it checks out."""
        unusable = self.check_document(source.doc)
        if unusable is not None:
            return [unusable]
        text = self._document(source.doc)
        assert text is not None
        if fold(source.quote) not in text:
            return [(f"quote not found in '{source.doc}'", "copy the sentence verbatim")]
        return []
