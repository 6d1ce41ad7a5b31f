"""Reading documents: sentences, Markdown, pasted line breaks, and clear errors."""

from __future__ import annotations

from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from quizapp.decks.plaintext import plain_text
from quizapp.decks.sources import fold
from quizapp.errors import QuizappError
from quizapp.generate.document import (
    SENTENCE_CAP,
    Kind,
    parse_document,
    read_document,
)


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    doc = parse_document(
        "x.md",
        "Gen. Ham met U.S. officials. Martin E. Dempsey spoke. It hit the J.W. Marriott Hotel. "
        "It ended.",
    )
    assert [s.text for s in doc.sentences] == [
        "Gen. Ham met U.S. officials.",
        "Martin E. Dempsey spoke.",
        "It hit the J.W. Marriott Hotel.",
        "It ended.",
    ]


def test_markdown_is_read_by_the_markdown_reader() -> None:
    text = "# Title\n\nThe [Armed Islamic Group](#) (GIA) *fought* for \\$5.\n\n- a [b](c)\n"
    heading, body, item = parse_document("x.md", text).sentences
    assert heading.kind is Kind.HEADING and heading.text == "Title"
    assert body.text == body.quote == "The Armed Islamic Group (GIA) fought for $5."
    assert item.text == "a b"


def test_paragraph_cut_mid_sentence_is_joined() -> None:
    text = (
        "In 1998 several commanders broke away to found the Salafist\n\n"
        "Group for Preaching and Combat.\n"
    )
    doc = parse_document("x.txt", text)
    assert len(doc.sentences) == 1
    assert "Salafist Group for Preaching" in doc.sentences[0].text


def test_bullets_stay_separate() -> None:
    doc = parse_document("x.txt", "Active in:\n\n  • Algeria\n  • Mali\n")
    assert [s.text for s in doc.sentences] == ["Active in:", "Algeria", "Mali"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"  \n\n", "empty"), (b"\x00\x01ELF", "binary"), (b"\xff\xfe\xfa", "UTF-8")],
)
def test_bad_input_gives_clear_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    with pytest.raises(QuizappError, match=message):
        read_document(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(QuizappError, match="no such file"):
        read_document(tmp_path / "absent.txt")
    with pytest.raises(QuizappError, match="folder"):
        read_document(tmp_path)


def test_short_field_lines_are_not_run_into_the_next_line() -> None:
    doc = parse_document(
        "x.txt", "Formed 2006\nLast update 2016\n\nSummary\n\nThe group grew fast.\n"
    )
    assert [s.text for s in doc.sentences] == [
        "Formed 2006",
        "Last update 2016",
        "Summary",
        "The group grew fast.",
    ]


def test_titles_addresses_datelines_and_aka_lines_are_not_sentences() -> None:
    text = (
        "Media Note\nOffice of the Spokesperson\nWashington, DC\nJune 25, 2014\n\n"
        "aka Army of the Pure; al Mansooreen\n"
        "The Department amended the designation under E.O. 13224 today.[2] It was done.\n"
        "Brief History.\n"
    )
    kinds = [(s.kind, s.text) for s in parse_document("x.txt", text).sentences]
    assert kinds == [
        (Kind.HEADING, "Media Note"),
        (Kind.HEADING, "Office of the Spokesperson"),
        (Kind.HEADING, "Washington, DC"),
        (Kind.DATELINE, "June 25, 2014"),
        (Kind.AKA, "aka Army of the Pure; al Mansooreen"),
        # a footnote's marker after the stop is no part of the sentence
        (Kind.SENTENCE, "The Department amended the designation under E.O. 13224 today."),
        (Kind.SENTENCE, "It was done."),
        (Kind.HEADING, "Brief History."),
    ]


def test_a_run_on_line_is_cut_and_never_read() -> None:
    doc = parse_document("x.txt", "word " * 600)
    assert all(len(s.text) <= SENTENCE_CAP for s in doc.sentences)
    assert len(doc.sentences) == 3
    assert {s.kind for s in doc.sentences} == {Kind.RUNON}
    assert not any(s.readable for s in doc.sentences)


MARKDOWNISH = st.text(
    alphabet=st.sampled_from([*"ab A.B[]()*_`\\<>&#-+•1:;\n ", "\u2019", "\u201c"]),
    max_size=120,
)


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_every_quote_is_in_the_document_as_the_validator_reads_it(text: str) -> None:
    folded = fold(plain_text(text))
    for sentence in parse_document("x.md", text).sentences:
        assert fold(sentence.quote) in folded


def test_a_wrapped_line_that_looks_like_a_title_is_joined_to_its_lowercase_rest() -> None:
    doc = parse_document(
        "x.txt",
        "Media Note\nThe Example Front (EF) was founded in 1961\nby Idris Awate in the hills.\n",
    )
    assert [(s.kind, s.text) for s in doc.sentences] == [
        (Kind.HEADING, "Media Note"),
        (Kind.SENTENCE, "The Example Front (EF) was founded in 1961 by Idris Awate in the hills."),
    ]
