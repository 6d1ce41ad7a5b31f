"""Questions another fact of the same file also answers, where the question texts differ.

Two facts that draw the very same question with different answers are caught when the cards
are added (`Asker.add`). What that cannot see is a question whose date another fact's date lies
within without being written the same: "Which group was designated by the U.S. Department of
State (FTO, 2003)?" is also answered by the group designated on 23 December 2003, and a
designation with no date ("Who was designated by the Treasury (SDGT)?") by every other one on
that list. A question is left out when another fact of the file certainly answers it too; a
fact that only may (its date is coarser, or it has none) is no second answer the file gives,
and a list's question never offers another listed group as a wrong answer (`Asker.unlisted`).
Each check is one pass over the file's facts with counters, never a comparison of every pair:
a file of thousands of designations costs no more per fact than one of ten.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

import msgspec

from quizapp.facts.text import normalise
from quizapp.facts.wording import authority_key
from quizapp.model.facts import DesignationFact, Fact


class Dated(msgspec.Struct, frozen=True, gc=False):
    """One fact as a question sees it: what the question says (`key`), the answer it
    expects, and the date it gives (an ISO start; None when the fact has no date)."""

    key: Hashable
    answer: Hashable
    fact_id: str
    date: str | None


class _Dates:
    """The dates of a set of facts, counted so that how many of them lie within a given date
    ("2003-12-23" within "2003") is one look-up."""

    def __init__(self) -> None:
        self.total = 0
        self.starting: Counter[str] = Counter()  # dates beginning with a prefix, per prefix

    def add(self, iso: str | None) -> None:
        self.total += 1
        for prefix in _prefixes(iso) if iso is not None else ():
            self.starting[prefix] += 1

    def within(self, iso: str | None) -> int:
        """How many of the dates lie within `iso` (counting `iso` itself if it was added);
        every one, dated or not, when `iso` is None (a question with no date)."""
        return self.total if iso is None else self.starting[iso]


def _prefixes(iso: str) -> list[str]:
    """`2003-12-23` -> `2003`, `2003-12`, `2003-12-23`."""
    parts = iso.split("-")
    return ["-".join(parts[: n + 1]) for n in range(len(parts))]


def start_of(date: str | None) -> str | None:
    """A fact's date (ISO, checked when its file was read) as the ISO text of its start: a
    range by where it begins. None for no date."""
    return date.split("/", 1)[0] if date else None


def shared_by_another(entries: Sequence[Dated]) -> set[str]:
    """Ids of the entries whose question (key and date) an entry with the same key but another
    answer also answers: its date lies within theirs, or theirs has none."""
    by_key: dict[Hashable, _Dates] = {}
    by_answer: dict[tuple[Hashable, Hashable], _Dates] = {}
    for entry in entries:
        by_key.setdefault(entry.key, _Dates()).add(entry.date)
        by_answer.setdefault((entry.key, entry.answer), _Dates()).add(entry.date)
    return {
        entry.fact_id
        for entry in entries
        if by_key[entry.key].within(entry.date)
        > by_answer[(entry.key, entry.answer)].within(entry.date)
    }


class DesignationClashes(msgspec.Struct, frozen=True, gc=False):
    """Designations whose "which authority" (`who`) or "whom" question has a second right
    answer in the file."""

    who: frozenset[str]
    whom: frozenset[str]


def designation_clashes(facts: Sequence[Fact]) -> DesignationClashes:
    """ "Which group was designated by A (L, D)?" has two answers when A acted the same way on
    list L for another group on a date within D (or D is not given); "Which authority
    designated T (L, D)?" when another authority did the same to T. An authority is one
    whatever the way it is written ("State Department", "U.S. Department of State")."""
    kinds = {fact.id: type(fact).__name__ for fact in facts}
    whom: list[Dated] = []
    who: list[Dated] = []
    for fact in facts:
        if not isinstance(fact, DesignationFact):
            continue
        authority = authority_key(fact.authority)
        listed = normalise(fact.list_)
        date = start_of(fact.date)
        # "Which group was designated" is not answered by a person designated that day
        asked = (authority, listed, fact.action, kinds.get(fact.target))
        whom.append(Dated(asked, fact.target, fact.id, date))
        who.append(Dated((fact.target, listed, fact.action), authority, fact.id, date))
    return DesignationClashes(
        who=frozenset(shared_by_another(who)), whom=frozenset(shared_by_another(whom))
    )
