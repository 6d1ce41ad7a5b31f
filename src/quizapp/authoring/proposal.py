"""One proposed fact as triage shows and edits it: its fields as text, checks, highlights, cards.

A fact in the round-trip tree holds ruamel scalars (an unquoted `2007-12-11` is read as a date,
`1998` as a number); `plain` turns it into the plain data the fact structs take, so the cards a
proposal would make are drawn by the fact layer itself. Edits are typed: a date must parse as the
fact layer's truncated ISO dates, a fact reference must be a fact id of the file or a new id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import msgspec

from quizapp.facts.derive import draw_cards, question_of
from quizapp.model.cards import Card
from quizapp.model.common import CARD_ID_PATTERN
from quizapp.model.dates import MONTHS, FuzzyDate
from quizapp.model.facts import (
    FACT_TYPES,
    DesignationAction,
    Fact,
    RelationKind,
)

ID_RE = re.compile(CARD_ID_PATTERN)
DATE_FIELDS = frozenset({"date", "as_of"})
REF_FIELDS = frozenset({"place", "to", "target", "by"})
REF_LIST_FIELDS = frozenset({"actors", "founders", "from"})
CHOICES: dict[str, tuple[str, ...]] = {
    "relation": tuple(r.value for r in RelationKind),
    "action": tuple(a.value for a in DesignationAction),
}
# Shown but not edited in triage (lists of mappings, bookkeeping).
NOT_EDITED = frozenset(
    {
        "id",
        "sources",
        "disputed",
        "aliases",
        "roles",
        "figures",
        "tags",
        "status",
        "confidence",
        # lists an instructor writes in the deck file, not in a proposal
        "unasked",
        "acted_by",
    }
)
# Fields whose values are looked for in the source sentence.
TEXT_FIELDS = ("name", "acronym", "what", "claim", "authority", "list", "attributed_to", "about")
MAX_HIGHLIGHT_TERMS = 64


@dataclass(frozen=True)
class FieldSpec:
    """An editable field of a fact type, in the type's order."""

    name: str
    required: bool
    kind: str  # text | date | ref | refs | choice | bool


def field_specs(fact_type: str) -> list[FieldSpec]:
    """The fields triage lets an instructor edit for a fact of `fact_type`."""
    cls = FACT_TYPES[fact_type]
    specs = []
    for field in msgspec.structs.fields(cls):
        name = field.encode_name
        if name in NOT_EDITED:
            continue
        if name in DATE_FIELDS:
            kind = "date"
        elif name in REF_FIELDS:
            kind = "ref"
        elif name in REF_LIST_FIELDS:
            kind = "refs"
        elif name in CHOICES:
            kind = "choice"
        elif name == "time_sensitive":
            kind = "bool"
        else:
            kind = "text"
        specs.append(FieldSpec(name, field.required, kind))
    order = {"date": 1, "as_of": 90, "time_sensitive": 91, "caveat": 92}
    return sorted(specs, key=lambda s: order.get(s.name, 0 if s.required else 50))


def plain(value: Any, key: str = "") -> Any:
    """Round-trip data as the plain text, lists and mappings the fact structs are built from."""
    if isinstance(value, Mapping):
        return {str(k): plain(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bool | str) or value is None:
        return value if not isinstance(value, str) else str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and key == "confidence":
        return float(value)
    return str(value)


def field_text(node: Mapping[str, Any], name: str) -> str:
    """A field's value as one line of text to show or edit ('' when absent)."""
    value = plain(node.get(name), name)
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) if not isinstance(v, dict) else _entry(v) for v in value)
    if isinstance(value, dict):
        return _entry(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _entry(value: dict[str, Any]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in value.items())


@dataclass(frozen=True)
class Checked:
    """What an edit would write: `value` (None removes the field), and ids it would create."""

    value: Any
    new_ids: tuple[str, ...] = ()


class FieldError(ValueError):
    """An edit that does not fit the field's type; the message says what would."""


def check_field(spec: FieldSpec, text: str, known_ids: Collection[str]) -> Checked:
    """The value `text` gives `spec`'s field, or FieldError saying why it cannot."""
    text = text.strip()
    if not text:
        if spec.required:
            raise FieldError(f"'{spec.name}' is required")
        return Checked(None)
    if spec.kind == "date":
        try:
            FuzzyDate.parse(text)
        except ValueError as error:
            raise FieldError(f"{error} (write YYYY, YYYY-MM, YYYY-MM-DD or START/END)") from None
        return Checked(text)
    if spec.kind in ("ref", "refs"):
        ids = [part.strip() for part in text.split(",")] if spec.kind == "refs" else [text]
        if any(not part for part in ids):
            raise FieldError("an empty fact id between commas")
        for part in ids:
            if not ID_RE.match(part):
                raise FieldError(f"'{part}' is not a fact id (letters, digits, . _ -)")
        known = set(known_ids)
        new = tuple(dict.fromkeys(part for part in ids if part not in known))
        return Checked(ids if spec.kind == "refs" else text, new)
    if spec.kind == "choice":
        if text not in CHOICES[spec.name]:
            raise FieldError("one of " + ", ".join(CHOICES[spec.name]))
        return Checked(text)
    if spec.kind == "bool":
        if text.lower() not in ("true", "false"):
            raise FieldError("true or false")
        return Checked(text.lower() == "true")
    return Checked(text)


def to_fact(node: Mapping[str, Any]) -> Fact:
    """The fact struct of a round-trip fact; msgspec.ValidationError when it is not valid."""
    data = plain(node)
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in FACT_TYPES:
        raise msgspec.ValidationError(f"unknown fact type {kind!r}")
    fact: Fact = msgspec.convert(data, FACT_TYPES[kind])  # type: ignore[assignment]
    return fact


@dataclass(frozen=True)
class CardPreview:
    """A card a proposal would make, as question and answer text."""

    id: str
    question: str
    answer: str


def cards_of(fact: Fact, neighbours: Sequence[Fact]) -> list[CardPreview]:
    """The cards the fact layer draws from `fact` (with the facts it names, for their names)."""
    drawn: list[Card] = draw_cards([fact, *neighbours])
    previews = []
    for card in drawn:
        if card.fact != fact.id:
            continue
        answer = getattr(card, "answer", None)
        if answer is None:
            items = getattr(card, "items", ())
            answer = " → ".join(item.text for item in items) if items else ""
        previews.append(CardPreview(card.id, question_of(card), str(answer)))
    return previews


def referenced_ids(node: Mapping[str, Any]) -> list[str]:
    """The fact ids a fact names."""
    ids: list[str] = []
    for name in REF_FIELDS:
        if isinstance(node.get(name), str):
            ids.append(str(node[name]))
    for name in REF_LIST_FIELDS:
        value = node.get(name)
        if isinstance(value, list):
            ids.extend(str(v) for v in value if isinstance(v, str))
    for role in node.get("roles") or ():
        if isinstance(role, Mapping) and isinstance(role.get("of"), str):
            ids.append(str(role["of"]))
    return ids


def highlight_terms(node: Mapping[str, Any], names: Mapping[str, list[str]]) -> list[str]:
    """The words of the fact's values to look for in its sentence: names, acronyms, what was
    said, figures, the names of the facts it names, and a date's year, month and day."""
    terms: list[str] = []
    for name in TEXT_FIELDS:
        value = node.get(name)
        if isinstance(value, str):
            terms.append(str(value))
    for alias in node.get("aliases") or ():
        value = alias.get("name") if isinstance(alias, Mapping) else alias
        if isinstance(value, str):
            terms.append(str(value))
    figures = node.get("figures")
    if isinstance(figures, Mapping):
        terms.extend(str(v) for v in figures.values())
    for ref in referenced_ids(node):
        terms.extend(names.get(ref, [ref]))
    date = plain(node.get("date"))
    if isinstance(date, str):
        try:
            parsed = FuzzyDate.parse(date)
        except ValueError:
            parsed = None
        for part in (parsed.start, parsed.end) if parsed is not None else ():
            if part is None:
                continue
            terms.append(str(part.year))
            if part.month:
                terms.append(MONTHS[part.month - 1])
    return [t for t in dict.fromkeys(terms) if len(t.strip()) >= 2][:MAX_HIGHLIGHT_TERMS]


def highlight_spans(sentence: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where the terms occur in the sentence (case-insensitive, whole words), merged, in order."""
    spans: list[tuple[int, int]] = []
    for term in terms:
        pattern = re.compile(r"(?<!\w)" + re.escape(term.strip()) + r"(?!\w)", re.IGNORECASE)
        spans.extend(match.span() for match in pattern.finditer(sentence))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
