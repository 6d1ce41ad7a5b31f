"""`quizapp validate PATH...`: check deck files and say exactly what is wrong, where."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from quizapp.commands.deck_args import add_deck_paths, deck_paths, load_given_decks
from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp validate decks                    every deck under decks/
  quizapp validate decks/timeline.yaml      one file
  quizapp validate --sources decks          also check every quote against its document
  quizapp validate --json decks | jq .      machine-readable problems
  quizapp validate --watch decks            re-check on every save (Ctrl-C to stop)
  quizapp validate --stale decks            also warn of time-sensitive facts 5+ years old

exit status: 0 when every deck is clean, 1 when there are problems."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check deck files and report every problem",
        description="Check deck files: YAML syntax, fields, kinds, ids unique across decks, "
        "and (with --sources) that every quote is in its document. Problems are printed as "
        "FILE:LINE:COL: card ID: message.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_deck_paths(parser, "PATH")
    parser.add_argument(
        "--sources", action="store_true", help="check each quote against its source document"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON report for tools")
    parser.add_argument(
        "--watch", action="store_true", help="keep running; re-validate whenever a file changes"
    )
    parser.add_argument(
        "--stale",
        action="store_true",
        help="warn of time-sensitive facts whose as_of is older than --older-than years "
        "(warnings only: the exit status is unchanged)",
    )
    parser.add_argument(
        "--older-than",
        type=int,
        default=5,
        metavar="YEARS",
        help="with --stale: how many years make a fact stale (default 5)",
    )
    parser.add_argument(
        "--today",
        type=_iso_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="with --stale: count ages up to this day (default: today, local time)",
    )
    parser.set_defaults(run=run)


def _iso_day(text: str) -> Any:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-01-31") from None


def run(args: argparse.Namespace) -> int:
    if args.watch:
        return run_watch(args)
    return check(args)


def run_watch(args: argparse.Namespace) -> int:
    """Validate now and after every save until Ctrl-C."""
    import datetime as dt

    from quizapp.authoring.watch import watch

    paths = deck_paths(args)

    def once() -> None:
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        echo(f"--- {stamp} validating {' '.join(map(str, paths))}", file=sys.stderr)
        check(args)
        sys.stdout.flush()

    try:
        watch(paths, once)
    except KeyboardInterrupt:
        return 0
    return 0


def check(args: argparse.Namespace) -> int:
    import msgspec

    deck_set = load_given_decks(args, check_sources=args.sources)
    if args.json:
        report = {
            "ok": not deck_set.problems,
            "decks": len(deck_set.decks),
            "cards": deck_set.card_count,
            "facts": sum(len(deck.facts) for deck in deck_set.decks),
            "problems": [msgspec.to_builtins(p) for p in deck_set.problems],
        }
        if args.stale:
            report["stale"] = [
                {"deck": deck_id, **msgspec.to_builtins(stale)}
                for deck_id, stale in collect_stale(deck_set.decks, args)
            ]
        sys.stdout.write(msgspec.json.encode(report).decode() + "\n")
    else:
        for problem in deck_set.problems:
            echo(problem.format())
        count = len(deck_set.problems)
        summary = f"{_count(len(deck_set.decks), 'deck')}, {_count(deck_set.card_count, 'card')}"
        if facts := sum(len(deck.facts) for deck in deck_set.decks):
            summary += f", {_count(facts, 'fact')}"
        if count:
            files = len({problem.file for problem in deck_set.problems})
            echo(
                f"{_count(count, 'problem')} in {_count(files, 'file')}; the cards with problems "
                f"are left out (what loads: {summary})",
                file=sys.stderr,
            )
        else:
            echo(f"ok: {summary}", file=sys.stderr)
    if args.stale and not args.json:
        report_stale(deck_set.decks, args)
    return 1 if deck_set.problems else 0


def collect_stale(decks: Any, args: argparse.Namespace) -> list[tuple[str, Any]]:
    """(deck id, stale fact) for every time-sensitive fact older than `--older-than` years."""
    import datetime as dt

    from quizapp.facts.stale import stale_facts

    today = args.today or dt.date.today()
    return [
        (deck.id, stale)
        for deck in decks
        for stale in stale_facts(deck.facts, today, args.older_than)
    ]


def report_stale(decks: Any, args: argparse.Namespace) -> None:
    """One warning a stale fact on stdout, and a count on stderr."""
    from quizapp.safety.terminal import one_line

    found = collect_stale(decks, args)
    for deck_id, stale in found:
        line = (
            f"{deck_id}: fact {stale.fact_id}: warning: time-sensitive, as of "
            f"{stale.as_of} ({stale.years} years ago): re-check it against "
            f"{', '.join(stale.docs)} or a newer source"
        )
        echo(one_line(line))
    noun = "fact" if len(found) == 1 else "facts"
    echo(
        f"{len(found)} stale {noun} (time-sensitive, as of more than {args.older_than} years ago)",
        file=sys.stderr,
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
