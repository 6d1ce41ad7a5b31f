"""Text from input written into documents others open: spreadsheet cells and Markdown.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some with a leading tab or
carriage return) as a formula: OWASP's rule is to put a `'` in front of such a cell, which every
spreadsheet shows as text. Numbers (`-2`, `+3.5`, `1e-3`) are left alone so they stay numbers.
quizapp's own CSV import takes exactly that guard off again (`csv_uncell`), so an export
round-trips. Markdown gets every character that could start structure (a heading, a list, a
rule, a link, emphasis, raw HTML) escaped, and line breaks as `<br>`, so a card stays inside
its paragraph or list item.
"""

from __future__ import annotations

import html
import re

from quizapp.safety.terminal import visible

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
GUARD = "'"
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-!|~>:])")
_ORDERED_ITEM = re.compile(r"^(\d+)([.)])")


def _is_formula(text: str) -> bool:
    return text.startswith(FORMULA_START) and not _NUMBER.fullmatch(text)


def csv_cell(value: object) -> object:
    """A value as a spreadsheet must see it: text that would run as a formula gets a `'`."""
    if isinstance(value, str) and _is_formula(value):
        return GUARD + value
    return value


def csv_row(values: list[object]) -> list[object]:
    return [csv_cell(value) for value in values]


def csv_uncell(text: str) -> str:
    """Undo `csv_cell` exactly: only a `'` that `csv_cell` would have added is removed."""
    if text.startswith(GUARD) and _is_formula(text[1:]):
        return text[1:]
    return text


def md_text(text: str) -> str:
    """Untrusted text as inline Markdown that renders as exactly that text, on one line
    (control characters made visible, as on a terminal: the file may be read with `cat`)."""
    lines = visible(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    escaped = "<br>".join(
        _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(line.strip(), quote=False)) for line in lines
    )
    return _ORDERED_ITEM.sub(r"\1\\\2", escaped)
