"""The deck file `quizapp generate` writes into: read it (refusing what is not a deck, so it
is never overwritten) and write it back atomically in the house layout. What goes into its
`facts:` is `factfile`'s business."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizapp.errors import QuizappError


def read_existing(path: Path) -> dict[str, Any] | None:
    """An existing deck file as a mapping, None if absent; a clear error if it is not a deck."""
    if not path.exists():
        return None
    import yaml

    from quizapp.safety.files import read_regular

    try:
        data = yaml.safe_load(read_regular(path).decode("utf-8-sig"))
    except (QuizappError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise QuizappError(
            f"{path} exists but cannot be read as a deck ({error}); fix it or choose another -o"
        ) from None
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("cards", []), list):
        raise QuizappError(
            f"{path} exists but is not a deck (a mapping with a `cards` list); "
            "choose another -o so it is not overwritten"
        )
    return data


def dump(deck: dict[str, Any]) -> str:
    """YAML text for a deck in the house layout `quizapp fmt` keeps (so a generated deck passes
    `fmt --check` as is): keys in the order given, readable Unicode, never an alias."""
    from quizapp.authoring.fmt import format_data

    return format_data(deck)


def write_deck(path: Path, deck: dict[str, Any]) -> None:
    """Write atomically (a temporary file, then a rename). Merging into an existing deck keeps
    its BOM, line endings, escapes and long lines (lines are not re-wrapped)."""
    from quizapp.decks.style import FileStyle
    from quizapp.safety.files import read_regular, write_atomic

    if not path.exists():
        write_atomic(path, dump(deck))
        return
    try:
        original = read_regular(path).decode("utf-8")
    except UnicodeDecodeError as error:
        raise QuizappError(f"cannot read {path}: {error}") from None
    write_atomic(path, FileStyle.of(original)[1].apply(dump(deck)))
