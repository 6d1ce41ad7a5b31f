"""`quizapp generate DOC... -o DECK.yaml`: propose cards from documents, by rules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.safety.terminal import echo

if TYPE_CHECKING:
    from rich.console import Console

DESCRIPTION = """\
Read plain-text or Markdown documents and propose cards for their dates (relative dates
resolved), people (roles, aliases), organisations (acronyms), places, mergers and splits,
and designations. Every card quotes its sentence and carries `status: generated` until an
instructor marks it reviewed. Writing into an existing deck adds new proposals, refreshes
generated ones and never touches reviewed cards; the changes are listed.

Cards cite each document by its file name: keep the documents in the deck folder's sources/
so `quizapp validate --sources` can check the quotes."""

EPILOG = """\
examples:
  quizapp generate decks/sources/report.txt -o decks/report.yaml
  quizapp generate a.md b.md -o drafts.yaml --title "Drafts from two reports"
  quizapp generate notes.txt -o drafts.yaml --dry-run     show what would change
"""

LONG_INPUT = 200_000


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "generate",
        help="propose cards from text or Markdown documents",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("documents", nargs="+", type=Path, metavar="DOC", help="text or Markdown")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DECK.yaml", help="deck file to write"
    )
    parser.add_argument("--title", help="deck title when the file is new")
    parser.add_argument(
        "--dry-run", action="store_true", help="print what would change, write nothing"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.errors import QuizappError
    from quizapp.generate import propose, read_document
    from quizapp.generate.deckfile import merge, read_existing, write_deck

    output: Path = args.output
    if output.suffix not in (".yaml", ".yml"):
        raise QuizappError(f"{output}: the deck file must end in .yaml")
    documents: list[Path] = args.documents
    if output.resolve() in {path.resolve() for path in documents}:
        raise QuizappError(f"{output} is also an input document; choose another -o")
    existing = read_existing(output)
    cards = []
    total = sum(path.stat().st_size for path in documents if path.is_file())
    show_progress = sys.stderr.isatty() and (len(documents) > 1 or total > LONG_INPUT)
    if show_progress:
        from rich.progress import BarColumn, Progress, TextColumn

        from quizapp.safety.terminal import one_line

        columns = (TextColumn("{task.description}", markup=False), BarColumn())
        with Progress(*columns, transient=True, console=_stderr_console()) as progress:
            task = progress.add_task("Reading documents", total=len(documents))
            for path in documents:
                progress.update(task, description=one_line(f"Reading {path.name}"))
                cards.extend(propose(read_document(path)))
                progress.advance(task)
    else:
        for path in documents:
            cards.extend(propose(read_document(path)))
    title = args.title or "Generated from " + ", ".join(path.name for path in documents)
    deck, report = merge(existing, cards, title)
    for line in report.lines():
        echo(line)
    if args.dry_run:
        echo(f"(dry run: {output} not written)")
        return 0
    write_deck(output, deck)
    echo(f"wrote {output} ({len(deck['cards'])} cards)")
    sources = output.resolve().parent / "sources"
    for path in documents:
        if not (sources / path.name).is_file():
            echo(
                f"note: cards cite {path.name}; copy it into {sources} so "
                "`quizapp validate --sources` can check their quotes",
                file=sys.stderr,
            )
    return 0


def _stderr_console() -> Console:
    from quizapp.safety.terminal import plain_console

    return plain_console(stderr=True)
