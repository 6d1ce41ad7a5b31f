"""The sync fingerprint taken from the deck cache: the same value as hashing every unit, so a deck
change is still seen by the progress store on the next start."""

from __future__ import annotations

import os
import random
from pathlib import Path

from store_fixtures import T0, basic, cloze, units

from quizapp.decks.cache import DeckCache
from quizapp.decks.loader import DeckSet, load_decks
from quizapp.model.units import units_fingerprint, units_of, units_of_deck
from quizapp.store.db import ProgressStore
from quizapp.study.session import StudySession, _sibling_keys_shared


def card_yaml(card_id: str, revision: int = 0, kind: str = "basic") -> str:
    if kind == "cloze":
        body = f"    kind: cloze\n    text: The {{{{GSPC}}}} became {{{{AQIM}}}} ({card_id}).\n"
    else:
        body = f"    question: Question {card_id}?\n    answer: Answer {card_id}\n"
    return (
        f"  - id: {card_id}\n{body}    category: group\n    revision: {revision}\n"
        "    source: {doc: s.txt, quote: The GSPC was founded in 1998.}\n"
    )


def write_deck(path: Path, *cards: str, title: str = "A deck") -> None:
    path.write_text(f"title: {title}\ncards:\n" + "".join(cards))
    stat = path.stat()  # dated back: a just-written file is never trusted by its mtime
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 60_000_000_000))


def make_decks(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    write_deck(folder / "a.yaml", card_yaml("a1"), card_yaml("a2", kind="cloze"))
    write_deck(folder / "b.yaml", card_yaml("b1"), card_yaml("b2"), title="B deck")
    return folder


def warm(folder: Path, cache: DeckCache) -> DeckSet:
    load_decks([folder], cache=cache)  # fills the cache
    deck_set = load_decks([folder], cache=cache)
    assert all(digest is not None for digest in deck_set.unit_digests)
    return deck_set


def test_cached_fingerprint_equals_hashing_every_unit(tmp_path: Path) -> None:
    folder = make_decks(tmp_path)
    cache = DeckCache(tmp_path / "cache")
    cold = load_decks([folder], cache=cache)
    assert all(digest is None for digest in cold.unit_digests)
    deck_set = warm(folder, cache)
    expected = units_fingerprint(deck_set.units())
    assert deck_set.units_fingerprint() == expected
    assert cold.units_fingerprint() == expected
    assert load_decks([folder]).units_fingerprint() == expected


def test_a_moved_deck_keeps_its_digest_but_changes_the_fingerprint(tmp_path: Path) -> None:
    folder = make_decks(tmp_path)
    cache = DeckCache(tmp_path / "cache")
    before = warm(folder, cache).units_fingerprint()
    (folder / "sub").mkdir()
    (folder / "b.yaml").rename(folder / "sub" / "b.yaml")
    moved = load_decks([folder], cache=cache)
    assert [d.id for d in moved.decks] == ["a", "sub/b"]
    assert moved.units_fingerprint() == units_fingerprint(moved.units())
    assert moved.units_fingerprint() != before


def test_a_deck_that_lost_cards_to_a_clash_is_hashed_again(tmp_path: Path) -> None:
    folder = make_decks(tmp_path)
    write_deck(folder / "c.yaml", card_yaml("a1"), card_yaml("c1"), title="C deck")
    cache = DeckCache(tmp_path / "cache")
    load_decks([folder], cache=cache)
    deck_set = load_decks([folder], cache=cache)
    assert any(p.card_id == "a1" for p in deck_set.problems)
    assert deck_set.unit_digests[0] is not None and deck_set.unit_digests[2] is None
    assert deck_set.units_fingerprint() == units_fingerprint(deck_set.units())


def test_the_store_sees_a_deck_change_on_a_warm_start(tmp_path: Path) -> None:
    folder = make_decks(tmp_path)
    cache = DeckCache(tmp_path / "cache")
    store = ProgressStore.open(tmp_path / "data")

    def start(deck_set: DeckSet) -> StudySession:
        all_units = deck_set.units()
        return StudySession.start(
            store,
            all_units,
            T0,
            rng=random.Random(1),
            fingerprint=deck_set.units_fingerprint(all_units),
        )

    assert start(warm(folder, cache)).last_sync.added == 5
    assert start(warm(folder, cache)).last_sync.added == 0
    write_deck(folder / "b.yaml", card_yaml("b1", revision=1), card_yaml("b3"), title="B deck")
    changed = start(warm(folder, cache)).last_sync
    assert (changed.added, changed.reset, changed.gone) == (1, 1, 1)
    again = start(load_decks([folder])).last_sync  # uncached: the same fingerprint, no resync
    assert (again.added, again.reset, again.gone) == (0, 0, 0)
    store.close()


def test_sibling_keys_shared_are_cards_with_several_units() -> None:
    cards = [basic("a", reverse=True), basic("b"), cloze("c", "{{x}} {{y}}"), cloze("d", "{{x}}")]
    assert _sibling_keys_shared(units(cards)) == frozenset({"a", "c"})
    assert _sibling_keys_shared(units([basic("a"), basic("b")])) == frozenset()


def test_units_of_deck_is_units_of_every_card() -> None:
    shipped = load_decks([Path(__file__).resolve().parents[2] / "decks"])
    kinds = {type(card).__name__ for deck in shipped.decks for card in deck.cards}
    assert {"BasicCard", "ClozeCard", "ChoiceCard", "TypedCard", "OrderCard"} <= kinds
    made = [
        basic("r", reverse=True),
        basic("s"),
        cloze("c0", "no deletion"),
        cloze("c1", "one {{x}}"),
        cloze("c3", "{{x}} {{y::hint}} {{z}}"),
    ]
    for cards, deck_id in [*((d.cards, d.id) for d in shipped.decks), (made, "made")]:
        expected = [unit for card in cards for unit in units_of(card, deck_id)]
        assert units_of_deck(cards, deck_id) == expected
    assert len(units_of_deck(made, "made")) == 2 + 1 + 1 + 1 + 3
