"""`quizapp import FILE -o DECK.yaml`: bring Anki or Quizlet material into a deck."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from quizapp.errors import QuizappError
from quizapp.model.cards import Category
from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp import anki-export.apkg -o decks/imported.yaml
  quizapp import quizlet.tsv -o decks/terms.yaml --category name --title "Key terms"
  quizapp import notes.csv -o decks/notes.yaml --sources-dir decks/sources

Reads Anki packages (.apkg, 'Support older Anki versions' export), Anki text exports and
Quizlet exports (front/term, back/definition per row; .csv, .tsv, .txt). HTML is reduced to
text; images and sounds are dropped and reported. Imported cards get `status: generated` and
cite the imported file; with --sources-dir a text copy is written there so that
`quizapp validate --sources` finds every quote. An existing output file is replaced only
with --force."""

CATEGORIES = tuple(category.value for category in Category)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import Anki (.apkg) or Anki/Quizlet CSV/TSV into a deck",
        description="Convert another tool's export into a new deck file, reporting every "
        "note it could not map.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", type=Path, metavar="FILE", help=".apkg, .csv, .tsv or .txt")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DECK.yaml")
    parser.add_argument("--title", help="deck title (default: from the file name)")
    parser.add_argument(
        "--category",
        choices=CATEGORIES,
        help="category of every card (default: the package's own if it has one, else concept)",
    )
    parser.add_argument(
        "--sources-dir", type=Path, metavar="DIR", help="write a text copy here for quote checks"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace DECK.yaml (and the source copy) if it exists"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.authoring.newcard import folder_ids
    from quizapp.commands.bar import progress_bar
    from quizapp.interop.deck_writer import write_deck
    from quizapp.interop.importers import read_any

    if args.output.suffix not in (".yaml", ".yml"):
        raise QuizappError("-o must name a .yaml deck file")
    with progress_bar(f"Reading {args.file.name}", 1) as advance:
        result = read_any(args.file)
        advance()
    for entry in result.skipped:
        echo(f"not imported: {entry.origin}: {entry.reason}", file=sys.stderr)
    for entry in result.lost:
        echo(f"imported with loss: {entry.origin}: {entry.reason}", file=sys.stderr)
    doc = f"{args.file.stem}.txt" if args.sources_dir else args.file.name
    decks_dir = args.decks if args.decks.is_dir() else None
    ids = write_deck(
        result.notes,
        args.output,
        title=args.title
        or args.file.stem.replace("_", " ").replace("-", " ").strip()
        or "Imported",
        category=args.category,
        doc=doc,
        taken=folder_ids(args.output, decks_dir),
        sources_dir=args.sources_dir,
        force=args.force,
    )
    echo(
        f"imported {len(ids)} cards into {args.output} ({len(result.skipped)} not mapped)",
        file=sys.stderr,
    )
    if args.sources_dir is None:
        echo(
            f"note: cards cite '{doc}', which is not under sources/, so `quizapp validate "
            "--sources` will flag them; re-run with --sources-dir DECKS/sources to fix that",
            file=sys.stderr,
        )
    return 0
