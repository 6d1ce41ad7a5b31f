"""Round-trip YAML for deck files: read, change, write back with comments and quoting kept.

`ruamel.yaml` keeps comments, quotes and block scalars; PyYAML (used by the loader for speed)
would lose them. Everything that rewrites a deck file (fmt, new-card, import) goes through here,
and nothing is written unless the result passes the deck validator.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken

from quizapp.decks import Problem, load_deck_text
from quizapp.decks.ids import CONTENT_FIELDS, HASH_DIGITS, derived_card_id
from quizapp.decks.style import NEW_FILE_STYLE as NEW_FILE_STYLE
from quizapp.decks.style import FileStyle as FileStyle
from quizapp.errors import QuizappError
from quizapp.safety.files import write_atomic as write_atomic

DECK_KEY_ORDER = ("title", "description", "tags", "facts", "cards")
CARD_KEY_ORDER = (
    "id", "kind", "category", "fact", "facts", "tags", "status", "revision",
    "question", "answer", "reverse", "aliases", "choices", "text", "prompt", "items", "pairs",
    "explanation", "source",
)  # fmt: skip
NESTED_KEY_ORDER = {
    "source": ("doc", "quote"),
    "items": ("text", "date"),
    "pairs": ("left", "right"),
}


def make_yaml() -> YAML:
    """A round-trip YAML with the house layout; lines are never re-wrapped."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 30  # never fold a long value onto several lines
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
    """Put known keys in `order`, unknown ones after, in place, comments moving with their keys.

    ruamel.yaml stores a full-line comment as the tail of the value *before* it, so a comment
    above a key is taken from its predecessor's tail and re-attached after the key's new
    predecessor; comments after the last value stay at the end.
    """
    rank = {key: i for i, key in enumerate(order)}
    current = list(mapping)
    keys = sorted(current, key=lambda k: (rank.get(str(k), len(rank)), current.index(k)))
    if keys == current:
        return
    tails = {key: _take_tail(mapping, key) for key in current}
    above = {current[i + 1]: tails[current[i]] for i in range(len(current) - 1)}
    for key in keys:
        mapping.move_to_end(key)
    for position, key in enumerate(keys):
        comment = above.get(key)
        if comment:
            _put_tail(mapping, keys[position - 1] if position else key, comment)
    end = tails[current[-1]]
    if end:
        _put_tail(mapping, keys[-1], end)


def _tail_slot(mapping: CommentedMap, key: Any) -> tuple[dict[Any, Any], Any, int]:
    """Where ruamel keeps the comments that follow `key`'s value: (ca.items, index, slot)."""
    value = mapping[key]
    if isinstance(value, CommentedMap) and value and not value.fa.flow_style():
        return _tail_slot(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and value and not value.fa.flow_style():
        item = value[-1]
        if isinstance(item, CommentedMap) and item and not item.fa.flow_style():
            return _tail_slot(item, list(item)[-1])
        return value.ca.items, len(value) - 1, 0
    return mapping.ca.items, key, 2


def _take_tail(mapping: CommentedMap, key: Any) -> str | None:
    """Remove and return the full-line comments after `key`'s value (its end-of-line stays)."""
    items, index, slot = _tail_slot(mapping, key)
    entry = items.get(index)
    if not entry or len(entry) <= slot or entry[slot] is None:
        return None
    head, _newline, tail = str(entry[slot].value).partition("\n")
    if not tail.strip():
        return None
    if head.strip():
        entry[slot].value = head + "\n"
    else:
        entry[slot] = None
    return tail


def _put_tail(mapping: CommentedMap, key: Any, tail: str) -> None:
    """Append full-line comments after `key`'s value."""
    items, index, slot = _tail_slot(mapping, key)
    entry = items.setdefault(index, [None] * (4 if slot == 2 else 2))
    entry[slot] = _joined(entry[slot], tail)


def _joined(token: CommentToken | None, tail: str) -> CommentToken:
    if token is None:
        return CommentToken("\n" + tail, CommentMark(0), None)
    value = str(token.value)
    token.value = (value if value.endswith("\n") else value + "\n") + tail
    return token


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
    """The text a card's derived id comes from: its question, cloze text or prompt."""
    for field in CONTENT_FIELDS:
        if isinstance(card.get(field), str):
            return str(card[field])
    return repr(sorted((str(k), str(v)) for k, v in card.items()))


def derive_id(card: CommentedMap, taken: set[str]) -> str:
    """The id the loader derives for this card (decks/ids.py), so progress made before `fmt`
    survives it; only when another card already has that id is the hash made longer."""
    content = card_content(card)
    for length in range(HASH_DIGITS, 65, 2):
        candidate = derived_card_id(content, length)
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
