"""Round-trip YAML for deck files: read, change, write back with comments and quoting kept.

`ruamel.yaml` keeps comments, quotes and block scalars; PyYAML (used by the loader for speed)
would lose them. Everything that rewrites a deck file (fmt, new-card, import) goes through here,
and nothing is written unless the result passes the deck validator.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from quizapp.decks import Problem, load_deck_text
from quizapp.errors import QuizappError

DECK_KEY_ORDER = ("title", "description", "tags", "cards")
CARD_KEY_ORDER = (
    "id", "kind", "category", "tags", "status", "revision",
    "question", "answer", "reverse", "aliases", "choices", "text", "prompt", "items", "pairs",
    "explanation", "source",
)  # fmt: skip
NESTED_KEY_ORDER = {
    "source": ("doc", "quote"),
    "items": ("text", "date"),
    "pairs": ("left", "right"),
}
CONTENT_FIELDS = ("question", "text", "prompt")
_SLUG = re.compile(r"[^a-z0-9]+")


def make_yaml() -> YAML:
    """A round-trip YAML with the house layout; lines are never re-wrapped."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def parse(text: str, file: str) -> Any:
    """The round-trip tree of a deck file's text."""
    try:
        return make_yaml().load(text)
    except YAMLError as error:
        raise QuizappError(f"{file}: not valid YAML: {error}".replace("\n", " ")) from None


def dump(tree: Any) -> str:
    out = io.StringIO()
    make_yaml().dump(tree, out)
    return out.getvalue()


def reorder(mapping: CommentedMap, order: Iterable[str]) -> None:
    """Put known keys in `order`, unknown ones after, in place (comments follow their keys)."""
    rank = {key: i for i, key in enumerate(order)}
    keys = sorted(mapping, key=lambda k: (rank.get(str(k), len(rank)), list(mapping).index(k)))
    if keys == list(mapping):
        return
    for key in keys:
        mapping.move_to_end(key)


def normalise_card(card: CommentedMap) -> None:
    """Stable key order in a card and in its nested mappings."""
    reorder(card, CARD_KEY_ORDER)
    for key, order in NESTED_KEY_ORDER.items():
        value = card.get(key)
        children = value if isinstance(value, CommentedSeq) else [value]
        for child in children:
            if isinstance(child, CommentedMap):
                reorder(child, order)


def card_content(card: CommentedMap) -> str:
    """The text that identifies a card's fact (question, cloze text or prompt, then answer)."""
    for field in CONTENT_FIELDS:
        if isinstance(card.get(field), str):
            return f"{card[field]}\x1f{card.get('answer', '')}"
    return repr(sorted((str(k), str(v)) for k, v in card.items()))


def derive_id(card: CommentedMap, taken: set[str]) -> str:
    """A readable id from the card's content plus a short hash; unique against `taken`."""
    content = card_content(card)
    words = _SLUG.sub("-", content.split("\x1f")[0].lower()).strip("-")
    slug = "-".join(words.split("-")[:6])[:40].strip("-") or "card"
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    for length in range(6, len(digest) + 1, 2):
        candidate = f"{slug}-{digest[:length]}"
        if candidate not in taken:
            return candidate
    raise QuizappError("could not derive a unique card id")  # pragma: no cover - 2^-256


def cards_of(tree: Any, file: str) -> CommentedSeq:
    """The `cards` list of a deck tree, or a clear error."""
    if not isinstance(tree, CommentedMap) or not isinstance(tree.get("cards"), CommentedSeq):
        raise QuizappError(f"{file}: not a deck (expected a mapping with a 'cards' list)")
    cards: CommentedSeq = tree["cards"]
    return cards


def ids_in(tree: Any) -> set[str]:
    """Every card id written in a deck tree."""
    if not isinstance(tree, CommentedMap) or not isinstance(tree.get("cards"), CommentedSeq):
        return set()
    return {str(c["id"]) for c in tree["cards"] if isinstance(c, CommentedMap) and "id" in c}


def check_text(text: str, file: str, deck_id: str) -> list[Problem]:
    """Validator problems for deck text that is about to be written."""
    _deck, problems = load_deck_text(text.encode("utf-8"), file, deck_id)
    return problems


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` in one rename, keeping the old file's permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise QuizappError(f"cannot write {path}: {error.strerror}") from None
