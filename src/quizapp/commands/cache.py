"""`quizapp cache info|clear`: look at or empty the compiled deck cache."""

from __future__ import annotations

import argparse
from typing import Any

from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp cache info              where the cache is and how big it is
  quizapp cache clear             delete every compiled deck (they are rebuilt on the next start)
  quizapp --no-cache              start without reading or writing the cache
  QUIZAPP_CACHE_DIR=/tmp/qc quizapp   keep the cache somewhere else

The cache only holds copies of decks that loaded without problems; deleting it is always safe."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "cache",
        help="show or clear the compiled deck cache",
        description="quizapp keeps a compiled copy of every deck file that loaded cleanly, so "
        "unchanged YAML is not parsed again on the next start. A changed file is noticed by its "
        "size, modification time and content hash.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "action", choices=("info", "clear"), nargs="?", default="info", help="default: info"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp import paths
    from quizapp.decks.cache import DeckCache

    cache = DeckCache(paths.default_cache_dir())
    if args.action == "clear":
        removed = cache.clear()
        echo(f"removed {removed} compiled deck{'' if removed == 1 else 's'} from {cache.dir}")
        return 0
    info = cache.info()
    state = "off (--no-cache)" if args.no_cache else "on"
    echo(f"deck cache: {info.root} ({state})")
    echo(f"{info.entries} compiled deck{'' if info.entries == 1 else 's'}, {_size(info.size)}")
    return 0


def _size(count: int) -> str:
    size = float(count)
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} MB"
