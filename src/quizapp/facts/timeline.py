"""A timeline: every dated fact in date order, each at its precision, with its sources.

Events, relations, designations, group foundings and dated statements are all on it; a fact
whose date the sources dispute carries each document's value, so both are shown. No UI here:
`quizapp timeline` prints it and the timeline screen draws it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

import msgspec

from quizapp.facts.lineage import UNDATED, DateClaim, claims_text, date_claims, date_key, spoken
from quizapp.facts.listing import TYPE_NAMES
from quizapp.facts.text import short_name
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
    state: bool = False
    """A state of affairs seen on its date (`state: true`), not something that happened then:
    shown, but never an item of an ordering drill."""

    @property
    def year(self) -> int:
        return int(self.date[:4])

    def spoken_date(self) -> str:
        return spoken(self.date)

    def date_text(self) -> str:
        """The date, or every value with its documents when they differ:
        `2013-08 (a.txt, b.txt) / 2013-05 (c.txt)`."""
        if not self.disputed:
            return self.date
        return claims_text(self.disputed)


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
            labels[fact.id] = short_name(fact.name, fact.acronym)
        elif isinstance(fact, PersonFact | PlaceFact):
            labels[fact.id] = fact.name
    keyed: list[tuple[tuple[int, int, int, int], str, TimelineEntry]] = []
    for item in decked:
        fact = item.fact
        if fact.date is None or isinstance(fact, PersonFact | PlaceFact):
            continue
        key = date_key(fact.date)
        if key == UNDATED:
            continue
        entry = TimelineEntry(
            fact_id=fact.id,
            type=TYPE_NAMES[type(fact)],
            date=fact.date,
            text=describe(fact, labels),
            docs=tuple(dict.fromkeys(source.doc for source in fact.sources)),
            groups=groups_of(fact),
            disputed=date_claims(fact) if fact.disputed else (),
            deck=item.deck,
            state=isinstance(fact, EventFact) and fact.state,
        )
        keyed.append((key, fact.id, entry))
    keyed.sort(key=lambda item: (item[0], item[1]))
    return [entry for _key, _id, entry in keyed]


def describe(fact: Fact, labels: dict[str, str]) -> str:
    """One line: what happened, with groups named by their acronym."""
    if isinstance(fact, RelationFact):
        sources = " + ".join(labels.get(i, i) for i in fact.from_)
        return f"{sources} \u2192 {labels.get(fact.to, fact.to)}  {fact.relation.value}"
    if isinstance(fact, DesignationFact):
        target = labels.get(fact.target, fact.target)
        return f"{fact.authority} {fact.action.value} {target} ({fact.list_})"
    if isinstance(fact, GroupFact):
        return f"{short_name(fact.name, fact.acronym)} founded"
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


# -- the scale the timeline screen draws -----------------------------------------------------

BARS = " \u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class ScaleRow(msgspec.Struct, frozen=True, gc=False):
    """One row of the scale: an entry (`entry` is its index) or a collapsed gap of years."""

    entry: int | None
    year: str
    """The year label, on the first row of each year; '' below it."""
    mark: str
    text: str


def scale_rows(entries: Sequence[TimelineEntry]) -> list[ScaleRow]:
    """Dense years get a row per fact; a stretch of years with nothing dated is one row.

    So the busiest periods are expanded and empty decades cost one line, while the year labels
    keep the scale readable.
    """
    rows: list[ScaleRow] = []
    previous: int | None = None
    for index, entry in enumerate(entries):
        year = entry.year
        if previous is not None and year - previous > 1:
            first, last = previous + 1, year - 1
            span = str(first) if first == last else f"{first}\u2013{last}"
            count = last - first + 1
            rows.append(ScaleRow(None, "", "\u2506", f"{span}: {count} year{'s' * (count > 1)}"))
        new_year = year != previous
        rows.append(
            ScaleRow(index, str(year) if new_year else "", "\u253c" if new_year else "\u2502", "")
        )
        previous = year
    return rows


def short_date(entry: TimelineEntry) -> str:
    """The part of the date below the year: `Jan`, `27 Mar`, '' for a year; a range `/...`."""
    flag = " *" if entry.disputed else ""  # the entry's detail says what each source gives
    try:
        date = FuzzyDate.parse(entry.date)
    except ValueError:
        return ""
    start = date.start
    text = ""
    if start.month:
        text = MONTH_ABBR[start.month - 1]
        if start.day:
            text = f"{start.day} {text}"
    if date.end is not None:
        text = (text + " " if text else "") + f"to {date.end.iso()}"
    return (text + flag).strip()


def density(entries: Sequence[TimelineEntry], width: int) -> tuple[str, int, int]:
    """A one-line histogram of facts per period across `width` cells: (bars, first, last year)."""
    if not entries or width < 1:
        return "", 0, 0
    first, last = entries[0].year, entries[-1].year
    span = last - first + 1
    cells = max(1, min(width, span))
    counts = [0] * cells
    for entry in entries:
        counts[(entry.year - first) * cells // span] += 1
    top = max(counts)
    bars = "".join(BARS[0 if c == 0 else 1 + (c * (len(BARS) - 2)) // top] for c in counts)
    return bars, first, last


class TimelineFilter(msgspec.Struct, frozen=True, gc=False):
    """What the timeline screen's filter box asks for; None or empty means any."""

    groups: frozenset[str] | None = None
    types: frozenset[str] | None = None
    start_year: int | None = None
    end_year: int | None = None
    words: tuple[str, ...] = ()
    unknown_groups: tuple[str, ...] = ()


def parse_filter(text: str, group_names: Mapping[str, Sequence[str]]) -> TimelineFilter:
    """`group:aqim type:event 2007-2013 hostage`: groups by id, name, acronym or alias (a
    name with spaces in quotes is not needed: `group:MUJAO`), types, a year or a range of years,
    and words the line must contain. `group_names` maps group ids to their spellings."""
    groups: set[str] = set()
    unknown: list[str] = []
    types: set[str] = set()
    start = end = None
    words: list[str] = []
    for token in text.split():
        name, sep, value = token.partition(":")
        key = name.casefold()
        if sep and key == "group" and value:
            wanted = value.casefold()
            hits = {
                gid
                for gid, names in group_names.items()
                if any(name.casefold() == wanted for name in names)
            }
            groups |= hits
            if not hits:
                unknown.append(value)
        elif sep and key == "type" and value:
            types.add(value.casefold())
        elif (years := _years(token)) is not None:
            start, end = years
        else:
            words.append(token.casefold())
    return TimelineFilter(
        groups=frozenset(groups) if groups or unknown else None,
        types=frozenset(types) if types else None,
        start_year=start,
        end_year=end,
        words=tuple(words),
        unknown_groups=tuple(unknown),
    )


def _years(token: str) -> tuple[int, int] | None:
    first, sep, last = token.replace("\u2013", "-").partition("-")
    if not (first.isdigit() and len(first) == 4):
        return None
    if not sep:
        return int(first), int(first)
    if last.isdigit() and len(last) == 4:
        return int(first), int(last)
    return None


def apply_filter(entries: Iterable[TimelineEntry], wanted: TimelineFilter) -> list[TimelineEntry]:
    """The entries the filter keeps, in order."""
    kept = filter_timeline(
        entries,
        groups=wanted.groups,
        types=wanted.types,
        start_year=wanted.start_year,
        end_year=wanted.end_year,
    )
    if wanted.words:
        kept = [e for e in kept if all(w in e.text.casefold() for w in wanted.words)]
    return kept


def order_items(entries: Sequence[TimelineEntry], most: int = 5) -> list[TimelineEntry]:
    """Entries with distinct dates, spread evenly over the span: an ordering drill's items (no
    disputed date, and no state: the months around a state's date may be as true)."""
    by_date: dict[str, TimelineEntry] = {}
    for entry in entries:
        if not entry.disputed and not entry.state:
            by_date.setdefault(entry.date, entry)
    distinct = list(by_date.values())
    if len(distinct) <= most:
        return distinct
    step = (len(distinct) - 1) / (most - 1)
    return [distinct[round(i * step)] for i in range(most)]
