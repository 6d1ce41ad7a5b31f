"""How fast `quizapp generate` reads documents, against reading and splitting them alone.

Baseline: the same text read and cut into sentences (no extraction), in the same run.
Measures, for typed facts (`propose_facts`, what the command writes) and the facts' YAML:
- each shipped source and each evaluation document (target: under 1 s each);
- 1 MB of text made of all of them repeated (target: under 5 s), and 250 KB / 500 KB of the
  same, to see that time and output grow with the text, not faster (ratio per KB);
- hostile shapes: 240 KB without any punctuation (one run-on "sentence"), and 240 KB of one
  capitalised word repeated (one long name-like run): both must stay linear.

Run: `python benchmarks/generate_speed.py`.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from quizapp.generate.deckfile import dump  # noqa: E402
from quizapp.generate.document import parse_document  # noqa: E402
from quizapp.generate.factfile import as_fact  # noqa: E402
from quizapp.generate.typed import propose_facts  # noqa: E402


def _best(function: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def _facts_yaml(text: str) -> str:
    proposals = propose_facts(parse_document("x.txt", text))
    return dump({"title": "x", "facts": [as_fact(p) for p in proposals]})


def _varied(corpus: str, size: int) -> str:
    """`size` characters of the corpus repeated, each copy with its years shifted, so every
    copy states new facts (a plain repeat would give the same facts again, hiding output
    growth)."""
    copies = []
    for copy in range(size // len(corpus) + 1):
        copies.append(
            re.sub(r"\b(?:19|20)\d\d\b", lambda m, k=copy: str(int(m.group(0)) - k % 40), corpus)
        )
    return "\n\n".join(copies)[:size]


def run() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    paths = sorted((ROOT / "decks" / "sources").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "eval" / "docs").glob("*.txt"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in paths}
    corpus = "\n\n".join(texts.values())
    for size in (250_000, 500_000, 1_000_000):
        texts[f"corpus {size // 1000} KB"] = _varied(corpus, size)
    texts["240 KB, no punctuation"] = ("word " * 48_000)[:240_000]
    texts["240 KB, one capitalised word"] = ("Front " * 40_000)[:240_000]
    for name, text in texts.items():
        repeat = 1 if len(text) > 200_000 else 3
        baseline = _best(lambda text=text: parse_document("x.txt", text), repeat)
        full = _best(lambda text=text: _facts_yaml(text), repeat)
        size = len(_facts_yaml(text).encode()) if len(text) >= 200_000 else None
        budget = 5.0 * len(text) / 1_000_000 if len(text) >= 200_000 else 1.0
        rows.append(
            {
                "benchmark": "generate_speed",
                "measure": f"facts for {name} ({len(text) // 1000} KB), s",
                "value": round(full, 3),
                "baseline": f"read+split {baseline:.3f} s",
                "ratio": round(full / baseline, 1) if baseline else None,
                "per_kb_ms": round(1000 * full / max(1, len(text) // 1000), 2),
                "output_kb": size // 1000 if size is not None else None,
                "target": f"< {budget:.1f} s",
                "ok": full < budget,
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        output = f", output {row['output_kb']} KB" if row["output_kb"] is not None else ""
        print(
            f"{row['measure']}: {row['value']} ({row['ratio']}x {row['baseline']}; "
            f"{row['per_kb_ms']} ms/KB{output}); target {row['target']}: "
            f"{'ok' if row['ok'] else 'MISSED'}"
        )
