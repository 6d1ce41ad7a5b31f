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
