"""Spreadsheet cells and Markdown text from input: inert, and (for CSV) exactly reversible."""

from __future__ import annotations

import pytest

from quizapp.safety.cells import csv_cell, csv_uncell, md_text


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=x", "\r=x", "\uff1dSUM(1)"],
)
def test_formulas_get_the_guard_and_lose_exactly_it(value: str) -> None:
    guarded = csv_cell(value)
    assert guarded == "'" + value
    assert csv_uncell(str(guarded)) == value


@pytest.mark.parametrize("value", ["-2", "+3.5", "-1e-3", ".5", "plain", "'quoted", 7, None])
def test_numbers_and_text_stay_as_they_are(value: object) -> None:
    assert csv_cell(value) == value
    if isinstance(value, str):
        assert csv_uncell(value) == value


def test_markdown_text_cannot_add_structure_or_html() -> None:
    text = md_text("1. item\n# Heading\n---\n<script>x</script> [a](b) *e*\x1b]0;t\x07")
    assert "\n" not in text and "<script>" not in text and "\x1b" not in text
    assert text.startswith("1\\.") and "<br>\\#" in text and "\\[a\\]\\(b\\)" in text
