"""Everything a study session works on: the decks, their units, and the progress service."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from quizapp.model.cards import Card, Deck
from quizapp.model.facts import Fact
from quizapp.model.units import StudyUnit, units_of
from quizapp.quiz.choices import DistractorIndex
from quizapp.study.service import StudyService


@dataclass(frozen=True)
class ReloadedCard:
    """A card read again after an edit, or why it could not be (then the old card stays)."""

    card: Card | None
    problem: str | None


@dataclass
class StudyContext:
    """Decks plus the study service; the distractor index is built the first time it is needed."""

    decks: tuple[Deck, ...]
    study: StudyService
    problems: tuple[str, ...] = ()
    decks_dir: Path | None = None
    persistent: bool = True
    units: dict[str, StudyUnit] = field(default_factory=dict)
    _index: DistractorIndex | None = None
    _facts: dict[str, Fact] | None = None

    def __post_init__(self) -> None:
        if not self.units:
            self.units = {u.uid: u for d in self.decks for c in d.cards for u in units_of(c, d.id)}

    @property
    def distractors(self) -> DistractorIndex:
        if self._index is None:
            self._index = DistractorIndex.from_cards(c for d in self.decks for c in d.cards)
        return self._index

    @property
    def facts(self) -> dict[str, Fact]:
        """Every deck's facts by id (format v2), for showing a fact's sources with an answer."""
        if self._facts is None:
            self._facts = {f.id: f for d in self.decks for f in d.facts}
        return self._facts

    def deck(self, deck_id: str) -> Deck | None:
        return next((d for d in self.decks if d.id == deck_id), None)

    def deck_title(self, deck_id: str) -> str:
        deck = self.deck(deck_id)
        return deck.title if deck else deck_id

    def reload_card(self, deck_id: str, card_id: str) -> ReloadedCard:
        """Read one deck file again after the student edited a card in it, and put the card's
        new text in place everywhere (decks, units, the study sessions) without a restart.

        Only the card's content changes; a card whose id was edited is a new card, which
        starts with the next start of quizapp (its progress would otherwise be guessed)."""
        from quizapp.decks.files import SOURCES_DIRNAME, DeckFile
        from quizapp.decks.loader import load_deck_file

        deck = self.deck(deck_id)
        if deck is None:
            return ReloadedCard(None, f"deck {deck_id} is no longer loaded")
        path = Path(deck.path)
        fresh, problems = load_deck_file(DeckFile(path, deck_id, path.parent / SOURCES_DIRNAME))
        mine = [p for p in problems if p.card_id in (None, card_id)]
        if fresh is None or mine:
            first = mine[0].format() if mine else "the file no longer loads"
            return ReloadedCard(None, f"the edit was not taken: {first}")
        card = next((c for c in fresh.cards if c.id == card_id), None)
        if card is None:
            return ReloadedCard(None, "the card's id changed: it is studied from the next start")
        units = [u for u in units_of(card, deck_id) if u.uid in self.units]
        for unit in units:
            self.units[unit.uid] = unit
        self.study.replace_units(units)
        cards = tuple(card if c.id == card_id else c for c in deck.cards)
        self.decks = tuple(
            msgspec.structs.replace(d, cards=cards) if d is deck else d for d in self.decks
        )
        self._index = None
        return ReloadedCard(card, None)

    def units_in(self, deck_ids: Sequence[str] | None) -> list[StudyUnit]:
        wanted = None if deck_ids is None else set(deck_ids)
        return [u for u in self.units.values() if wanted is None or u.deck_id in wanted]
