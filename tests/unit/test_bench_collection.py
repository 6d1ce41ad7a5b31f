"""The synthetic collection of the benchmarks: valid decks, every kind, the same bytes per seed."""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from quizapp.decks import load_decks

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import make_collection


def digest(folder: Path) -> str:
    hasher = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            hasher.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return hasher.hexdigest()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> make_collection.Collection:
    out = tmp_path_factory.mktemp("collection")
    return make_collection.write_collection(out, 600, decks=3, reviews=400, seed=5)


def test_collection_loads_without_problems_even_with_source_checks(
    made: make_collection.Collection,
) -> None:
    deck_set = load_decks([made.decks_dir], check_sources=True)
    assert [p.format() for p in deck_set.problems] == []
    assert deck_set.card_count == 600
    assert [deck.title for deck in deck_set.decks] == made.titles
    assert [deck.card_count for deck in deck_set.decks] == [200, 200, 200]


def test_collection_has_every_card_kind_and_the_variants(
    made: make_collection.Collection,
) -> None:
    deck_set = load_decks([made.decks_dir])
    kinds = Counter(type(card).__name__ for deck in deck_set.decks for card in deck.cards)
    assert set(kinds) == {"BasicCard", "ClozeCard", "ChoiceCard", "TypedCard"} | {
        "OrderCard",
        "MatchCard",
    }
    variants = {unit.variant.rstrip("0123456789") for unit in deck_set.units()}
    assert {"", "reverse", "c"} <= variants


def test_review_history_has_the_size_asked_for_and_known_units(
    made: make_collection.Collection,
) -> None:
    uids = {unit.uid for unit in load_decks([made.decks_dir]).units()}
    reviews = [json.loads(line) for line in made.reviews.read_text().splitlines()]
    assert len(reviews) == 400
    assert {r["uid"] for r in reviews} <= uids
    assert {r["rating"] for r in reviews} <= {1, 2, 3, 4}
    times = [r["reviewed_at"] for r in reviews]
    assert times == sorted(times) and times[0].endswith("Z")


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    first = make_collection.write_collection(tmp_path / "a", 120, decks=2, reviews=50, seed=9)
    again = make_collection.write_collection(tmp_path / "b", 120, decks=2, reviews=50, seed=9)
    other = make_collection.write_collection(tmp_path / "c", 120, decks=2, reviews=50, seed=10)
    assert digest(first.root) == digest(again.root)
    assert digest(first.root) != digest(other.root)


def test_command_line_writes_the_collection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert make_collection.main(["50", "--out", str(tmp_path / "c"), "--decks", "2"]) == 0
    assert "50 cards in 2 decks" in capsys.readouterr().out
    assert load_decks([tmp_path / "c" / "decks"]).card_count == 50


def test_a_collection_of_facts_draws_about_the_cards_asked_for(tmp_path: Path) -> None:
    made = make_collection.write_collection(tmp_path / "facts", 384, decks=2, seed=5, facts=True)
    deck_set = load_decks([made.decks_dir], check_sources=True)
    assert [p.format() for p in deck_set.problems] == []
    assert all(deck.facts for deck in deck_set.decks)
    assert all(card.fact is not None for deck in deck_set.decks for card in deck.cards)
    assert deck_set.card_count == 384  # 2 decks of 12 bundles of 16
