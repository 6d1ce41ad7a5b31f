"""The benchmark runner: rows from each module, and a row saying why when one does not run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import harness
import run_all

MODULES = {
    "fine": "def run():\n    return [{'benchmark': 'fine', 'measure': 'm', 'value': 2.0, "
    "'baseline': 1.0, 'ratio': 2.0, 'target': '', 'ok': None, 'note': ''}]\n",
    "broken": "def run():\n    raise ValueError('boom')\n",
    "peer": "import anki_backend_that_is_not_here\ndef run():\n    return []\n",
    "empty": "def run():\n    return []\n",
}


@pytest.fixture
def bench_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in MODULES.items():
        (tmp_path / f"{name}.py").write_text(text)
    monkeypatch.setattr(harness, "BENCH_DIR", tmp_path)
    return tmp_path


def test_rows_come_back_from_the_child(bench_dir: Path) -> None:
    rows = run_all.run_module("fine", timeout=60, quick=True)
    assert rows[0]["value"] == 2.0 and rows[0]["benchmark"] == "fine"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("broken", "not run: failed: ValueError: boom"),
        ("peer", "not run: optional peer 'anki_backend_that_is_not_here' not installed"),
        ("empty", "not run: the benchmark returned no rows"),
        ("due_queue", "not run: benchmarks/due_queue.py not written yet"),
    ],
)
def test_a_benchmark_that_does_not_run_says_why(bench_dir: Path, name: str, reason: str) -> None:
    (row,) = run_all.run_module(name, timeout=60, quick=True)
    assert row["note"].startswith(reason)
    assert row["value"] is None and row["ok"] is None


def test_discover_lists_modules_and_every_expected_benchmark(bench_dir: Path) -> None:
    names = run_all.discover()
    assert set(MODULES) <= set(names)
    assert names[: len(run_all.EXPECTED)] == list(run_all.EXPECTED)


def test_write_docs_replaces_only_the_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "benchmarks.md"
    docs.write_text(f"# B\n\nprose\n\n{run_all.START}\nold table\n{run_all.END}\n\nafter\n")
    monkeypatch.setattr(run_all, "DOCS", docs)
    rows = [harness.ratio_row("x", "time", 4.0, 2.0, 1.5), harness.not_run("y", "no peer")]
    run_all.write_docs(run_all.markdown(rows, 1.0, quick=True))
    text = docs.read_text()
    assert "prose" in text and "after" in text and "old table" not in text
    assert "| x | time | 4.00 s | 2.00 s | 2.00x | ≤ 1.5x | **no** |" in text
    assert "not run: no peer" in text
