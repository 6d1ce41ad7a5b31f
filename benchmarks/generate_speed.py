"""How fast `quizapp generate` reads documents, against reading and splitting them alone.

Baseline: the same documents read and cut into sentences (no extraction), in the same run.
Measures: seconds per document for the full proposal (facts and cards) on each shipped source,
and on a long document made of the sources repeated 20 times (about 400 KB), to see that cost
grows with the text and not faster. Targets: under 1 s per shipped document; the long document
under 1 s per 20 KB of text.

Run: `python benchmarks/generate_speed.py`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from quizapp.generate import parse_document, propose  # noqa: E402


def _best(function: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def run() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    sources = sorted((ROOT / "decks" / "sources").glob("*.txt"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in sources}
    texts["long (sources x20)"] = "\n\n".join(texts.values()) * 20
    for name, text in texts.items():
        baseline = _best(lambda text=text: parse_document("x.txt", text))
        full = _best(lambda text=text: propose(parse_document("x.txt", text)), repeat=3)
        budget = 1.0 if name.endswith(".txt") else len(text) / 20_000
        rows.append(
            {
                "benchmark": "generate_speed",
                "measure": f"propose {name} ({len(text) // 1000} KB), s",
                "value": round(full, 4),
                "baseline": f"read+split {baseline:.4f} s",
                "ratio": round(full / baseline, 1),
                "target": f"< {budget:.1f} s",
                "ok": full < budget,
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(
            f"{row['measure']}: {row['value']} ({row['ratio']}x {row['baseline']}); "
            f"target {row['target']}: {'ok' if row['ok'] else 'MISSED'}"
        )
