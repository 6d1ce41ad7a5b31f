"""What the student chose for the app's looks (the theme), kept across restarts.

A small JSON file in the data folder, beside the progress store but not in it: it is read
before the first paint, when the store may not be open yet, and losing it costs nothing but
the default theme. A damaged or foreign file is ignored, never trusted: only a theme name the
app knows is applied. It is read and written with msgspec, which the start path has imported
already (the json module would add ~1 ms to every start).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import msgspec

LOOKS_FILE = "ui.json"
MAX_BYTES = 4096


def load_theme(path: Path, known: set[str]) -> str | None:
    """The saved theme, when the file holds one of the `known` names."""
    try:
        with path.open("rb") as handle:
            data = msgspec.json.decode(handle.read(MAX_BYTES))
    except (OSError, msgspec.DecodeError):
        return None
    theme = data.get("theme") if isinstance(data, dict) else None
    return theme if isinstance(theme, str) and theme in known else None


def save_theme(path: Path, theme: str) -> None:
    """Write the theme atomically; a folder that cannot be written is not worth an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".ui.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(msgspec.json.encode({"theme": theme}))
        os.replace(tmp, path)
    except OSError:
        return
