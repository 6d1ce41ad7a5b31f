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

    headers = ("deck", "cards", "due now", "new", "learning", "learned", "suspended", "exam")
    rows: list[tuple[str, ...]] = []
    for deck in summary["decks"]:
        exam = f"{deck['exam_date']} ({deck['exam_at_risk']} at risk)" if deck["exam_date"] else ""
        rows.append(
            (
                deck["title"],
                *(str(deck[key]) for key in ("units", "due_now", "new", "learning", "learned")),
                str(deck["suspended"]),
                exam,
            )
        )
    learned = sum(d["learned"] for d in summary["decks"])
    total = ("all decks", summary["units_total"], summary["due_now"], summary["new_total"])
    total_row = (*map(str, total), str(summary["learning"]), str(learned))
    total_row += (str(summary["suspended"]), "")
    console = plain_console()
    # one line per deck: the numbers keep their room and a long title is cut with "…"
    # (each column costs its widest cell, two of padding and one of border)
    others = sum(max(len(row[i]) for row in (headers, *rows, total_row)) + 3 for i in range(1, 8))
    deck_room = max(12, console.width - others - 4)
    table = Table(title=f"Progress in cards ({COUNTED_AS})", title_justify="left")
    for name in headers:
        if name == "deck":
            table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=deck_room)
        else:
            table.add_column(name, justify="left" if name == "exam" else "right", no_wrap=True)
    for row in rows:
        table.add_row(literal(row[0]), *row[1:])
    table.add_section()
    table.add_row(*total_row)
    console.print(table)
    console.print(
        f"{summary['reviews_total']} reviews so far, {summary['reviews_today']} today; "
        f"{summary['new_available']} new cards available today; {summary['leeches']} leeches."
    )
