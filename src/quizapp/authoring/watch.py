"""Re-running a check whenever a deck file is saved (`quizapp validate --watch`).

Polling file sizes and modification times twice a second: no extra dependency, works on every
filesystem (network drives, editors that save by rename), and costs little for a deck folder.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

Snapshot = dict[Path, tuple[int, int]]
WATCHED_SUFFIXES = (".yaml", ".yml", ".md", ".txt")


def snapshot(paths: Sequence[Path]) -> Snapshot:
    """Size and mtime of every deck (and source) file under `paths`."""
    found: Snapshot = {}
    for given in paths:
        candidates = given.rglob("*") if given.is_dir() else [given]
        for path in candidates:
            if path.suffix not in WATCHED_SUFFIXES:
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            found[path] = (stat.st_size, stat.st_mtime_ns)
    return found


def watch(
    paths: Sequence[Path],
    on_change: Callable[[], None],
    *,
    interval: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
    rounds: int | None = None,
) -> None:
    """Call `on_change` once now and again after every change; `rounds` bounds it for tests."""
    on_change()
    last = snapshot(paths)
    done = 0
    while rounds is None or done < rounds:
        sleep(interval)
        done += 1
        current = snapshot(paths)
        if current != last:
            last = current
            on_change()
