"""Card search for Browse: free words plus `tag:`, `deck:`, `cat:` and `state:` filters."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from quizapp.model.units import StudyUnit
from quizapp.quiz.prompts import searchable_text
from quizapp.quiz.text import normalize

FILTERS = ("tag", "deck", "cat", "state")
STALE = "stale"


@dataclass(frozen=True)
class Query:
    """A parsed search: every word and every filter must match (filters are prefixes)."""

    words: tuple[str, ...] = ()
    filters: dict[str, str] = field(default_factory=dict)


def parse_query(text: str) -> Query:
    words: list[str] = []
    filters: dict[str, str] = {}
    for token in text.split():
        name, sep, value = token.partition(":")
        if sep and name.casefold() in FILTERS and value:
            filters[name.casefold()] = value.casefold()
        else:
            key = normalize(token)
            if key:
                words.append(key)
    return Query(tuple(words), filters)


def search(
    units: Iterable[StudyUnit],
    query: Query,
    state_of: Callable[[str], str] | None = None,
    limit: int = 500,
    stale: Callable[[StudyUnit], bool] | None = None,
) -> Iterator[StudyUnit]:
    """Units matching `query`, in deck order, at most `limit`; `state_of` is only asked last.

    `state:stale` is no store state: it keeps the units `stale` says test a time-sensitive fact
    whose "as of" date is old (see `quizapp.facts.stale`).
    """
    found = 0
    for unit in units:
        card = unit.card
        tag = query.filters.get("tag")
        if tag and not any(t.casefold().startswith(tag) for t in card.tags):
            continue
        deck = query.filters.get("deck")
        if deck and not unit.deck_id.casefold().startswith(deck):
            continue
        category = query.filters.get("cat")
        if category and not card.category.value.startswith(category):
            continue
        if query.words:
            text = normalize(searchable_text(unit))
            if not all(word in text for word in query.words):
                continue
        state = query.filters.get("state")
        # a state may have two words ("suspended leech"): state:leech finds leeches
        if state == STALE:
            if stale is None or not stale(unit):
                continue
        elif (
            state
            and state_of is not None
            and not any(word.startswith(state) for word in state_of(unit.uid).split())
        ):
            continue
        yield unit
        found += 1
        if found >= limit:
            return
