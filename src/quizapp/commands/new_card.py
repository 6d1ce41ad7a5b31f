"""`quizapp new-card`: add a card to a deck, by prompts or by flags for scripts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizapp.errors import QuizappError
from quizapp.model.cards import CARD_TYPES, Category
from quizapp.safety.terminal import echo

EPILOG = """examples:
  quizapp new-card --deck decks/aqim.yaml            asks for each field
  quizapp new-card --deck decks/aqim.yaml --kind basic --category date \\
      --question "When was AQIM founded?" --answer 2007 \\
      --doc aqim.md --quote "AQIM was founded in 2007."
  quizapp new-card --deck decks/t.yaml --kind order --category date --prompt "Order these" \\
      --item "1998: GSPC founded" --item "2007: AQIM named" --doc t.md --quote "..."
  quizapp new-card --deck decks/new.yaml --title "New deck" ...   creates the deck

The card gets an id derived from its content (unless --id), is validated with the deck and
written atomically; comments in the deck are kept."""

KINDS = tuple(CARD_TYPES)
CATEGORIES = tuple(category.value for category in Category)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new-card",
        help="add a card to a deck (prompts, or flags for scripts)",
        description="Append one card to a deck file. Fields not given as flags are asked for "
        "when the terminal is interactive; otherwise a missing field is an error.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("--deck", type=Path, required=True, metavar="FILE", help="deck file to append to")
    add("--title", help="title when the deck file does not exist yet")
    add("--kind", choices=KINDS, help="card kind")
    add("--category", choices=CATEGORIES, help="what kind of fact")
    add("--id", dest="card_id", default="", help="card id (default: derived from the content)")
    for name in ("question", "answer", "text", "prompt", "explanation"):
        add(f"--{name}", default="", help=f"the card's {name}")
    add("--reverse", action="store_true", help="basic: also ask the other way")
    add("--choice", dest="choices", action="append", default=[], help="choice: a wrong option")
    add("--alias", dest="aliases", action="append", default=[], help="typed: accepted spelling")
    add("--item", dest="items", action="append", default=[], metavar="DATE: TEXT", help="order")
    add("--pair", dest="pairs", action="append", default=[], metavar="LEFT = RIGHT", help="match")
    add("--tag", dest="tags", action="append", default=[], help="a tag (repeatable)")
    add("--doc", default="", help="source document name under sources/")
    add("--quote", default="", help="the sentence of the document that states the fact")
    parser.set_defaults(run=run)


def _split(value: str, sep: str, what: str) -> tuple[str, str]:
    left, found, right = value.partition(sep)
    if not found or not left.strip() or not right.strip():
        raise QuizappError(f"{what} must look like 'A{sep}B', got '{value}'")
    return left.strip(), right.strip()


def _asker(interactive: bool) -> Callable[[str, str], str]:
    def ask(name: str, given: str) -> str:
        if given:
            return given
        if not interactive:
            raise QuizappError(f"--{name} is required (or run in a terminal to be asked)")
        while True:
            answer = input(f"{name}: ").strip()
            if answer:
                return answer

    return ask


def _choose(interactive: bool, name: str, given: str, options: tuple[str, ...]) -> str:
    """A value from `options`: the flag's, or asked for with the options listed, and asked
    again after a typo (with the closest option suggested) instead of ending the run."""
    from quizapp.decks.fields import did_you_mean

    listed = ", ".join(options)
    if given:
        if given in options:
            return given
        if not interactive:
            raise QuizappError(f"unknown {name} '{given}' (one of: {listed})")
    elif not interactive:
        raise QuizappError(f"--{name} is required (one of: {listed})")
    while True:
        answer = input(f"{name} ({listed}): ").strip()
        if answer in options:
            return answer
        if answer:
            hint = did_you_mean(answer, options) or f"one of: {listed}"
            echo(f"  unknown {name} {answer!r}: {hint}", file=sys.stderr)


def warnings_for(args: argparse.Namespace, question: str, doc: str, quote: str) -> list[str]:
    """What is probably wrong but not invalid: a document that is not there, a quote that is
    not in it, a question the deck already asks. Said before the card is written."""
    from quizapp.decks.files import SOURCES_DIRNAME
    from quizapp.decks.sources import SourceLibrary
    from quizapp.model.cards import Source

    inside = args.deck.resolve().is_relative_to(args.decks.resolve())
    sources = (args.decks if inside else args.deck.parent) / SOURCES_DIRNAME
    found = [message for message, _advice in SourceLibrary(sources).check(Source(doc, quote))]
    if question and args.deck.exists():
        from quizapp.decks import load_decks
        from quizapp.quiz.prompts import prompt_of
        from quizapp.quiz.text import normalize

        key = normalize(question)
        for unit in load_decks([args.deck]).units():
            if normalize(prompt_of(unit).question) == key:
                found.append(f"the deck already asks this question (card {unit.card.id})")
                break
    return found


def _ask_list(interactive: bool, name: str, given: list[str]) -> list[str]:
    if given or not interactive:
        return given
    echo(f"{name} (one per line, empty line to finish):")
    values: list[str] = []
    while line := input("  ").strip():
        values.append(line)
    return values


def run(args: argparse.Namespace) -> int:
    from quizapp.authoring.newcard import KIND_FIELDS, NewCard, add_card

    interactive = sys.stdin.isatty()
    ask = _asker(interactive)
    kind = _choose(interactive, "kind", args.kind or "", KINDS)
    category = _choose(interactive, "category", args.category or "", CATEGORIES)
    fields = {name: ask(name, getattr(args, name)) for name in KIND_FIELDS[kind]}
    items = _ask_list(interactive, "items as 'DATE: TEXT'", args.items) if kind == "order" else []
    pairs = _ask_list(interactive, "pairs as 'LEFT = RIGHT'", args.pairs) if kind == "match" else []
    card = NewCard(
        kind=kind,
        category=category,
        doc=ask("doc", args.doc),
        quote=ask("quote", args.quote),
        explanation=args.explanation,
        card_id=args.card_id,
        tags=args.tags,
        choices=args.choices,
        aliases=args.aliases,
        items=[_split(i, ":", "--item") for i in items],
        pairs=[_split(p, "=", "--pair") for p in pairs],
        reverse=args.reverse,
        **fields,
    )
    question = fields.get("question") or fields.get("text") or fields.get("prompt") or ""
    for warning in warnings_for(args, question, card.doc, card.quote):
        echo(f"warning: {warning}", file=sys.stderr)
    decks_dir = args.decks if args.deck.resolve().is_relative_to(args.decks.resolve()) else None
    card_id = add_card(args.deck, card, title=args.title, decks_dir=decks_dir)
    echo(f"added {card_id} to {args.deck}", file=sys.stderr)
    return 0
