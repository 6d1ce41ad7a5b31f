"""`quizapp facts [--decks DIR] [--json]`: list every fact of the decks (deck format v2)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from quizapp.commands.deck_args import add_deck_paths
from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp facts                          a table of the shipped decks' facts
  quizapp facts --decks ~/course/decks   another deck folder
  quizapp facts --json | jq '.[] | select(.disputed != [])'   facts the sources disagree on

Deck problems are printed to stderr (exit status 1); the facts that loaded are listed anyway."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "facts",
        help="list the decks' facts, their sources and the cards drawn from them",
        description="List every fact of the decks: id, type, date, as-of date, disputes, "
        "caveat, sources and the ids of the cards drawn from it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_deck_paths(parser)
    parser.add_argument(
        "--decks",
        dest="facts_decks",
        type=Path,
        default=None,
        metavar="DIR",
        help="deck folder (default: the global --decks)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array of facts")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.commands.deck_args import load_given_decks
    from quizapp.facts.listing import fact_records

    if args.facts_decks is not None:
        args.paths = [*args.paths, args.facts_decks]
    deck_set = load_given_decks(args)
    for problem in deck_set.problems:
        echo(problem.format(), file=sys.stderr)
    records = fact_records(deck_set.decks)
    if args.json:
        sys.stdout.write(json.dumps(records, indent=1, ensure_ascii=False) + "\n")
    else:
        print_table(records)
    return 1 if deck_set.problems else 0


def print_table(records: list[dict[str, Any]]) -> None:
    """A readable table; every deck value is shown as literal text, never as markup."""
    from rich.table import Table

    from quizapp.safety.terminal import literal, plain_console

    table = Table(title=f"{len(records)} facts", title_justify="left")
    for name in ("id", "type", "fact", "date", "as of", "sources", "cards"):
        table.add_column(name, overflow="fold")
    for record in records:
        flags = " (time-sensitive)" if record["time_sensitive"] else ""
        disputed = sorted({d["field"] for d in record["disputed"]})
        name = record["summary"] + (f"\ndisputed: {', '.join(disputed)}" if disputed else "")
        table.add_row(
            literal(record["id"]),
            record["type"],
            literal(name),
            literal(record["date"] or ""),
            literal((record["as_of"] or "") + flags),
            literal(", ".join(sorted({s["doc"] for s in record["sources"]}))),
            str(len(record["cards"])),
        )
    plain_console().print(table)
