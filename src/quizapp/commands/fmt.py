"""`quizapp fmt [PATH...]`: add missing card ids and put deck keys in a stable order."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from quizapp.commands.deck_args import add_deck_paths, deck_paths
from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp fmt                         format every deck under --decks
  quizapp fmt decks/aqim.yaml         one file
  quizapp fmt --check decks           CI: exit 1 if any file would change
  quizapp fmt --diff decks/aqim.yaml  show what would change, write nothing

Comments, quoting and block scalars are kept. Ids are derived from the card's content and are
unique across the files formatted together. A file that would not validate is never written.
exit status: 0 done (or nothing to do), 1 with --check when files would change or when a
formatted file does not validate, 2 on bad input."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "fmt",
        help="add missing card ids and order deck keys (comments kept)",
        description="Format deck files in place: add an id to every card without one, order "
        "keys as id, kind, category, tags, status, question/answer/text/prompt..., "
        "explanation, source. Writes atomically and only files that validate.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_deck_paths(parser, "PATH")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if changes")
    parser.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import difflib

    from quizapp.authoring.fmt import format_files

    dry = args.check or args.diff
    results = format_files(deck_paths(args), write=not dry)
    status = 0
    for result in results:
        if not result.changed:
            continue
        if result.problems:
            status = 1
            echo(f"{result.path}: not written, it would not validate:", file=sys.stderr)
            for problem in result.problems:
                echo(f"  {problem.format()}", file=sys.stderr)
            continue
        if args.diff:
            original = result.path.read_text(encoding="utf-8").splitlines(keepends=True)
            sys.stdout.writelines(
                difflib.unified_diff(
                    original,
                    result.text.splitlines(keepends=True),
                    str(result.path),
                    str(result.path),
                )
            )
        verb = "would format" if dry else "formatted"
        ids = f" (added {len(result.added_ids)} ids)" if result.added_ids else ""
        echo(f"{verb} {result.path}{ids}", file=sys.stderr)
        if args.check:
            status = 1
    changed = sum(r.changed for r in results)
    if not changed:
        echo(f"ok: {len(results)} files already formatted", file=sys.stderr)
    return status
