"""`quizapp progress`: export the review history, set exam dates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp progress export > history.json          the whole history as JSON
  quizapp progress export --format csv -o h.csv   as CSV, for a spreadsheet or an instructor
  quizapp progress exam aqim 2026-06-15           exam for deck `aqim` on that date
  quizapp progress exam aqim --clear              no exam any more"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "progress",
        help="export your review history; set exam dates",
        description="Work with the progress database: export the review history (every "
        "answer, with the state it left) or set a deck's exam date.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write the review history as JSON or CSV",
        description="Write every logged review (undone ones marked) as JSON or CSV; with "
        "--anonymous, a compact per-card summary to hand in to an instructor.",
        epilog="examples:\n"
        "  quizapp progress export -o history.csv\n"
        "  quizapp progress export --anonymous -o summary.json   (for `quizapp report`)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("--format", choices=("json", "csv"), default=None, help="default: json")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.add_argument(
        "--anonymous",
        action="store_true",
        help="write the anonymous per-card summary an instructor's `quizapp report` reads",
    )
    export.set_defaults(run=run_export)
    exam = actions.add_parser(
        "exam",
        help="set or clear a deck's exam date",
        description="Until the exam date, every card of the deck is brought up at least once.",
    )
    exam.add_argument("deck", help="deck id (as `quizapp stats --json` shows it)")
    exam.add_argument("date", nargs="?", help="exam date, YYYY-MM-DD")
    exam.add_argument("--clear", action="store_true", help="remove the exam date")
    exam.set_defaults(run=run_exam)


def run_export(args: argparse.Namespace) -> int:
    if args.anonymous:
        from quizapp.commands.anonymous_export import run_anonymous_export

        return run_anonymous_export(args)
    from quizapp.commands.progress_common import open_store
    from quizapp.safety.files import atomic_text, refuse_existing
    from quizapp.store.export import export_history

    fmt = args.format or ("csv" if args.output and args.output.suffix == ".csv" else "json")
    if args.output is not None:
        refuse_existing(args.output, args.force)
    with open_store(args, read_only=True) as store:
        if args.output is None:
            count = export_history(store, sys.stdout, fmt)
        else:
            with atomic_text(args.output, force=args.force) as handle:
                count = export_history(store, handle, fmt)
    echo(f"exported {count} reviews as {fmt}", file=sys.stderr)
    return 0


def run_exam(args: argparse.Namespace) -> int:
    from datetime import date

    from quizapp.commands.progress_common import load_deck_set, now_utc, open_store, start_session
    from quizapp.errors import QuizappError

    if args.clear == (args.date is not None):
        raise QuizappError("give either an exam date (YYYY-MM-DD) or --clear")
    deck_set = load_deck_set(args)
    if args.deck not in {d.id for d in deck_set.decks}:
        known = ", ".join(d.id for d in deck_set.decks) or "none"
        raise QuizappError(f"no deck '{args.deck}' under {args.decks} (decks: {known})")
    exam: date | None = None
    if args.date is not None:
        try:
            exam = date.fromisoformat(args.date)
        except ValueError as error:
            raise QuizappError(f"'{args.date}' is not a date like 2026-06-15") from error
    now = now_utc()
    if exam is not None and exam <= now.date():
        raise QuizappError(f"the exam date {exam} is not in the future")
    with open_store(args) as store:
        session = start_session(args, store, deck_set, now)
        session.set_exam(args.deck, exam, now)
        status = session.exam_status(args.deck, now)
    if status is None:
        echo(f"no exam date for {args.deck} any more")
    else:
        echo(
            f"exam for {args.deck} on {status.exam_date}: {status.days_left} days left, "
            f"{status.at_risk} cards to bring up before then"
        )
    return 0
