"""Turn what the reader produced into model structs, reporting every problem on the way.

Strict at the edge: each card is checked field by field against the model, every problem is
collected with its position, and only cards without problems are built. The rest of quizapp then
trusts the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from quizapp.decks.fact_checks import FactChecker
from quizapp.decks.fields import (
    ALL_CARD_FIELDS,
    CARD_FIELDS,
    DECK_FIELDS,
    REQUIRED_CARD_FIELDS,
    REQUIRED_DECK_FIELDS,
    did_you_mean,
)
from quizapp.decks.ids import CONTENT_FIELDS, derived_card_id
from quizapp.decks.problems import Problem
from quizapp.decks.reader import QUOTE_HINT, Duplicate, Position, YamlList, YamlMap
from quizapp.decks.retired import read_retired
from quizapp.decks.sources import SourceLibrary
from quizapp.facts.derive import draw_cards
from quizapp.model.cards import (
    CARD_ID_PATTERN,
    CARD_TYPES,
    Card,
    Category,
    Deck,
    MatchPair,
    OrderItem,
    Retirement,
    Source,
    Status,
)
from quizapp.model.shapes import shape_category
from quizapp.model.units import cloze_deletions

if TYPE_CHECKING:
    from quizapp.decks.metadata import SourceDates

ID_RE = re.compile(CARD_ID_PATTERN)
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
BOOLEANS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
TEXT_FIELDS = ("question", "answer", "text", "prompt", "explanation")
LIST_FIELDS = ("tags", "aliases", "choices")  # `facts` on a card is a list of fact ids
KINDS = tuple(CARD_TYPES)
CATEGORIES = tuple(c.value for c in Category)
STATUSES = tuple(s.value for s in Status)
FIELD_ORDER: tuple[str, ...] = ("id", "kind", "category", "question", "answer", "text")
FIELD_ORDER += ("prompt", "items", "pairs", "source")


def _describe(value: Any) -> str:
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlList):
        return "a list"
    return "text"


class DeckBuilder:
    """Checks one deck file's content; `problems` holds everything found."""

    def __init__(
        self,
        file: str,
        sources: SourceLibrary | None = None,
        dates: SourceDates | None = None,
    ) -> None:
        self.file = file
        self.sources = sources
        self.problems: list[Problem] = []
        self._card_id: str | None = None
        self._fact_id: str | None = None
        self._card_lines: dict[str, int] = {}
        self.facts = FactChecker(self, dates)

    def report(
        self, at: Position, message: str, field: str | None = None, hint: str | None = None
    ) -> None:
        self.problems.append(
            Problem(
                file=self.file,
                line=at[0],
                column=at[1],
                message=message,
                card_id=self._card_id,
                fact_id=self._fact_id,
                field=field,
                hint=hint,
            )
        )

    def build(self, root: Any, duplicates: list[Duplicate], deck_id: str) -> Deck | None:
        """The deck, or None when the file is not a deck at all; problems either way."""
        for dup in duplicates:
            self.report(
                dup.at,
                f"field '{dup.key}' appears twice (first at line {dup.first_at[0]})",
                dup.key,
                "remove one of them",
            )
        if root is None or root == "":
            self.report((1, 1), "the file is empty", hint="a deck needs 'title' and 'cards'")
            return None
        if not isinstance(root, YamlMap):
            self.report(
                getattr(root, "at", (1, 1)),
                f"a deck file must be a mapping with 'title' and 'cards', not {_describe(root)}",
            )
            return None
        for key, at in root.keys_at.items():
            if key not in DECK_FIELDS:
                self.report(at, f"unknown deck field '{key}'", key, did_you_mean(key, DECK_FIELDS))
        for key in REQUIRED_DECK_FIELDS:
            if key not in root:
                self.report(root.at, f"missing deck field '{key}'", key)
        if "cards" not in root and "facts" not in root:
            hint = "a deck holds 'cards', 'facts' (format v2) or both"
            self.report(root.at, "missing deck field 'cards'", "cards", hint)
        title = self._text(root, "title")
        description = self._text(root, "description")
        tags = self._strings(root, "tags")
        cards: list[Card] | None = []
        if "cards" in root:
            cards = self._cards(root["cards"], root.keys_at["cards"])
        built = []
        if "facts" in root:
            built = self.facts.facts(root["facts"], root.keys_at["facts"])
        facts = self.facts.finish(built, self._card_lines)
        if title is None or cards is None or ("cards" not in root and "facts" not in root):
            return None
        retired: tuple[Retirement, ...] = ()
        if "retired" in root:
            retired = read_retired(root["retired"], root.keys_at["retired"], self.report)
        dates = self.facts.dates
        drawn = draw_cards(facts, cards, cite=dates.cite_as if dates else None) if facts else []
        return Deck(
            id=deck_id,
            path=self.file,
            title=title,
            description=description,
            tags=tags,
            cards=(*cards, *drawn),
            facts=tuple(facts),
            outside_facts=tuple(self.facts.outside),
            retired=retired,
        )

    def _cards(self, raw: Any, at: Position) -> list[Card] | None:
        if raw is None:
            return None
        if not isinstance(raw, YamlList):
            self.report(at, f"'cards' must be a list of cards, not {_describe(raw)}", "cards")
            return None
        cards: list[Card] = []
        seen: dict[str, int] = {}
        for item, item_at in zip(raw, raw.items_at, strict=True):
            card = self._card(item, item_at)
            self._card_id = None
            if card is None:
                continue
            id_at = item.keys_at.get("id", item.at)
            if card.id in seen:
                self._card_id = card.id
                if "id" in item:
                    hint = "every card needs an id of its own"
                else:
                    hint = "two cards ask the same question: give one of them an 'id:'"
                self.report(
                    id_at,
                    f"duplicate id '{card.id}' (first at line {seen[card.id]})",
                    "id",
                    hint,
                )
                self._card_id = None
                continue
            seen[card.id] = id_at[0]
            cards.append(card)
        self._card_lines = seen
        return cards

    def _card(self, raw: Any, at: Position) -> Card | None:
        if not isinstance(raw, YamlMap):
            self.report(at, f"a card must be a mapping of fields, not {_describe(raw)}")
            return None
        card_id = raw.get("id")
        self._card_id = card_id if isinstance(card_id, str) and card_id else None
        before = len(self.problems)
        kind = raw.get("kind")
        if kind is None:
            if "question" in raw:
                kind = "basic"
            else:
                basic = "a card with 'question' and 'answer' is basic; otherwise one of "
                self.report(raw.at, "missing field 'kind'", "kind", basic + ", ".join(KINDS))
                return None
        elif not isinstance(kind, str) or kind not in CARD_TYPES:
            close = did_you_mean(kind, KINDS) if isinstance(kind, str) else None
            self.report(
                raw.keys_at["kind"],
                f"unknown kind '{kind}'" if isinstance(kind, str) else "'kind' must be text",
                "kind",
                close or "one of " + ", ".join(KINDS),
            )
            return None
        allowed = CARD_FIELDS[kind]
        for key, key_at in raw.keys_at.items():
            if key in allowed:
                continue
            if key in ALL_CARD_FIELDS:
                self.report(key_at, f"field '{key}' does not belong on a {kind} card", key)
            else:
                self.report(
                    key_at, f"unknown field '{key}'", key, did_you_mean(key, ALL_CARD_FIELDS)
                )
        for key in sorted(REQUIRED_CARD_FIELDS[kind], key=_field_rank):
            if key not in raw:
                self.report(raw.at, f"missing field '{key}'", key)
        if self.sources is not None and "source" not in raw:
            hint = "checking sources: write source: {doc: FILE, quote: SENTENCE}"
            self.report(raw.at, "missing field 'source'", "source", hint)
        values: dict[str, Any] = {}
        for key, value in raw.items():
            if key not in allowed or key == "kind":
                continue
            checker = CHECKS.get(key)
            if checker is None:
                continue
            checked = checker(self, raw.keys_at[key], value)
            if checked is not None:
                values[key] = checked
        if kind == "cloze" and "text" in values:
            self._cloze(raw.keys_at["text"], values["text"])
        if "fact" in values and "facts" in values:
            self.report(raw.keys_at["facts"], "a card names 'fact' or 'facts', not both", "facts")
        if kind == "choice" and "choices" in values and "answer" in values:
            self._choices(raw.keys_at["choices"], values["answer"], values["choices"])
        if len(self.problems) > before:
            return None
        self._derive(kind, values)
        card: Card = CARD_TYPES[kind](**values)  # type: ignore[assignment]
        return card

    def _derive(self, kind: str, values: dict[str, Any]) -> None:
        """Fill in what a student's deck may leave out: the id (from the card's text) and the
        category (from the answer's shape)."""
        if "id" not in values:
            text = next(values[f] for f in CONTENT_FIELDS if f in values)
            values["id"] = derived_card_id(text)
            self._card_id = values["id"]
        if "category" not in values:
            values["category"] = _shape_of(kind, values)

    # ----- field checks: each returns the model value, or None after reporting a problem

    def _text(self, raw: YamlMap, key: str) -> str | None:
        if key not in raw:
            return None
        return self._check_text(raw.keys_at[key], raw[key], key)

    def _check_text(self, at: Position, value: Any, key: str) -> str | None:
        if not isinstance(value, str):
            self.report(at, f"field '{key}' must be text, not {_describe(value)}", key)
            return None
        if not value.strip():
            self.report(at, f"field '{key}' is empty", key)
            return None
        return value

    def _strings(self, raw: YamlMap, key: str) -> tuple[str, ...]:
        if key not in raw:
            return ()
        return self._check_strings(raw.keys_at[key], raw[key], key) or ()

    def _check_strings(self, at: Position, value: Any, key: str) -> tuple[str, ...] | None:
        if not isinstance(value, YamlList):
            hint = f"write {key}: [a, b] or one '- item' per line"
            self.report(at, f"field '{key}' must be a list, not {_describe(value)}", key, hint)
            return None
        bad = [v for v in value if not isinstance(v, str) or not v.strip()]
        if bad:
            self.report(at, f"every item of '{key}' must be non-empty text", key)
            return None
        return tuple(value)

    def _check_id(self, at: Position, value: Any, key: str) -> str | None:
        text = self._check_text(at, value, key)
        if text is not None and not ID_RE.match(text):
            self.report(
                at,
                f"id '{text}' is not a valid card id",
                key,
                "use letters, digits, '.', '_' and '-' (at most 100), starting with a "
                "letter or digit",
            )
            return None
        return text

    def _check_choice_of(
        self, at: Position, value: Any, key: str, options: tuple[str, ...]
    ) -> str | None:
        text = self._check_text(at, value, key)
        if text is None:
            return None
        if text not in options:
            hint = did_you_mean(text, options) or "one of " + ", ".join(options)
            self.report(at, f"unknown {key} '{text}'", key, hint)
            return None
        return text

    def _check_bool(self, at: Position, value: Any, key: str) -> bool | None:
        if isinstance(value, str) and value.lower() in BOOLEANS:
            return BOOLEANS[value.lower()]
        self.report(at, f"field '{key}' must be true or false", key)
        return None

    def _check_revision(self, at: Position, value: Any, key: str) -> int | None:
        if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 10:
            return int(value)
        self.report(at, f"field '{key}' must be a whole number (0, 1, 2, ...)", key)
        return None

    def _check_source(self, at: Position, value: Any, key: str) -> Source | None:
        if not isinstance(value, YamlMap):
            hint = "write source: {doc: FILE, quote: SENTENCE}"
            self.report(at, f"field 'source' must be a mapping, not {_describe(value)}", key, hint)
            return None
        fields = self._sub_mapping(value, ("doc", "quote"), "source")
        if fields is None:
            return None
        source = Source(doc=fields["doc"], quote=fields["quote"])
        if self.sources is not None:
            for message, advice in self.sources.check(source):
                self.report(value.keys_at["quote"], message, "source", advice)
        return source

    def _sub_mapping(
        self, value: YamlMap, names: tuple[str, str], parent: str
    ) -> dict[str, str] | None:
        ok = True
        for key, key_at in value.keys_at.items():
            if key not in names:
                # "founded in 1998" as a key: a ', ' in an unquoted value split it
                fragment = " " in key.strip() or value.get(key) in (None, "")
                hint = did_you_mean(key, names) or (
                    QUOTE_HINT if fragment else f"only {names[0]} and {names[1]}"
                )
                self.report(key_at, f"unknown field '{key}' in {parent}", parent, hint)
                ok = False
        result: dict[str, str] = {}
        for name in names:
            if name not in value:
                self.report(value.at, f"{parent} is missing '{name}'", parent)
                ok = False
                continue
            text = self._check_text(value.keys_at[name], value[name], f"{parent}.{name}")
            if text is None:
                ok = False
            else:
                result[name] = text
        return result if ok else None

    def _check_entries(
        self, at: Position, value: Any, key: str, names: tuple[str, str]
    ) -> list[dict[str, str]] | None:
        if not isinstance(value, YamlList):
            self.report(at, f"field '{key}' must be a list, not {_describe(value)}", key)
            return None
        entries: list[dict[str, str]] = []
        for item, item_at in zip(value, value.items_at, strict=True):
            if not isinstance(item, YamlMap):
                hint = f"write - {{{names[0]}: ..., {names[1]}: ...}}"
                self.report(item_at, f"each of '{key}' must be a mapping", key, hint)
                return None
            fields = self._sub_mapping(item, names, key)
            if fields is None:
                return None
            entries.append(fields)
        if len(entries) < 2:
            self.report(at, f"'{key}' needs at least 2 entries", key)
            return None
        return entries

    def _check_items(self, at: Position, value: Any, key: str) -> tuple[OrderItem, ...] | None:
        entries = self._check_entries(at, value, key, ("text", "date"))
        if entries is None:
            return None
        for entry, item_at in zip(entries, value.items_at, strict=True):
            if not DATE_RE.match(entry["date"]):
                hint = "write YYYY, YYYY-MM or YYYY-MM-DD"
                self.report(item_at, f"'{entry['date']}' is not a date", key, hint)
                return None
        return tuple(OrderItem(text=e["text"], date=e["date"]) for e in entries)

    def _check_pairs(self, at: Position, value: Any, key: str) -> tuple[MatchPair, ...] | None:
        entries = self._check_entries(at, value, key, ("left", "right"))
        if entries is None:
            return None
        lefts = [e["left"] for e in entries]
        if len(set(lefts)) < len(lefts):
            self.report(at, "two pairs have the same left side", key)
            return None
        return tuple(MatchPair(left=e["left"], right=e["right"]) for e in entries)

    def _cloze(self, at: Position, text: str) -> None:
        deletions = cloze_deletions(text)
        if not deletions:
            self.report(at, "a cloze needs at least one {{deletion}}", "text")
        elif any(not answer.strip() for answer, _ in deletions):
            self.report(at, "a cloze deletion is empty", "text")

    def _choices(self, at: Position, answer: str, choices: tuple[str, ...]) -> None:
        folded = [c.casefold() for c in choices]
        if answer.casefold() not in folded:
            self.report(at, "'choices' must include the answer", "choices")
        if len(set(folded)) < len(folded):
            self.report(at, "'choices' has the same choice twice", "choices")
        if len(choices) < 2:
            self.report(at, "'choices' needs at least 2 entries", "choices")


def _shape_of(kind: str, values: dict[str, Any]) -> Category:
    """The category a card without one gets: its answer's shape; timelines are dates."""
    if kind == "order":
        return Category.DATE
    if "answer" in values:
        return shape_category(values["answer"])
    if kind == "cloze":
        deletions = cloze_deletions(values["text"])
        return shape_category(deletions[0][0]) if deletions else Category.CONCEPT
    return Category.CONCEPT


def _maybe(convert: Callable[[str], Any], text: str | None) -> Any:
    return None if text is None else convert(text)


def _field_rank(name: str) -> int:
    return FIELD_ORDER.index(name) if name in FIELD_ORDER else len(FIELD_ORDER)


Check = Callable[[DeckBuilder, Position, Any], Any]
CHECKS: dict[str, Check] = {
    "id": lambda b, at, v: b._check_id(at, v, "id"),
    "category": lambda b, at, v: _maybe(
        Category, b._check_choice_of(at, v, "category", CATEGORIES)
    ),
    "status": lambda b, at, v: _maybe(Status, b._check_choice_of(at, v, "status", STATUSES)),
    "reverse": lambda b, at, v: b._check_bool(at, v, "reverse"),
    "revision": lambda b, at, v: b._check_revision(at, v, "revision"),
    "source": lambda b, at, v: b._check_source(at, v, "source"),
    "items": lambda b, at, v: b._check_items(at, v, "items"),
    "pairs": lambda b, at, v: b._check_pairs(at, v, "pairs"),
    "fact": lambda b, at, v: b.facts.ref(at, v, "fact"),
    "facts": lambda b, at, v: b.facts.ref_tuple(at, v, "facts"),
}


def _text_check(name: str) -> Check:
    return lambda b, at, v: b._check_text(at, v, name)


def _strings_check(name: str) -> Check:
    return lambda b, at, v: b._check_strings(at, v, name)


CHECKS.update({name: _text_check(name) for name in TEXT_FIELDS})
CHECKS.update({name: _strings_check(name) for name in LIST_FIELDS})
