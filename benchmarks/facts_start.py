"""Start-up with 100,000 cards drawn from facts against 100,000 written cards, in one run.

Both collections come from `make_collection` (the facts one with `--facts`) and are timed the
same way as `large_start`: spawn to the home screen on a pseudo-terminal, warm deck cache, warm
and cold starts alternating between the two so machine load hits both alike. Target (issue 15):
drawn cards start as fast as written ones (warm ratio at most 1.1); the cold start, which parses
the YAML and draws the cards once, is reported.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import harness
from large_start import quizapp_start

NAME = "facts start"


def run() -> list[harness.Row]:
    harness.compile_sources()
    cards = 10_000 if harness.quick() else 100_000
    reps = 3 if harness.quick() else 5
    written = harness.collection(cards)
    drawn = harness.collection(cards, facts=True)
    caches = {kind: harness.work_dir() / f"facts-start-cache-{kind}" for kind in ("w", "f")}
    for cache in caches.values():
        shutil.rmtree(cache, ignore_errors=True)
    times: dict[str, list[float]] = {"w": [], "f": []}
    cold: dict[str, float] = {}
    loaded: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-facts-") as tmp:
        made = {"w": written, "f": drawn}
        for kind, collection in made.items():
            data = Path(tmp) / kind
            start = quizapp_start(collection.decks_dir, caches[kind], data, collection.titles[-1])
            cold[kind] = start.ready or 0.0
        for _ in range(reps):
            for kind, collection in made.items():
                data = Path(tmp) / kind
                start = quizapp_start(
                    collection.decks_dir, caches[kind], data, collection.titles[-1]
                )
                times[kind].append(start.ready or 0.0)
        # Home is painted from cache headers before the cards load: time the load too.
        for kind, collection in made.items():
            data = Path(tmp) / kind
            start = quizapp_start(
                collection.decks_dir, caches[kind], data, collection.titles[-1], settle=True
            )
            loaded[kind] = start.settled or 0.0
    for cache in caches.values():
        shutil.rmtree(cache, ignore_errors=True)
    what = f"{cards:,} cards"
    warm_w, warm_f = harness.median(times["w"]), harness.median(times["f"])
    return [
        harness.ratio_row(
            NAME, f"warm start to home, drawn vs written ({what})", warm_f, warm_w, 1.1
        ),
        harness.ratio_row(
            NAME,
            f"warm start, cards loaded, drawn vs written ({what})",
            loaded["f"],
            loaded["w"],
            None,
        ),
        harness.ratio_row(
            NAME, f"cold start to home, drawn vs written ({what})", cold["f"], cold["w"], None
        ),
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    harness.print_rows(run(), "start-up with cards drawn from facts")
