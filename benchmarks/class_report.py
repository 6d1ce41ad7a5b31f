"""Class report on 500 student files x 1,000 units: must read, verify and aggregate in < 5 s.

Baseline, measured in the same run: plain `json.loads` of the same files (no checks, no
aggregation), so the ratio says what strict decoding, digests and aggregation cost on top.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
import time
import uuid
from pathlib import Path

from quizapp.reports.aggregate import aggregate, read_summaries
from quizapp.reports.anonymous import UnitProgress, build_summary
from quizapp.reports.summary import encode_summary

STUDENTS = 500
UNITS = 1000
TARGET_SECONDS = 5.0
CATEGORIES = ("date", "name", "person", "group", "place", "concept")


def make_files(folder: Path, rng: random.Random) -> list[Path]:
    now = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    paths = []
    for s in range(STUDENTS):
        units = [
            UnitProgress(
                uid=f"card-{u:04d}",
                deck_id=f"deck-{u // 100}",
                category=CATEGORIES[u % len(CATEGORIES)],
                reviews=(reviews := rng.randint(0, 12)),
                lapses=rng.randint(0, reviews // 3) if reviews else 0,
                last_rating=rng.choice((1, 2, 3, 3, 3, 4)) if reviews else None,
                stability=rng.uniform(0.5, 90) if reviews else None,
                retrievability=rng.uniform(0.4, 1.0) if reviews else None,
            )
            for u in range(UNITS)
        ]
        student = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        path = folder / f"student-{s:03d}.json"
        path.write_bytes(encode_summary(build_summary(units, student, now)))
        paths.append(path)
    return paths


def run() -> list[dict[str, object]]:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_files(Path(tmp), rng)
        start = time.perf_counter()
        for path in paths:
            json.loads(path.read_bytes())
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        bodies, rejected = read_summaries(paths)
        report = aggregate(bodies)
        elapsed = time.perf_counter() - start
    assert not rejected and report.students == STUDENTS
    return [
        {
            "benchmark": "class_report",
            "measure": f"seconds to read+verify+aggregate {STUDENTS} files x {UNITS} units",
            "value": round(elapsed, 3),
            "baseline": round(baseline, 3),
            "ratio": round(elapsed / baseline, 2),
            "target": f"< {TARGET_SECONDS} s",
            "ok": elapsed < TARGET_SECONDS,
        }
    ]


if __name__ == "__main__":
    for row in run():
        print(
            f"{row['benchmark']}: {row['value']} s vs json.loads baseline {row['baseline']} s "
            f"(ratio {row['ratio']}), target {row['target']}: {'ok' if row['ok'] else 'FAIL'}"
        )
