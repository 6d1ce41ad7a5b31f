"""Checking the `facts:` of a deck file (format v2), field by field, with positions.

Each fact is checked against its type's struct (unknown fields get a "did you mean"), then the
facts of the file against each other: ids are unique among facts and cards, references name a
fact of the file, a dispute names a field and a cited document, `as_of` is known, and quotes from
different documents do not disagree on a typed field unless the fact says so (`disputed`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import msgspec

from quizapp.decks.fields import did_you_mean
from quizapp.decks.reader import Position, YamlList, YamlMap
from quizapp.facts.derive import TEMPLATES
from quizapp.facts.disagree import disagreements
from quizapp.model.dates import FuzzyDate
from quizapp.model.facts import (
    FACT_TYPES,
    DesignationAction,
    EventFact,
    Fact,
    FactStatus,
    RelationKind,
)

if TYPE_CHECKING:
    from quizapp.decks.metadata import SourceDates
    from quizapp.decks.validate import DeckBuilder

TYPES = tuple(FACT_TYPES)
RELATIONS = tuple(r.value for r in RelationKind)
ACTIONS = tuple(a.value for a in DesignationAction)
STATUSES = tuple(s.value for s in FactStatus)
FIGURE_KEY = re.compile(r"^[a-z][a-z_]{0,39}$")
LOOKS_LIKE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DATE_HINT = "write YYYY, YYYY-MM or YYYY-MM-DD as the text gives it; a range is START/END"


def _encoded_fields(cls: type[msgspec.Struct]) -> dict[str, bool]:
    return {f.encode_name: f.required for f in msgspec.structs.fields(cls)}


FACT_FIELDS = {kind: _encoded_fields(cls) for kind, cls in FACT_TYPES.items()}
TYPE_NAMES: dict[type, str] = {cls: kind for kind, cls in FACT_TYPES.items()}
ALL_FACT_FIELDS = frozenset({"type"}).union(*FACT_FIELDS.values())
NOT_DISPUTABLE = frozenset(
    {
        "id",
        "sources",
        "disputed",
        "tags",
        "type",
        "time_sensitive",
        "state",
        "status",
        "confidence",
        "unasked",
    }
)


class PendingRef:
    """A fact id named somewhere in the file, checked once every fact is known."""

    __slots__ = ("at", "card_id", "fact_id", "field", "ref")

    def __init__(
        self, ref: str, at: Position, field: str, fact_id: str | None, card_id: str | None
    ) -> None:
        self.ref, self.at, self.field = ref, at, field
        self.fact_id, self.card_id = fact_id, card_id


class FactChecker:
    """The facts part of one deck file; reports through the deck's builder."""

    def __init__(self, builder: DeckBuilder, dates: SourceDates | None) -> None:
        self.b = builder
        self.dates = dates
        self.refs: list[PendingRef] = []
        self.declared: set[str] = set()  # every fact id the file gives, even of a broken fact
        self.outside: dict[str, None] = {}  # fact ids cards name that no fact of the file has
        self._kind = ""  # the type of the fact being read

    def ref(self, at: Position, value: Any, key: str) -> str | None:
        """A fact id named by a fact or card field (existence is checked at the end)."""
        text = self.b._check_id(at, value, key)
        if text is not None:
            self.refs.append(PendingRef(text, at, key, self.b._fact_id, self.b._card_id))
        return text

    def ref_list(self, at: Position, value: Any, key: str) -> list[str] | None:
        items = self.b._check_strings(at, value, key)
        if items is None:
            return None
        refs = [
            self.ref(item_at, item, key)
            for item, item_at in zip(items, value.items_at, strict=True)
        ]
        return None if any(r is None for r in refs) else [r for r in refs if r is not None]

    def ref_or_text(self, at: Position, value: Any, key: str) -> str | None:
        """A fact id, or text naming what is no fact of the file ("U.S. officials").

        Text that looks like an id (lower case, no spaces) must name a fact: a misspelt id is
        reported, never taken for a speaker's name.
        """
        text = self.b._check_text(at, value, key)
        if text is not None and LOOKS_LIKE_ID.match(text):
            self.refs.append(PendingRef(text, at, key, self.b._fact_id, self.b._card_id))
        return text

    def ref_tuple(self, at: Position, value: Any, key: str) -> tuple[str, ...] | None:
        refs = self.ref_list(at, value, key)
        return None if refs is None else tuple(refs)

    def facts(self, raw: Any, at: Position) -> list[tuple[Fact, YamlMap]]:
        """Every fact that checks out, with its raw mapping (for positions later)."""
        if not isinstance(raw, YamlList):
            self.b.report(at, "'facts' must be a list of facts", "facts")
            return []
        built: list[tuple[Fact, YamlMap]] = []
        self.declared = {
            i["id"] for i in raw if isinstance(i, YamlMap) and isinstance(i.get("id"), str)
        }
        for item, item_at in zip(raw, raw.items_at, strict=True):
            fact = self._fact(item, item_at)
            if fact is not None:
                built.append((fact, item))
            self.b._fact_id = None
        return built

    def _fact(self, raw: Any, at: Position) -> Fact | None:
        b = self.b
        if not isinstance(raw, YamlMap):
            b.report(at, "a fact must be a mapping of fields")
            return None
        fact_id = raw.get("id")
        b._fact_id = fact_id if isinstance(fact_id, str) and fact_id else None
        before = len(b.problems)
        kind = raw.get("type")
        if kind is None:
            b.report(raw.at, "missing field 'type'", "type", "one of " + ", ".join(TYPES))
            return None
        if not isinstance(kind, str) or kind not in FACT_TYPES:
            close = did_you_mean(kind, TYPES) if isinstance(kind, str) else None
            message = f"unknown fact type '{kind}'" if isinstance(kind, str) else "bad 'type'"
            b.report(raw.keys_at["type"], message, "type", close or "one of " + ", ".join(TYPES))
            return None
        allowed = FACT_FIELDS[kind]
        self._kind = kind
        for key, key_at in raw.keys_at.items():
            if key == "type" or key in allowed:
                continue
            if key in ALL_FACT_FIELDS:
                b.report(key_at, f"field '{key}' does not belong on a {kind} fact", key)
            else:
                hint = did_you_mean(key, ALL_FACT_FIELDS)
                b.report(key_at, f"unknown field '{key}'", key, hint)
        for key, required in allowed.items():
            if required and key not in raw:
                b.report(raw.at, f"missing field '{key}'", key)
        values: dict[str, Any] = {"type": kind}
        for key, value in raw.items():
            if key not in allowed:
                continue
            check = FACT_CHECKS.get(key)
            if check is None:
                continue
            checked = check(self, raw.keys_at[key], value, key)
            if checked is not None:
                values[key] = checked
        if kind == "statement" and "by" not in raw and "attributed_to" not in raw:
            hint = "by: a fact id or the speaker as text"
            b.report(raw.at, "a statement needs 'by' (or 'attributed_to')", "by", hint)
        if len(b.problems) > before:
            return None
        try:
            fact: Fact = msgspec.convert(values, FACT_TYPES[kind])  # type: ignore[assignment]
        except msgspec.ValidationError as error:  # a rule the checks above do not know
            b.report(raw.at, f"not a valid {kind} fact: {error}")
            return None
        return fact

    def confidence(self, at: Position, value: Any, key: str) -> float | None:
        try:
            number = float(value) if isinstance(value, str) else None
        except ValueError:
            number = None
        if number is None or not 0.0 <= number <= 1.0:
            self.b.report(at, f"field '{key}' must be a number from 0 to 1", key)
            return None
        return number

    # ----- value checks: each returns plain data for msgspec.convert, or None after a report

    def date(self, at: Position, value: Any, key: str) -> str | None:
        text = self.b._check_text(at, value, key)
        if text is None:
            return None
        try:
            FuzzyDate.parse(text)
        except ValueError as error:
            self.b.report(at, f"field '{key}': {error}", key, DATE_HINT)
            return None
        return text

    def mapping(
        self,
        value: Any,
        at: Position,
        key: str,
        required: tuple[str, ...],
        optional: tuple[str, ...],
    ) -> dict[str, str] | None:
        """A small mapping of text fields (a source, a dispute, an alias, a role)."""
        b = self.b
        if not isinstance(value, YamlMap):
            b.report(at, f"each item of '{key}' must be a mapping", key)
            return None
        names = required + optional
        ok = True
        for sub, sub_at in value.keys_at.items():
            if sub not in names:
                hint = did_you_mean(sub, names) or "fields: " + ", ".join(names)
                b.report(sub_at, f"unknown field '{sub}' in {key}", key, hint)
                ok = False
        for name in required:
            if name not in value:
                b.report(value.at, f"{key} is missing '{name}'", key)
                ok = False
        result: dict[str, str] = {}
        for name in names:
            if name in value:
                text = b._check_text(value.keys_at[name], value[name], f"{key}.{name}")
                if text is None:
                    ok = False
                else:
                    result[name] = text
        return result if ok else None

    def entries(
        self,
        at: Position,
        value: Any,
        key: str,
        required: tuple[str, ...],
        optional: tuple[str, ...],
    ) -> list[tuple[dict[str, str], YamlMap]] | None:
        if not isinstance(value, YamlList):
            self.b.report(at, f"field '{key}' must be a list", key)
            return None
        found = []
        for item, item_at in zip(value, value.items_at, strict=True):
            entry = self.mapping(item, item_at, key, required, optional)
            if entry is None:
                return None
            found.append((entry, item))
        return found

    def sources(self, at: Position, value: Any, key: str) -> list[dict[str, str]] | None:
        found = self.entries(at, value, key, ("doc", "quote"), ())
        if found is None:
            return None
        if not found:
            self.b.report(at, "a fact needs at least one source", key)
            return None
        library = self.b.sources
        if library is not None:
            from quizapp.model.common import Source

            for entry, item in found:
                for message, advice in library.check(Source(**entry)):
                    self.b.report(item.keys_at["quote"], message, key, advice)
        return [entry for entry, _ in found]

    def disputed(self, at: Position, value: Any, key: str) -> list[dict[str, str]] | None:
        found = self.entries(at, value, key, ("field", "value", "doc"), ())
        return None if found is None else [entry for entry, _ in found]

    def aliases(self, at: Position, value: Any, key: str) -> list[dict[str, str]] | None:
        if not isinstance(value, YamlList):
            self.b.report(at, f"field '{key}' must be a list", key, "write aliases: [a, b]")
            return None
        result = []
        for item, item_at in zip(value, value.items_at, strict=True):
            if isinstance(item, str):
                text = self.b._check_text(item_at, item, key)
                entry = None if text is None else {"name": text}
            else:
                entry = self.mapping(item, item_at, key, ("name",), ("doc",))
            if entry is None:
                return None
            result.append(entry)
        return result

    def roles(self, at: Position, value: Any, key: str) -> list[dict[str, str]] | None:
        found = self.entries(at, value, key, ("role",), ("of", "date", "from", "to"))
        if found is None:
            return None
        for entry, item in found:
            if "date" in entry and ("from" in entry or "to" in entry):
                hint = "date: START/END, or from: and to:"
                self.b.report(item.at, "a role has 'date' or 'from'/'to', not both", key, hint)
                return None
            if (
                "of" in entry
                and self.ref_or_text(item.keys_at["of"], entry["of"], "roles.of") is None
            ):
                return None
            for bound in ("date", "from", "to"):
                if bound in entry and self.date(item.keys_at[bound], entry[bound], bound) is None:
                    return None
        return [entry for entry, _ in found]

    def unasked(self, at: Position, value: Any, key: str) -> tuple[str, ...] | None:
        """Template names of the fact's type (`what`, `figure.killed`...)."""
        names = self.b._check_strings(at, value, key)
        if names is None:
            return None
        kind = self._kind
        known = TEMPLATES.get(kind, ())
        for name, name_at in zip(names, value.items_at, strict=True):
            general = re.sub(r"^(figure)\.\w+$|^(role)-\d+$", _general_template, name)
            if name not in known and general not in known:
                hint = "one of " + ", ".join(known)
                self.b.report(name_at, f"'{name}' is no template of {kind} facts", key, hint)
                return None
        return names

    def figures(self, at: Position, value: Any, key: str) -> dict[str, str] | None:
        if not isinstance(value, YamlMap):
            self.b.report(at, f"field '{key}' must be a mapping such as {{killed: 33}}", key)
            return None
        result: dict[str, str] = {}
        for name, name_at in value.keys_at.items():
            if not FIGURE_KEY.match(name):
                hint = "lower-case words joined by '_', such as killed or held"
                self.b.report(name_at, f"'{name}' is not a figure name", key, hint)
                return None
            text = self.b._check_text(name_at, value[name], f"{key}.{name}")
            if text is None:
                return None
            result[name] = text
        return result

    # ----- across the file's facts

    def finish(self, built: list[tuple[Fact, YamlMap]], card_ids: dict[str, int]) -> list[Fact]:
        """Cross-fact checks; returns the facts, `as_of` filled in from source metadata."""
        b = self.b
        known: dict[str, int] = {}
        kept: list[Fact] = []
        for fact, raw in built:
            b._fact_id = fact.id
            id_at = raw.keys_at["id"]
            if fact.id in known:
                b.report(
                    id_at,
                    f"duplicate fact id '{fact.id}' (first at line {known[fact.id]})",
                    "id",
                    "every fact needs an id of its own",
                )
                continue
            if fact.id in card_ids:
                b.report(
                    id_at,
                    f"fact id '{fact.id}' is also a card id (line {card_ids[fact.id]})",
                    "id",
                    "ids must be unique across facts and cards",
                )
                continue
            known[fact.id] = id_at[0]
            before = len(b.problems)
            self._disputes(fact, raw)
            fact = self._as_of(fact, raw)
            for field in disagreements(fact):
                top = field.split(".")[0]
                b.report(
                    raw.keys_at.get(top, raw.at),
                    f"the sources give different values for '{field}'",
                    field,
                    f"add a disputed entry for '{field}' per document, or fix the quote",
                )
            if len(b.problems) == before:
                kept.append(fact)
        b._fact_id = None
        declared = self.declared
        for ref in self.refs:
            if ref.ref in declared:
                continue
            if ref.fact_id is None:  # a card may name another file's fact: the loader checks
                self.outside.setdefault(ref.ref, None)
                continue
            b._fact_id, b._card_id = ref.fact_id, ref.card_id
            hint = did_you_mean(ref.ref, declared) or (
                "name a fact of this file, or write the name as it reads"
                if ref.field in ("by", "roles.of")
                else "a fact names facts of its own deck file"
            )
            b.report(ref.at, f"unknown fact id '{ref.ref}'", ref.field, hint)
        b._fact_id = b._card_id = None
        bad_refs = {r.fact_id for r in self.refs if r.ref not in declared and r.fact_id}
        return [fact for fact in kept if fact.id not in bad_refs]

    def _disputes(self, fact: Fact, raw: YamlMap) -> None:
        if not fact.disputed:
            return
        fields = set(FACT_FIELDS[TYPE_NAMES[type(fact)]]) - NOT_DISPUTABLE
        figures = fact.figures if isinstance(fact, EventFact) else {}
        at = raw.keys_at["disputed"]
        for dispute in fact.disputed:
            name, _, sub = dispute.field.partition(".")
            a_figure = name == "figures" and sub in figures
            if not a_figure and (name not in fields or sub):
                known = sorted(fields | {f"figures.{k}" for k in figures})
                hint = did_you_mean(dispute.field, known) or "one of " + ", ".join(known)
                self.b.report(
                    at,
                    f"disputed field '{dispute.field}' is not a field of this fact",
                    "disputed",
                    hint,
                )
            library = self.b.sources
            if library is not None and (found := library.check_document(dispute.doc)):
                message, advice = found
                self.b.report(at, f"disputed: {message}", "disputed", advice)

    def _as_of(self, fact: Fact, raw: YamlMap) -> Fact:
        if fact.as_of is not None or self.dates is None:
            return fact
        found: list[FuzzyDate] = []
        for source in fact.sources:
            date = self.dates.date_of(source.doc)
            if date is None:
                self.b.report(
                    raw.at,
                    f"missing field 'as_of': source '{source.doc}' has no date",
                    "as_of",
                    "give the date the fact was true as of (YYYY-MM-DD)",
                )
                return fact
            found.append(FuzzyDate.parse(date))
        latest = max(found, key=FuzzyDate.sort_key)
        return msgspec.structs.replace(fact, as_of=latest.iso())


Check = Callable[[FactChecker, Position, Any, str], Any]


def _general_template(found: re.Match[str]) -> str:
    """`figure.killed` is the template `figure.KEY`, `role-2` is `role-N`."""
    return "figure.KEY" if found.group(1) else "role-N"


def _text(c: FactChecker, at: Position, v: Any, k: str) -> Any:
    return c.b._check_text(at, v, k)


FACT_CHECKS: dict[str, Check] = {
    "id": lambda c, at, v, k: c.b._check_id(at, v, k),
    "sources": FactChecker.sources,
    "date": FactChecker.date,
    "as_of": FactChecker.date,
    "time_sensitive": lambda c, at, v, k: c.b._check_bool(at, v, k),
    "state": lambda c, at, v, k: c.b._check_bool(at, v, k),
    "disputed": FactChecker.disputed,
    "tags": lambda c, at, v, k: c.b._check_strings(at, v, k),
    "place": FactChecker.ref,
    "to": FactChecker.ref,
    "target": FactChecker.ref,
    "by": FactChecker.ref_or_text,
    "actors": FactChecker.ref_list,
    "founders": FactChecker.ref_list,
    "from": FactChecker.ref_list,
    "figures": FactChecker.figures,
    "aliases": FactChecker.aliases,
    "roles": FactChecker.roles,
    "relation": lambda c, at, v, k: c.b._check_choice_of(at, v, k, RELATIONS),
    "action": lambda c, at, v, k: c.b._check_choice_of(at, v, k, ACTIONS),
    "status": lambda c, at, v, k: c.b._check_choice_of(at, v, k, STATUSES),
    "confidence": FactChecker.confidence,
}
for _name in ("caveat", "what", "name", "acronym", "located_in", "authority", "list", "claim"):
    FACT_CHECKS[_name] = _text
FACT_CHECKS["about"] = _text
FACT_CHECKS["unasked"] = FactChecker.unasked
FACT_CHECKS["acted_by"] = lambda c, at, v, k: c.b._check_strings(at, v, k)
FACT_CHECKS["attributed_to"] = _text
