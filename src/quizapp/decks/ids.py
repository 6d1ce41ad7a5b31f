"""The id a card gets when its deck gives none: derived from the card's own text.

Progress is keyed on card ids, so a derived id must be the same on every load: it is a slug of
the first words of the card's question (or cloze text, or prompt), plus six hex digits of a hash
of that whole text with its whitespace collapsed. Consequences a student can rely on:

- Re-indenting, re-wrapping a long question or editing the answer, explanation, tags or source
  keeps the id, and so keeps the card's progress.
- Editing the question's words (even one letter or its case) makes a new id: the card starts
  fresh, and its old progress stays in the store under the old id.
- `quizapp fmt` writes exactly this id into the file, so nothing learned before `fmt` is lost;
  after that the written id is kept whatever the text says.

Accents are transliterated (é becomes e) so ids stay ASCII; other letters drop out of the slug
(the hash still tells cards apart).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

CONTENT_FIELDS = ("question", "text", "prompt")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_WORDS = 6
SLUG_CHARS = 40
HASH_DIGITS = 6


def ascii_slug(text: str, words: int = SLUG_WORDS, chars: int = SLUG_CHARS) -> str:
    """Lowercase ASCII words joined by '-', accents transliterated (Zürich -> zurich)."""
    folded = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    parts = [p for p in _NOT_SLUG.split(plain) if p]
    return "-".join(parts[:words])[:chars].strip("-")


def card_text(text: str) -> str:
    """The text a derived id hashes: whitespace runs collapsed, ends trimmed."""
    return " ".join(text.split())


def text_digest(text: str) -> str:
    """The full hex hash a derived id takes its digits from."""
    return hashlib.sha256(card_text(text).encode("utf-8")).hexdigest()


def derived_card_id(text: str, digits: int = HASH_DIGITS) -> str:
    """The id of a card whose question (cloze text, prompt) is `text`."""
    slug = ascii_slug(card_text(text)) or "card"
    return f"{slug}-{text_digest(text)[:digits]}"


def derived_id_line(lines: list[str], card_id: str) -> int | None:
    """The 1-based line of the one-line question (cloze text, prompt) whose derived id is
    `card_id`, for a card written without an `id:` (the editor opens there)."""
    for number, line in enumerate(lines, start=1):
        key, sep, value = line.strip().removeprefix("- ").partition(":")
        if sep and key.strip() in CONTENT_FIELDS:
            text = value.strip()
            if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
                text = text[1:-1]
            if text and derived_card_id(text) == card_id:
                return number
    return None
