"""Stale facts: time-sensitive facts whose `as_of` is older than a number of years.

A leader, a hostage held, a force's strength: what was true "as of January 2014" may not be now.
`quizapp validate --stale` lists them so an instructor knows what to re-check, and Browse finds
their cards with `state:stale`. The clock is a parameter.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

import msgspec

from quizapp.model.dates import FuzzyDate, PartialDate
from quizapp.model.facts import Fact

DEFAULT_YEARS = 5


class StaleFact(msgspec.Struct, frozen=True, gc=False):
    """A time-sensitive fact and how many whole years old its `as_of` is."""

    fact_id: str
    as_of: str
    years: int
    docs: tuple[str, ...]


def last_day(date: PartialDate) -> dt.date:
    """The last day a date of this precision covers: `2014` -> 31 December 2014.

    A fact known true "in 2014" may have held until its end, so its age counts from there.
    """
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return dt.date(date.year, month, day)


def age_in_years(as_of: str, today: dt.date) -> int | None:
    """Whole years from the end of `as_of` (the end of a range) to today; None if unreadable."""
    try:
        parsed = FuzzyDate.parse(as_of)
    except ValueError:
        return None
    known = last_day(parsed.end or parsed.start)
    years = today.year - known.year - ((today.month, today.day) < (known.month, known.day))
    return max(years, 0)


def is_stale(fact: Fact, today: dt.date, older_than: int = DEFAULT_YEARS) -> bool:
    """Time-sensitive, with an `as_of` more than `older_than` whole years ago."""
    if not fact.time_sensitive or fact.as_of is None:
        return False
    age = age_in_years(fact.as_of, today)
    return age is not None and age >= older_than


def stale_facts(
    facts: Iterable[Fact], today: dt.date, older_than: int = DEFAULT_YEARS
) -> list[StaleFact]:
    """The stale facts, oldest `as_of` first."""
    found = [
        StaleFact(
            fact_id=fact.id,
            as_of=fact.as_of or "",
            years=age_in_years(fact.as_of or "", today) or 0,
            docs=tuple(dict.fromkeys(source.doc for source in fact.sources)),
        )
        for fact in facts
        if is_stale(fact, today, older_than)
    ]
    found.sort(key=lambda item: (-item.years, item.fact_id))
    return found
