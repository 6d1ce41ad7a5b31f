"""Adding a card to a deck file through the round-trip writer, validating before writing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from quizapp.authoring.roundtrip import (
    NEW_FILE_STYLE,
    FileStyle,
    cards_of,
    check_text,
    derive_id,
    dump,
    ids_in,
    normalise_card,
    parse,
    write_atomic,
)
from quizapp.decks import find_deck_files
from quizapp.errors import QuizappError

KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "basic": ("question", "answer"),
    "typed": ("question", "answer"),
    "choice": ("question", "answer"),
    "cloze": ("text",),
    "order": ("prompt",),
    "match": ("prompt",),
}


@dataclass
class NewCard:
    """What the author gave; empty strings and lists mean "not given"."""

    kind: str
    category: str
    doc: str
    quote: str
    question: str = ""
    answer: str = ""
    text: str = ""
    prompt: str = ""
    explanation: str = ""
    card_id: str = ""
    tags: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    items: list[tuple[str, str]] = field(default_factory=list)  # (date, text)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (left, right)
    reverse: bool = False


def _seq(values: Sequence[object], flow: bool = False) -> CommentedSeq:
    seq = CommentedSeq(values)
    if flow:
        seq.fa.set_flow_style()
    return seq


def card_map(card: NewCard) -> CommentedMap:
    """The card as a round-trip mapping in the house key order (id not set yet if not given)."""
    if card.kind not in KIND_FIELDS:
        raise QuizappError(f"unknown kind '{card.kind}' (one of: {', '.join(KIND_FIELDS)})")
    out = CommentedMap()
    if card.card_id:
        out["id"] = card.card_id
    out["kind"] = card.kind
    out["category"] = card.category
    if card.tags:
        out["tags"] = _seq(card.tags, flow=True)
    for name in KIND_FIELDS[card.kind]:
        out[name] = getattr(card, name)
    if card.kind == "basic" and card.reverse:
        out["reverse"] = True
    if card.kind == "choice" and card.choices:
        out["choices"] = _seq(card.choices)
    if card.kind == "typed" and card.aliases:
        out["aliases"] = _seq(card.aliases)
    if card.kind == "order":
        out["items"] = _seq([CommentedMap(date=d, text=t) for d, t in card.items])
    if card.kind == "match":
        out["pairs"] = _seq([CommentedMap(left=lft, right=rgt) for lft, rgt in card.pairs])
    if card.explanation:
        out["explanation"] = card.explanation
    out["source"] = CommentedMap(doc=card.doc, quote=card.quote)
    normalise_card(out)
    return out


def folder_ids(deck_path: Path, decks_dir: Path | None) -> set[str]:
    """Ids already used in the deck folder `decks_dir` (or only the deck itself), for uniqueness."""
    if decks_dir is not None and decks_dir.is_dir():
        files = [f.path for f in find_deck_files([decks_dir])[0]]
    else:
        files = [deck_path] if deck_path.is_file() else []
    taken: set[str] = set()
    for path in files:
        try:
            taken |= ids_in(parse(FileStyle.of(path.read_text(encoding="utf-8"))[0], str(path)))
        except (OSError, UnicodeDecodeError, QuizappError):
            continue
    return taken


def add_card(
    deck_path: Path, card: NewCard, *, title: str | None = None, decks_dir: Path | None = None
) -> str:
    """Append the card to the deck (created with `title` if missing); return the card's id."""
    if deck_path.exists():
        try:
            text = deck_path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QuizappError(f"cannot read {deck_path}: {error}") from None
        body, style = FileStyle.of(text)
        tree = parse(body, str(deck_path))
    else:
        style = NEW_FILE_STYLE
        if not title:
            raise QuizappError(f"{deck_path} does not exist; give --title to create it")
        tree = CommentedMap(title=title, cards=CommentedSeq())
    cards = cards_of(tree, str(deck_path))
    taken = folder_ids(deck_path, decks_dir)
    new = card_map(card)
    if "id" not in new:
        new.insert(0, "id", derive_id(new, taken))
    elif str(new["id"]) in taken:
        raise QuizappError(f"id '{new['id']}' is already used in the deck folder")
    cards.append(new)
    new_text = dump(tree)
    problems = check_text(new_text, str(deck_path), deck_path.stem)
    if problems:
        raise QuizappError(
            "the card was not added, the deck would not validate:\n"
            + "\n".join(f"  {p.format()}" for p in problems)
            + "\n(problems already in the file: fix them first; `quizapp fmt` adds missing ids)"
        )
    write_atomic(deck_path, style.apply(new_text))
    return str(new["id"])
