"""The quotes in docs/aqim-course-notes.md are verbatim from the sources they name.

A quote there is a line `> **file.txt:** text` (indented or not). It is compared with the source
as quizapp matches every quote: against the source's plain text (its Markdown read by
`quizapp.decks.plaintext`, link markup, `\\$` escapes and `[PDF]` link notes dropped), folded.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp.decks.plaintext import plain_text
from quizapp.decks.sources import fold

ROOT = Path(__file__).resolve().parents[2]
NOTES = ROOT / "docs" / "aqim-course-notes.md"
SOURCES = ROOT / "decks" / "sources"
QUOTE = re.compile(r"^\s*> \*\*([\w.-]+\.txt):\*\* (.+)$")


def quotes(notes: str) -> list[tuple[str, str]]:
    """Every (file, quote) pair the notes present as verbatim."""
    return [(m[1], m[2]) for m in map(QUOTE.match, notes.splitlines()) if m]


def misquoted(notes: str, sources: Path) -> list[str]:
    """The quotes not found in the source they name, as `file: quote` lines."""
    bad = []
    for doc, quote in quotes(notes):
        path = sources / doc
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if fold(quote) not in fold(plain_text(text)):
            bad.append(f"{doc}: {quote}")
    return bad


def test_the_notes_quote_every_source_verbatim() -> None:
    notes = NOTES.read_text(encoding="utf-8")
    assert len(quotes(notes)) >= 30
    assert misquoted(notes, SOURCES) == []


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("AQIM was designated in 2002.", True),
        ("AQIM was [designated](#) in 2002.", False),
        ("AQIM was designated   in 2002.", True),
        ("AQIM was designated in 2003.", False),
    ],
)
def test_the_check_reads_plain_text_and_catches_a_changed_word(
    tmp_path: Path, quote: str, found: bool
) -> None:
    (tmp_path / "d.txt").write_text("AQIM was [designated](#)\nin 2002.\n", encoding="utf-8")
    assert (misquoted(f"> **d.txt:** {quote}\n", tmp_path) == []) is found
