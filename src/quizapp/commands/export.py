"""`quizapp export`: decks to an Anki package, CSV or Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizapp.commands.deck_args import add_deck_paths, load_given_decks
from quizapp.errors import QuizappError
from quizapp.safety.terminal import echo

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quizapp.model.cards import Deck

DEFAULT_SEED = 1
EPILOG = """examples:
  quizapp export --format apkg -o course.apkg            every deck, for Anki
  quizapp export --format apkg -o aqim.apkg decks/aqim.yaml
  quizapp export --format csv -o cards.csv               one row per card
  quizapp export --format md -o study-sheet.md decks/

Anki: basic → Basic, reversed → Basic (and reversed card), cloze → Cloze, typed → type-in
answer; choice/order/match become Basic cards with the options or the list on them. Tags,
category and source citation are kept in fields; exporting again updates the same notes. A choice
card without `choices` gets distractors drawn as the app draws them (same category and shape),
the same for the same --seed (default 1), so the front never gives the answer away."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export decks to Anki (.apkg), CSV or Markdown",
        description="Export deck files to another format. Decks must validate first.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_deck_paths(parser)
    parser.add_argument("--format", choices=("apkg", "csv", "md"), required=True)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="N",
        help="draw the options of choice cards without `choices` with this seed "
        f"(default {DEFAULT_SEED}: the same file every time)",
    )
    parser.set_defaults(run=run)


def drawn_options(decks: Sequence[Deck], seed: int) -> dict[str, tuple[str, ...]]:
    """Options for every choice card whose deck lists no `choices`, drawn as the app draws them
    (same category and shape); each card's draw is seeded by `seed` and its id, so a file is
    the same for the same seed whatever else the decks hold."""
    import random

    from quizapp.model.cards import ChoiceCard
    from quizapp.quiz.choices import DistractorIndex, build_choice

    index = DistractorIndex.from_cards(card for deck in decks for card in deck.cards)
    drawn: dict[str, tuple[str, ...]] = {}
    for deck in decks:
        for card in deck.cards:
            if isinstance(card, ChoiceCard) and not card.choices:
                rng = random.Random(f"{seed}:{card.id}")
                drawn[card.id] = build_choice(card.category, card.answer, index, rng).options
    return drawn


def run(args: argparse.Namespace) -> int:
    from quizapp.commands.bar import progress_bar
    from quizapp.safety.files import atomic_path, refuse_existing, write_new

    refuse_existing(args.output, args.force)
    deck_set = load_given_decks(args)
    if deck_set.problems:
        for problem in deck_set.problems[:20]:
            echo(problem.format(), file=sys.stderr)
        raise QuizappError("the decks have problems; fix them first (quizapp validate)")
    if not deck_set.decks:
        raise QuizappError("no deck found to export")
    decks = list(deck_set.decks)
    options = drawn_options(decks, args.seed)
    if args.format == "apkg":
        from quizapp.interop.anki_export import export_apkg

        with (
            progress_bar("Exporting", deck_set.card_count) as advance,
            atomic_path(args.output, force=args.force) as temporary,
        ):
            count = export_apkg(decks, temporary, advance, name=str(args.output), options=options)
    else:
        from quizapp.interop.text_export import to_csv, to_markdown

        render = to_csv if args.format == "csv" else to_markdown
        write_new(args.output, render(decks, options), force=args.force)
        count = deck_set.card_count
    echo(f"wrote {count} cards from {len(decks)} decks to {args.output}", file=sys.stderr)
    return 0
