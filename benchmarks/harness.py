"""Shared helpers for the benchmarks: result rows, child processes, a pseudo-terminal, collections.

Every benchmark module exposes `run() -> list[dict]` of rows built by `ratio_row`, `limit_row`,
`info_row` or `not_run`, and prints them with `print_rows` when run as a script. Times and peak
memory are measured in child processes, since `ru_maxrss` is a per-process high-water mark.
`QUIZAPP_BENCH_QUICK=1` (set by `run_all.py --quick`) asks for smaller sizes.
"""

from __future__ import annotations

import json
import os
import platform
import re
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
Row = dict[str, Any]


def quick() -> bool:
    return os.environ.get("QUIZAPP_BENCH_QUICK", "") not in ("", "0")


def work_dir() -> Path:
    """Where generated collections are kept between benchmarks (`QUIZAPP_BENCH_DIR` overrides)."""
    env = os.environ.get("QUIZAPP_BENCH_DIR")
    path = Path(env) if env else Path(tempfile.gettempdir()) / f"quizapp-bench-{os.getuid()}"
    path.mkdir(parents=True, exist_ok=True)
    return path


# ----- rows


def ratio_row(
    benchmark: str,
    measure: str,
    value: float,
    baseline: float,
    max_ratio: float | None,
    unit: str = "s",
    note: str = "",
) -> Row:
    """`value` against a baseline measured in the same run; ok when the ratio meets the target."""
    ratio = value / baseline if baseline else float("inf")
    return {
        "benchmark": benchmark, "measure": measure, "value": value, "baseline": baseline,
        "unit": unit, "ratio": ratio, "target": f"≤ {max_ratio}x" if max_ratio else "",
        "ok": None if max_ratio is None else ratio <= max_ratio, "note": note,
    }  # fmt: skip


def limit_row(
    benchmark: str,
    measure: str,
    value: float,
    limit: float,
    unit: str,
    baseline: float | None = None,
    note: str = "",
) -> Row:
    """An absolute target (e.g. peak memory under 300 MB); a baseline is shown when there is one."""
    return {
        "benchmark": benchmark, "measure": measure, "value": value, "baseline": baseline,
        "unit": unit, "ratio": value / baseline if baseline else None,
        "target": f"< {limit:g} {unit}", "ok": value < limit, "note": note,
    }  # fmt: skip


def info_row(benchmark: str, measure: str, value: float, unit: str, note: str = "") -> Row:
    return {
        "benchmark": benchmark, "measure": measure, "value": value, "baseline": None,
        "unit": unit, "ratio": None, "target": "", "ok": None, "note": note,
    }  # fmt: skip


def not_run(benchmark: str, reason: str, measure: str = "") -> Row:
    """A row that says why a benchmark did not run (an optional peer missing, a failure)."""
    return {
        "benchmark": benchmark, "measure": measure, "value": None, "baseline": None, "unit": "",
        "ratio": None, "target": "", "ok": None, "note": f"not run: {reason}",
    }  # fmt: skip


def fmt_value(value: Any, unit: str) -> str:
    if value is None:
        return "—"
    if not isinstance(value, (int, float)):
        return str(value)
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:,.4g} {unit}".strip()


def row_cells(row: Row) -> list[str]:
    """A row as eight display strings; tolerant of rows written by hand (missing keys, None)."""
    unit = str(row.get("unit") or "")
    ratio = row.get("ratio")
    ok = row.get("ok")
    return [
        str(row.get("benchmark") or "?"),
        str(row.get("measure") or ""),
        fmt_value(row.get("value"), unit),
        fmt_value(row.get("baseline"), unit),
        f"{ratio:.2f}x" if isinstance(ratio, (int, float)) else str(ratio or ""),
        str(row.get("target") or ""),
        "yes" if ok is True else "**no**" if ok is False else "",
        str(row.get("note") or ""),
    ]


def print_rows(rows: Sequence[Row], title: str = "quizapp benchmarks") -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title)
    for column in ("benchmark", "measure", "value", "baseline", "ratio", "target", "ok", "note"):
        table.add_column(column, overflow="fold")
    for row in rows:
        cells = row_cells(row)
        ok = {"yes": "[green]yes[/]", "**no**": "[red]NO[/]"}.get(cells[6], cells[6])
        table.add_row(*[escape(c) for c in cells[:6]], ok, escape(cells[7]))
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    console.print(table)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, " \
        f"Python {platform.python_version()}"  # fmt: skip


# ----- child processes


@dataclass
class Child:
    seconds: float
    peak_mb: float
    output: Any = None


def run_python(
    code: str, *args: str, env: dict[str, str] | None = None, timeout: float = 600
) -> Child:
    """Run `code` in a fresh interpreter; the last line it prints may be JSON (the output).

    `seconds` is the wall time from spawn to exit; `peak_mb` the child's own peak RSS (wait4).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=out, stderr=err,
            env={**os.environ, **(env or {})}, cwd=ROOT,
        )  # fmt: skip
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                process.kill()
                os.wait4(process.pid, 0)
                raise RuntimeError(f"timed out after {timeout:.0f} s")
            time.sleep(0.005)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if process.returncode != 0:
        tail = stderr.strip().splitlines()[-1:] or [f"exit status {process.returncode}"]
        raise RuntimeError(f"child failed: {tail[0]}")
    lines = stdout.strip().splitlines()
    output = json.loads(lines[-1]) if lines and lines[-1].startswith(("{", "[")) else None
    return Child(seconds, usage.ru_maxrss / 1024, output)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# ----- a pseudo-terminal, to time a Textual app from spawn to a given text on screen

_ESCAPES = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]")


@dataclass
class ScreenTimes:
    first_text: float | None
    ready: float | None
    peak_mb: float
    screen: str
    first_screen: str
    settled: float | None = None  # with `settle`: when the child's CPU went idle after `ready`


def time_to_screen(
    argv: Sequence[str],
    ready: Callable[[str], bool],
    *,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    size: tuple[int, int] = (40, 120),
    min_text: int = 12,
    settle: bool = False,
) -> ScreenTimes:
    """Spawn `argv` on a pty; time the first painted text and the moment `ready(text)` holds.

    The child is killed once ready (or at the timeout); its peak RSS comes from `wait4`, so it
    covers the process up to that screen. With `settle`, it is killed only once its CPU time has
    stopped growing (work done after the screen, such as loading cards, is then covered too).
    Text is the terminal output with escapes removed.
    """
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
    child_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(size[1]),
                 "LINES": str(size[0]), **(env or {})}  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(
        list(argv), stdin=slave, stdout=slave, stderr=slave, env=child_env, cwd=ROOT,
        preexec_fn=_own_session_dying_with_parent, close_fds=True,
    )  # fmt: skip
    os.close(slave)
    raw = bytearray()
    first: float | None = None
    done: float | None = None
    settled: float | None = None
    text = first_screen = ""
    try:
        while time.perf_counter() - started < timeout:
            readable, _, _ = select.select([master], [], [], 0.05)
            if readable:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                raw += chunk
                text = _ESCAPES.sub(b"", bytes(raw)).decode("utf-8", errors="replace")
                now = time.perf_counter() - started
                if first is None and len(text.strip()) >= min_text:
                    first, first_screen = now, text
                if ready(text):
                    done = now
                    break
            elif process.poll() is not None:
                break
        if settle and done is not None:
            settled = _wait_until_idle(process.pid, master, started, timeout)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        _, _, usage = os.wait4(process.pid, 0)
        os.close(master)
    return ScreenTimes(first, done, usage.ru_maxrss / 1024, text, first_screen, settled)


def _own_session_dying_with_parent() -> None:
    """In the child: a session of its own, killed if the benchmark dies first.

    A Textual app whose pty master is gone reads end-of-file forever at full CPU; left behind
    by an interrupted run, one skews every later measurement on the machine.
    """
    os.setsid()
    if sys.platform == "linux":
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, all threads


def _wait_until_idle(pid: int, master: int, started: float, timeout: float) -> float | None:
    """Seconds from spawn until `pid` used no CPU for 0.3 s (its output drained meanwhile)."""
    last, still_since = _cpu_ticks(pid), time.perf_counter()
    while time.perf_counter() - started < timeout:
        if select.select([master], [], [], 0.05)[0]:
            try:
                os.read(master, 65536)
            except OSError:
                return None
        ticks = _cpu_ticks(pid)
        if ticks != last:
            last, still_since = ticks, time.perf_counter()
        elif time.perf_counter() - still_since >= 0.3:
            return still_since - started
    return None


# ----- synthetic collections


def collection(cards: int, reviews: int = 0, decks: int = 8, facts: bool = False) -> Any:
    """A `make_collection` collection, written once into the work dir and reused after that;
    with `facts`, its cards are drawn from facts (deck format v2)."""
    from make_collection import Collection, plan_decks, write_collection

    kind = "-facts" if facts else ""
    folder = work_dir() / f"collection-{cards}-{reviews}-{decks}{kind}"
    stamp = folder / "complete"
    if not stamp.is_file():
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        made = write_collection(folder, cards, decks=decks, reviews=reviews, facts=facts)
        stamp.write_text("ok\n")
        return made
    titles = [plan.title for plan in plan_decks(cards, decks)]
    return Collection(folder, folder / "decks", folder / "reviews.jsonl", cards, titles)


BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("bare textual app ready")
Bare().run()
"""


def compile_sources() -> None:
    """Write quizapp's bytecode, as pip does for Textual's at install time.

    Start-up is compared with a bare Textual app whose modules are precompiled; an editable
    install of quizapp under PYTHONDONTWRITEBYTECODE=1 would otherwise be compiled from source
    at every start and the ratio would measure the compiler.
    """
    import compileall

    compileall.compile_dir(ROOT / "src", quiet=1)


def bare_textual_once() -> ScreenTimes:
    """One spawn of a one-widget Textual app, timed to its first screen."""
    result = time_to_screen(
        [sys.executable, "-c", BARE_APP], lambda text: "bare textual app ready" in text
    )
    if result.ready is None:
        raise RuntimeError("the bare Textual app did not paint")
    return result


def bare_textual_start(reps: int) -> tuple[float, float]:
    """Median seconds from spawn to a one-widget Textual app's first screen, and its peak MB."""
    runs = [bare_textual_once() for _ in range(reps)]
    return median([r.ready or 0.0 for r in runs]), median([r.peak_mb for r in runs])
