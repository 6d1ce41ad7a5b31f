"""The compiled deck cache: a validated deck stored as msgpack, so unchanged YAML is parsed once.

YAML stays the authoring format, but parsing it is the slowest thing quizapp does (seconds for a
large collection). After a deck file loads with no problems, its `Deck` is written to the user
cache dir; a later load reads it back (a typed msgspec decode, many times faster than parsing)
when the file is unchanged: same size and mtime, or else the same content hash, so a touched but
unchanged file still hits. A file written in the last two seconds is always hashed, since a
second write within one clock tick can keep both size and mtime.

Anything odd about a cache file (another quizapp version or deck model, a truncated or edited
file, an unreadable or unwritable dir) makes it a miss: the deck is parsed again and nothing is
raised. Only clean decks are cached, so a warning is never hidden.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
import struct
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from quizapp import __version__
from quizapp.decks.files import MAX_DECK_BYTES
from quizapp.decks.metadata import metadata_stamp
from quizapp.errors import QuizappError
from quizapp.model.digests import blake2b
from quizapp.safety.files import read_regular

if TYPE_CHECKING:
    # Not imported at run time until a deck is decoded: a warm start paints Home from headers.
    from quizapp.decks.files import DeckFile
    from quizapp.model.cards import Deck

log = logging.getLogger(__name__)

FORMAT = 4  # 2: the header keeps the deck's units digest; 3: in the summary, with search terms;
# 4: decks carry facts and the cards drawn from them, and the header a stamp of source metadata
MODEL_MODULES = ("common", "dates", "facts", "cards")  # the deck model's source: a cache key
MAGIC = b"QZDECK\x00\x01"
SUFFIX = ".qzdeck"
SUBDIR = "decks"
_LENGTH = struct.Struct("<I")
NO_CACHE_ENV = "QUIZAPP_NO_CACHE"
# File times tick coarsely (a few ms on Linux): a file changed this recently could change again
# within the same tick at the same size, so its mtime is not trusted until it is older.
RACY_NS = 2_000_000_000
# A new file only (never through a symlink or onto another's file), closed across exec
_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_TEMP_FLAGS |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


class DeckSummary(msgspec.Struct, frozen=True, kw_only=True):
    """What a home screen shows of a deck, readable from a cache header without decoding cards."""

    id: str
    path: str
    title: str
    description: str | None
    tags: tuple[str, ...]
    card_count: int
    unit_count: int
    content_hash: str
    units_digest: str  # `deck_units_digest`: the progress store's sync fingerprint, per deck
    categories: tuple[str, ...]  # of its cards, with their tags: what a deck filter matches
    card_tags: tuple[str, ...]


class Header(msgspec.Struct, frozen=True, kw_only=True):
    """What a cache file says about itself and about the deck file it was compiled from."""

    app_version: str
    format: int
    model: str
    path: str
    size: int
    mtime_ns: int
    content_hash: str
    sources_checked: bool
    sources_stamp: str | None
    # for a deck with facts: the source metadata its facts' `as_of` was filled in from
    meta_stamp: str | None = None
    body_crc: int
    summary: DeckSummary


_HEADER_DECODER = msgspec.msgpack.Decoder(Header)


@functools.cache
def _deck_decoder() -> msgspec.msgpack.Decoder[Deck]:
    from quizapp.model.cards import Deck

    return msgspec.msgpack.Decoder(Deck)  # built on first use: a warm start reads headers first


@functools.cache
def model_fingerprint() -> str:
    """A hash of the deck model: a cache written for another model is never decoded.

    The model modules' source with msgspec's version (read at every start, so cheaper than
    deriving the schema); any edit of them, even a comment, only costs one re-parse. The files
    are found without importing the modules: a warm start reads headers only.
    """
    try:
        model = b"".join(_model_source(name) for name in MODEL_MODULES)
    except (OSError, TypeError):  # no source beside the bytecode: the schema says the same
        from quizapp.model.cards import Deck

        model = msgspec.json.encode(msgspec.json.schema(Deck))
    return blake2b(model + msgspec.__version__.encode(), digest_size=8).hexdigest()


def _model_source(name: str) -> bytes:
    spec = importlib.util.find_spec(f"quizapp.model.{name}")
    if spec is None or spec.origin is None:
        raise OSError(f"no source for quizapp.model.{name}")
    return Path(spec.origin).read_bytes()


def search_terms(deck: Deck) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A deck's card categories and card tags, sorted: what Home's deck filter matches."""
    categories = sorted({card.category.value for card in deck.cards})
    return tuple(categories), tuple(sorted({tag for card in deck.cards for tag in card.tags}))


def trusted_mtime(stat: os.stat_result) -> int:
    """The mtime to record; -1 (never equal) for a file modified too recently to trust its stat."""
    return -1 if time.time_ns() - stat.st_mtime_ns < RACY_NS else stat.st_mtime_ns


def content_hash(data: bytes | memoryview) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def sources_stamp(sources_dir: Path) -> str:
    """Names, sizes and mtimes of the source documents: quote checks are valid while it holds."""
    digest = blake2b(digest_size=16)
    try:
        files = sorted(p for p in sources_dir.rglob("*") if p.is_file())
        for path in files:
            info = path.stat()
            digest.update(
                f"{path.relative_to(sources_dir)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode()
            )
    except OSError:
        digest.update(b"unreadable")
    return digest.hexdigest()


class Lookup(msgspec.Struct):
    """A cache answer: the deck on a hit; on a miss, the file bytes if they were already read."""

    deck: Deck | None
    data: bytes | None = None
    stat: os.stat_result | None = None
    units_digest: str | None = None


class CacheInfo(msgspec.Struct, frozen=True):
    root: Path
    entries: int
    size: int


class DeckCache:
    """One cache file per deck file, named by a hash of the deck file's absolute path."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = root / SUBDIR

    def entry_path(self, deck_path: Path) -> Path:
        key = blake2b(str(deck_path.absolute()).encode(), digest_size=16).hexdigest()
        return self.dir / f"{key}{SUFFIX}"

    def lookup(self, deck_file: DeckFile, *, check_sources: bool = False) -> Lookup:
        """The cached deck when it matches the file on disk; never raises."""
        try:
            stat = deck_file.path.stat()
        except OSError:
            return Lookup(None)
        raw = self._read(self.entry_path(deck_file.path))
        if raw is None:
            return Lookup(None, stat=stat)
        header, body = raw
        if not self._header_usable(header, deck_file, check_sources):
            return Lookup(None, stat=stat)
        data: bytes | None = None
        if (header.size, header.mtime_ns) != (stat.st_size, stat.st_mtime_ns):
            try:
                data = read_regular(deck_file.path, MAX_DECK_BYTES + 1)
            except QuizappError:
                return Lookup(None, stat=stat)
            if content_hash(data) != header.content_hash:
                return Lookup(None, data=data, stat=stat)
        deck = self._decode(header, body)
        if deck is None:
            return Lookup(None, data=data, stat=stat)
        if data is not None and header.mtime_ns != trusted_mtime(stat):
            # touched but unchanged: remember the new mtime so the next start skips the hash
            self._write(
                deck_file.path,
                msgspec.structs.replace(header, size=stat.st_size, mtime_ns=trusted_mtime(stat)),
                body,
            )
        if (deck.id, deck.path) != (deck_file.deck_id, str(deck_file.path)):
            deck = msgspec.structs.replace(deck, id=deck_file.deck_id, path=str(deck_file.path))
        return Lookup(deck, data=data, stat=stat, units_digest=header.summary.units_digest)

    def store(
        self,
        deck_file: DeckFile,
        deck: Deck,
        data: bytes,
        stat: os.stat_result,
        *,
        sources_checked: bool = False,
    ) -> bool:
        """Compile a deck that loaded cleanly; False (and nothing raised) when it cannot be written.

        `stat` must be taken before `data` was read, so a file that changes meanwhile misses later.
        """
        from quizapp.model.units import deck_units_digest, units_of

        body = msgspec.msgpack.encode(deck)
        digest = content_hash(data)
        units = [unit for card in deck.cards for unit in units_of(card, deck.id)]
        categories, card_tags = search_terms(deck)
        summary = DeckSummary(
            id=deck.id,
            path=deck.path,
            title=deck.title,
            description=deck.description,
            tags=deck.tags,
            card_count=len(deck.cards),
            unit_count=len(units),
            content_hash=digest,
            units_digest=deck_units_digest(units),
            categories=categories,
            card_tags=card_tags,
        )
        header = Header(
            app_version=__version__,
            format=FORMAT,
            model=model_fingerprint(),
            path=str(deck_file.path.absolute()),
            size=stat.st_size,
            mtime_ns=trusted_mtime(stat),
            content_hash=digest,
            sources_checked=sources_checked,
            sources_stamp=sources_stamp(deck_file.sources_dir) if sources_checked else None,
            meta_stamp=metadata_stamp(deck_file.sources_dir) if deck.facts else None,
            body_crc=zlib.crc32(body),
            summary=summary,
        )
        return self._write(deck_file.path, header, body)

    def summary(self, deck_file: DeckFile) -> DeckSummary | None:
        """The deck's summary from the cache header alone, when size and mtime still match.

        Reads a few hundred bytes, not the compiled cards: a UI can paint its home screen from
        summaries and decode the decks in a worker afterwards.
        """
        try:
            stat = deck_file.path.stat()
            with self.entry_path(deck_file.path).open("rb") as handle:
                start = handle.read(len(MAGIC) + _LENGTH.size)
                if len(start) < len(MAGIC) + _LENGTH.size or start[: len(MAGIC)] != MAGIC:
                    return None
                (length,) = _LENGTH.unpack(start[len(MAGIC) :])
                header = _HEADER_DECODER.decode(handle.read(length))
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None
        if not self._header_usable(header, deck_file, check_sources=False):
            return None
        if (header.size, header.mtime_ns) != (stat.st_size, stat.st_mtime_ns):
            return None
        summary = header.summary
        if (summary.id, summary.path) != (deck_file.deck_id, str(deck_file.path)):
            summary = msgspec.structs.replace(
                summary, id=deck_file.deck_id, path=str(deck_file.path)
            )
        return summary

    def _header_usable(self, header: Header, deck_file: DeckFile, check_sources: bool) -> bool:
        if (header.app_version, header.format) != (__version__, FORMAT):
            return False
        if header.model != model_fingerprint():
            return False
        if header.path != str(deck_file.path.absolute()):
            return False
        if header.meta_stamp is not None and header.meta_stamp != metadata_stamp(
            deck_file.sources_dir
        ):
            return False
        if check_sources:
            return header.sources_checked and header.sources_stamp == sources_stamp(
                deck_file.sources_dir
            )
        return True

    def _read(self, entry: Path) -> tuple[Header, memoryview] | None:
        try:
            raw = memoryview(entry.read_bytes())
        except OSError:
            return None
        start = len(MAGIC) + _LENGTH.size
        if len(raw) < start or raw[: len(MAGIC)] != MAGIC:
            return None
        (length,) = _LENGTH.unpack(raw[len(MAGIC) : start])
        try:
            header = _HEADER_DECODER.decode(raw[start : start + length])
        except (msgspec.DecodeError, msgspec.ValidationError):
            return None
        return header, raw[start + length :]

    def _decode(self, header: Header, body: memoryview) -> Deck | None:
        if zlib.crc32(body) != header.body_crc:
            log.debug("ignoring a truncated or edited deck cache entry for %s", header.path)
            return None
        try:
            return _deck_decoder().decode(body)
        except (msgspec.DecodeError, msgspec.ValidationError) as error:
            log.debug("ignoring a deck cache entry that does not decode: %s", error)
            return None

    def _write(self, deck_path: Path, header: Header, body: bytes | memoryview) -> bool:
        head = msgspec.msgpack.encode(header)
        target = self.entry_path(deck_path)
        # Named before it exists, so whatever stops the write midway can remove it: an
        # early-parse child stopped by SIGTERM raises SystemExit at whichever bytecode it is at,
        # and mkstemp created its file a few bytecodes before the name reached this frame.
        temp = self.dir / f".tmp-{os.urandom(8).hex()}{SUFFIX}"
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(temp, _TEMP_FLAGS, 0o600)
                with os.fdopen(fd, "wb") as out:
                    out.write(MAGIC + _LENGTH.pack(len(head)) + head)
                    out.write(body)
                os.replace(temp, target)
            except FileExistsError:
                raise  # the name is another writer's: not ours to remove
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
        except OSError as error:
            log.debug("deck cache not written (%s): %s", target, error)
            return False
        return True

    def entries(self) -> Iterator[Path]:
        try:
            yield from (p for p in self.dir.iterdir() if p.name.endswith(SUFFIX))
        except OSError:
            return

    def info(self) -> CacheInfo:
        sizes = []
        for path in self.entries():
            try:
                sizes.append(path.stat().st_size)
            except OSError:
                continue
        return CacheInfo(self.root, len(sizes), sum(sizes))

    def clear(self) -> int:
        """Delete every cache file (only ours: `*.qzdeck` in the cache's own folder)."""
        removed = 0
        for path in list(self.entries()):
            try:
                path.unlink()
                removed += 1
            except FileNotFoundError:
                continue
        return removed


def default_cache(enabled: bool = True, root: Path | None = None) -> DeckCache | None:
    """The cache the app and CLI use: None when turned off (`--no-cache`, QUIZAPP_NO_CACHE=1)."""
    if not enabled or os.environ.get(NO_CACHE_ENV, "").strip().lower() in {"1", "true", "yes"}:
        return None
    if root is None:
        from quizapp import paths

        root = paths.default_cache_dir()
    return DeckCache(root)
