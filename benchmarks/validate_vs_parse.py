"""Validating a large deck against a bare `yaml.load(..., CSafeLoader)` of the same file.

Targets (foundation issue and issue 7): quizapp's parse-and-validate, and its first parse of a
changed deck with the cache on (parse + validate + compile), stay within 1.5x of the bare parse in
time and in peak memory. Each side runs in its own interpreter (peak RSS is per process) and
times only its own work, file read included. The warm cache read is shown for scale.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import harness

NAME = "validate vs parse"

BARE = """
import json, sys, time, yaml
path = sys.argv[1]
started = time.perf_counter()
with open(path, "rb") as handle:
    data = yaml.load(handle.read(), Loader=yaml.CSafeLoader)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "cards": len(data["cards"])}))
"""

QUIZAPP = """
import json, sys, time
from pathlib import Path
from quizapp.decks.cache import DeckCache
from quizapp.decks.files import DeckFile
from quizapp.decks.loader import load_deck_file
path, cache_dir = Path(sys.argv[1]), sys.argv[2]
cache = DeckCache(Path(cache_dir)) if cache_dir != "-" else None
started = time.perf_counter()
deck, problems = load_deck_file(DeckFile(path, path.stem, path.parent / "sources"), cache=cache)
seconds = time.perf_counter() - started
assert deck is not None and not problems, problems[:3]
print(json.dumps({"seconds": seconds, "cards": len(deck.cards)}))
"""


def deck_file(cards: int) -> Path:
    """A single-file deck of `cards` realistic cards, generated once and reused."""
    from make_collection import DeckPlan, source_sentences, write_deck

    folder = harness.work_dir() / f"single-{cards}"
    path = folder / "big.yaml"
    if not path.is_file():
        import random

        quotes = source_sentences(random.Random("validate"), 200)
        (folder / "sources").mkdir(parents=True, exist_ok=True)
        (folder / "sources" / "big.txt").write_text("\n".join(quotes) + "\n")
        partial = path.with_suffix(".partial")
        write_deck(partial, DeckPlan("big", "Big deck", cards, "big.txt"), quotes, seed=7)
        partial.replace(path)
    return path


def run() -> list[harness.Row]:
    cards = 20_000 if harness.quick() else 120_000
    path = deck_file(cards)
    size_mb = path.stat().st_size / 1e6
    cache_dir = harness.work_dir() / f"single-{cards}-cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    try:
        import yaml

        if not hasattr(yaml, "CSafeLoader"):
            return [harness.not_run(NAME, "PyYAML has no libyaml (CSafeLoader) here")]
    except ImportError:
        return [harness.not_run(NAME, "PyYAML is not installed")]
    bare = harness.run_python(BARE, str(path))
    plain = harness.run_python(QUIZAPP, str(path), "-")
    cold = harness.run_python(QUIZAPP, str(path), str(cache_dir))
    warm = harness.run_python(QUIZAPP, str(path), str(cache_dir))
    assert bare.output["cards"] == plain.output["cards"] == warm.output["cards"] == cards
    shutil.rmtree(cache_dir, ignore_errors=True)
    what = f"{cards:,} cards, {size_mb:.0f} MB"
    t = bare.output["seconds"]
    return [
        harness.ratio_row(NAME, f"validate time ({what})", plain.output["seconds"], t, 1.5),
        harness.ratio_row(NAME, "validate peak memory", plain.peak_mb, bare.peak_mb, 1.5, "MB"),
        harness.ratio_row(NAME, "first parse + cache write", cold.output["seconds"], t, 1.5),
        harness.ratio_row(NAME, "first parse peak memory", cold.peak_mb, bare.peak_mb, 1.5, "MB"),
        harness.ratio_row(NAME, "cache hit time", warm.output["seconds"], t, None),
        harness.ratio_row(NAME, "cache hit peak memory", warm.peak_mb, bare.peak_mb, None, "MB"),
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    harness.print_rows(run(), "validate vs CSafeLoader")
