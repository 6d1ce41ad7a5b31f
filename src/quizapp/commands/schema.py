"""`quizapp schema`: print the JSON Schema of the deck format, for editors and tools."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the deck format's JSON Schema",
        description="Print the JSON Schema of deck format v2 (generated from quizapp's model). "
        "Point your editor's YAML language server at it for completion and checks.",
        epilog="examples:\n  quizapp schema > deck.schema.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.decks.schema import deck_schema_json

    sys.stdout.write(deck_schema_json())
    return 0
