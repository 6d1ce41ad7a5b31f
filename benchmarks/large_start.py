"""Start-up with a large collection against a bare one-widget Textual app, in one run.

Both are timed the same way, from process spawn to a text on a pseudo-terminal: the bare app's
one line, quizapp's home screen (the last deck title of the collection). Warm start: the compiled
deck cache is filled; cold start: it is empty, so every deck is parsed. Targets (issue 7): warm
start at most 1.5x the bare app, peak memory under 300 MB, and on a cold start a first screen
(a progress indicator) about as soon as the bare app's instead of a frozen terminal.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import harness

NAME = "large start"


def quizapp_start(
    decks: Path, cache: Path, data: Path, marker: str, settle: bool = False
) -> harness.ScreenTimes:
    argv = [sys.executable, "-m", "quizapp", "--decks", str(decks), "--data-dir", str(data)]
    env = {"QUIZAPP_CACHE_DIR": str(cache)}
    result = harness.time_to_screen(
        argv, lambda text: marker in text, env=env, timeout=300, settle=settle
    )
    if result.ready is None:
        tail = " ".join(result.screen.split())[-200:]
        raise RuntimeError(f"quizapp did not show its home screen; it showed: {tail!r}")
    return result


def run() -> list[harness.Row]:
    harness.compile_sources()
    cards = 10_000 if harness.quick() else 100_000
    reps = 3 if harness.quick() else 5
    made = harness.collection(cards)
    marker = made.titles[-1]
    cache = harness.work_dir() / f"start-cache-{cards}"
    shutil.rmtree(cache, ignore_errors=True)
    bare: list[harness.ScreenTimes] = []
    warm: list[harness.ScreenTimes] = []
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-data-") as tmp:
        # A returning student: the cold start fills the deck cache and the progress store,
        # the warm starts find both. Bare and warm starts alternate, so load hits both alike.
        data = Path(tmp) / "returning"
        cold = quizapp_start(made.decks_dir, cache, data, marker)
        for _ in range(reps):
            bare.append(harness.bare_textual_once())
            warm.append(quizapp_start(made.decks_dir, cache, data, marker))
        # Home is painted before the cards load: memory is measured once they have loaded.
        # (A new student's first start, store empty, is `first_start.py`.)
        loaded = quizapp_start(made.decks_dir, cache, data, marker, settle=True)
    shutil.rmtree(cache, ignore_errors=True)
    warm_time = harness.median([w.ready or 0.0 for w in warm])
    bare_time = harness.median([b.ready or 0.0 for b in bare])
    bare_peak = harness.median([b.peak_mb for b in bare])
    warm_peak = loaded.peak_mb
    first = cold.first_text or 0.0
    shown = " ".join(cold.first_screen.split())
    if (cold.ready or 0.0) - first < 0.1:
        note = "nothing shown before the home screen: frozen while parsing"
    else:
        note = f"first screen: {shown[:60]!r}"
    what = f"{cards:,} cards"
    return [
        harness.ratio_row(NAME, f"warm start to home ({what})", warm_time, bare_time, 1.5),
        harness.limit_row(
            NAME, "warm start peak memory, cards loaded", warm_peak, 300, "MB", bare_peak
        ),
        harness.ratio_row(
            NAME, "warm start: cards loaded (CPU idle)", loaded.settled or 0.0, bare_time, None
        ),
        harness.ratio_row(NAME, "cold start: first screen", first, bare_time, 1.5, note=note),
        harness.ratio_row(NAME, "cold start to home", cold.ready or 0.0, bare_time, None),
        harness.info_row(NAME, "cold start peak memory", cold.peak_mb, "MB"),
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    harness.print_rows(run(), "start-up with a large collection")
