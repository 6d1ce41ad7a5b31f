"""Work stays linear in hostile input: 8x the input must cost about 8x the time, not 64x.

Each case is timed at a small size (the baseline, same run) and at 8 times that size; the
ratio of the two times is the measure, with a target of at most 16 (8 for linear work, with
room for a noisy shared machine; quadratic work gives about 64). Cases: `generate` on run-on
text without punctuation (the security review measured 0.7 s at 30 KB and 42 s at 240 KB),
on lines of abbreviations, on unclosed emphasis marks and link brackets, and on runs of
capitals before a closing attribution ('"AAAA...," X writes'); CSV import of a field full of
unclosed Anki cloze openings.

Run: `python benchmarks/hostile_linear.py`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import harness

sys.path.insert(0, str(harness.ROOT / "src"))

from quizapp.generate import parse_document
from quizapp.generate.typed import propose_facts
from quizapp.interop.importers import read_any

PHRASE = "in 1998 the GSPC was founded by Hassan Hattab near Algiers and "
SPEAKER = "Omar Vance leads the Red Hand Brigade (RHB) in the hills of the north.\n"
TEXTS: dict[str, Callable[[int], str]] = {
    "generate: run-on text": lambda n: PHRASE * (n // len(PHRASE)),
    "generate: abbreviations": lambda n: "U.S. Gen. " * (n // 10),
    "generate: unclosed emphasis": lambda n: "*a " * (n // 3),
    "generate: unclosed link brackets": lambda n: "[a " * (n // 3),
    "generate: links without their closing parenthesis": lambda n: "[x](a " * (n // 6),
    # a run of capitals before a closing attribution: a name pattern that could cut the run
    # into words many ways was exponential in it
    "generate: capitals before an attribution": lambda n: (
        SPEAKER + ('\nWe are told, "' + "A" * 900 + '," Omar Vance writes.\n') * (n // 935)
    ),
}


def _best(function: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def _import_cloze(folder: Path, size: int) -> Callable[[], object]:
    path = folder / f"clozes-{size}.csv"
    rows = "".join(f"{'{{c1::' * 2_000},answer\n" for _ in range(size // 12_000))
    path.write_text("front,back\n" + rows)
    return lambda: read_any(path)


def run() -> list[dict[str, object]]:
    # Big enough that the small run takes tens of milliseconds: at 2 ms, timer and allocator
    # noise alone moved the ratio by 2x.
    small = 30_000 if harness.quick() else 120_000
    rows: list[dict[str, object]] = []
    for name, make in TEXTS.items():
        small_text, big_text = make(small), make(8 * small)
        base = _best(lambda text=small_text: propose_facts(parse_document("x.txt", text)))
        big = _best(lambda text=big_text: propose_facts(parse_document("x.txt", text)))
        rows.append(
            harness.ratio_row(
                "hostile_linear", f"{name}, {8 * small // 1000} KB vs {small // 1000} KB",
                big, base, 16.0, note="8x input; linear is ~8x",
            )
        )  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = _best(_import_cloze(folder, small * 16))
        big = _best(_import_cloze(folder, small * 128))
        rows.append(
            harness.ratio_row(
                "hostile_linear", "import: unclosed cloze openings, 8x rows", big, base, 16.0,
                note="8x input; linear is ~8x",
            )
        )  # fmt: skip
    return rows


if __name__ == "__main__":
    harness.print_rows(run(), "hostile input stays linear")
