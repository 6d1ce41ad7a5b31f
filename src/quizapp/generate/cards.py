"""Facts → card proposals (plain mappings in deck-file key order, `status: generated`).

Ids derive from the fact, not from the run: the document, the kind, the answer and the sentence
are hashed, so generating again from the same text gives the same ids.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from quizapp.generate.dates import format_value
from quizapp.generate.facts import Fact
from quizapp.generate.gazetteer import TITLES
from quizapp.quiz.text import strip_accents

Card = dict[str, Any]
_Base = Callable[[str, str], Card]
BLANK = "_____"
ORDER_SET_SIZE = 5


def slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII words joined by hyphens (for readable ids); accents are transliterated
    (Zürich -> zurich), not dropped with their letter."""
    folded = strip_accents(text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", folded)
    return "-".join(words)[:limit].strip("-") or "x"


def card_id(doc: str, kind: str, answer: str, sentence: str) -> str:
    """`<doc>-<kind>-<answer slug>-<hash>`: readable and stable across runs."""
    digest = hashlib.sha1(f"{doc}\n{kind}\n{answer}\n{sentence}".encode()).hexdigest()[:8]
    return f"{slug(Path(doc).stem, 24)}-{kind}-{slug(answer, 30)}-{digest}"


def _blank(text: str, answer: str) -> str:
    index = text.find(answer)
    if index < 0:
        return text
    return text[:index] + BLANK + text[index + len(answer) :]


def _date_answer(fact: Fact) -> str:
    assert fact.date is not None
    phrase = fact.date.phrase
    if fact.date.relative:
        return format_value(fact.date.value)
    if re.match(r"(?:early|mid|late|the end of|the start of|the beginning of)\b", phrase):
        return phrase
    if fact.date.value.endswith("s"):
        return f"the {fact.date.value}"
    return format_value(fact.date.value)


def fact_card(fact: Fact, doc: str, tags: Sequence[str] = ()) -> Card | None:
    """The card that teaches one fact best, or None when no question can be built from it."""
    text = fact.sentence.text
    source = {"doc": doc, "quote": fact.quote}

    hashed = text + (f"\n{fact.event.trigger}" if fact.event is not None else "")

    def base(kind: str, answer: str) -> Card:
        return {
            "id": card_id(doc, fact.kind, answer, hashed),
            "kind": kind,
            "category": fact.kind,
            "tags": [*tags, fact.kind],
            "status": "generated",
        }

    if fact.kind == "date" and fact.date is not None:
        answer = _date_answer(fact)
        card = base("choice", answer)
        card["question"] = f"When? {_blank(text, fact.date.phrase)}"
        card["answer"] = answer
        if fact.date.relative:
            card["explanation"] = (
                f"The source says \u201c{fact.date.phrase}\u201d; the last date before it is "
                f"{fact.date.context}, so this is {answer}."
            )
    elif fact.entity is not None:
        entity_card = _entity_card(fact, base, text)
        if entity_card is None:
            return None
        card = entity_card
    elif fact.event is not None:
        card = _event_card(fact, base, text)
    else:
        return None
    card["source"] = source
    return card


def _entity_card(fact: Fact, base: _Base, text: str) -> Card | None:
    entity = fact.entity
    assert entity is not None
    if entity.kind == "group" and entity.acronym:
        card: Card = base("typed", entity.name)
        card["question"] = f"What does the acronym {entity.acronym} stand for?"
        card["answer"] = entity.name
        if entity.aliases:
            card["explanation"] = "Also called " + ", ".join(entity.aliases) + "."
        return card
    if entity.aliases:
        card = base("typed", entity.aliases[0])
        card["question"] = f"By what other name is {entity.name} known?"
        card["answer"] = entity.aliases[0]
        if len(entity.aliases) > 1:
            card["aliases"] = entity.aliases[1:]
        return card
    roles = [role for role in entity.roles if not set(role.split()) <= TITLES]
    if entity.kind == "person" and roles:
        card = base("choice", entity.name)
        card["question"] = f"Who is described as \u201c{max(roles, key=len)}\u201d?"
        card["answer"] = entity.name
        return card
    if entity.name not in text:
        return None
    card = base("choice", entity.name)
    noun = {"person": "Who", "group": "Which group", "place": "Where"}[entity.kind]
    card["question"] = f"{noun}? {_blank(text, entity.name)}"
    card["answer"] = entity.name
    return card


def _event_card(fact: Fact, base: _Base, text: str) -> Card:
    event = fact.event
    assert event is not None
    after = sorted(
        (name for name in fact.mentions if text.find(name, event.start) >= 0),
        key=lambda name: text.find(name, event.start),
    )
    before = sorted(
        (name for name in fact.mentions if 0 <= text.find(name) < event.start), key=text.find
    )
    target = after[0] if after else before[-1] if before else None
    if target is None:
        card: Card = base("cloze", event.trigger)
        card["text"] = text[: event.start] + "{{" + event.trigger + "}}" + text[event.end :]
        return card
    card = base("basic", target)
    what = "Which group" if fact.kind == "merger" else "Which group or mission"
    card["question"] = f"{what}? {_blank(text, target)}"
    card["answer"] = target
    return card


def order_cards(facts: Sequence[Fact], doc: str, tags: Sequence[str] = ()) -> list[Card]:
    """Timeline sets: the document's dated events (day, month or year), five to a card."""
    seen: set[str] = set()
    events: list[tuple[str, str, Fact]] = []
    for fact in facts:
        if fact.kind != "date" or fact.date is None or not re.fullmatch(r"[\d-]+", fact.key):
            continue
        if fact.key in seen:
            continue
        text = _event_text(fact)
        if len(text) >= 8:
            seen.add(fact.key)
            events.append((fact.key, text, fact))
    events.sort(key=lambda item: item[0])
    cards: list[Card] = []
    for start in range(0, len(events) - 1, ORDER_SET_SIZE):
        chunk = events[start : start + ORDER_SET_SIZE]
        if len(chunk) < 2:
            break
        first = chunk[0][2]
        joined = "|".join(key for key, _, _ in chunk)
        cards.append(
            {
                "id": card_id(doc, "order", joined, ""),
                "kind": "order",
                "category": "date",
                "tags": [*tags, "timeline"],
                "status": "generated",
                "prompt": "Put these events in chronological order.",
                "items": [{"text": text, "date": key} for key, text, _ in chunk],
                "explanation": "; ".join(f"{format_value(key)}: {text}" for key, text, _ in chunk),
                "source": {"doc": doc, "quote": first.quote},
            }
        )
    return cards


def _event_text(fact: Fact) -> str:
    """The clause around a date, without the date, short enough for a timeline item."""
    assert fact.date is not None
    text = fact.sentence.text
    clauses = re.split(r"(?<=[;:.])\s+|,\s+(?=(?:and|but|while|which)\b)", text)
    position = 0
    for clause in clauses:
        position = text.find(clause, position)
        if position <= fact.date.start < position + len(clause):
            text = clause
            break
        position += len(clause)
    text = text.replace(fact.date.phrase, "").strip(" ,.;:")
    text = re.sub(r"^(?:in|on|by|since|during)\s+", "", text, flags=re.I)
    text = re.sub(r"\s{2,}", " ", text).replace(" ,", ",")
    text = text[:1].upper() + text[1:]
    return text if len(text) <= 110 else text[:107].rsplit(" ", 1)[0] + "\u2026"
