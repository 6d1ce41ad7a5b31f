"""`quizapp preview DECK...`: open the review screen on decks without touching progress."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizapp.errors import QuizappError

if TYPE_CHECKING:
    from quizapp.decks import DeckSet
    from quizapp.ui.app import QuizApp

EPILOG = """examples:
  quizapp preview decks/aqim.yaml           review every card of one deck, as students see it
  quizapp preview decks/aqim.yaml decks/t.yaml

Progress is kept in memory only (a throw-away scheduler): nothing is read from or written to
your progress store, so you can preview a deck while editing it. Escape goes to the deck list,
q quits. Decks must validate first (quizapp validate)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "preview",
        help="review a deck as students see it, without saving progress",
        description="Open the review screen on the given decks with an in-memory scheduler: "
        "every card comes up once as new, and no progress is saved.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="DECK", help="deck files or folders")
    parser.set_defaults(run=run)


def load_preview(paths: list[Path]) -> DeckSet:
    """The decks to preview; any problem stops the preview with the list of problems."""
    from quizapp.decks import load_decks

    deck_set = load_decks(paths)
    if deck_set.problems:
        listed = "\n".join(p.format() for p in deck_set.problems[:20])
        raise QuizappError(f"fix the deck problems before previewing:\n{listed}")
    if not deck_set.card_count:
        raise QuizappError("no cards to preview")
    return deck_set


def build_preview_app(deck_set: DeckSet) -> QuizApp:
    """The study app on an in-memory study service, opening straight on the review screen."""
    from quizapp.study.context import StudyContext
    from quizapp.study.memory import MemoryStudy
    from quizapp.ui.app import QuizApp

    units = deck_set.units()
    study = MemoryStudy(units, new_per_day=len(units))
    context = StudyContext(deck_set.decks, study, persistent=False)
    deck_ids = [deck.id for deck in deck_set.decks]

    class PreviewApp(QuizApp):
        TITLE = "quizapp preview"

        def on_mount(self) -> None:
            # Textual also runs QuizApp.on_mount (it pushes Home); review goes on top of it.
            self.call_after_refresh(self.start_review, deck_ids)

    return PreviewApp(context)


def run(args: argparse.Namespace) -> int:
    build_preview_app(load_preview(args.paths)).run()
    return 0
