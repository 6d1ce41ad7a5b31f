"""Normalising answers so that case, accents, punctuation and articles never count as errors."""

from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")
_ARTICLES = ("the ", "a ", "an ")


def strip_accents(text: str) -> str:
    """`Qaïda` → `Qaida`: drop combining marks after compatibility decomposition."""
    if text.isascii():  # nothing to decompose: most answers, and the 100,000-card index
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """A comparison key: casefolded, accent-free, punctuation as spaces, no leading article."""
    key = strip_accents(text).casefold()
    key = key.replace("'", "").replace("\u2019", "")
    key = _PUNCTUATION.sub(" ", key)
    key = _SPACES.sub(" ", key).strip()
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            key = key[len(article) :]
            break
    return key
