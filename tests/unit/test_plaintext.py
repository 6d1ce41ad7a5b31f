"""Sources are read as Markdown and matched as plain text: no link syntax ever reaches a quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.decks.plaintext import plain_text
from quizapp.decks.sources import SourceLibrary, fold
from quizapp.model.common import Source

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("John Kerry [designated](#) al-Mulathamun.", "John Kerry designated al-Mulathamun."),
        ("the [regional UN HQ](#) [PDF] and the court", "the regional UN HQ and the court"),
        ("costs \\$44.3 million", "costs $44.3 million"),
        ("divided into *katibas*, or brigades", "divided into katibas, or brigades"),
        ("## [What are its objectives?](#)", "What are its objectives?"),
        ("[AQIM and affiliated groups] to act", "[AQIM and affiliated groups] to act"),
        ("[71] [PDF] a note", "[71] [PDF] a note"),
        ("2014. The year began", "2014. The year began"),
        ("- On September 16, five were kidnapped.", "On September 16, five were kidnapped."),
        ("a `[x](#)` span and <b>tag</b>", "a [x](#) span and <b>tag</b>"),
    ],
)
def test_markup_is_dropped_and_text_kept(markdown: str, plain: str) -> None:
    assert plain_text(markdown) == plain


def test_a_sentence_split_across_paragraphs_reads_as_one() -> None:
    text = plain_text("the high point for [violent](#)\n\n[incidents](#) [PDF]. Next.")
    assert fold(text) == "the high point for violent incidents. Next."


def test_the_backgrounder_reads_without_link_syntax() -> None:
    raw = (ROOT / "decks" / "sources" / "aqim-backgrounder-2014.txt").read_text(encoding="utf-8")
    assert raw.count("](#)") >= 29 and "\\$" in raw
    text = plain_text(raw)
    assert "](" not in text and "\\$" not in text and "[PDF]" not in text
    assert "John Kerry designated al-Mulathamun" in fold(text)


def test_quotes_match_the_plain_text_only(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("AQIM was [designated](#)\nin 2002.\n", encoding="utf-8")
    library = SourceLibrary(tmp_path)
    assert library.check(Source(doc="d.txt", quote="AQIM was designated in 2002.")) == []
    assert library.check(Source(doc="d.txt", quote="AQIM was [designated](#) in 2002.")) != []
