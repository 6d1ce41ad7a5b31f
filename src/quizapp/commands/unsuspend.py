"""`quizapp unsuspend ID... | --leeches`: bring suspended cards back into the schedule."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp unsuspend gspc-founded-1998        every study unit of the card
  quizapp unsuspend aqim-cloze/c1            just that unit (a cloze deletion, a reverse side)
  quizapp unsuspend --leeches                every card the scheduler suspended as a leech

A card keeps its memory while suspended: it comes back where it was. In the app, Browse finds
suspended cards with state:suspended (leeches with state:leech) and `z` toggles suspension.
exit status: 0 done, 2 when an id names no card in the progress store (nothing is changed)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "unsuspend",
        help="bring suspended cards (or every leech) back into the schedule",
        description="Unsuspend study units. A card id unsuspends all of the card's units, a "
        "unit id such as ID/c1 or ID/reverse just that one.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("ids", nargs="*", metavar="ID", help="card or unit ids")
    parser.add_argument("--leeches", action="store_true", help="unsuspend every leech")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.commands.progress_common import now_utc, open_store
    from quizapp.errors import QuizappError
    from quizapp.store import log, queries, suspension

    if not args.ids and not args.leeches:
        raise QuizappError("name the cards to unsuspend (card or unit ids), or give --leeches")
    with open_store(args) as store:
        named = suspension.units_named(store, args.ids)
        unknown = [name for name, uids in named.items() if not uids]
        if unknown:
            names = ", ".join(repr(name) for name in unknown)
            raise QuizappError(f"no card or unit with id {names} in the progress store")
        uids = [uid for found in named.values() for uid in found]
        if args.leeches:
            uids += queries.leech_uids(store.db)
        uids = list(dict.fromkeys(uids))
        changed = log.set_suspended(store, uids, False, now_utc().timestamp())
    echo(f"unsuspended {changed} of {len(uids)} study units", file=sys.stderr)
    return 0
