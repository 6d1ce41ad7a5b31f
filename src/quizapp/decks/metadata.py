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
# A citation longer than this is no name to put in a question.
MAX_CITE = 160


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
    """Each document's metadata date (None when it has none) and the name a question cites it
    by, read once per deck folder."""

    def __init__(self, sources_dir: Path) -> None:
        self.sources_dir = sources_dir
        self._meta: dict[str, dict[str, Any] | None] = {}

    def date_of(self, doc: str) -> str | None:
        from quizapp.model.dates import is_iso_date  # not on a warm start's path to Home

        root = self._read(doc)
        date = root.get("date") if root is not None else None
        return date if isinstance(date, str) and is_iso_date(date) else None

    def cite_as(self, doc: str) -> str | None:
        """How a question names the document ("According to the group profile, ..."): its
        `cite_as`, else its `title`; None when it has neither (the caller falls back)."""
        root = self._read(doc)
        for key in ("cite_as", "title"):
            value = root.get(key) if root is not None else None
            if isinstance(value, str) and value.strip() and len(value) <= MAX_CITE:
                return " ".join(value.split())
        return None

    def _read(self, doc: str) -> dict[str, Any] | None:
        if doc not in self._meta:
            path = meta_path(self.sources_dir, doc)
            root = read_metadata(path) if path is not None else None
            self._meta[doc] = dict(root) if root is not None else None
        return self._meta[doc]
