"""`quizapp stats`: how much is due, new and learned, overall and per deck."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EPILOG = """examples:
  quizapp stats                      a table per deck
  quizapp stats --json | jq .due_now machine-readable totals and per-deck numbers"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="show progress: due, new and learned cards per deck",
        description="Show the student's progress: reviews so far, units due now, new units "
        "available today and a per-deck breakdown (with exam dates and cards at risk).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.commands.progress_common import load_deck_set, now_utc, open_store, start_session
    from quizapp.study.summary import progress_summary

    deck_set = load_deck_set(args)
    now = now_utc()
    with open_store(args, read_only=True) as store:
        session = start_session(args, store, deck_set, now)
        summary = progress_summary(session, deck_set.decks, now)
    if args.json:
        sys.stdout.write(json.dumps(summary, indent=1) + "\n")
    else:
        print_table(summary)
    return 0


def print_table(summary: dict[str, Any]) -> None:
    from rich.table import Table

    from quizapp.model.progress import COUNTED_AS
    from quizapp.safety.terminal import literal, plain_console

    table = Table(title=f"Progress in cards ({COUNTED_AS})", title_justify="left")
    for name in ("deck", "cards", "due now", "new", "learning", "learned", "suspended", "exam"):
        table.add_column(name, justify="left" if name in ("deck", "exam") else "right")
    for deck in summary["decks"]:
        exam = f"{deck['exam_date']} ({deck['exam_at_risk']} at risk)" if deck["exam_date"] else ""
        table.add_row(
            literal(deck["title"]),
            str(deck["units"]),
            str(deck["due_now"]),
            str(deck["new"]),
            str(deck["learning"]),
            str(deck["learned"]),
            str(deck["suspended"]),
            exam,
        )
    table.add_section()
    table.add_row(
        "all decks",
        str(summary["units_total"]),
        str(summary["due_now"]),
        str(summary["new_total"]),
        str(summary["learning"]),
        str(sum(d["learned"] for d in summary["decks"])),
        str(summary["suspended"]),
        "",
    )
    console = plain_console()
    console.print(table)
    console.print(
        f"{summary['reviews_total']} reviews so far, {summary['reviews_today']} today; "
        f"{summary['new_available']} new cards available today; {summary['leeches']} leeches."
    )
