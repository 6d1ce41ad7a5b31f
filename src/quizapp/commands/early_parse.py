"""A cold start's deck parse, done by a child process while this one imports Textual.

With the deck cache cold (a new install, a new course), Home cannot show its counts before the
decks are parsed: YAML, the checks, the cards drawn from facts (~60 ms of CPU for the shipped
decks), on top of the ~150 ms a bare Textual app needs for its first screen. Both are pure
Python, so a thread would only take turns with the UI under the interpreter lock. A forked child
parses on another core meanwhile and leaves its result where a warm start finds it, in the deck
cache; the parent reads only the cache headers to draw Home.

The child runs at nice 19, so it never takes a core the first paint needs; the loader waits for
it while it has a core of its own (`finish`) and otherwise stops it and parses itself. Nothing
depends on the child: where fork is missing or unsafe (threads already running), for decks too
big to be done in time, or when the child fails, is starved or is killed, the parent parses as
before; a deck with problems is never cached, so it is parsed (and its problems reported) by
the parent as usual.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from quizapp.decks.files import find_deck_files

if TYPE_CHECKING:
    from quizapp.decks.cache import DeckCache

# Decks bigger than this take the child longer than Textual takes the parent (the shipped
# ~180 KB of YAML: ~55 ms of CPU; 512 KiB: ~150 ms), so no child is forked for them.
MAX_BYTES = 512 * 1024


class EarlyParse:
    """A child process filling the deck cache for `decks_dir`."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.started = time.monotonic()
        self.result: bool | None = None
        """Once the child has ended: whether it parsed every deck it could."""

    @classmethod
    def start(cls, decks_dir: Path, cache: DeckCache) -> EarlyParse | None:
        """Fork the child; None when it cannot be (the caller then parses itself)."""
        # A process with threads must not fork: a lock held by another thread stays held in
        # the child for ever. The start path has none yet; anything else parses in-process.
        if not hasattr(os, "fork") or threading.active_count() != 1:
            return None
        if _deck_bytes(decks_dir) > MAX_BYTES:
            return None
        try:
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:  # pragma: no cover - runs in the child, which never returns
            _parse_and_exit(decks_dir, cache)
        return cls(pid)

    def wait_for(self, seconds: float) -> bool | None:
        """`poll` for up to `seconds` (sleeping, so the UI thread runs meanwhile)."""
        deadline = time.monotonic() + seconds
        while (result := self.poll()) is None and time.monotonic() < deadline:
            time.sleep(0.005)
        return result

    def finish(self, grace: float, longest: float = 2.0) -> bool | None:
        """Wait `grace` seconds for the child, and longer while it is getting a core (its CPU
        time since the fork at least half the time since; Linux's /proc tells), at most
        `longest`. None when it is still running then: starved by a busy machine, or slower
        than the caller parsing itself would be."""
        deadline = time.monotonic() + grace
        while (result := self.poll()) is None:
            now = time.monotonic()
            # CPU time ticks in hundredths of a second: judged over a tenth at least
            if now >= deadline and now - self.started >= 0.1:
                ran = _cpu_seconds(self.pid)
                if ran is None or ran < (now - self.started) / 2 or now >= deadline + longest:
                    return None
            time.sleep(0.005)
        return result

    def stop(self) -> None:
        """Ask the child to end if it still runs: it stops between two events of the parse,
        removes a cache file it was writing, and keeps the decks it finished (cache hits later).
        Waited for a moment only: a child starved of CPU (it runs at nice 19) may take long to
        get to its exit, and the caller has a parse to do; it is reaped by a later `poll`, or
        by init once quizapp has ended."""
        if self.result is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            self.wait_for(0.02)

    def poll(self) -> bool | None:
        """None while the child runs; then whether it parsed every deck it could."""
        return self._reap(os.WNOHANG)

    def wait(self) -> bool:
        """Block until the child has ended (the interpreter lock is released meanwhile)."""
        return bool(self._reap(0))

    def _reap(self, options: int) -> bool | None:
        if self.result is None:
            try:
                pid, status = os.waitpid(self.pid, options)
            except ChildProcessError:
                self.result = False
            else:
                if pid == 0:
                    return None
                self.result = os.waitstatus_to_exitcode(status) == 0
        return self.result


def _cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of a running process, from /proc (None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _deck_bytes(decks_dir: Path) -> int:
    files, _ = find_deck_files([decks_dir])
    total = 0
    for deck_file in files:
        with contextlib.suppress(OSError):
            total += deck_file.path.stat().st_size
    return total


def _parse_and_exit(decks_dir: Path, cache: DeckCache) -> NoReturn:  # pragma: no cover
    """In the child: fill the cache, then leave at once (no atexit handlers, no flushing of
    buffers the parent owns). The terminal is the parent's: nothing here may reach it. Any
    failure (os.nice refused included) only ends the child: the parent parses instead."""
    code = 1
    try:
        # Second to the UI: on a machine with a core to spare this changes nothing; on one
        # without, the first screen is not kept waiting for a parse it does not need.
        os.nice(19)
        signal.signal(signal.SIGTERM, _unwind)
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        from quizapp.decks.loader import load_decks

        load_decks([decks_dir], cache=cache)
        code = 0
    finally:
        os._exit(code)


def _unwind(signum: int, frame: object) -> None:  # pragma: no cover - runs in the child
    raise SystemExit(1)  # through the cache's write, which removes its temporary file
