"""Comparison keys for questions and answers, without importing the quiz layer."""

from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_ARTICLES = ("the ", "a ", "an ")


def normalise(text: str) -> str:
    """Casefolded, accent-free, punctuation as spaces, no leading article."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = _SPACES.sub(" ", _PUNCTUATION.sub(" ", plain.casefold())).strip()
    for article in _ARTICLES:
        if key.startswith(article):
            return key[len(article) :]
    return key
