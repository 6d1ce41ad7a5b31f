"""The shipped decks: valid deck format, unique ids, every quote verbatim in its source."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml

from quizapp.decks.sources import fold, read_plain
from quizapp.model.cards import DeckDocument, Status

ROOT = Path(__file__).resolve().parents[2]
DECKS = sorted((ROOT / "decks").glob("*.yaml"))
SOURCES = ROOT / "decks" / "sources"


def load(path: Path) -> DeckDocument:
    return msgspec.convert(yaml.safe_load(path.read_text(encoding="utf-8")), DeckDocument)


@pytest.fixture(scope="module")
def decks() -> dict[str, DeckDocument]:
    return {path.stem: load(path) for path in DECKS}


def test_there_are_five_course_decks(decks: dict[str, DeckDocument]) -> None:
    assert len(decks) >= 5
    total = sum(len(deck.cards) for deck in decks.values())
    assert 150 <= total <= 400


def test_ids_are_unique_across_all_decks(decks: dict[str, DeckDocument]) -> None:
    counts = Counter(card.id for deck in decks.values() for card in deck.cards)
    assert [card_id for card_id, count in counts.items() if count > 1] == []


def test_every_quote_is_verbatim_in_its_source(decks: dict[str, DeckDocument]) -> None:
    texts = {path.name: read_plain(path) for path in SOURCES.glob("*.txt")}
    missing = [
        (card.id, card.source.quote)
        for deck in decks.values()
        for card in deck.cards
        if card.source.doc not in texts or fold(card.source.quote) not in texts[card.source.doc]
    ]
    assert missing == []


def test_no_deck_text_shows_link_syntax_or_escapes() -> None:
    for path in DECKS:
        text = path.read_text(encoding="utf-8")
        assert "](" not in text and "\\$" not in text, path.name


def test_every_card_is_reviewed_and_every_kind_is_used(decks: dict[str, DeckDocument]) -> None:
    cards = [card for deck in decks.values() for card in deck.cards]
    assert all(card.status == Status.REVIEWED for card in cards)
    assert {type(card).__name__ for card in cards} == {
        "BasicCard",
        "ClozeCard",
        "ChoiceCard",
        "TypedCard",
        "OrderCard",
        "MatchCard",
    }
    assert {card.category.value for card in cards} >= {
        "date",
        "person",
        "group",
        "merger",
        "designation",
        "place",
        "figure",
        "objective",
    }


def test_choices_include_the_answer_and_cloze_has_deletions(
    decks: dict[str, DeckDocument],
) -> None:
    for deck in decks.values():
        for card in deck.cards:
            choices: Any = getattr(card, "choices", ())
            if choices:
                assert card.answer in choices, card.id  # type: ignore[union-attr]
                assert len(set(choices)) == len(choices), card.id
            text: Any = getattr(card, "text", None)
            if isinstance(text, str):
                assert re.search(r"\{\{[^}]+\}\}", text), card.id


def test_both_sources_are_cited_and_conflicts_name_both(decks: dict[str, DeckDocument]) -> None:
    """Cards cite only shipped sources, and cite both original ones; a shipped source no card
    cites yet (the public-domain ones added ahead of the course rebuild) has typed-fact labels."""
    cards = [card for deck in decks.values() for card in deck.cards]
    cited = {card.source.doc for card in cards}
    shipped = {path.name for path in SOURCES.glob("*.txt")}
    assert {"aqim-backgrounder-2014.txt", "aqim-group-profile.txt"} <= cited <= shipped
    labels = ROOT / "tests" / "data" / "eval" / "labels"
    assert [
        doc for doc in sorted(shipped - cited) if not (labels / doc).with_suffix(".yaml").is_file()
    ] == []
    conflicts = [card for card in cards if "conflict" in card.tags]
    assert len(conflicts) >= 2
    for card in conflicts:
        words = " ".join(
            str(getattr(card, name, "") or "") for name in ("question", "answer", "explanation")
        )
        assert "backgrounder" in words and "profile" in words, card.id


def test_source_metadata_beside_each_source() -> None:
    for path in SOURCES.glob("*.txt"):
        meta = yaml.safe_load(path.with_suffix(".meta.yaml").read_text(encoding="utf-8"))
        assert {"title", "authors", "date", "kind"} <= set(meta), path.name


def test_the_validator_finds_no_problem_in_the_shipped_decks() -> None:
    from quizapp.decks import load_decks

    loaded = load_decks([ROOT / "decks"], check_sources=True)
    assert [problem.format() for problem in loaded.problems] == []
    assert loaded.card_count == sum(len(load(path).cards) for path in DECKS)
