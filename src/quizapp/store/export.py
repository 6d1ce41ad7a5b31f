"""Exporting a student's review history (JSON or CSV) for backup or for an instructor."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, TextIO

from quizapp.model.progress import Phase, Rating
from quizapp.safety.cells import csv_cell
from quizapp.store.db import ProgressStore, decode_state

COLUMNS = (
    "review_id",
    "time",
    "unit",
    "deck",
    "rating",
    "answer_ms",
    "phase_before",
    "phase_after",
    "stability_after",
    "difficulty_after",
    "due_after",
    "undone",
)


def _iso(ts: float | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC).isoformat()


def review_records(store: ProgressStore) -> Iterator[dict[str, Any]]:
    """Every logged review, oldest first, with undone ones marked rather than dropped."""
    undone = {
        int(r[0]) for r in store.db.execute("SELECT review_id FROM events WHERE kind = 'undo'")
    }
    rows = store.db.execute(
        "SELECT id, time, uid, deck_id, rating, answer_ms, phase_before, state_after "
        "FROM reviews ORDER BY id"
    )
    for rid, time, uid, deck, rating, answer_ms, phase_before, blob in rows:
        after = decode_state(blob)
        yield {
            "review_id": rid,
            "time": _iso(time),
            "unit": uid,
            "deck": deck,
            "rating": Rating(rating).name.lower(),
            "answer_ms": answer_ms,
            "phase_before": Phase(phase_before).name.lower(),
            "phase_after": Phase(after.phase).name.lower(),
            "stability_after": after.stability,
            "difficulty_after": after.difficulty,
            "due_after": _iso(after.due),
            "undone": rid in undone,
        }


def export_history(store: ProgressStore, out: TextIO, fmt: str) -> int:
    """Write the history as `json` (one document) or `csv`; return the number of reviews."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for record in review_records(store):
            writer.writerow({key: csv_cell(value) for key, value in record.items()})
            count += 1
        return count
    records = list(review_records(store))
    events = [
        {"time": _iso(t), "kind": k, "unit": u, "detail": d}
        for t, k, u, d in store.db.execute(
            "SELECT time, kind, uid, detail FROM events WHERE kind != 'undo' ORDER BY id"
        )
    ]
    json.dump({"format": "quizapp-history-1", "reviews": records, "events": events}, out, indent=1)
    out.write("\n")
    return len(records)
