"""Opening a deck file in the user's editor at a card, with nothing from data as an option.

A deck's file name comes from whoever wrote the deck folder: `+!cmd` or `-c cmd` would be an
editor option if passed as it is. The path is always absolute (so it starts with `/`) and comes
after `--` (the end of options for vi, vim, nvim, nano, emacs and most other editors); only a
`+LINE` we compute ourselves goes before it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from quizapp.decks.ids import derived_id_line

LINE_EDITORS = frozenset({"vi", "vim", "nvim", "nano", "emacs", "micro", "hx", "kak", "joe", "mg"})
"""Editors that understand `+LINE` before the file name."""


def card_line(path: str | Path, card_id: str) -> int | None:
    """The 1-based line of `id: CARD_ID` in a deck file, so the editor can open there."""
    try:
        with open(path, encoding="utf-8") as deck_file:
            lines = deck_file.readlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, text in enumerate(lines, start=1):
        key, _, value = text.strip().lstrip("- ").partition(":")
        if key == "id" and value.strip().strip("\"'") == card_id:
            return number
    # a card written without an id: the line of the question its id is derived from
    return derived_id_line(lines, card_id)


def editor_command(editor: Sequence[str], path: str | Path, line: int | None) -> list[str]:
    """The argv that opens `path` (at `line` when the editor supports `+LINE`)."""
    absolute = os.path.abspath(path)
    jump = [f"+{int(line)}"] if line and os.path.basename(editor[0]) in LINE_EDITORS else []
    return [*editor, *jump, "--", absolute]
