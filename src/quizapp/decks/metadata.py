"""Source metadata: the date each document under `sources/` speaks as of.

A document `NAME.txt` may have `NAME.meta.yaml` beside it with `date:` (ISO, possibly truncated,
or null when the text is undated). A fact's `as_of` comes from its sources' dates; the compiled
deck cache keeps a stamp of the metadata files so an edited date is picked up.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from quizapp.model.digests import blake2b

META_SUFFIX = ".meta.yaml"
MAX_META_BYTES = 1024 * 1024


def meta_path(sources_dir: Path, doc: str) -> Path | None:
    """Where a document's metadata lives; None for a doc name that is not a plain file name."""
    name = PurePosixPath(doc)
    if name.is_absolute() or ".." in name.parts or "\\" in doc or not name.name:
        return None
    return sources_dir / name.with_name(name.stem + META_SUFFIX)


def metadata_stamp(sources_dir: Path) -> str:
    """Names, sizes and mtimes of the metadata files: `as_of` values hold while it holds."""
    digest = blake2b(digest_size=16)
    try:
        for path in sorted(sources_dir.glob(f"*{META_SUFFIX}")):
            info = path.stat()
            digest.update(f"{path.name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    except OSError:
        digest.update(b"unreadable")
    return digest.hexdigest()


def read_metadata(path: Path) -> dict[str, Any] | None:
    """A metadata file's top-level mapping, or None when it is absent, too big or broken (a
    document's metadata is a help, never a reason to refuse a deck or a document)."""
    from quizapp.decks.reader import ReadProblem, YamlMap, decode, read_yaml

    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_META_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_META_BYTES:
        return None
    try:
        root, _ = read_yaml(decode(data))
    except ReadProblem:
        return None
    return root if isinstance(root, YamlMap) else None


class SourceDates:
    """Each document's metadata date (None when it has none), read once per deck folder."""

    def __init__(self, sources_dir: Path) -> None:
        self.sources_dir = sources_dir
        self._dates: dict[str, str | None] = {}

    def date_of(self, doc: str) -> str | None:
        if doc not in self._dates:
            self._dates[doc] = self._read(doc)
        return self._dates[doc]

    def _read(self, doc: str) -> str | None:
        from quizapp.model.dates import is_iso_date  # not on a warm start's path to Home

        path = meta_path(self.sources_dir, doc)
        root = read_metadata(path) if path is not None else None
        date = root.get("date") if root is not None else None
        return date if isinstance(date, str) and is_iso_date(date) else None
