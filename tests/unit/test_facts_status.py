"""A fact's review status: generated facts draw generated cards, rejected facts draw none."""

from __future__ import annotations

import msgspec
import pytest

from quizapp.facts.derive import draw_cards
from quizapp.model import Fact
from quizapp.model.cards import Status

SRC = [{"doc": "d.txt", "quote": "The Armed Islamic Group (GIA) fought."}]


def group(**fields: object) -> Fact:
    base = {"id": "gia", "type": "group", "name": "Armed Islamic Group", "acronym": "GIA"}
    return msgspec.convert({"sources": SRC, **base, **fields}, Fact)  # type: ignore[arg-type]


def test_a_generated_fact_draws_generated_cards() -> None:
    cards = draw_cards([group(status="generated", confidence=0.7)])
    assert cards
    assert {card.status for card in cards} == {Status.GENERATED}


def test_a_reviewed_fact_draws_reviewed_cards() -> None:
    cards = draw_cards([group()])
    assert cards
    assert {card.status for card in cards} == {Status.REVIEWED}


def test_a_rejected_fact_draws_no_cards() -> None:
    assert draw_cards([group(status="rejected")]) == []


@pytest.mark.parametrize("confidence", [-0.1, 1.5])
def test_confidence_is_between_zero_and_one(confidence: float) -> None:
    with pytest.raises(msgspec.ValidationError):
        group(confidence=confidence)
