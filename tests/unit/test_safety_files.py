"""The one set of rules for files quizapp writes and reads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.errors import QuizappError
from quizapp.safety.files import atomic_text, read_regular, write_atomic, write_new


def test_write_atomic_goes_through_a_symlink_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_write_new_replaces_only_with_force(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_new(path, "one", force=False)
    with pytest.raises(QuizappError, match="--force"):
        write_new(path, "two", force=False)
    write_new(path, b"three", force=True)
    assert path.read_text() == "three"


def test_a_failed_stream_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    with pytest.raises(RuntimeError), atomic_text(path, force=False) as handle:
        handle.write("partial")
        raise RuntimeError("the export failed half-way")
    assert list(tmp_path.iterdir()) == []


def test_read_regular_refuses_fifos_devices_and_big_files(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(QuizappError, match="not a regular file"):
        read_regular(fifo)
    with pytest.raises(QuizappError, match="not a regular file"):
        read_regular(Path("/dev/zero"))
    big = tmp_path / "big"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(QuizappError, match="larger than"):
        read_regular(big, limit=1000)
    assert read_regular(big, limit=2000) == b"x" * 2000
