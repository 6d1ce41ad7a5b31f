"""`quizapp rebuild`: recompute every card's state from the append-only review log."""

from __future__ import annotations

import argparse
from typing import Any

from quizapp.safety.terminal import echo


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "rebuild",
        help="recompute card states from the review log",
        description="Recompute every unit's scheduling state, suspension and leech flag from "
        "the append-only review log and its events. Safe to run at any time; it reports how "
        "many stored states differed.",
        epilog="examples:\n  quizapp rebuild\n  quizapp --data-dir ~/backup rebuild",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.commands.progress_common import open_store
    from quizapp.store.sync import rebuild

    with open_store(args) as store:
        reset = store.repair_settings()
        report = rebuild(store)
        ok = store.integrity_ok()
    for key in reset:
        echo(f"the damaged setting '{key}' was reset to its default")
    echo(
        f"rebuilt {report.units} units from {report.reviews} reviews; "
        f"{report.differed} stored states differed and were corrected"
    )
    if not ok:
        echo("warning: SQLite integrity check failed; back up the file and start afresh")
        return 1
    return 0
