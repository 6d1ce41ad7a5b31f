"""Start-up: process start to quizapp's home screen vs. a bare one-widget Textual app.

Both run headless in fresh processes of the same interpreter, alternating, several times; the
median wall-clock time from spawning the process to the app's ready point is compared.
quizapp is "ready" when the home screen shows the decks (loaded by the worker, counts read from
the progress store in a temporary data folder); its first paint (loading indicator) is reported
too. Target: ready <= 1.3x the bare app.

    python benchmarks/startup.py [--decks DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.3

BARE = """
import sys, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print("READY", time.time(), flush=True)
        self.exit()

Bare().run(headless=True)
"""

QUIZAPP = """
import sys, time
from pathlib import Path
from quizapp.commands.study import build_context
from quizapp.ui.app import QuizApp, utc_now
from quizapp.ui.screens.home import HomeScreen

decks, data = Path(sys.argv[1]), Path(sys.argv[2])

class TimedHome(HomeScreen):
    # Textual calls the base class's handlers too: these only add the time marks.
    def on_mount(self):
        self.app.call_after_refresh(lambda: print("PAINT", time.time(), flush=True))
    def on_home_screen_loaded(self, message):
        self.app.call_after_refresh(self.done)
    def done(self):
        print("READY", time.time(), flush=True)
        self.app.exit()

import quizapp.ui.app
quizapp.ui.app.HomeScreen = TimedHome  # the app pushes this home screen on mount
QuizApp(loader=lambda: build_context(decks, data, utc_now())).run(headless=True)
"""


def timed(code: str, *args: str) -> dict[str, float]:
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    marks = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in {"READY", "PAINT"}:
            marks[parts[0]] = float(parts[1]) - start
    if "READY" not in marks:
        raise RuntimeError(f"no READY mark:\n{result.stdout}\n{result.stderr}")
    return marks


def run(decks: Path | None = None, runs: int = 7) -> list[dict[str, object]]:
    from quizapp.paths import default_decks_dir

    deck_dir = decks or default_decks_dir()
    bare: list[float] = []
    ready: list[float] = []
    paint: list[float] = []
    timed(BARE)  # warm the file cache for both
    with tempfile.TemporaryDirectory() as data:
        timed(QUIZAPP, str(deck_dir), data)
        for _ in range(runs):
            bare.append(timed(BARE)["READY"])
            marks = timed(QUIZAPP, str(deck_dir), data)
            ready.append(marks["READY"])
            paint.append(marks.get("PAINT", marks["READY"]))
    baseline = statistics.median(bare)
    rows: list[dict[str, object]] = []
    for measure, values, target in (
        ("home screen with decks (s)", ready, TARGET),
        ("first paint (s)", paint, None),
    ):
        value = statistics.median(values)
        ratio = value / baseline
        rows.append(
            {
                "benchmark": "startup",
                "measure": measure,
                "value": round(value, 4),
                "baseline": round(baseline, 4),
                "ratio": round(ratio, 3),
                "target": target,
                "ok": None if target is None else ratio <= target,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decks", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for row in run(args.decks, args.runs):
        target = f" (target <= {row['target']}x: {'ok' if row['ok'] else 'MISSED'})"
        print(
            f"{row['measure']}: {row['value']} s vs bare Textual app {row['baseline']} s, "
            f"ratio {row['ratio']}{target if row['target'] else ''}"
        )


if __name__ == "__main__":
    main()
