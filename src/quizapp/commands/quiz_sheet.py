"""`quizapp quiz-sheet`: a printable Markdown or HTML exam with an answer key."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from quizapp.commands.deck_args import add_deck_paths, load_given_decks
from quizapp.errors import QuizappError
from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp quiz-sheet -n 20 --seed 7 -o quiz.md           from every deck
  quizapp quiz-sheet decks/aqim.yaml -n 10 --seed 1 -o quiz.html
  quizapp quiz-sheet decks/ -n 30 --seed 2026 --title "Midterm" -o midterm.html

Questions alternate between card kinds (short answer, typed, multiple choice, cloze, timeline
order, matching); the answer key comes last (its own page when printed from HTML). The same
decks and seed always give the same sheet. Format follows -o's extension (.md or .html)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "quiz-sheet",
        help="write a printable quiz with an answer key (Markdown or HTML)",
        description="Draw questions of every kind from the decks and write a printable exam.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_deck_paths(parser)
    parser.add_argument("-n", "--count", type=int, default=20, help="questions (default 20)")
    parser.add_argument("--seed", type=int, required=True, help="same seed, same quiz")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.md|FILE.html")
    parser.add_argument("--title", default="Quiz", help="heading of the sheet")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.quizsheet.build import build_quiz
    from quizapp.quizsheet.render import to_html, to_markdown
    from quizapp.safety.files import refuse_existing, write_new

    suffix = args.output.suffix.lower()
    if suffix not in (".md", ".html", ".htm"):
        raise QuizappError("-o must end in .md or .html")
    if args.count < 1:
        raise QuizappError("-n must be at least 1")
    refuse_existing(args.output, args.force)
    deck_set = load_given_decks(args)
    if deck_set.problems:
        for problem in deck_set.problems[:20]:
            echo(problem.format(), file=sys.stderr)
        raise QuizappError("the decks have problems; fix them first (quizapp validate)")
    questions = build_quiz(deck_set.decks, args.count, args.seed)
    if not questions:
        raise QuizappError("the decks have no cards to ask")
    render = to_markdown if suffix == ".md" else to_html
    write_new(args.output, render(questions, args.title, args.seed), force=args.force)
    short = f" (only {len(questions)} cards available)" if len(questions) < args.count else ""
    echo(f"wrote {len(questions)} questions to {args.output}{short}", file=sys.stderr)
    return 0
