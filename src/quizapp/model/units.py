"""Study units: what the scheduler schedules.

Most cards are one unit whose id is the card id. A reversed basic card adds `ID/reverse`; a cloze
card with several deletions is one unit per deletion (`ID/c1`, `ID/c2`, ...). Units of one card are
siblings and are not shown on the same day. So are the cards of one fact: the cards drawn from
it and the written cards that name it (`fact: ID`, or the first of `facts: [ID, ...]`).

Cards that quote the same source sentence are kin (`quote_groups`): one gives the other away, so
answering one buries the other for the day too. Kinship is worked out over the loaded decks, not
stored in a unit: a unit's id, sibling key and digest stay those of its own card, so a card id
still names exactly its own units and the deck cache's digests do not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import groupby

import msgspec

from quizapp.model.cards import (
    BasicCard,
    Card,
    ClozeCard,
)
from quizapp.model.digests import blake2b
from quizapp.model.digests import combine_digests as combine_digests

CLOZE_PATTERN = re.compile(r"\{\{(.+?)\}\}", re.DOTALL)


class StudyUnit(msgspec.Struct, frozen=True, gc=False):
    """One schedulable item: a card, seen one way (`variant`)."""

    uid: str
    card: Card
    deck_id: str
    variant: str = ""
    family: str = ""  # the fact the card belongs to, when it names one (`sibling_key_of`)

    @property
    def sibling_key(self) -> str:
        return self.family or self.card.id


def _in_family(unit: StudyUnit) -> StudyUnit:
    card = unit.card
    if card.fact is None and not card.facts:
        return unit
    return StudyUnit(unit.uid, card, unit.deck_id, unit.variant, sibling_key_of(card))


def sibling_key_of(card: Card) -> str:
    """The family a card belongs to: its fact's id, else its own id."""
    if card.fact is not None:
        return card.fact
    return card.facts[0] if card.facts else card.id


# A quote more cards share than this is a placeholder ("...", "see notes"), not a sentence that
# gives one card away to another: holding all but one back each day would stall a student's deck.
MAX_KIN = 20


def quote_groups(units: Iterable[StudyUnit]) -> dict[str, tuple[StudyUnit, ...]]:
    """Each unit whose card quotes a sentence some other card quotes too, with every unit
    quoting it (one tuple shared by the group, so memory stays linear). A quote is the same when
    its document and its words, whitespace aside, are; one shared by more than MAX_KIN cards is
    left out, which also bounds what an answer buries."""
    by_quote: dict[tuple[str, str], list[StudyUnit]] = {}
    for unit in units:
        source = unit.card.source
        if source is not None:
            key = (source.doc, " ".join(source.quote.split()))
            by_quote.setdefault(key, []).append(unit)
    groups: dict[str, tuple[StudyUnit, ...]] = {}
    for group in by_quote.values():
        if 1 < len({unit.card.id for unit in group}) <= MAX_KIN:
            shared = tuple(group)
            for unit in group:
                groups[unit.uid] = shared
    return groups


def quote_kin(unit: StudyUnit, groups: dict[str, tuple[StudyUnit, ...]]) -> list[str]:
    """The units of other sibling families that quote `unit`'s sentence (its own siblings are
    buried as siblings already)."""
    group = groups.get(unit.uid, ())
    return [other.uid for other in group if other.sibling_key != unit.sibling_key]


def cloze_deletions(text: str) -> list[tuple[str, str | None]]:
    """The `(answer, hint)` of each `{{answer}}` or `{{answer::hint}}` in order."""
    found: list[tuple[str, str | None]] = []
    for match in CLOZE_PATTERN.finditer(text):
        answer, sep, hint = match.group(1).partition("::")
        found.append((answer, hint if sep else None))
    return found


def cloze_count(text: str) -> int:
    """`len(cloze_deletions(text))`, without building the deletions."""
    return len(CLOZE_PATTERN.findall(text))


def units_of(card: Card, deck_id: str) -> list[StudyUnit]:
    """The study units a card makes."""
    return units_of_deck((card,), deck_id)


def units_of_deck(cards: Iterable[Card], deck_id: str, families: bool = True) -> list[StudyUnit]:
    """The study units of every card, in order: one loop, since a 100,000-card collection builds
    its units at every start and a call per card was most of that time.

    `families=False` says no card names a fact (a deck without facts or `outside_facts`), which
    spares a 100,000-card collection of v1 decks a look at every card's `fact`.
    """
    if families:
        return [_in_family(unit) for unit in units_of_deck(cards, deck_id, False)]
    units: list[StudyUnit] = []
    add = units.append
    for card in cards:
        if isinstance(card, BasicCard):
            add(StudyUnit(card.id, card, deck_id))
            if card.reverse:
                add(StudyUnit(f"{card.id}/reverse", card, deck_id, "reverse"))
        elif isinstance(card, ClozeCard) and (count := cloze_count(card.text)) > 1:
            units += [
                StudyUnit(f"{card.id}/c{n}", card, deck_id, f"c{n}") for n in range(1, count + 1)
            ]
        else:
            add(StudyUnit(card.id, card, deck_id))
    return units


def deck_units_digest(units: Iterable[StudyUnit]) -> str:
    """A digest of what sync looks at in one deck's units, in order (the deck id left out, so a
    compiled deck cache can store it and keep it when the deck file moves)."""
    digest = blake2b(digest_size=16)
    for unit in units:
        card = unit.card
        # the sibling key only when it is not the card id, so a v1 deck keeps its digest
        family = f"\x1f{unit.family}" if unit.family else ""
        digest.update(
            f"{unit.uid}\x1f{card.id}\x1f{card.category.value}\x1f{card.revision}{family}\x1e".encode()
        )
    return digest.hexdigest()


def units_fingerprint(units: Sequence[StudyUnit]) -> str:
    """A digest of everything sync looks at, in order: equal digests mean nothing to do.

    Built per run of units of one deck, so `DeckSet.units_fingerprint` gives the same value from
    per-deck digests kept in the deck cache, without hashing every unit at each start.
    """
    runs = [
        (deck_id, deck_units_digest(run)) for deck_id, run in groupby(units, lambda u: u.deck_id)
    ]
    return combine_digests(runs)
