"""Lineage and timeline screens: key press to first frame, and a cursor move, in a real terminal.

quizapp runs on a pseudo-terminal with a collection of facts (`make_collection --facts`: each
bundle has groups, a split relation, events and designations, so the lineage is long chains of
splits). Once Home is loaded and idle, a key is written to the terminal and the time to the
screen's first frame (its title text in the output) is measured; Esc goes back; repeated, the
median is kept. A cursor move is timed from the Down key to the output of the redrawn cursor row.
The baseline is the same measure for the help screen (`?`), in the same run.
Targets (issue 18): both screens open in under 100 ms at 1,000 facts and under 300 ms at 10,000;
a cursor move redraws in under 30 ms. The first opening of each screen builds the lineage or the
sorted timeline, which later openings reuse: besides the median of all openings, it is reported
on its own row against the same target.

    python benchmarks/views_open.py
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import harness

NAME = "lineage and timeline"
FACTS_PER_CARD = 7 / 20  # make_collection: a bundle of about 7 facts draws 20 cards
DOWN = b"\x1b[B"
ESCAPE = b"\x1b"
CURSOR_MARK = "\u25b6 "


class Terminal:
    """quizapp on a pty: write keys, wait for text to appear in what it writes after them."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, cwd=harness.ROOT,
            env={**os.environ, "TERM": "xterm-256color", **env},
            preexec_fn=harness._own_session_dying_with_parent, close_fds=True,
        )  # fmt: skip
        os.close(slave)

    def read_until(self, wanted: str, timeout: float = 60) -> float:
        """Seconds until `wanted` is in the output read from now on (escapes removed)."""
        started = time.perf_counter()
        raw = bytearray()
        while time.perf_counter() - started < timeout:
            if select.select([self.master], [], [], 0.02)[0]:
                chunk = os.read(self.master, 65536)
                if not chunk:
                    break
                raw += chunk
                text = harness._ESCAPES.sub(b"", bytes(raw)).decode("utf-8", errors="replace")
                if wanted in text:
                    return time.perf_counter() - started
        tail = harness._ESCAPES.sub(b"", bytes(raw)).decode("utf-8", errors="replace")[-300:]
        raise RuntimeError(f"{wanted!r} did not appear; the terminal showed {tail!r}")

    def press(self, key: bytes, wanted: str) -> float:
        """Seconds from writing `key` to `wanted` in the output that follows."""
        self.drain()
        os.write(self.master, key)
        return self.read_until(wanted)

    def drain(self, quiet: float = 0.15) -> None:
        """Read until the app has written nothing for `quiet` seconds (it is idle)."""
        while select.select([self.master], [], [], quiet)[0]:
            if not os.read(self.master, 65536):
                return

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def measure(facts: int, reps: int) -> dict[str, float]:
    """Median seconds for: help, lineage and timeline opening, and a cursor move in each;
    `first-lineage` and `first-timeline` are the first openings, which build what later ones
    reuse (Home keeps the lineage and the sorted timeline of the loaded decks)."""
    made = harness.collection(round(facts / FACTS_PER_CARD), facts=True)
    times: dict[str, list[float]] = {k: [] for k in ("help", "lineage", "timeline", "ml", "mt")}
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-views-") as tmp:
        argv = [sys.executable, "-m", "quizapp", "--decks", str(made.decks_dir)]
        argv += ["--data-dir", str(Path(tmp) / "data")]
        env = {"QUIZAPP_CACHE_DIR": str(Path(tmp) / "cache")}
        terminal = Terminal(argv, env, (24, 80))
        try:
            terminal.read_until("new cards are waiting", timeout=600)
            # Home is drawn before the cards finish loading: wait until the app is idle.
            start = time.perf_counter()
            harness._wait_until_idle(terminal.process.pid, terminal.master, start, 600)
            for _ in range(reps):
                times["help"].append(terminal.press(b"?", "Keys"))
                terminal.press(ESCAPE, "Review due")
                times["lineage"].append(terminal.press(b"l", "Lineage \u00b7"))
                times["ml"].append(terminal.press(DOWN, CURSOR_MARK))
                terminal.press(ESCAPE, "Review due")
                times["timeline"].append(terminal.press(b"t", "Timeline \u00b7"))
                times["mt"].append(terminal.press(DOWN, CURSOR_MARK))
                terminal.press(ESCAPE, "Review due")
        finally:
            terminal.close()
    found = {key: harness.median(values) for key, values in times.items()}
    found["first-lineage"] = times["lineage"][0]
    found["first-timeline"] = times["timeline"][0]
    return found


def run() -> list[harness.Row]:
    harness.compile_sources()
    reps = 5 if harness.quick() else 11
    rows: list[harness.Row] = []
    for facts, limit in ((1_000, 0.100), (10_000, 0.300)):
        found = measure(facts, reps)
        what = f"{facts:,} facts, 80x24"
        for key, label in (
            ("lineage", "lineage"),
            ("timeline", "timeline"),
            ("first-lineage", "lineage, first opening"),
            ("first-timeline", "timeline, first opening"),
        ):
            rows.append(
                harness.limit_row(
                    NAME,
                    f"key to first frame: {label} ({what})",
                    found[key],
                    limit,
                    "s",
                    baseline=found["help"],
                    note="baseline: the help screen",
                )
            )
        for key, label in (("ml", "lineage"), ("mt", "timeline")):
            rows.append(
                harness.limit_row(
                    NAME,
                    f"cursor move redraw: {label} ({what})",
                    found[key],
                    0.030,
                    "s",
                    baseline=found["help"],
                    note="baseline: the help screen opening",
                )
            )
    return rows


if __name__ == "__main__":
    harness.print_rows(run(), NAME)
