"""Command line: `quizapp [--decks DIR] [--data-dir DIR] [COMMAND]`.

Each command lives in `quizapp.commands.<name>` with `register(subparsers)`; registration must
stay cheap (heavy imports inside the command's run function) so `quizapp --help` and the CLI
commands start fast and never import Textual unless they open the UI.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp import __version__, paths
from quizapp.errors import QuizappError
from quizapp.safety.terminal import echo, guarded_streams

if TYPE_CHECKING:
    import argparse

COMMAND_MODULES: tuple[str, ...] = (
    "validate",
    "schema",
    "generate",
    "stats",
    "rebuild",
    "optimize",
    "progress",
    "fmt",
    "new_card",
    "export",
    "import",
    "report",
    "quiz_sheet",
    "preview",
    "cache",
    "facts",
    "triage",
    "lineage",
    "timeline",
    "settings",
    "unsuspend",
)

INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug in quizapp, not a problem with the input

EPILOG = """examples:
  quizapp                         open the study app on the shipped decks
  quizapp --decks ~/course/decks  study another deck folder
  quizapp validate decks          check every deck file
  quizapp COMMAND --help          help on one command
"""


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The command line; without commands it only knows the global options (a quick start)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="quizapp",
        description="Study fact-heavy courses in the terminal with spaced repetition.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=with_commands,
    )
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    parser.add_argument(
        "--decks",
        type=Path,
        default=None,
        metavar="DIR",
        help="deck folder (default: $QUIZAPP_DECKS or the project's decks/)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="where progress is kept (default: $QUIZAPP_DATA_DIR or the user data dir)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every deck file instead of reading the compiled deck cache "
        "(also: QUIZAPP_NO_CACHE=1)",
    )
    if not with_commands:
        parser.add_argument("command", nargs="?", default=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"quizapp.commands.{name}")
        module.register(subparsers)
    return parser


@dataclass
class AppOptions:
    """A plain start's options (`quizapp [--decks DIR] [--data-dir DIR] [--no-cache]`)."""

    decks: Path | None = None
    data_dir: Path | None = None
    no_cache: bool = False
    command: None = None


GLOBAL_VALUES = {"--decks": "decks", "--data-dir": "data_dir"}


def plain_start(args: Sequence[str]) -> AppOptions | None:
    """The options of a plain start, read without argparse (its import and a parser cost ~1.5
    ms, 1% of a bare Textual app's start); None for anything else, which argparse reads.

    Only the exact spellings are taken (`--decks DIR`, `--decks=DIR`, `--no-cache`): an
    abbreviation, a value that looks like an option, an empty value or a command goes to
    argparse, which accepts or refuses it as it always has.
    """
    options = AppOptions()
    rest = list(args)
    while rest:
        word = rest.pop(0)
        if word == "--no-cache":
            options.no_cache = True
            continue
        name, equals, value = word.partition("=")
        if name not in GLOBAL_VALUES:
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if not value or value.startswith("-"):
            return None
        setattr(options, GLOBAL_VALUES[name], Path(value))
    return options


def resolve_dirs(args: argparse.Namespace | AppOptions) -> None:
    """Fill in the default deck and data folders the user did not give."""
    if args.decks is None:
        args.decks = paths.default_decks_dir()
    if args.data_dir is None:
        args.data_dir = paths.default_data_dir()


def parse(argv: Sequence[str] | None) -> argparse.Namespace | AppOptions:
    """Parse `argv`; building every command's parser costs ~25 ms, so opening the app (no
    command, only global options) skips it, and anything else goes to the full parser."""
    args = list(sys.argv[1:] if argv is None else argv)
    plain = plain_start(args)
    if plain is not None:
        return plain
    quick, rest = build_parser(with_commands=False).parse_known_args(args)
    if quick.command is None and not rest:
        return quick
    return build_parser().parse_args(args)


def check_decks_given(named: Path | None) -> None:
    """A deck folder the user named (`--decks`) must exist: a typo would otherwise show an
    empty table and exit 0 as if there were simply no cards."""
    if named is not None and not named.exists():
        raise QuizappError(f"--decks {named}: no such file or folder")


def _unwind(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _signals_unwind() -> Iterator[None]:
    """SIGTERM and SIGHUP end a command by unwinding, so its `finally` blocks run (an atomic
    write removes its temporary file); the default action would end the process on the spot."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {sig: signal.signal(sig, _unwind) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; text from input never reaches a terminal as a code (see
    `quizapp.safety.terminal`), and every error the user can act on is one message."""
    with guarded_streams():
        args = parse(argv)
        named_decks = args.decks
        resolve_dirs(args)
        try:
            check_decks_given(named_decks)
            if isinstance(args, AppOptions) or args.command is None:
                from quizapp.commands.study import run_app

                assert args.decks is not None and args.data_dir is not None  # resolve_dirs
                return run_app(args.decks, args.data_dir, use_cache=not args.no_cache)
            with _signals_unwind():
                result: int = args.run(args)
            return result
        except QuizappError as error:
            echo(f"quizapp: {error}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            # The reader went away (`quizapp timeline --plain | head`): stop quietly, as `cat`
            # does, and keep Python from complaining when it flushes stdout at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 141
        except Exception as error:
            # The last guard, not a way of handling errors: whatever hostile input slipped past
            # the specific checks, the user gets one line naming the failure, not a traceback.
            if os.environ.get("QUIZAPP_DEBUG"):
                raise
            echo(
                f"quizapp: internal error ({type(error).__name__}: {error}); please report it "
                "with the command you ran (QUIZAPP_DEBUG=1 shows the details)",
                file=sys.stderr,
            )
            return INTERNAL_ERROR
