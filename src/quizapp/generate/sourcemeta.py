"""What a document's metadata file says about who published it (for statements' speaker)."""

from __future__ import annotations

from pathlib import Path

from quizapp.decks.metadata import META_SUFFIX, read_metadata


def source_publisher(path: Path) -> str | None:
    """`publisher:` of `NAME.meta.yaml` beside `NAME.txt`, or None (absent, unreadable, broken)."""
    root = read_metadata(path.with_name(path.stem + META_SUFFIX))
    value = root.get("publisher") if root is not None else None
    return value[:200] if isinstance(value, str) else None
