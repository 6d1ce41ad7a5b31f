"""Everything a study session works on: the decks, their units, and the progress service."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.model.cards import Deck
from quizapp.model.facts import Fact
from quizapp.model.units import StudyUnit, units_of
from quizapp.quiz.choices import DistractorIndex
from quizapp.study.service import StudyService


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

    def units_in(self, deck_ids: Sequence[str] | None) -> list[StudyUnit]:
        wanted = None if deck_ids is None else set(deck_ids)
        return [u for u in self.units.values() if wanted is None or u.deck_id in wanted]
