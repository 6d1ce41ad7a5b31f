"""What a document's metadata file says about who published it (for statements' speaker)."""

from __future__ import annotations

from pathlib import Path

from quizapp.decks.metadata import MAX_META_BYTES, META_SUFFIX


def source_publisher(path: Path) -> str | None:
    """`publisher:` of `NAME.meta.yaml` beside `NAME.txt`, or None (absent, unreadable, broken)."""
    from quizapp.decks.reader import ReadProblem, YamlMap, decode, read_yaml

    meta = path.with_name(path.stem + META_SUFFIX)
    try:
        with meta.open("rb") as handle:
            data = handle.read(MAX_META_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_META_BYTES:
        return None
    try:
        root, _ = read_yaml(decode(data))
    except ReadProblem:
        return None
    value = root.get("publisher") if isinstance(root, YamlMap) else None
    return value[:200] if isinstance(value, str) else None
