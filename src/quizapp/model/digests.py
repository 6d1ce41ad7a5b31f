"""Digests: BLAKE2b without OpenSSL, and the fingerprint of a deck set.

`import hashlib` loads OpenSSL's bindings as well (~2 ms, a tenth of what quizapp adds to a bare
Textual app's start), and every digest a warm start takes (cache entry names, the units
fingerprint) is BLAKE2b, which is hashlib's own C module: taken from there when present.
"""

from __future__ import annotations

from collections.abc import Iterable

try:
    from _blake2 import blake2b
except ImportError:  # a Python without CPython's module layout
    from hashlib import blake2b

__all__ = ["blake2b", "combine_digests"]


def combine_digests(decks: Iterable[tuple[str, str]]) -> str:
    """The fingerprint of a deck set from each deck's `(deck_id, deck_units_digest)`, in order."""
    digest = blake2b(digest_size=16)
    for deck_id, part in decks:
        digest.update(f"{deck_id}\x1f{part}\x1e".encode())
    return digest.hexdigest()
