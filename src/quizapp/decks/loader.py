"""Loading deck files and folders into a DeckSet: the one entry point the rest of quizapp uses."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from quizapp.decks.files import MAX_DECK_BYTES, DeckFile, find_deck_files
from quizapp.decks.problems import Problem
from quizapp.decks.retired import replacements, retirement_problems
from quizapp.model.cards import Card, Deck
from quizapp.model.units import (
    StudyUnit,
    combine_digests,
    deck_units_digest,
    units_fingerprint,
    units_of_deck,
)
from quizapp.safety.files import UnreadableFile, read_regular

if TYPE_CHECKING:
    from quizapp.decks.cache import DeckCache
    from quizapp.decks.metadata import SourceDates
    from quizapp.decks.sources import SourceLibrary

Progress = Callable[[int, int], None]


def load_deck_text(
    data: bytes,
    file: str,
    deck_id: str,
    sources: SourceLibrary | None = None,
    dates: SourceDates | None = None,
) -> tuple[Deck | None, list[Problem]]:
    """Parse and check one deck's bytes; never raises for bad input.

    `dates` gives the source documents' metadata dates, which fill in facts' `as_of`; without
    it `as_of` is neither filled in nor required.
    """
    # Imported here: a start-up served from the deck cache never needs PyYAML or the checks.
    from quizapp.decks.reader import ReadProblem, decode, read_yaml
    from quizapp.decks.validate import DeckBuilder

    try:
        root, duplicates = read_yaml(decode(data))
    except ReadProblem as problem:
        line, column = problem.at
        return None, [
            Problem(file=file, line=line, column=column, message=problem.message, hint=problem.hint)
        ]
    builder = DeckBuilder(file, sources, dates)
    deck = builder.build(root, duplicates, deck_id)
    return deck, sorted(builder.problems, key=lambda p: (p.line, p.column))


def load_deck_file(
    deck_file: DeckFile, *, check_sources: bool = False, cache: DeckCache | None = None
) -> tuple[Deck | None, list[Problem]]:
    """One deck file from disk; with a cache, an unchanged file is not parsed again."""
    deck, problems, _ = _load_deck_file(deck_file, check_sources, cache)
    return deck, problems


def _load_deck_file(
    deck_file: DeckFile, check_sources: bool, cache: DeckCache | None
) -> tuple[Deck | None, list[Problem], str | None]:
    """`load_deck_file`, plus the deck's units digest when the cache had it (else None)."""
    data: bytes | None = None
    stat = None
    if cache is not None:
        hit = cache.lookup(deck_file, check_sources=check_sources)
        if hit.deck is not None:
            return hit.deck, [], hit.units_digest
        data, stat = hit.data, hit.stat
    if data is None:
        try:
            # Regular files only, never more than the reader's limit plus one byte.
            data = read_regular(deck_file.path, MAX_DECK_BYTES + 1)
        except UnreadableFile as error:
            return None, [Problem(file=str(deck_file.path), message=error.reason)], None
    sources = None
    if check_sources:
        from quizapp.decks.sources import SourceLibrary

        sources = SourceLibrary(deck_file.sources_dir)
    from quizapp.decks.metadata import SourceDates

    dates = SourceDates(deck_file.sources_dir)
    deck, problems = load_deck_text(data, str(deck_file.path), deck_file.deck_id, sources, dates)
    if cache is not None and stat is not None and deck is not None and not problems:
        cache.store(deck_file, deck, data, stat, sources_checked=check_sources)
    return deck, problems, None


@dataclass(frozen=True)
class DeckSet:
    """Every deck that loaded, and every problem found on the way."""

    decks: tuple[Deck, ...]
    problems: tuple[Problem, ...] = ()
    # Each deck's units digest (`deck_units_digest`) when known, from the deck cache; else None.
    unit_digests: tuple[str | None, ...] = field(default=(), repr=False, compare=False)
    _cards: dict[str, Card] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for deck in self.decks:
            for card in deck.cards:
                self._cards.setdefault(card.id, card)

    def card(self, card_id: str) -> Card:
        """The card with this id (KeyError when no deck has it)."""
        return self._cards[card_id]

    def deck(self, deck_id: str) -> Deck:
        """The deck with this id (KeyError when there is none)."""
        for deck in self.decks:
            if deck.id == deck_id:
                return deck
        raise KeyError(deck_id)

    @property
    def retired(self) -> dict[str, str]:
        """Retired card ids and the card that replaces each (see `decks.retired`)."""
        return replacements(self.decks)

    @property
    def card_count(self) -> int:
        return len(self._cards)

    def units(self) -> list[StudyUnit]:
        """Every study unit of every deck, in deck and card order."""
        units: list[StudyUnit] = []
        for deck in self.decks:
            units += units_of_deck(deck.cards, deck.id, _has_families(deck))
        return units

    def units_fingerprint(self, units: Sequence[StudyUnit] | None = None) -> str:
        """`units_fingerprint(self.units())` for the progress store's sync, without hashing every
        unit when the deck cache gave each deck's digest (a warm start). `units`, if given, must
        be `self.units()`: it is hashed for the decks whose digest is not known."""
        digests = self.unit_digests
        if len(digests) != len(self.decks) or any(
            a.id == b.id for a, b in zip(self.decks, self.decks[1:], strict=False)
        ):
            # a digest is per run of one deck id: two decks with one id in a row make one run
            return units_fingerprint(self.units() if units is None else units)
        parts = []
        for deck, digest in zip(self.decks, digests, strict=True):
            if digest is None:
                digest = deck_units_digest(units_of_deck(deck.cards, deck.id, _has_families(deck)))
            if deck.cards:
                parts.append((deck.id, digest))
        return combine_digests(parts)


def _has_families(deck: Deck) -> bool:
    """Whether a card of the deck may name a fact (only then is each card looked at)."""
    return bool(deck.facts or deck.outside_facts)


def drop_duplicate_ids(decks: Sequence[Deck]) -> tuple[list[Deck], list[Problem]]:
    """Ids must be unique across decks, facts and cards alike: later duplicates are dropped
    (a fact with the cards drawn from it) and reported."""
    first_seen: dict[str, str] = {}
    problems: list[Problem] = []
    result: list[Deck] = []
    for deck in decks:
        fact_clash = {fact.id for fact in deck.facts if fact.id in first_seen}
        for fact_id in sorted(fact_clash):
            problems.append(
                Problem(
                    file=deck.path,
                    message=f"duplicate id '{fact_id}' (also in {first_seen[fact_id]})",
                    fact_id=fact_id,
                    field="id",
                    hint="ids must be unique across the facts and cards of all decks",
                )
            )
        cards = deck.cards
        if fact_clash:
            cards = tuple(c for c in cards if not _drawn_from(c, fact_clash))
        clash = [card for card in cards if card.id in first_seen]
        for card in clash:
            problems.append(
                Problem(
                    file=deck.path,
                    message=f"duplicate id '{card.id}' (also in {first_seen[card.id]})",
                    card_id=card.id,
                    field="id",
                    hint="ids must be unique across all decks",
                )
            )
        for card in cards:
            first_seen.setdefault(card.id, deck.path)
        for fact in deck.facts:
            first_seen.setdefault(fact.id, deck.path)
        if clash or fact_clash:
            ids = {card.id for card in clash}
            kept = tuple(card for card in cards if card.id not in ids)
            facts = tuple(fact for fact in deck.facts if fact.id not in fact_clash)
            deck = msgspec.structs.replace(deck, cards=kept, facts=facts)
        result.append(deck)
    return result, problems


def unknown_outside_facts(decks: Sequence[Deck]) -> list[Problem]:
    """Cards may name a fact of another deck file; one that no deck has is reported (found
    from each deck's `outside_facts`, so a clean collection costs nothing per card)."""
    if not any(deck.outside_facts for deck in decks):
        return []
    from quizapp.decks.fields import did_you_mean

    known = {fact.id for deck in decks for fact in deck.facts}
    problems: list[Problem] = []
    for deck in decks:
        missing = [ref for ref in deck.outside_facts if ref not in known]
        for card in deck.cards if missing else ():
            named = (card.fact,) if card.fact is not None else card.facts
            for ref in named:
                if ref in missing:
                    line, column = _reference_at(deck.path, card.id, ref)
                    problems.append(
                        Problem(
                            file=deck.path,
                            line=line,
                            column=column,
                            message=f"unknown fact id '{ref}'",
                            card_id=card.id,
                            field="facts" if card.facts else "fact",
                            hint=did_you_mean(ref, known) or "no deck has a fact with this id",
                        )
                    )
    return problems


def _reference_at(path: str, card_id: str, ref: str) -> tuple[int, int]:
    """Line and column of a card's `fact:`/`facts:` naming `ref` (0, 0 when not found)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0, 0
    in_card = False
    for number, text in enumerate(lines, start=1):
        key, _, value = text.strip().lstrip("- ").partition(":")
        if key == "id":
            in_card = value.strip().strip("\"'") == card_id
        elif in_card and key in ("fact", "facts") and ref in value:
            return number, len(text) - len(text.lstrip()) + 1
    return 0, 0


def _drawn_from(card: Card, fact_ids: set[str]) -> bool:
    return card.fact in fact_ids and card.id.startswith(f"{card.fact}/")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Parsing builds a million short-lived containers without cycles; CPython's cyclic GC would
    rescan them again and again as they pile up, so it waits until the load is done. (The decks
    it leaves behind are `gc=False` structs, which the collector never tracks.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_decks(
    paths: Sequence[Path],
    *,
    check_sources: bool = False,
    cache: DeckCache | None = None,
    progress: Progress | None = None,
) -> DeckSet:
    """Load every deck under `paths`; problems are collected, never raised.

    `progress(done, total)` is called with counts of deck files (0 of N first, then after each
    file), so a UI running this in a worker can show a progress bar on a cold start.
    """
    files, problems = find_deck_files(paths)
    decks: list[Deck] = []
    digests: list[str | None] = []
    if progress is not None:
        progress(0, len(files))
    with gc_paused():
        for done, deck_file in enumerate(files, start=1):
            deck, found, digest = _load_deck_file(deck_file, check_sources, cache)
            problems.extend(found)
            if deck is not None:
                decks.append(deck)
                digests.append(digest)
            if progress is not None:
                progress(done, len(files))
        kept, clashes = drop_duplicate_ids(decks)
        clashes += unknown_outside_facts(kept)
        clashes += retirement_problems(kept)
        # a deck that lost cards to a clash no longer has the units its cached digest describes
        digests = [
            d if new is old else None for d, new, old in zip(digests, kept, decks, strict=True)
        ]
        return DeckSet(tuple(kept), tuple(problems + clashes), tuple(digests))
