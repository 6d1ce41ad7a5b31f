"""What a review shows with the answer of a card that tests facts.

The quotes and their documents (so the student sees the evidence), "as of <month year>" for a
fact that can change, the instructor's caveat, and for a disputed field what each source says.
Plain values: the UI renders them as literal text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import msgspec

from quizapp.model.cards import Card
from quizapp.model.common import Source
from quizapp.model.dates import FuzzyDate
from quizapp.model.facts import Fact


class SourceSays(msgspec.Struct, frozen=True, gc=False):
    """One document's value for a disputed field."""

    doc: str
    value: str


class DisputedField(msgspec.Struct, frozen=True, gc=False):
    """A field the sources disagree on, and what each says."""

    field: str
    says: tuple[SourceSays, ...]

    @property
    def label(self) -> str:
        """`figures.killed` -> `killed`: how the field reads in a sentence."""
        return self.field.rpartition(".")[2].replace("_", " ")


class FactNote(msgspec.Struct, frozen=True, gc=False):
    """Everything shown with the answer for one fact."""

    fact_id: str
    quotes: tuple[Source, ...]
    as_of: str | None  # "January 2014", for a time-sensitive fact
    caveat: str | None
    disputes: tuple[DisputedField, ...]


def note_of(fact: Fact) -> FactNote:
    disputes: dict[str, list[SourceSays]] = {}
    for dispute in fact.disputed:
        disputes.setdefault(dispute.field, []).append(SourceSays(dispute.doc, dispute.value))
    return FactNote(
        fact_id=fact.id,
        quotes=fact.sources,
        as_of=_month_year(fact.as_of) if fact.time_sensitive and fact.as_of else None,
        caveat=fact.caveat,
        disputes=tuple(DisputedField(f, tuple(says)) for f, says in disputes.items()),
    )


def _month_year(iso: str) -> str:
    """`2014-01-08` -> `January 2014`; a year stays a year."""
    start = FuzzyDate.parse(iso).start
    return start.spoken() if not start.day else f"{start.spoken().split(' ', 1)[1]}"


def notes_for(card: Card, facts: Mapping[str, Fact]) -> list[FactNote]:
    """The notes of the facts a card tests, in the order it names them (none for other cards)."""
    named: Sequence[str] = (card.fact,) if card.fact is not None else card.facts
    return [note_of(facts[fact_id]) for fact_id in named if fact_id in facts]
