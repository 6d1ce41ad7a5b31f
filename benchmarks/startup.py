"""Start-up: process start to quizapp's home screen with the shipped decks vs. a bare app.

Both are timed in a pseudo-terminal from process spawn to a text on screen (the lead's
`harness.time_to_screen`): the bare one-widget Textual app's line, and quizapp's home screen
showing the title of its last shipped deck with its counts (a returning student: deck cache
warm, progress store in a temporary folder synced by a first run). The two alternate, run by
run. quizapp's first screen is reported too. Target (issue 5): home screen <= 1.3x the bare app.

    python benchmarks/startup.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import harness

NAME = "startup"
TARGET = 1.3


def run() -> list[harness.Row]:
    harness.compile_sources()
    from quizapp.decks import load_decks

    reps = 3 if harness.quick() else 7
    decks = harness.ROOT / "decks"
    deck_set = load_decks([decks])
    if not deck_set.decks:
        return [harness.not_run(NAME, f"no decks in {decks}")]
    marker = deck_set.decks[-1].title[:24]
    cards = sum(d.card_count for d in deck_set.decks)
    bare: list[float] = []
    ready: list[float] = []
    first: list[float] = []
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-startup-") as tmp:
        argv = [sys.executable, "-m", "quizapp", "--decks", str(decks), "--data-dir", tmp]
        env = {"QUIZAPP_CACHE_DIR": str(Path(tmp) / "cache")}
        for attempt in range(reps + 1):
            result = harness.time_to_screen(argv, lambda text: marker in text, env=env)
            if result.ready is None:
                raise RuntimeError(f"quizapp did not show {marker!r}: {result.screen[-300:]!r}")
            if attempt:  # the first run fills the deck cache and the progress store
                ready.append(result.ready)
                first.append(result.first_text or result.ready)
                # alternating with quizapp's runs, so a busy moment slows both alike
                bare.append(harness.bare_textual_once().ready or 0.0)
    bare_time = harness.median(bare)
    what = f"{len(deck_set.decks)} shipped decks, {cards} cards"
    return [
        harness.ratio_row(
            NAME, f"start to home ({what})", harness.median(ready), bare_time, TARGET
        ),
        harness.ratio_row(NAME, "start to first screen", harness.median(first), bare_time, None),
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    harness.print_rows(run(), "start-up with the shipped decks")
