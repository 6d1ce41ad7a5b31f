"""Retired ids of the shipped course: RETIRED.md says what the decks say, every id shipped before
the rebuild is still a card or retired, and a store with reviews of every old card loses none."""

from __future__ import annotations

import random
import re
from datetime import timedelta
from pathlib import Path

import pytest
from store_fixtures import T0, basic

from quizapp.decks import DeckSet, load_decks
from quizapp.model.progress import Rating
from quizapp.model.units import StudyUnit
from quizapp.store import ProgressStore
from quizapp.study.session import StudySession

ROOT = Path(__file__).resolve().parents[2]
OLD_UNITS = ROOT / "tests" / "data" / "shipped-units-v1.txt"
ROW = re.compile(r"^\| `([^`]+)` \| `([^`]+)` \| ([\w/-]+) \| (.+) \|$")


@pytest.fixture(scope="module")
def course() -> DeckSet:
    return load_decks([ROOT / "decks"])


def old_uids() -> list[str]:
    lines = OLD_UNITS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_retired_md_lists_exactly_the_decks_retired_ids(course: DeckSet) -> None:
    table = ROOT / "decks" / "RETIRED.md"
    rows = [m.groups() for m in map(ROW.match, table.read_text("utf-8").splitlines()) if m]
    in_decks = [(r.id, r.by, deck.id, r.reason) for deck in course.decks for r in deck.retired]
    assert sorted(rows) == sorted(in_decks)
    assert course.problems == ()


def test_every_id_shipped_before_is_a_card_or_retired(course: DeckSet) -> None:
    live = {card.id for deck in course.decks for card in deck.cards}
    retired = course.retired
    old_cards = {uid.split("/")[0] for uid in old_uids()}
    assert len(old_cards) == 202
    assert sorted(c for c in old_cards if c not in live and c not in retired) == []
    assert all(retired[c] in live for c in old_cards if c in retired)


def test_a_store_with_reviews_of_every_shipped_card_loses_none(
    course: DeckSet, tmp_path: Path
) -> None:
    store = ProgressStore.open(tmp_path)
    rng = random.Random(7)
    old = [StudyUnit(uid, basic(uid.split("/")[0]), "old") for uid in old_uids()]
    now = T0
    session = StudySession.start(store, old, now, rng=rng)
    for _ in range(60):  # new cards a day are capped, siblings wait a day: answer until all are
        while (unit := session.next_unit(now)) is not None:
            session.answer(unit, Rating.EASY, now, 1200)
        reviewed = store.db.execute("SELECT COUNT(DISTINCT uid) FROM reviews").fetchone()[0]
        if reviewed == len(old):
            break
        now += timedelta(days=1)
        session = StudySession.start(store, old, now, rng=rng)
    before = dict(store.db.execute("SELECT uid, COUNT(*) FROM reviews GROUP BY uid").fetchall())
    assert len(before) == len(old)

    units = course.units()
    later = now + timedelta(days=1)
    StudySession.start(store, units, later, rng=rng, retired=course.retired)
    after = dict(store.db.execute("SELECT uid, COUNT(*) FROM reviews GROUP BY uid").fetchall())
    assert sum(after.values()) == sum(before.values())
    by_uid = {unit.uid: unit.card.id for unit in units}
    assert set(after) <= set(by_uid), "every review belongs to a unit of the new course"
    moved = store.db.execute("SELECT uid, detail FROM events WHERE kind = 'carry'").fetchall()
    for uid, detail in moved:
        old_uid = detail.removeprefix("history of retired ")
        assert by_uid[uid] == course.retired[old_uid.split("/")[0]]
    kept = [uid for uid in before if uid in by_uid]
    assert all(after[uid] >= before[uid] for uid in kept)
    assert len(moved) + len(kept) == len(before)
