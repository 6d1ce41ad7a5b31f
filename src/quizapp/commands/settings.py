"""`quizapp settings [KEY VALUE]`: list the study settings, or change one."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp settings                      list every setting with its value and range
  quizapp settings new_per_day 30       introduce up to 30 new cards a day
  quizapp settings day_starts_at 5      study days begin at 05:00 local time
  quizapp settings --json               an object of every setting, for scripts

keys: new_per_day (0-9999), reviews_per_day (0-99999), desired_retention (0.70-0.99),
day_starts_at (hour, 0-23). Settings live in the progress store, so they travel with it.
exit status: 0 done, 2 on an unknown key or a value out of range (nothing is changed)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "settings",
        help="list or change study settings (daily limits, retention, day start)",
        description="Without arguments, list the study settings; with KEY VALUE, change one. "
        "The study app has the same settings on its settings screen (Ctrl+P → Settings).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("key", nargs="?", metavar="KEY", help="the setting to change")
    parser.add_argument("value", nargs="?", metavar="VALUE", help="its new value")
    parser.add_argument("--json", action="store_true", help="print an object of all settings")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.commands.progress_common import open_store
    from quizapp.errors import QuizappError
    from quizapp.study.preferences import PREFERENCES, change, current, preference

    if args.key is not None and args.value is None:
        found = preference(args.key)
        raise QuizappError(f"give a value for {found.key}: {found.allowed}")
    with open_store(args) as store:
        if args.key is not None:
            value = change(store, args.key, args.value)
            echo(f"{preference(args.key).key} = {value}", file=sys.stderr)
        values = current(store)
    if args.json:
        sys.stdout.write(json.dumps(values, indent=1) + "\n")
        return 0
    if args.key is None:
        width = max(len(p.key) for p in PREFERENCES)
        for p in PREFERENCES:
            echo(f"{p.key:<{width}}  {values[p.key]!s:>6}  {p.allowed}; {p.meaning}")
    return 0
