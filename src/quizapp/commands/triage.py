"""`quizapp triage FILE`: decide a generated deck file's proposed facts, one key each."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from quizapp.safety.terminal import echo

DESCRIPTION = """\
Walk the facts `quizapp generate` proposed (status: generated), most confident first or in
document order (o switches): the source sentence with the extracted values highlighted, the
proposed fact, and the cards it would make. a accepts (status: reviewed), r rejects (kept as
status: rejected so the generator does not propose it again), s skips, e edits the fields,
m merges another proposal that is the same fact, u undoes. Every decision is written to the
file at once (comments and order kept), so quitting at any point loses nothing."""

SLOW_READ_BYTES = 200_000

EPILOG = """examples:
  quizapp generate decks/sources/report.txt -o decks/report.yaml
  quizapp triage decks/report.yaml
  quizapp validate --sources decks/report.yaml
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "triage",
        help="accept, edit, merge or reject generated facts, one key each",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="a deck file with facts")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.authoring.triage import TriageSession
    from quizapp.ui.triage_app import TriageApp

    path: Path = args.file
    if sys.stderr.isatty() and path.is_file() and path.stat().st_size > SLOW_READ_BYTES:
        echo(f"Reading {path}...", file=sys.stderr)  # about 5 s for 1,000 facts
    session = TriageSession(path)
    summary = session.summary()
    if summary.total == 0:
        echo(f"{args.file}: no generated facts to triage")
        return 0
    TriageApp(session).run()
    session.flush()  # the screen writes every decision; this only makes sure of it
    echo(f"{args.file}: {session.summary().progress()}")
    return 0
