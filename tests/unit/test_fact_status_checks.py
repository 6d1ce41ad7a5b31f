"""The validator reads a fact's `status` and `confidence` (written by the generator, by triage)."""

from __future__ import annotations

from quizapp.decks import load_deck_text
from quizapp.model.cards import Deck
from quizapp.model.facts import FactStatus

DECK = """\
title: Drafts
facts:
  - id: gspc
    type: group
    name: Salafist Group for Preaching and Combat
    status: {status}
    confidence: {confidence}
    sources:
      - {{doc: brief.txt, quote: "The GSPC was founded in 1998."}}
"""


def load(text: str) -> tuple[Deck | None, list[str]]:
    deck, problems = load_deck_text(text.encode(), "drafts.yaml", "drafts")
    return deck, [p.message for p in problems]


def test_status_and_confidence_are_read() -> None:
    deck, problems = load(DECK.format(status="generated", confidence="0.8"))
    assert problems == []
    assert deck is not None
    assert deck.facts[0].status is FactStatus.GENERATED
    assert deck.facts[0].confidence == 0.8


def test_a_bad_status_or_confidence_is_located() -> None:
    _deck, problems = load(DECK.format(status="maybe", confidence="1.5"))
    assert any("unknown status 'maybe'" in p for p in problems)
    assert any("'confidence' must be a number from 0 to 1" in p for p in problems)


def test_a_fact_without_status_is_reviewed() -> None:
    deck, problems = load(DECK.replace("    status: {status}\n", "").format(confidence="0.5"))
    assert problems == []
    assert deck is not None and deck.facts[0].status is FactStatus.REVIEWED
