"""Facts as immutable values: what a course knows, each with the sources that say so.

A deck file (format v2) may hold `facts:` beside `cards:`; cards are then drawn from the facts
by templates (`quizapp.facts`). Like cards, facts are `gc=False` frozen structs: they hold only
text, tuples and other structs, and the compiled deck cache stores them.
"""

from __future__ import annotations

import enum
from typing import Annotated, TypeAlias

import msgspec

from quizapp.model.common import CARD_ID_PATTERN, Source, Text
from quizapp.model.dates import ISO_DATE_PATTERN

FactId = Annotated[
    str,
    msgspec.Meta(
        pattern=CARD_ID_PATTERN,
        description="Stable identifier, unique across facts and cards of all decks; the cards "
        "drawn from a fact take their ids from it (`FACTID/TEMPLATE`).",
    ),
]
IsoDate = Annotated[
    str,
    msgspec.Meta(
        pattern=ISO_DATE_PATTERN,
        description="ISO date truncated to the precision the text gives: 1998, 2007-01, "
        "2007-12-11; a range is START/END.",
    ),
]
Figures = Annotated[
    dict[str, str],
    msgspec.Meta(
        description="Counts by name (killed, wounded, held...): a number as the text gives it, "
        "with its qualifier ('at least 60', 'thirty-three')."
    ),
]


class RelationKind(enum.StrEnum):
    """How two or more facts (groups, people) are related."""

    MERGER = "merger"
    SPLIT = "split"
    RENAME = "rename"
    ALLEGIANCE = "allegiance"
    AFFILIATION = "affiliation"
    LEADERSHIP = "leadership"


class DesignationAction(enum.StrEnum):
    """What an authority did to a list entry."""

    DESIGNATED = "designated"
    AMENDED = "amended"
    DELISTED = "delisted"
    REVOKED = "revoked"


class FactStatus(enum.StrEnum):
    """Whether an instructor has checked a fact. `quizapp generate` writes `generated`, never
    touches `reviewed` (or absent, which means reviewed) and keeps `rejected` facts in the file
    so the same proposal is not made again; a rejected fact draws no cards."""

    GENERATED = "generated"
    REVIEWED = "reviewed"
    REJECTED = "rejected"


Confidence = Annotated[
    float,
    msgspec.Meta(
        ge=0.0,
        le=1.0,
        description="How sure the generator is of a proposed fact (0-1); kept for triage.",
    ),
]


class Dispute(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    """The value one document gives for a field (`date`, `name`, `figures.killed`...)."""

    field: Text
    value: Text
    doc: Text


class Alias(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    """Another name or spelling; `doc` says which source writes it so."""

    name: Text
    doc: str | None = None


class Role(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    """A role held (leader, founder, affiliate...), of what (a fact id, or text when the
    organisation is no fact of the file), and when: `date` (a date or a range `A/B`), or
    `from` and/or `to` when the text gives only one end ("leader since 2004")."""

    role: Text
    of: str | None = None
    date: IsoDate | None = None
    from_: IsoDate | None = msgspec.field(default=None, name="from")
    to: IsoDate | None = None


class FactBase(
    msgspec.Struct,
    frozen=True,
    gc=False,
    kw_only=True,
    forbid_unknown_fields=True,
    tag_field="type",
):
    """Fields every fact has.

    `as_of` is when the fact was known true: the latest metadata date of its sources, filled in
    at load; a fact must give it when one of its sources has no date. A correction keeps the
    corrected value in the field, the source's value in `disputed`, and says why in `caveat`.
    """

    id: FactId
    sources: Annotated[tuple[Source, ...], msgspec.Meta(min_length=1)]
    date: IsoDate | None = None
    as_of: IsoDate | None = None
    time_sensitive: bool = False
    caveat: str | None = None
    disputed: tuple[Dispute, ...] = ()
    tags: tuple[str, ...] = ()
    status: FactStatus = FactStatus.REVIEWED
    confidence: Confidence | None = None
    unasked: Annotated[
        tuple[str, ...],
        msgspec.Meta(
            description="Templates this fact draws no card from (`what`, `when`...), when the "
            "question would have another right answer in another deck file, which the file's "
            "drawing cannot see (say why in a comment)."
        ),
    ] = ()


class EventFact(FactBase, frozen=True, tag="event"):
    """Something that happened: when, where (a place fact), who (fact ids), how many.

    `state` marks a state of affairs rather than an occurrence ("AQIM still holds two
    hostages", "MINUSMA stands at half strength"): its `date` is when the source saw it so, not
    when it began, so no card asks when it happened or puts it in a timeline (the months around
    it may be just as true); its cards say "as of" the date instead.
    """

    what: Text
    place: FactId | None = None
    actors: tuple[FactId, ...] = ()
    figures: Figures = msgspec.field(default_factory=dict)
    state: bool = False


class NamedFactBase(FactBase, frozen=True):
    """What people, groups and places have: a canonical name, other names and spellings (with
    which source writes which), an acronym, and roles with dates."""

    name: Text
    aliases: tuple[Alias, ...] = ()
    acronym: str | None = None
    roles: tuple[Role, ...] = ()


class PersonFact(NamedFactBase, frozen=True, tag="person"):
    """A person."""


class GroupFact(NamedFactBase, frozen=True, tag="group"):
    """A group, and who founded it (fact ids); `date` is when it was founded."""

    founders: tuple[FactId, ...] = ()


class PlaceFact(NamedFactBase, frozen=True, tag="place"):
    """A place, and the larger place it lies in."""

    located_in: str | None = None


class RelationFact(FactBase, frozen=True, tag="relation"):
    """`from` facts stand in `relation` to the `to` fact (e.g. GIA split -> GSPC)."""

    relation: RelationKind
    from_: Annotated[tuple[FactId, ...], msgspec.Meta(min_length=1)] = msgspec.field(name="from")
    to: FactId


class DesignationFact(FactBase, frozen=True, tag="designation"):
    """An authority's action on a list (FTO, SDGT, UN al-Qaida sanctions list...) for a target."""

    authority: Text
    list_: Text = msgspec.field(name="list")
    target: FactId
    action: DesignationAction = DesignationAction.DESIGNATED
    acted_by: Annotated[
        tuple[str, ...],
        msgspec.Meta(
            description="Who acted for the authority (the Secretary of State who signed, the "
            "President who issued the order), as names a typed answer also accepts."
        ),
    ] = ()


class StatementFact(FactBase, frozen=True, tag="statement"):
    """A claim, objective or assessment attributed to someone: `by` is a fact id (a person or
    group of the file) or the speaker as text ("U.S. officials"), or `attributed_to` gives the
    speaker as text; `about` names its subject."""

    claim: Text
    by: str | None = None
    attributed_to: str | None = None
    about: str | None = None


Fact: TypeAlias = (
    EventFact | PersonFact | GroupFact | PlaceFact | RelationFact | DesignationFact | StatementFact
)

FACT_TYPES: dict[str, type[FactBase]] = {
    "event": EventFact,
    "person": PersonFact,
    "group": GroupFact,
    "place": PlaceFact,
    "relation": RelationFact,
    "designation": DesignationFact,
    "statement": StatementFact,
}

NAMED_TYPES = (PersonFact, GroupFact, PlaceFact)


def fact_name(fact: Fact) -> str:
    """What a fact is called in a question: a name, an event's `what`, else its id."""
    if isinstance(fact, NAMED_TYPES):
        return fact.name
    if isinstance(fact, EventFact):
        return fact.what
    return fact.id
