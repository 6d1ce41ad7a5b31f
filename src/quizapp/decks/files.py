"""Finding deck files, and what the deck cache's headers say of them without decoding cards.

Kept light (no deck model, no YAML) so a warm start can list decks before anything heavy loads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from quizapp.decks.problems import Problem

if TYPE_CHECKING:
    from quizapp.decks.cache import DeckCache, DeckSummary

DECK_SUFFIXES = (".yaml", ".yml")
MAX_DECK_BYTES = 128 * 1024 * 1024  # the reader refuses bigger deck files
SOURCES_DIRNAME = "sources"


class DeckFile(msgspec.Struct, frozen=True):
    """A deck file found on disk, with the id it is known by and the folder of its sources."""

    path: Path
    deck_id: str
    sources_dir: Path


def find_deck_files(paths: Iterable[Path]) -> tuple[list[DeckFile], list[Problem]]:
    """Deck files under the given files and folders (skipping `sources/` and hidden folders)."""
    found: list[DeckFile] = []
    problems: list[Problem] = []
    for given in paths:
        if given.is_dir():
            for path in sorted(given.rglob("*")):
                relative = path.relative_to(given)
                if path.suffix not in DECK_SUFFIXES or not path.is_file():
                    continue
                if relative.parts[0] == SOURCES_DIRNAME or any(
                    part.startswith(".") for part in relative.parts
                ):
                    continue
                deck_id = relative.with_suffix("").as_posix()
                found.append(DeckFile(path, deck_id, given / SOURCES_DIRNAME))
        elif given.is_file():
            found.append(DeckFile(given, given.stem, given.parent / SOURCES_DIRNAME))
        else:
            problems.append(Problem(file=str(given), message="no such file or folder"))
    return found, problems


def deck_summaries(paths: Sequence[Path], cache: DeckCache) -> list[DeckSummary] | None:
    """Title and counts of every deck from cache headers alone, or None unless all are fresh.

    Cheap (no card is decoded), so a UI can paint its home screen at once on a warm start and
    run `load_decks` in a worker; None means some deck changed or was never cached: load fully.
    Counts are before cross-deck duplicate ids are dropped (clean collections have none).
    """
    files, problems = find_deck_files(paths)
    if problems:
        return None
    summaries = []
    for deck_file in files:
        summary = cache.summary(deck_file)
        if summary is None:
            return None
        summaries.append(summary)
    return summaries
