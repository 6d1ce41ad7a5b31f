"""`quizapp fmt`: give every card an id and every deck a stable key order, keeping comments.

Ids are derived from card content and unique across all the deck files being formatted (and
any other ids passed in). A formatted file is only written when it validates and differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from quizapp.authoring.plainyaml import PlainDataError, dump_plain
from quizapp.authoring.roundtrip import (
    DECK_KEY_ORDER,
    FileStyle,
    cards_of,
    check_text,
    derive_id,
    dump,
    ids_in,
    normalise_card,
    parse,
    reorder,
    write_atomic,
)
from quizapp.decks import Problem, find_deck_files
from quizapp.errors import QuizappError


@dataclass
class FormatResult:
    """What formatting one file did (or would do)."""

    path: Path
    changed: bool
    added_ids: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    text: str = ""


def format_text(text: str, file: str, taken: set[str]) -> tuple[str, list[str]]:
    """The formatted deck text and the ids it added; `taken` is updated with new ids.

    Line endings, a BOM, escapes and the spelling of unchanged values are kept as written."""
    body, style = FileStyle.of(text)
    tree = parse(body, file)
    # a deck of facts alone (what `quizapp generate` writes) has no cards to give ids to
    facts_only = isinstance(tree, CommentedMap) and "facts" in tree and "cards" not in tree
    cards = [] if facts_only else cards_of(tree, file)
    added: list[str] = []
    for card in cards:
        if not isinstance(card, CommentedMap):
            continue
        if not str(card.get("id") or "").strip():
            new_id = derive_id(card, taken)
            if "id" in card:
                card["id"] = new_id
            else:
                card.insert(0, "id", new_id)
            taken.add(new_id)
            added.append(new_id)
        normalise_card(card)
    reorder(tree, DECK_KEY_ORDER)
    return style.apply(dump(tree)), added


def _commented(value: Any) -> Any:
    """Plain dicts and lists as the round-trip types `dump` lays out like parsed ones."""
    if isinstance(value, dict):
        return CommentedMap((key, _commented(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        return CommentedSeq(_commented(item) for item in value)
    return value


def format_data(deck: dict[str, Any]) -> str:
    """A deck built in memory (`quizapp generate`), in the layout `format_text` gives: the same
    key order and card normalisation, without writing YAML and parsing it back (on a 1 MB
    document that round trip cost three times the generating). A deck of facts alone is plain
    data and is written directly (`plainyaml`: the round-trip writer took two of the five
    seconds a megabyte of facts may take); one with cards goes through the round-trip writer,
    which normalises them."""
    if not deck.get("cards"):
        rank = {key: i for i, key in enumerate(DECK_KEY_ORDER)}
        ordered = dict(sorted(deck.items(), key=lambda item: rank.get(item[0], len(rank))))
        try:
            return dump_plain(ordered)
        except PlainDataError:
            pass
    tree = _commented(deck)
    for card in tree.get("cards") or ():
        if isinstance(card, CommentedMap):
            normalise_card(card)
    reorder(tree, DECK_KEY_ORDER)
    return dump(tree)


def format_files(paths: Sequence[Path], *, write: bool) -> list[FormatResult]:
    """Format every deck file under `paths`; write changed files that validate when `write`."""
    files, missing = find_deck_files(paths)
    if missing:
        raise QuizappError("; ".join(p.format() for p in missing))
    texts: dict[Path, str] = {}
    taken: set[str] = set()
    for deck_file in files:
        try:
            texts[deck_file.path] = deck_file.path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QuizappError(f"cannot read {deck_file.path}: {error}") from None
        taken |= ids_in(parse(FileStyle.of(texts[deck_file.path])[0], str(deck_file.path)))
    results: list[FormatResult] = []
    for deck_file in files:
        original = texts[deck_file.path]
        new_text, added = format_text(original, str(deck_file.path), taken)
        result = FormatResult(deck_file.path, new_text != original, added, text=new_text)
        if result.changed:
            result.problems = check_text(new_text, str(deck_file.path), deck_file.deck_id)
            if write and not result.problems:
                write_atomic(deck_file.path, new_text)
        results.append(result)
    return results
