"""Cards and decks as immutable values.

Structs are declared `gc=False`: they hold only text, tuples and other structs, so they can never
form a reference cycle, and a 100,000-card collection then costs the cyclic garbage collector
nothing to keep.

The deck file format is defined here once: the loader builds these structs, the JSON Schema in
`docs/deck.schema.json` is generated from them, and the compiled deck cache stores them.
"""

from __future__ import annotations

import enum
from typing import Annotated, TypeAlias

import msgspec

from quizapp.model.common import CARD_ID_PATTERN, DRAWN_ID_PATTERN, Source, Text
from quizapp.model.facts import Fact, FactId

__all__ = ["CARD_ID_PATTERN", "Source", "Text"]

CardId = Annotated[
    str,
    msgspec.Meta(
        pattern=DRAWN_ID_PATTERN,
        description="Stable identifier, unique across all decks; progress is keyed on it.",
    ),
]


class Category(enum.StrEnum):
    """What kind of fact a card teaches; multiple-choice distractors come from the same kind."""

    DATE = "date"
    NAME = "name"
    PERSON = "person"
    GROUP = "group"
    MERGER = "merger"
    DESIGNATION = "designation"
    PLACE = "place"
    FIGURE = "figure"
    CONCEPT = "concept"
    OBJECTIVE = "objective"


class Status(enum.StrEnum):
    """Whether an instructor has checked a card; the generator never overwrites reviewed cards."""

    GENERATED = "generated"
    REVIEWED = "reviewed"


class CardBase(
    msgspec.Struct,
    frozen=True,
    gc=False,
    kw_only=True,
    forbid_unknown_fields=True,
    tag_field="kind",
):
    """Fields every kind of card has."""

    id: CardId
    category: Category
    source: Source | None = None
    tags: tuple[str, ...] = ()
    explanation: str | None = None
    revision: Annotated[int, msgspec.Meta(ge=0)] = 0
    status: Status = Status.REVIEWED
    # The fact this card tests (`facts` for an order or match card over several): the card joins
    # that fact's family of siblings, and its answer shows the fact's sources.
    fact: FactId | None = None
    facts: tuple[FactId, ...] = ()

    @property
    def drawn(self) -> bool:
        """Drawn from a fact by a template (id `FACT/TEMPLATE`; written ids have no `/`): its
        form is the template's choice, e.g. recall where no fair wrong answers exist."""
        return "/" in self.id


class BasicCard(CardBase, frozen=True, tag="basic"):
    """Question and answer; `reverse` adds a second card asking the other way."""

    question: Text
    answer: Text
    reverse: bool = False


class ClozeCard(CardBase, frozen=True, tag="cloze"):
    """A sentence with `{{...}}` deletions (`{{answer::hint}}` gives a hint); one card each."""

    text: Text


class ChoiceCard(CardBase, frozen=True, tag="choice"):
    """Multiple choice; without `choices`, distractors come from cards of the same category."""

    question: Text
    answer: Text
    choices: tuple[str, ...] = ()


class TypedCard(CardBase, frozen=True, tag="typed"):
    """The student types the answer; `aliases` are other accepted spellings."""

    question: Text
    answer: Text
    aliases: tuple[str, ...] = ()


class OrderItem(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    """One event of a timeline; `date` (YYYY, YYYY-MM or YYYY-MM-DD) decides its place."""

    text: Text
    date: Annotated[str, msgspec.Meta(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class OrderCard(CardBase, frozen=True, tag="order"):
    """Put the items in chronological order."""

    prompt: Text
    items: Annotated[tuple[OrderItem, ...], msgspec.Meta(min_length=2)]


class MatchPair(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    """A left side and the right side it belongs with."""

    left: Text
    right: Text


class MatchCard(CardBase, frozen=True, tag="match"):
    """Match every left side with its right side."""

    prompt: Text
    pairs: Annotated[tuple[MatchPair, ...], msgspec.Meta(min_length=2)]


Card: TypeAlias = BasicCard | ClozeCard | ChoiceCard | TypedCard | OrderCard | MatchCard

CARD_TYPES: dict[str, type[CardBase]] = {
    "basic": BasicCard,
    "cloze": ClozeCard,
    "choice": ChoiceCard,
    "typed": TypedCard,
    "order": OrderCard,
    "match": MatchCard,
}


class Retirement(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    """A card id no longer shipped: the card that replaces it (its reviews carry over) and why."""

    id: CardId
    by: CardId
    reason: Text


class DeckDocument(msgspec.Struct, frozen=True, gc=False, kw_only=True, forbid_unknown_fields=True):
    """What a deck file holds. `retired` lists card ids the deck no longer has, each with the
    card that replaces it: a student's reviews of the old card carry over to the new one."""

    title: Text
    cards: tuple[Card, ...] = ()
    facts: tuple[Fact, ...] = ()
    description: str | None = None
    tags: tuple[str, ...] = ()
    retired: tuple[Retirement, ...] = ()


class Deck(DeckDocument, frozen=True, kw_only=True):
    """A loaded deck: the file's content plus where it came from.

    `cards` holds the written cards, then the cards drawn from `facts` (ids `FACTID/TEMPLATE`).

    `id` is the file's path relative to the decks directory, without `.yaml`; it names the deck
    in the progress store and on the command line.
    """

    id: str
    path: str
    # fact ids this file's cards name that none of its facts has: another deck file must
    outside_facts: tuple[str, ...] = ()

    @property
    def card_count(self) -> int:
        return len(self.cards)
