"""Comparison keys for questions and answers, without importing the quiz layer."""

from __future__ import annotations

import functools
import re
import unicodedata

_PUNCTUATION = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_ARTICLES = ("the ", "a ", "an ")


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Casefolded, accent-free, punctuation as spaces, no leading article (cached: a deck's
    names are compared again and again while its cards are drawn)."""
    if text.isascii():
        plain = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = _SPACES.sub(" ", _PUNCTUATION.sub(" ", plain.casefold())).strip()
    for article in _ARTICLES:
        if key.startswith(article):
            return key[len(article) :]
    return key


# Names of at most this many words are shown as they are, longer ones by their acronym.
SHORT_NAME_WORDS = 2


def short_name(name: str, acronym: str | None) -> str:
    """How a drawing or a timeline names a group or place: the acronym for a long name
    ("Movement for Unity and Jihad in West Africa": MUJAO), the name itself when it is short
    enough to read (al-Mulathamun Battalion, Hizballah), which is easier to recognise."""
    if acronym and len(name.split()) > SHORT_NAME_WORDS:
        return acronym
    return name
