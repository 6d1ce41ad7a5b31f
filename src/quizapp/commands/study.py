"""The default command: open the study app on the deck folder."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    from quizapp.decks import load_decks
    from quizapp.decks.cache import default_cache
    from quizapp.ui.app import QuizApp

    deck_set = load_decks([args.decks], cache=default_cache(not args.no_cache))
    QuizApp(deck_set).run()
    return 0
