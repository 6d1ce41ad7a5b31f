"""`quizapp lineage [--decks DIR] [GROUP] [--plain | --json]`: how the groups descend."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizapp.safety.terminal import echo

if TYPE_CHECKING:
    from quizapp.decks import DeckSet
    from quizapp.facts.lineage import Lineage

EPILOG = """examples:
  quizapp lineage                  the shipped course's groups drawn as a tree
  quizapp lineage --plain          one relation a line, in date order
  quizapp lineage aqim --plain     only AQIM's ancestors and descendants
  quizapp lineage --json           nodes and edges for other tools

GROUP matches a group's fact id, name, acronym or alias, ignoring case.
Deck problems are printed to stderr (exit status 1); the facts that loaded are used anyway."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "lineage",
        help="draw how the decks' groups split, merge and rename, in date order",
        description="The groups of the decks and the relations between them (split, rename, "
        "merger, allegiance, affiliation), in date order, with their sources.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("group", nargs="?", default=None, metavar="GROUP")
    add_decks_option(parser)
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--plain", action="store_true", help="one relation a line")
    output.add_argument("--json", action="store_true", help="print nodes and edges as JSON")
    parser.set_defaults(run=run)


def add_decks_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--decks",
        dest="view_decks",
        type=Path,
        default=None,
        metavar="DIR",
        help="deck folder (default: the global --decks)",
    )


def load(args: argparse.Namespace) -> DeckSet:
    """The decks of `--decks` (or the global folder), problems printed to stderr."""
    from quizapp.commands.deck_args import load_given_decks

    args.paths = [args.view_decks if args.view_decks is not None else args.decks]
    deck_set = load_given_decks(args)
    for problem in deck_set.problems:
        echo(problem.format(), file=sys.stderr)
    return deck_set


def run(args: argparse.Namespace) -> int:
    from quizapp.facts.lineage import around, build_lineage, find_groups

    deck_set = load(args)
    lineage = build_lineage(fact for deck in deck_set.decks for fact in deck.facts)
    if args.group is not None:
        found = find_groups(lineage, args.group)
        if not found:
            names = ", ".join(node.label for node in lineage.nodes[:12])
            echo(
                f"quizapp lineage: no group is called {safe(args.group)!r}"
                + (f" (groups: {safe(names)})" if names else " (the decks have no groups)"),
                file=sys.stderr,
            )
            return 1
        lineage = around(lineage, [node.id for node in found])
    if not lineage.nodes and not args.json:
        echo(
            "quizapp lineage: the decks have no groups (`type: group` facts, deck format v2)",
            file=sys.stderr,
        )
    if args.json:
        sys.stdout.write(json.dumps(to_json(lineage), indent=1, ensure_ascii=False) + "\n")
    elif args.plain:
        for line in plain_lines(lineage):
            echo(safe(line))
    else:
        from quizapp.facts.drawing import draw

        for row in draw(lineage):
            echo(safe(row.plain()))
    return 1 if deck_set.problems else 0


def safe(text: str) -> str:
    """Deck text with its control characters, tabs and newlines made visible: no escape code
    reaches the terminal, and one relation stays one line."""
    from quizapp.safety.terminal import one_line

    return one_line(text)


def plain_lines(lineage: Lineage) -> list[str]:
    """`1998  GIA → GSPC  split  (aqim-backgrounder-2014.txt)`, one relation a line."""
    from quizapp.facts.lineage import claims_text, edge_text

    labels = {node.id: node.label for node in lineage.nodes}
    lines = []
    for edge in lineage.edges:
        date = edge.date or "undated"
        if edge.disputed_dates:
            date = claims_text(edge.disputed_dates)
        lines.append(f"{date}  {edge_text(edge, labels)}  ({', '.join(edge.docs)})")
    return lines


def to_json(lineage: Lineage) -> dict[str, Any]:
    """`nodes` (id, name, acronym, aliases, began, ended, years) and `edges` in date order."""
    return {
        "nodes": [
            {
                "id": node.id,
                "name": node.name,
                "acronym": node.acronym,
                "aliases": list(node.aliases),
                "began": node.began,
                "ended": node.ended,
                "years": node.years(),
            }
            for node in lineage.nodes
        ],
        "edges": [
            {
                "id": edge.id,
                "relation": edge.kind.value,
                "from": list(edge.sources),
                "to": edge.target,
                "date": edge.date,
                "label": edge.label(),
                "sources": list(edge.docs),
                "disputed_dates": [
                    {"value": claim.value, "docs": list(claim.docs)}
                    for claim in edge.disputed_dates
                ],
            }
            for edge in lineage.edges
        ],
    }
