"""Documents → candidate facts → deck YAML, by rules (no network, no model).

`propose(document)` gives the cards for one document; `quizapp generate` merges them into a
deck file without touching reviewed cards.
"""

from __future__ import annotations

from pathlib import Path

from quizapp.generate.cards import Card, fact_card, order_cards, slug
from quizapp.generate.document import Document, parse_document, read_document
from quizapp.generate.facts import Fact, extract_facts

__all__ = ["Card", "Document", "Fact", "parse_document", "propose", "read_document"]


def propose(document: Document) -> list[Card]:
    """Card proposals for one document, in a stable order, with unique ids."""
    tags = [slug(Path(document.name).stem, 40)]
    facts = extract_facts(document)
    cards: list[Card] = []
    seen: set[str] = set()
    for card in [
        *(fact_card(fact, document.name, tags) for fact in facts),
        *order_cards(facts, document.name, tags),
    ]:
        if card is not None and card["id"] not in seen:
            seen.add(card["id"])
            cards.append(card)
    return cards
