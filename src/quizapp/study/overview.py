"""What Home lists: each deck's title, what a filter matches, and its counts.

On a warm start this comes from the deck cache's headers and one query of the progress store, so
Home is painted before a single card is decoded or the scheduler is imported; the cards load
afterwards. That shortcut is only taken when the store was last synced with exactly these decks
(the units fingerprint says so): otherwise the counts could be stale, and the caller loads first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from quizapp.decks.cache import DeckCache, DeckSummary, search_terms
from quizapp.decks.files import deck_summaries
from quizapp.model.digests import combine_digests
from quizapp.model.progress import Counts
from quizapp.store.peek import store_exists, synced_counts

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
    """Home's first paint on a warm start; `new_store`: a new student, whose store the loader
    is about to create and fill."""

    decks: tuple[DeckListing, ...]
    counts: dict[str, Counts]
    decks_dir: Path
    new_store: bool = False


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
    listings = tuple(DeckListing.of_summary(s) for s in summaries)
    if not store_exists(data_dir):
        # A new student: every unit is new, so the counts need no store at all.
        new = {deck_id: Counts(new=total) for deck_id, total in totals.items()}
        return Overview(listings, new, decks_dir, new_store=True)
    counts = synced_counts(data_dir, fingerprint, totals, now.timestamp())
    if counts is None:
        return None
    return Overview(listings, counts, decks_dir)
