"""Writing and reading files safely: the one place for quizapp's rules about files.

Writes are atomic (the data goes to an unnamed or hidden temporary file in the target's folder,
is flushed to disk, then renamed over the target), so a full disk or a kill never leaves a
0-byte or half-written file; a target that is a symlink stays one (the file it points to is
replaced); a command that writes a new file refuses to replace an existing one unless given
`--force`. Reads of files named by users take regular files only, opened without blocking
(a FIFO cannot hang us) and with a size cap (a link to /dev/zero cannot fill memory).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from quizapp.errors import QuizappError

_O_TMPFILE = getattr(os, "O_TMPFILE", 0)


def refuse_existing(path: Path, force: bool) -> None:
    """The one rule for new output files: an existing file is replaced only with --force."""
    if not force and (path.exists() or path.is_symlink()):
        raise QuizappError(f"{path} exists; pass --force to replace it")


def write_target(path: Path) -> Path:
    """Where writing `path` really goes: through symlinks to the file they name."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _file_mode(existing: Path) -> int:
    """The permissions of the file being replaced, or the usual ones for a new file."""
    try:
        return stat.S_IMODE(existing.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def _temporary_name(target: Path) -> Path:
    import secrets  # here: it loads OpenSSL's bindings, which a start that writes nothing skips

    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replace `path` (through a symlink) with `data` (text is written as UTF-8) in one rename."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = write_target(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_and_rename(target, payload)
    except OSError as error:
        raise QuizappError(f"cannot write {path}: {error.strerror or error}") from None


def _write_and_rename(target: Path, payload: bytes) -> None:
    mode = _file_mode(target)
    unnamed = _unnamed_file(target.parent)
    temporary: Path | None = None
    if unnamed is None:
        temporary = _temporary_name(target)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    else:
        fd = unnamed
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
        os.fchmod(fd, mode)
        os.fsync(fd)
        if temporary is None:
            # Named only now that it is complete: a kill before this leaves nothing behind.
            temporary = _temporary_name(target)
            _name_unnamed(fd, temporary)
        os.replace(temporary, target)
        temporary = None
    finally:
        os.close(fd)
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _unnamed_file(folder: Path) -> int | None:
    """An unnamed file in `folder` (Linux O_TMPFILE), or None where that is not available."""
    if not _O_TMPFILE or not os.path.exists("/proc/self/fd"):
        return None
    try:
        return os.open(folder, _O_TMPFILE | os.O_WRONLY, 0o600)
    except OSError:
        return None


def _name_unnamed(fd: int, name: Path) -> None:
    """Give an O_TMPFILE file a name: linkat(AT_SYMLINK_FOLLOW) on its /proc link (os.link
    only calls linkat, which follows the link, when a directory descriptor is given)."""
    root = os.open("/", os.O_RDONLY)
    try:
        os.link(f"/proc/self/fd/{fd}", name, src_dir_fd=root, follow_symlinks=True)
    finally:
        os.close(root)


def write_new(path: Path, data: str | bytes, *, force: bool) -> None:
    """Write a new output file atomically; an existing one is replaced only with `force`."""
    refuse_existing(path, force)
    write_atomic(path, data)


@contextlib.contextmanager
def atomic_path(path: Path, *, force: bool) -> Iterator[Path]:
    """A temporary path beside `path` for a writer that wants a file name (a zip, a database);
    renamed over `path` when the block ends without error, removed otherwise."""
    refuse_existing(path, force)
    target = write_target(path)
    temporary = _temporary_name(target)
    try:
        yield temporary
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temporary, _file_mode(target))
        os.replace(temporary, target)
    except OSError as error:
        raise QuizappError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


@contextlib.contextmanager
def atomic_text(path: Path, *, force: bool) -> Iterator[TextIO]:
    """A text stream whose content replaces `path` atomically when the block ends cleanly."""
    with atomic_path(path, force=force) as temporary:
        try:
            with open(temporary, "w", encoding="utf-8", newline="") as handle:
                yield handle
        except OSError as error:
            raise QuizappError(f"cannot write {path}: {error.strerror or error}") from None


MAX_INPUT_BYTES = 64 * 1024 * 1024


class UnreadableFile(QuizappError):
    """A file that `read_regular` refuses or cannot read; `reason` says why, without the path."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def read_regular(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else is UnreadableFile.

    Opened with O_NONBLOCK so a FIFO or device never blocks, then checked with fstat on the
    open descriptor (no race between the check and the read); reads at most `limit` + 1 bytes.
    """
    too_big = f"larger than {_size(limit)}"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise UnreadableFile(path, f"cannot read it ({error.strerror or error})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(path, "not a regular file (a folder, a device or a pipe?)")
        if info.st_size > limit:
            raise UnreadableFile(path, too_big)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnreadableFile(path, too_big)
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFile(path, f"cannot read it ({error.strerror or error})") from None
    finally:
        os.close(fd)


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count:,} bytes"
