"""Cards that quote the same source sentence are kin: not shown on the same day (issue 14).

Kinship is worked out over the loaded decks and never changes a unit's id, sibling key or
digest, so a card id still names exactly its own units.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from store_fixtures import T0, basic, units

from quizapp.model.cards import BasicCard, Card, Category, Source
from quizapp.model.progress import Rating
from quizapp.model.units import MAX_KIN, deck_units_digest, units_of, units_of_deck
from quizapp.store import ProgressStore, log
from quizapp.store.suspension import units_named
from quizapp.study.session import StudySession

SENTENCE = "In 2007 the GSPC renamed itself al-Qaida in the Islamic Maghreb."


def quoting(card_id: str, quote: str = SENTENCE, **fields: object) -> BasicCard:
    return BasicCard(
        id=card_id,
        category=Category.CONCEPT,
        source=Source(doc="aqim.md", quote=quote),
        question=f"Question {card_id}?",
        answer=f"Answer {card_id}",
        **fields,  # type: ignore[arg-type]
    )


def shown_on(session: StudySession, day: int) -> list[str]:
    """Answer everything the session offers on `day` (Easy: no learning steps), in order."""
    now = T0 + timedelta(days=day)
    shown: list[str] = []
    while (unit := session.next_unit(now)) is not None and unit.uid not in shown:
        session.answer(unit, Rating.EASY, now, 1000)
        shown.append(unit.uid)
    return shown


def start(tmp_path: Path, cards: list[Card], deck_ids: list[str] | None = None) -> StudySession:
    everything = units(cards[:2], "one") + units(cards[2:], "two")
    session = StudySession.start(
        ProgressStore.open(tmp_path), everything, T0, rng=random.Random(1), deck_ids=deck_ids
    )
    session.update_settings(new_per_day=1000)
    return session


def test_two_cards_quoting_one_sentence_are_not_shown_on_the_same_day(tmp_path: Path) -> None:
    # the same sentence, spaced differently, is the same quote
    cards: list[Card] = [
        quoting("renamed"),
        quoting("when-renamed", SENTENCE.replace(" ", "  \n", 2)),
    ]
    cards.append(quoting("other", "A sentence of its own."))
    session = start(tmp_path, cards)
    first = shown_on(session, 0)
    assert "other" in first
    assert len({"renamed", "when-renamed"} & set(first)) == 1, first
    later = shown_on(session, 1)
    assert {"renamed", "when-renamed"} - set(first) <= set(later), "the held-back one comes next"


def test_undo_gives_back_the_card_its_answer_buried(tmp_path: Path) -> None:
    session = start(tmp_path, [quoting("renamed"), quoting("when-renamed")])
    first = session.next_unit(T0)
    assert first is not None
    session.answer(first, Rating.EASY, T0, 1000)
    assert session.next_unit(T0) is None, "its kin is buried for the day"
    assert session.today(T0).new == 0
    assert session.undo(T0) == first
    assert session.today(T0).new == 2, "undo gave the buried card back"
    session.bury(first, T0)
    other = session.next_unit(T0)
    assert other is not None and other.uid == "when-renamed", "the other one can be studied now"


def test_kin_in_a_deck_outside_the_session_is_buried_too(tmp_path: Path) -> None:
    cards: list[Card] = [
        quoting("renamed"),
        quoting("mine", "Mine alone."),
        quoting("when-renamed"),
    ]
    only_one = start(tmp_path, cards, deck_ids=["one"])
    assert sorted(shown_on(only_one, 0)) == ["mine", "renamed"]
    everything = StudySession.start(
        only_one.store, units(cards[:2], "one") + units(cards[2:], "two"), T0, rng=random.Random(2)
    )
    assert shown_on(everything, 0) == [], "deck two's card quoting the same sentence waits"
    assert shown_on(everything, 1) == ["when-renamed"]


def test_kinship_leaves_unit_ids_sibling_keys_and_digests_alone() -> None:
    kin = [quoting("renamed", reverse=True), quoting("when-renamed")]
    apart = [quoting("renamed", "One.", reverse=True), quoting("when-renamed", "Two.")]
    for card in kin:
        assert units_of(card, "d") == units_of_deck([card], "d")
    assert [u.sibling_key for u in units_of_deck(kin, "d")] == ["renamed"] * 2 + ["when-renamed"]
    assert deck_units_digest(units_of_deck(kin, "d")) == deck_units_digest(
        units_of_deck(apart, "d")
    )


def test_a_card_id_unsuspends_all_and_only_its_own_units(tmp_path: Path) -> None:
    # a written card of fact `gspc` with a reverse side, a card drawn from that fact, a cloze
    written = quoting("gspc-named", fact="gspc", reverse=True)
    drawn = quoting("gspc/acronym", fact="gspc")
    cards: list[Card] = [
        written,
        drawn,
        basic("gspc-named-too"),
        basic("gspc-named-c", reverse=True),
    ]
    all_units = units_of_deck(cards, "d")
    assert {u.sibling_key for u in all_units[:3]} == {"gspc"}, "one fact family"
    store = ProgressStore.open(tmp_path)
    StudySession.start(store, all_units, T0, rng=random.Random(1))
    log.set_suspended(store, [u.uid for u in all_units], True, T0.timestamp())
    named = units_named(store, ["gspc-named", "gspc", "gspc/acronym", "gspc-named-c/reverse"])
    assert named == {
        "gspc-named": ["gspc-named", "gspc-named/reverse"],
        "gspc": [],
        "gspc/acronym": ["gspc/acronym"],
        "gspc-named-c/reverse": ["gspc-named-c/reverse"],
    }


def test_a_placeholder_quote_shared_by_many_cards_holds_nothing_back(tmp_path: Path) -> None:
    cards: list[Card] = [quoting(f"note-{n}", "...") for n in range(MAX_KIN + 1)]
    session = start(tmp_path, cards)
    assert len(shown_on(session, 0)) == MAX_KIN + 1
