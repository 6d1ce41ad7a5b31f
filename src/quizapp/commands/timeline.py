"""`quizapp timeline [--decks DIR] [--from YEAR] [--to YEAR] [--plain | --json]`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp timeline --plain                    every dated fact, earliest first
  quizapp timeline --from 2007 --to 2013      only those years (inclusive)
  quizapp timeline --json | jq length         how many dated facts

Each line is the date at the precision its source gives, what happened, and the sources;
a date the sources dispute shows every document's value.
Deck problems are printed to stderr (exit status 1); the facts that loaded are used anyway."""


def register(subparsers: Any) -> None:
    from quizapp.commands.lineage import add_decks_option

    parser = subparsers.add_parser(
        "timeline",
        help="list the decks' dated facts (events, relations, designations) in date order",
        description="Every dated fact of the decks, ascending, with its date at its precision "
        "and its sources.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_decks_option(parser)
    parser.add_argument("--from", dest="start", type=int, default=None, metavar="YEAR")
    parser.add_argument("--to", dest="end", type=int, default=None, metavar="YEAR")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--plain", action="store_true", help="one fact a line (the default)")
    output.add_argument("--json", action="store_true", help="print a JSON array of entries")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import msgspec

    from quizapp.commands.lineage import load, safe
    from quizapp.facts.timeline import Decked, build_timeline, filter_timeline, plain_line

    deck_set = load(args)
    entries = build_timeline(
        Decked(fact, deck.id) for deck in deck_set.decks for fact in deck.facts
    )
    entries = filter_timeline(entries, start_year=args.start, end_year=args.end)
    if args.json:
        records = msgspec.to_builtins(entries)
        sys.stdout.write(json.dumps(records, indent=1, ensure_ascii=False) + "\n")
    else:
        for entry in entries:
            echo(safe(plain_line(entry)))
    return 1 if deck_set.problems else 0
