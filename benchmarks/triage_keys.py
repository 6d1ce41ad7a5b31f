"""Triage: from a key press to the next proposal drawn, on 1,000 proposals (target < 50 ms).

`quizapp triage` runs in a real terminal (a pseudo-terminal, as in `harness.time_to_screen`);
each sample is the time from writing a decision key (accept, or reject for a relation) to the
moment the next proposal's id, progress and sentence have all been painted. Each decision is
written to the deck file (atomically, flushed to disk) right after that draw and before the next
key is handled; the time from the key to the decision being in the file is reported too. The
baseline is the same measure on a file of 20 proposals in the same run: the ratio shows what
the file's size costs.

    python benchmarks/triage_keys.py [--samples 40]
    python benchmarks/triage_keys.py --write drafts.yaml --count 1000   just write a file
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import harness

TARGET_MS = 50.0
PROPOSALS = 1000
BASELINE_PROPOSALS = 20


def proposal_id(index: int) -> str:
    return f"prop-{index:05d}"


def sentence(index: int) -> str:
    return f"Sentence {index} says that Group {index} was founded in {1950 + index % 70}."


def write_proposals(path: Path, count: int) -> None:
    """A deck file of `count` generated facts in the generator's shape: groups, events naming
    them and relations, most confident first, with comments (kept by every write-back); and
    its document in `sources/`, so `quizapp validate --sources` passes on it."""
    sources = path.parent / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    (sources / "drafts.txt").write_text(
        "\n".join(sentence(index) for index in range(count)) + "\n", encoding="utf-8"
    )
    (sources / "drafts.meta.yaml").write_text('date: "2020-01"\n', encoding="utf-8")
    lines = [
        "# Generated drafts for the triage benchmark (benchmarks/triage_keys.py)",
        f"title: {count} generated proposals",
        "facts:",
    ]
    for index in range(count):
        fact_id = proposal_id(index)
        confidence = round(1.0 - index / (count * 2), 4)
        quote = sentence(index)
        lines.append(f"  - id: {fact_id}")
        kind = index % 3
        if kind == 0 or index < 3:
            lines += [
                "    type: group",
                f"    name: Group {index}",
                f"    acronym: G{index}",
                f'    date: "{1950 + index % 70}"',
            ]
        elif kind == 1:
            lines += [
                "    type: event",
                f"    what: attack number {index}   # as the sentence words it",
                f"    date: {1950 + index % 70}-{1 + index % 12:02d}-{1 + index % 28:02d}",
                f"    actors: [{proposal_id(index - 1)}]",
                "    figures: {killed: at least " + str(index % 50 + 1) + "}",
            ]
        else:
            lines += [
                "    type: relation",
                "    relation: split",
                f"    from: [{proposal_id(index - 2)}]",
                f"    to: {proposal_id(index - 3 - (index - 3) % 3)}",
                f'    date: "{1950 + index % 70}"',
            ]
        lines += [
            "    status: generated",
            f"    confidence: {confidence}",
            "    sources:",
            f'      - {{doc: drafts.txt, quote: "{quote}"}}',
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


class Terminal:
    """`quizapp triage FILE` on a pseudo-terminal: write keys, time what is painted after."""

    def __init__(self, path: Path, size: tuple[int, int] = (24, 80)) -> None:
        import fcntl
        import pty
        import struct
        import termios

        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(size[1]),
               "LINES": str(size[0])}  # fmt: skip
        self.process = subprocess.Popen(
            [sys.executable, "-m", "quizapp", "triage", str(path)],
            stdin=slave, stdout=slave, stderr=slave, env=env, cwd=harness.ROOT,
            preexec_fn=harness._own_session_dying_with_parent, close_fds=True,
        )  # fmt: skip
        os.close(slave)
        self.master = master

    def wait_for(self, texts: Sequence[str], started: float, timeout: float = 60) -> float:
        """Seconds from `started` until every text has been painted since then."""
        raw = bytearray()
        while time.perf_counter() - started < timeout:
            if not select.select([self.master], [], [], 0.05)[0]:
                if self.process.poll() is not None:
                    break
                continue
            raw += os.read(self.master, 65536)
            text = harness._ESCAPES.sub(b"", bytes(raw)).decode("utf-8", errors="replace")
            if all(t in text for t in texts):
                return time.perf_counter() - started
        raise RuntimeError(f"never painted {texts!r}")

    def press(self, key: str, texts: Sequence[str]) -> float:
        started = time.perf_counter()
        os.write(self.master, key.encode())
        return self.wait_for(texts, started)

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def key_to_next(count: int, samples: int, folder: Path) -> Timings:
    """Key-to-next-proposal and key-to-disk times on a file of `count` proposals."""
    path = folder / f"drafts-{count}.yaml"
    write_proposals(path, count)
    terminal = Terminal(path)
    timings = Timings([], [], 0.0, 0)
    try:
        timings.start = terminal.wait_for(
            [f"0 / {count} triaged", proposal_id(0)], time.perf_counter()
        )
        for index in range(min(samples, count - 1)):
            # Relations are rejected (nothing names them), the rest accepted.
            key = "r" if index % 3 == 2 and index >= 3 else "a"
            painted = [
                f"{index + 1} / {count} triaged",
                proposal_id(index + 1),
                sentence(index + 1),
            ]
            started = time.perf_counter()
            timings.drawn.append(terminal.press(key, painted))
            timings.on_disk.append(wait_on_disk(path, index + 1, started))
            time.sleep(0.05)  # a person's pace: the next key is not already queued
    finally:
        terminal.close()
    timings.written = decided(path)
    return timings


@dataclass
class Timings:
    drawn: list[float]  # key press to the next proposal painted
    on_disk: list[float]  # key press to the decision in the file
    start: float  # spawn to the first proposal painted
    written: int  # decisions found in the file at the end


def decided(path: Path) -> int:
    """How many proposals the file says are decided."""
    text = path.read_text(encoding="utf-8")
    return text.count("status: reviewed") + text.count("status: rejected")


def wait_on_disk(path: Path, count: int, started: float, timeout: float = 10) -> float:
    """Seconds from `started` until the file holds `count` decisions (read only when its
    modification time changes, so the polling does not compete with the app for the CPU)."""
    seen: int | None = None
    while time.perf_counter() - started < timeout:
        stamp = path.stat().st_mtime_ns
        if stamp != seen:
            seen = stamp
            if decided(path) >= count:
                return time.perf_counter() - started
        time.sleep(0.002)
    raise RuntimeError(f"decision {count} never reached {path.name}")


def run(samples: int | None = None) -> list[harness.Row]:
    harness.compile_sources()
    samples = samples or (15 if harness.quick() else 40)
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-triage-") as tmp:
        folder = Path(tmp)
        base = key_to_next(BASELINE_PROPOSALS, min(samples, 19), folder)
        big = key_to_next(PROPOSALS, samples, folder)
    ms = 1000
    name = "triage_keys"
    return [
        harness.limit_row(
            name,
            f"key to next proposal drawn, median of {len(big.drawn)} ({PROPOSALS} proposals)",
            statistics.median(big.drawn) * ms,
            TARGET_MS,
            "ms",
            baseline=statistics.median(base.drawn) * ms,
            note=f"baseline: {BASELINE_PROPOSALS} proposals; each decision is written right "
            f"after the draw ({big.written} on disk)",
        ),
        harness.info_row(
            name,
            "key to next proposal drawn, 90th percentile",
            statistics.quantiles(big.drawn, n=10)[-1] * ms,
            "ms",
        ),
        harness.ratio_row(
            name,
            f"key to decision on disk (fsync'd), median ({PROPOSALS} proposals)",
            statistics.median(big.on_disk) * ms,
            statistics.median(base.on_disk) * ms,
            None,
            "ms",
            f"baseline: {BASELINE_PROPOSALS} proposals",
        ),
        harness.info_row(name, f"start to first proposal ({PROPOSALS})", big.start, "s"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=None)
    parser.add_argument("--write", type=Path, metavar="FILE", help="only write a file")
    parser.add_argument("--count", type=int, default=PROPOSALS)
    args = parser.parse_args(argv)
    if args.write:
        write_proposals(args.write, args.count)
        return 0
    harness.print_rows(run(args.samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
