"""A timeline: every dated fact in date order, each at its precision, with its sources.

Events, relations, designations, group foundings and dated statements are all on it; a fact
whose date the sources dispute carries each document's value, so both are shown. No UI here:
`quizapp timeline` prints it and the timeline screen draws it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import msgspec

from quizapp.facts.lineage import date_key, spoken
from quizapp.facts.listing import TYPE_NAMES
from quizapp.model.dates import FuzzyDate
from quizapp.model.facts import (
    DesignationFact,
    EventFact,
    Fact,
    GroupFact,
    PersonFact,
    PlaceFact,
    RelationFact,
    StatementFact,
)


class DateClaim(msgspec.Struct, frozen=True, gc=False):
    """One document's value for a disputed date."""

    value: str
    doc: str


class TimelineEntry(msgspec.Struct, frozen=True, gc=False):
    """A dated fact as the timeline shows it."""

    fact_id: str
    type: str
    date: str
    text: str
    docs: tuple[str, ...]
    groups: tuple[str, ...]
    """Fact ids of the groups the fact is about (for the group filter)."""
    disputed: tuple[DateClaim, ...] = ()
    deck: str = ""

    @property
    def year(self) -> int:
        return int(self.date[:4])

    def spoken_date(self) -> str:
        return spoken(self.date)

    def date_text(self) -> str:
        """The date, or every document's date when they differ: `2012 (a.txt) / 2011 (b.txt)`."""
        if not self.disputed:
            return self.date
        return " / ".join(f"{claim.value} ({claim.doc})" for claim in self.disputed)


class Decked(msgspec.Struct, frozen=True, gc=False):
    """A fact and the id of the deck it is in."""

    fact: Fact
    deck: str


def build_timeline(facts: Iterable[Decked]) -> list[TimelineEntry]:
    """Every fact with a valid date, ascending (a coarser date before a finer one on ties)."""
    decked = list(facts)
    labels: dict[str, str] = {}
    for item in decked:
        fact = item.fact
        if isinstance(fact, GroupFact):
            labels[fact.id] = fact.acronym or fact.name
        elif isinstance(fact, PersonFact | PlaceFact):
            labels[fact.id] = fact.name
    entries: list[TimelineEntry] = []
    for item in decked:
        fact = item.fact
        if fact.date is None or isinstance(fact, PersonFact | PlaceFact):
            continue
        try:
            FuzzyDate.parse(fact.date)
        except ValueError:
            continue
        claims = tuple(DateClaim(d.value, d.doc) for d in fact.disputed if d.field == "date")
        entries.append(
            TimelineEntry(
                fact_id=fact.id,
                type=TYPE_NAMES[type(fact)],
                date=fact.date,
                text=describe(fact, labels),
                docs=tuple(dict.fromkeys(source.doc for source in fact.sources)),
                groups=groups_of(fact),
                disputed=claims,
                deck=item.deck,
            )
        )
    entries.sort(key=lambda entry: (date_key(entry.date), entry.fact_id))
    return entries


def describe(fact: Fact, labels: dict[str, str]) -> str:
    """One line: what happened, with groups named by their acronym."""
    if isinstance(fact, RelationFact):
        sources = " + ".join(labels.get(i, i) for i in fact.from_)
        return f"{sources} \u2192 {labels.get(fact.to, fact.to)}  {fact.relation.value}"
    if isinstance(fact, DesignationFact):
        target = labels.get(fact.target, fact.target)
        return f"{fact.authority} {fact.action.value} {target} ({fact.list_})"
    if isinstance(fact, GroupFact):
        return f"{fact.acronym or fact.name} founded"
    if isinstance(fact, StatementFact):
        who = labels.get(fact.by, fact.by) if fact.by else fact.attributed_to
        return f"{who}: {fact.claim}" if who else fact.claim
    if isinstance(fact, EventFact):
        return fact.what
    return fact.id


def groups_of(fact: Fact) -> tuple[str, ...]:
    """The fact ids a fact is about (groups among them): what the group filter matches."""
    if isinstance(fact, RelationFact):
        return (*fact.from_, fact.to)
    if isinstance(fact, DesignationFact):
        return (fact.target,)
    if isinstance(fact, EventFact):
        return fact.actors
    if isinstance(fact, GroupFact):
        return (fact.id,)
    if isinstance(fact, StatementFact):
        return (fact.by,) if fact.by else ()
    return ()


def filter_timeline(
    entries: Iterable[TimelineEntry],
    *,
    groups: Collection[str] | None = None,
    types: Collection[str] | None = None,
    start_year: int | None = None,
    end_year: int | None = None,
) -> list[TimelineEntry]:
    """Entries about any of `groups`, of any of `types`, within the years (inclusive)."""
    return [
        entry
        for entry in entries
        if (groups is None or any(g in groups for g in entry.groups))
        and (types is None or entry.type in types)
        and (start_year is None or entry.year >= start_year)
        and (end_year is None or entry.year <= end_year)
    ]


def plain_line(entry: TimelineEntry) -> str:
    """`1998  GIA → GSPC  split  (aqim-backgrounder-2014.txt)`: the CLI's line."""
    return f"{entry.date_text()}  {entry.text}  ({', '.join(entry.docs)})"
