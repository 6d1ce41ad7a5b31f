"""What Home lists: each deck's title, what a filter matches, and its counts.

On a warm start this comes from the deck cache's headers and one query of the progress store, so
Home is painted before a single card is decoded or the scheduler is imported; the cards load
afterwards. That shortcut is only taken when the store was last synced with exactly these decks
(the units fingerprint says so): otherwise the counts could be stale, and the caller loads first.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from quizapp.decks.cache import DeckCache, DeckSummary, search_terms
from quizapp.decks.files import deck_summaries
from quizapp.model.units import combine_digests
from quizapp.quiz.study import Counts
from quizapp.store.queries import progress_counts
from quizapp.store.schema import APPLICATION_ID, DB_FILENAME, FINGERPRINT_KEY, SCHEMA_VERSION

if TYPE_CHECKING:
    from quizapp.model.cards import Deck


class DeckListing(msgspec.Struct, frozen=True):
    """A deck as Home lists it; `terms` (casefolded) are what the deck filter looks in."""

    id: str
    title: str
    tags: tuple[str, ...]
    terms: tuple[str, ...]

    @classmethod
    def of_deck(cls, deck: Deck) -> DeckListing:
        categories, card_tags = search_terms(deck)
        return cls._make(deck.id, deck.title, deck.tags, (*categories, *card_tags))

    @classmethod
    def of_summary(cls, summary: DeckSummary) -> DeckListing:
        terms = (*summary.categories, *summary.card_tags)
        return cls._make(summary.id, summary.title, summary.tags, terms)

    @classmethod
    def _make(
        cls, deck_id: str, title: str, tags: tuple[str, ...], more: Iterable[str]
    ) -> DeckListing:
        terms = tuple(term.casefold() for term in (deck_id, title, *tags, *more))
        return cls(deck_id, title, tags, terms)

    def matches(self, needle: str) -> bool:
        """Whether a casefolded filter text occurs in the deck's id, title, tags or categories."""
        return not needle or any(needle in term for term in self.terms)


class Overview(msgspec.Struct, frozen=True):
    """Home's first paint on a warm start."""

    decks: tuple[DeckListing, ...]
    counts: dict[str, Counts]
    decks_dir: Path


def home_counts(
    db: sqlite3.Connection, unit_totals: Mapping[str, int], now: dt.datetime
) -> dict[str, Counts]:
    """Due, new and learned units per deck id (due ignores daily limits, as Home shows it).

    `unit_totals` (units per deck) must match the store's present units: true once synced.
    """
    found = progress_counts(db, unit_totals, now.timestamp())
    return {deck_id: Counts(*counts) for deck_id, counts in found.items()}


def quick_overview(
    decks_dir: Path, data_dir: Path, now: dt.datetime, cache: DeckCache
) -> Overview | None:
    """The overview from cache headers and the store, or None when it might not be exact.

    None when a deck is not fresh in the cache, or the store is missing, unreadable, of another
    schema version, or was last synced with other units than these decks' (the full load then
    syncs, migrates or reports the problem). Nothing is written.
    """
    summaries = deck_summaries([decks_dir], cache)
    if summaries is None or len({s.id for s in summaries}) != len(summaries):
        return None
    fingerprint = combine_digests((s.id, s.units_digest) for s in summaries if s.card_count)
    totals = {s.id: s.unit_count for s in summaries}
    counts = _synced_counts(data_dir / DB_FILENAME, fingerprint, totals, now)
    if counts is None:
        return None
    return Overview(tuple(DeckListing.of_summary(s) for s in summaries), counts, decks_dir)


def _synced_counts(
    path: Path, fingerprint: str, totals: Mapping[str, int], now: dt.datetime
) -> dict[str, Counts] | None:
    """Per-deck counts read from the store when it was last synced with `fingerprint`."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        if (version, app_id) != (SCHEMA_VERSION, APPLICATION_ID):
            return None
        row = db.execute("SELECT value FROM settings WHERE key = ?", (FINGERPRINT_KEY,)).fetchone()
        if row is None or row[0] != fingerprint:
            return None
        return home_counts(db, totals, now)
    except sqlite3.Error:
        return None
    finally:
        db.close()
