"""A new student's first start against a bare one-widget Textual app, alternating run by run.

Every quizapp run here has a progress store that does not exist yet (a new data folder each
run), timed from process spawn to text on a pseudo-terminal like the other start-up benchmarks:
- the shipped decks with the deck cache warm (another student's start filled it), to Home;
- the shipped decks with the deck cache cold too (a brand-new `make run`): the first screen, and
  Home with its counts;
- a 100,000-card class collection, deck cache warm: Home, and how long after Home the store is
  filled and the cards loaded (the process's CPU goes idle; `harness.time_to_screen(settle=)`).
Targets (issue 19): 1.2x, 1.2x and 1.5x, 2x, and the store filled within 3 s of Home.

    python benchmarks/first_start.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import harness

NAME = "first start"


def _start(
    decks: Path, cache: Path, data: Path, marker: str, settle: bool = False
) -> harness.ScreenTimes:
    argv = [sys.executable, "-m", "quizapp", "--decks", str(decks), "--data-dir", str(data)]
    result = harness.time_to_screen(
        argv,
        lambda text: marker in text,
        env={"QUIZAPP_CACHE_DIR": str(cache)},
        timeout=300,
        settle=settle,
    )
    if result.ready is None:
        tail = " ".join(result.screen.split())[-200:]
        raise RuntimeError(f"quizapp did not show its home screen; it showed: {tail!r}")
    return result


def _shipped(reps: int, tmp: Path) -> list[harness.Row]:
    from quizapp.decks import load_decks

    decks = harness.ROOT / "decks"
    deck_set = load_decks([decks])
    if not deck_set.decks:
        return [harness.not_run(NAME, f"no decks in {decks}")]
    marker = deck_set.decks[-1].title[:24]
    warm_cache = tmp / "warm-cache"
    _start(decks, warm_cache, tmp / "filler", marker)  # fills the deck cache only
    bare: list[float] = []
    warm: list[float] = []
    cold_first: list[float] = []
    cold_home: list[float] = []
    for run in range(reps):
        bare.append(harness.bare_textual_once().ready or 0.0)
        warm.append(_start(decks, warm_cache, tmp / f"warm-{run}", marker).ready or 0.0)
        cold = _start(decks, tmp / f"cold-cache-{run}", tmp / f"cold-{run}", marker)
        cold_first.append(cold.first_text or 0.0)
        cold_home.append(cold.ready or 0.0)
    base = harness.median(bare)
    what = f"shipped decks ({len(deck_set.decks)})"
    return [
        harness.ratio_row(
            NAME, f"{what}, deck cache warm: to home", harness.median(warm), base, 1.2
        ),
        harness.ratio_row(
            NAME, f"{what}, deck cache cold: first screen", harness.median(cold_first), base, 1.2
        ),
        harness.ratio_row(
            NAME, f"{what}, deck cache cold: home with counts", harness.median(cold_home), base, 1.5
        ),
    ]


def _large(reps: int, tmp: Path) -> list[harness.Row]:
    cards = 10_000 if harness.quick() else 100_000
    made = harness.collection(cards)
    marker = made.titles[-1]
    cache = tmp / "large-cache"
    _start(made.decks_dir, cache, tmp / "large-filler", marker)  # the deck cache is warm
    bare: list[float] = []
    home: list[float] = []
    filled: list[float] = []
    for run in range(reps):
        bare.append(harness.bare_textual_once().ready or 0.0)
        result = _start(made.decks_dir, cache, tmp / f"large-{run}", marker, settle=True)
        home.append(result.ready or 0.0)
        filled.append((result.settled or 0.0) - (result.ready or 0.0))
    base = harness.median(bare)
    what = f"{cards:,} cards, deck cache warm"
    return [
        harness.ratio_row(NAME, f"new student, {what}: to home", harness.median(home), base, 2.0),
        harness.limit_row(
            NAME, f"new student, {what}: store filled after home", harness.median(filled), 3.0, "s"
        ),
    ]


def run() -> list[harness.Row]:
    harness.compile_sources()
    reps = 3 if harness.quick() else 9
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-first-") as name:
        tmp = Path(name)
        rows = _shipped(reps, tmp)
        rows += _large(reps, tmp)
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    harness.print_rows(run(), "a new student's first start")
