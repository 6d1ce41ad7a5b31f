"""Run every benchmark of the project and print one table of ratios (`make bench`).

Each `benchmarks/*.py` module with a `run() -> list[dict]` runs in its own interpreter with a
time limit, so one failing or hanging benchmark costs only its own rows. A benchmark that did
not run says why in its row ("not run: ..."), and the benchmarks the issues ask for but that do
not exist yet are listed the same way, so nothing is missing silently.

    python benchmarks/run_all.py [--quick] [--only NAME ...] [--write-docs] [--timeout S]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import harness

NOT_BENCHMARKS = {"harness", "run_all", "make_collection"}
# What the issues ask for, by module: a missing one is reported instead of silently absent.
EXPECTED = {
    "validate_vs_parse": "validate vs raw parse",
    "large_start": "warm and cold start vs bare Textual",
    "startup": "start-up vs bare Textual",
    "first_start": "a new student's first start vs bare Textual",
    "answer_loop": "answer loop vs the Anki backend",
    "key_to_card": "key to next card, 100 vs 100,000 cards",
    "due_queue": "due queue at 1M reviews",
    "scheduler_quality": "scheduler quality",
    "class_report": "class report",
    "facts_start": "100,000 cards drawn from facts vs written",
    "views_open": "lineage and timeline: key to first frame, cursor redraw",
    "triage_keys": "triage: key to next proposal on 1,000 proposals",
    "hostile_linear": "hostile input stays linear (generate, import)",
    "dates_vs_dateparser": "generator dates vs dateparser",
}
DOCS = harness.ROOT / "docs" / "benchmarks.md"

CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
module = __import__(sys.argv[2])
rows = module.run()
with open(sys.argv[3], "w") as out:
    json.dump(rows, out)
"""


def discover() -> list[str]:
    found = {
        path.stem
        for path in harness.BENCH_DIR.glob("*.py")
        if path.stem not in NOT_BENCHMARKS
        and not path.stem.startswith("_")
        and "def run(" in path.read_text(encoding="utf-8")
    }
    order = list(EXPECTED)
    return sorted(found | set(EXPECTED), key=lambda n: (order.index(n) if n in order else 99, n))


def run_module(name: str, timeout: float, quick: bool) -> list[harness.Row]:
    label = EXPECTED.get(name, name)
    if not (harness.BENCH_DIR / f"{name}.py").is_file():
        return [harness.not_run(label, f"benchmarks/{name}.py not written yet")]
    env = {**os.environ, "QUIZAPP_BENCH_QUICK": "1" if quick else "0"}
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_file = Path(handle.name)
    try:
        completed = subprocess.run(
            [sys.executable, "-c", CHILD, str(harness.BENCH_DIR), name, str(result_file)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=harness.ROOT,
        )
        if completed.returncode != 0:
            return [harness.not_run(label, _reason(completed.stderr))]
        rows: list[harness.Row] = json.loads(result_file.read_text() or "[]")
        if not rows:
            return [harness.not_run(label, "the benchmark returned no rows")]
        return rows
    except subprocess.TimeoutExpired:
        return [harness.not_run(label, f"timed out after {timeout:.0f} s")]
    except (OSError, ValueError) as error:
        return [harness.not_run(label, f"no readable result ({error})")]
    finally:
        result_file.unlink(missing_ok=True)


def _reason(stderr: str) -> str:
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    last = lines[-1] if lines else "failed without a message"
    if "ModuleNotFoundError" in last and "'" in last:
        missing = last.split("'")[1]
        if missing.split(".")[0] != "quizapp":
            return f"optional peer '{missing}' not installed (pip install -e '.[bench]')"
    return f"failed: {last[:160]}"


def markdown(rows: list[harness.Row], seconds: float, quick: bool) -> str:
    def cell(text: object) -> str:
        return str(text).replace("|", "\\|")

    lines = [
        f"- Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Machine: {harness.machine()}",
        f"- Run: {'quick (smaller sizes)' if quick else 'full'}, {seconds:.0f} s",
        "",
        "| benchmark | measure | value | baseline | ratio | target | ok | note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(cell(c) for c in harness.row_cells(row)) + " |")
    return "\n".join(lines) + "\n"


START, END = "<!-- results:start -->", "<!-- results:end -->"


def write_docs(results: str) -> None:
    """Replace the results block of docs/benchmarks.md, keeping the prose around it."""
    text = (
        DOCS.read_text(encoding="utf-8") if DOCS.is_file() else f"# Benchmarks\n\n{START}\n{END}\n"
    )
    if START not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(f"{head}{START}\n{results}{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every quizapp benchmark; print ratios.")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a quick look")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these modules")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds per module")
    parser.add_argument("--write-docs", action="store_true", help=f"write docs/{DOCS.name}")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    names = args.only or discover()
    started = time.perf_counter()
    rows: list[harness.Row] = []
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(run_module(name, args.timeout, args.quick))
    seconds = time.perf_counter() - started
    harness.print_rows(rows, f"quizapp benchmarks ({'quick' if args.quick else 'full'})")
    if args.write_docs:
        write_docs(markdown(rows, seconds, args.quick))
        print(f"wrote {DOCS}", file=sys.stderr)
    missed = [row for row in rows if row.get("ok") is False]
    if missed:
        print(f"{len(missed)} target(s) missed", file=sys.stderr)
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
