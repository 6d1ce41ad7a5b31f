"""A fact's cards are one family: never two on one day, and answering one buries the rest."""

from __future__ import annotations

import random
from collections import Counter
from datetime import timedelta
from pathlib import Path

from store_fixtures import T0

from quizapp.decks import load_decks
from quizapp.model.progress import Rating
from quizapp.store import ProgressStore
from quizapp.study.session import StudySession

FACTS = Path(__file__).parents[1] / "data" / "facts"


def test_one_card_per_fact_a_day_until_every_card_is_seen(tmp_path: Path) -> None:
    deck_set = load_decks([FACTS])
    units = deck_set.units()
    families = Counter(unit.sibling_key for unit in units)
    family = {unit.uid: unit.sibling_key for unit in units}
    quote = {unit.uid: unit.card.source and unit.card.source.quote for unit in units}
    assert families["gspc-split-from-gia"] == 4, "three drawn cards and the written order card"
    session = StudySession.start(ProgressStore.open(tmp_path), units, T0, rng=random.Random(3))
    session.update_settings(new_per_day=1000)
    seen: set[str] = set()
    for day in range(10):
        now = T0 + timedelta(days=day)
        today: list[str] = []
        while (unit := session.next_unit(now)) is not None and unit.uid not in today:
            session.answer(unit, Rating.EASY, now, 1000)
            today.append(unit.uid)
        keys = [family[uid] for uid in today]
        assert len(set(keys)) == len(keys), f"day {day}: two cards of one fact: {keys}"
        quotes = [quote[uid] for uid in today if quote[uid]]
        assert len(set(quotes)) == len(quotes), f"day {day}: two cards quote one sentence"
        if day == 0:
            held = {family[uid] for uid in today} | set(quotes)
            assert all(family[uid] in held or quote[uid] in held for uid in family), (
                "on the first day only siblings and kin of what was shown are held back"
            )
        seen.update(today)
    assert seen == set(family), "every card of every fact comes up, a day apart"
