"""`quizapp progress export --anonymous -o FILE`: the per-card summary a student hands in.

Not a command of its own: `quizapp.commands.progress` calls `run_anonymous_export(args)` when
`--anonymous` is given (args: decks, data_dir, output, and optionally force).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizapp.errors import QuizappError
from quizapp.safety.terminal import echo


def run_anonymous_export(args: argparse.Namespace) -> int:
    """Sync the store with the decks, then write the summary; an existing file only with --force."""
    from quizapp.commands.progress_common import load_deck_set, now_utc, open_store, start_session
    from quizapp.reports.anonymous import build_summary, student_id, write_summary
    from quizapp.reports.from_store import unit_progress
    from quizapp.safety.files import refuse_existing

    output: Path | None = args.output
    if output is None:
        raise QuizappError("--anonymous needs -o FILE.json (the file you hand in)")
    force = bool(getattr(args, "force", False))
    refuse_existing(output, force)
    deck_set = load_deck_set(args)
    now = now_utc()
    with open_store(args, read_only=True) as store:
        start_session(args, store, deck_set, now)  # brings the unit list up to date
        rows = unit_progress(store, now)
    body = build_summary(rows, student_id(args.data_dir), now)
    write_summary(body, output, force=force)
    reviewed = sum(1 for unit in body.units if unit.reviews)
    echo(
        f"wrote {output}: {len(body.units)} units ({reviewed} reviewed), anonymous id "
        f"{body.student}; nothing else about you is in it",
        file=sys.stderr,
    )
    return 0
