"""`quizapp generate DOC... -o DECK.yaml`: propose typed facts from documents, by rules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.safety.terminal import echo

if TYPE_CHECKING:
    from rich.console import Console

DESCRIPTION = """\
Read plain-text or Markdown documents and propose typed facts: events with their dates
(relative dates resolved), groups, people and places with acronyms, aliases and roles,
renamings, splits and other relations, and designations. Every fact quotes its one sentence,
carries `status: generated` and a `confidence` (0-1); cards are drawn from the facts by the
deck format's templates. Writing into an existing deck adds new proposals, refreshes generated
ones, never touches reviewed facts and never proposes a rejected one again; the changes are
listed.

Facts cite each document by its file name: keep the documents in the deck folder's sources/
so `quizapp validate --sources` can check the quotes."""

EPILOG = """\
examples:
  quizapp generate decks/sources/report.txt -o decks/report.yaml
  quizapp generate a.md b.md -o drafts.yaml --title "Drafts from two reports"
  quizapp generate notes.txt -o drafts.yaml --min-confidence 0.7   only the surer proposals
  quizapp generate notes.txt -o drafts.yaml --dry-run     show what would change
"""

LONG_INPUT = 200_000
DEFAULT_MIN_CONFIDENCE = 0.4


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "generate",
        help="propose typed facts (and so cards) from text or Markdown documents",
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
        "--min-confidence",
        type=_confidence,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="X",
        help="write only proposals whose confidence is at least X "
        f"(0-1; default {DEFAULT_MIN_CONFIDENCE}: leaves out places named in passing and "
        "events that are not key ones)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print what would change, write nothing"
    )
    parser.set_defaults(run=run)


def _confidence(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number between 0 and 1") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def run(args: argparse.Namespace) -> int:
    from quizapp.errors import QuizappError
    from quizapp.generate import read_document
    from quizapp.generate.deckfile import read_existing, write_deck
    from quizapp.generate.factfile import FactReport, merge_facts, select
    from quizapp.generate.typed import Proposal, propose_facts

    output: Path = args.output
    if output.suffix not in (".yaml", ".yml"):
        raise QuizappError(f"{output}: the deck file must end in .yaml")
    documents: list[Path] = args.documents
    if output.resolve() in {path.resolve() for path in documents}:
        raise QuizappError(f"{output} is also an input document; choose another -o")
    existing = read_existing(output)
    proposals: list[Proposal] = []
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
                proposals.extend(
                    propose_facts(
                        read_document(path), undated=_undated(path), publisher=_publisher(path)
                    )
                )
                progress.advance(task)
    else:
        for path in documents:
            proposals.extend(
                propose_facts(
                    read_document(path), undated=_undated(path), publisher=_publisher(path)
                )
            )
    chosen, left_out = select(proposals, args.min_confidence)
    report = FactReport(below_confidence=left_out)
    title = args.title or "Generated from " + ", ".join(path.name for path in documents)
    deck = merge_facts(dict(existing or {"title": title}), chosen, report)
    deck = {"title": deck.pop("title", title), **deck}
    for line in report.lines():
        echo(line)
    if args.dry_run:
        echo(f"(dry run: {output} not written)")
        return 0
    write_deck(output, deck)
    echo(f"wrote {output} ({len(deck['facts'])} facts)")
    sources = output.resolve().parent / "sources"
    for path in documents:
        if not (sources / path.name).is_file():
            echo(
                f"note: facts cite {path.name}; copy it into {sources} so "
                "`quizapp validate --sources` can check their quotes",
                file=sys.stderr,
            )
    return 0


def _undated(path: Path) -> bool:
    """Whether the document has no metadata date beside it (then facts carry `as_of`)."""
    from quizapp.decks.metadata import SourceDates

    return SourceDates(path.parent).date_of(path.name) is None


def _publisher(path: Path) -> str | None:
    from quizapp.generate.sourcemeta import source_publisher

    return source_publisher(path)


def _stderr_console() -> Console:
    from quizapp.safety.terminal import plain_console

    return plain_console(stderr=True)
