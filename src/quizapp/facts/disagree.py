"""Do a fact's quotes from different documents state different values for a typed field?

A fact cites several documents; when one says "thirty-three" and another "at least 60", the
course must say so (`disputed`), or the student learns one source's value as the only one. This
reads what each document's quotes state for the fact's date, its figures and its name, and names
the fields where they differ and no dispute is declared. It only reads the quotes, not the
documents, so `validate` runs it without `--sources`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from quizapp.facts.figures import numbers_in, parse_figure
from quizapp.model.dates import MONTHS, FuzzyDate, PartialDate
from quizapp.model.facts import NAMED_TYPES, EventFact, Fact

_MONTH = "|".join(MONTHS)
_DATES = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})(?:\s+(?P<d2>\d{{1,2}}),?)?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>(?:1[89]|20)\d{{2}}))\b"
)
_WORD = re.compile(r"[A-Za-z][\w'-]+")
MAX_CHARS = 20_000  # of each document's quotes: a quote is a sentence; a bigger one is not read


def dates_in(text: str) -> list[PartialDate]:
    """The dates a sentence states: `11 December 2007`, `December 11, 2007`, `May 2013`, `1998`."""
    found = []
    for match in _DATES.finditer(text):
        groups = match.groupdict()
        year = int(groups["y1"] or groups["y2"] or groups["y3"])
        month_name = groups["m1"] or groups["m2"]
        month = MONTHS.index(month_name) + 1 if month_name else 0
        day = int(groups["d1"] or groups["d2"] or 0)
        found.append(PartialDate(year, month, day if month else 0))
    return found


def _fits(stated: PartialDate, value: FuzzyDate) -> bool:
    """Whether a stated date agrees with the value at the precision both give."""
    for bound in value.bounds():
        if stated.year != bound.year:
            continue
        if stated.month and bound.month and stated.month != bound.month:
            continue
        if stated.day and bound.day and stated.day != bound.day:
            continue
        return True
    if value.end is not None:
        return value.start.year <= stated.year <= value.end.year
    return False


def _quotes_by_doc(fact: Fact) -> dict[str, str]:
    by_doc: dict[str, str] = {}
    for source in fact.sources:
        by_doc[source.doc] = by_doc.get(source.doc, "") + "\n" + source.quote
    return {doc: text[:MAX_CHARS] for doc, text in by_doc.items()}


def _differ(verdicts: Iterable[tuple[bool, frozenset[object]]]) -> bool:
    """Given per document (agrees, what it states when it does not), whether two disagree."""
    agreeing, stated = False, set()
    for agrees, values in verdicts:
        if agrees:
            agreeing = True
        elif values:
            stated.add(values)
    return bool(stated) and (agreeing or len(stated) > 1)


def disagreements(fact: Fact) -> list[str]:
    """Fields whose value the quotes of different documents state differently, undeclared."""
    by_doc = _quotes_by_doc(fact)
    if len(by_doc) < 2:
        return []
    declared = {dispute.field for dispute in fact.disputed}
    found: list[str] = []
    if fact.date is not None and "date" not in declared:
        value = FuzzyDate.parse(fact.date)
        verdicts: list[tuple[bool, frozenset[object]]] = []
        for text in by_doc.values():
            stated = dates_in(text)
            verdicts.append((any(_fits(d, value) for d in stated), frozenset(stated)))
        if _differ(verdicts):
            found.append("date")
    if isinstance(fact, EventFact):
        for key, text_value in fact.figures.items():
            figure = parse_figure(text_value)
            if figure is None or f"figures.{key}" in declared:
                continue
            verdicts = []
            for text in by_doc.values():
                numbers: frozenset[int] = frozenset(
                    n for n in numbers_in(text) if not _looks_like_year(n, figure.value)
                )
                verdicts.append((figure.value in numbers, numbers))
            if _differ(verdicts):
                found.append(f"figures.{key}")
    named = isinstance(fact, NAMED_TYPES) and "name" not in declared
    if named and _differ(_name_verdict(fact, text) for text in by_doc.values()):
        found.append("name")
    return found


def _looks_like_year(number: int, figure: int) -> bool:
    return 1800 <= number <= 2100 and not 1800 <= figure <= 2100


def _name_verdict(fact: Fact, text: str) -> tuple[bool, frozenset[object]]:
    """Whether the quote writes the name (or an alias), else the near spellings it writes."""
    assert isinstance(fact, NAMED_TYPES)
    forms = [fact.name, *(alias.name for alias in fact.aliases)]
    acronym = getattr(fact, "acronym", None)
    if acronym:
        forms.append(acronym)
    folded = text.casefold()
    if any(form.casefold() in folded for form in forms):
        return True, frozenset()
    known = {w.casefold() for form in forms for w in _WORD.findall(form)}
    near = set()
    for word in _WORD.findall(text):
        key = word.casefold()
        if len(key) < 4 or key in known:
            continue
        if any(difflib.SequenceMatcher(None, key, k).ratio() >= 0.8 for k in known if len(k) >= 4):
            near.add(key)
    return False, frozenset(near)
