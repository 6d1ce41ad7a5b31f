"""Answer -> commit -> next card chosen: quizapp's core against Anki's own backend, same run.

Both sides get the same collection: N review cards all due now, FSRS on, and answer them GOOD
one by one; every answer is committed before the next card is chosen. Anki is measured with
`Collection.sched.get_queued_cards` + `answer_card` (the `anki` package, optional `bench` extra:
`pip install -e '.[bench]'`). Without it, the row says so and reports no ratio.

    python benchmarks/answer_loop.py [N]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizapp.model.cards import BasicCard, Category, Source
from quizapp.model.units import units_of
from quizapp.scheduling.fsrs_adapter import Rating
from quizapp.scheduling.session import StudySession
from quizapp.store import ProgressStore

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)
TARGET_SPEEDUP = 5.0


def quizapp_seconds(count: int, folder: Path) -> float:
    """Seconds for `count` answers to review units (each committed, next unit chosen)."""
    source = Source(doc="d.md", quote="q")
    cards = [
        BasicCard(id=f"c{i}", category=Category.DATE, source=source, question="q", answer="a")
        for i in range(count)
    ]
    units = [u for c in cards for u in units_of(c, "bench")]
    store = ProgressStore.open(folder)
    session = StudySession.start(store, units, NOW, rng=random.Random(1))
    session.update_settings(new_per_day=count, reviews_per_day=count * 2)
    setup = NOW - timedelta(days=40)
    for unit in units:
        session.answer(unit, Rating.EASY, setup, 1000)
    started = time.perf_counter()
    answered = 0
    while (unit := session.next_unit(NOW)) is not None and answered < count:
        session.answer(unit, Rating.GOOD, NOW, 3000)
        answered += 1
    elapsed = time.perf_counter() - started
    store.close()
    assert answered == count, f"only {answered} review units were due"
    return elapsed / answered


def anki_seconds(count: int, folder: Path) -> float | None:
    """Seconds per answer in Anki's backend, or None when `anki` is not installed."""
    try:
        from anki.collection import Collection  # noqa: I001  (must precede anki.cards)
        from anki.cards import Card
        from anki.scheduler.v3 import CardAnswer
    except ImportError:
        return None
    col = Collection(str(folder / "bench.anki2"))
    col.set_config("fsrs", True)
    deck_id = col.decks.id("bench")
    assert deck_id is not None
    config = col.decks.config_dict_for_deck_id(deck_id)
    config["rev"]["perDay"] = count * 2
    config["new"]["perDay"] = count
    col.decks.save(config)
    model = col.models.by_name("Basic")
    assert model is not None
    for i in range(count):
        note = col.new_note(model)
        note["Front"], note["Back"] = f"q{i}", "a"
        col.add_note(note, deck_id)
    col.decks.select(deck_id)
    col.sched.set_due_date(col.find_cards("deck:bench"), "0")
    started = time.perf_counter()
    answered = 0
    while answered < count:
        queued = col.sched.get_queued_cards(fetch_limit=1)
        if not queued.cards:
            break
        entry = queued.cards[0]
        card = Card(col, backend_card=entry.card)
        card.start_timer()
        col.sched.answer_card(
            col.sched.build_answer(card=card, states=entry.states, rating=CardAnswer.GOOD)
        )
        answered += 1
    elapsed = time.perf_counter() - started
    col.close()
    assert answered == count, f"Anki had only {answered} review cards due"
    return elapsed / answered


def run(count: int = 1000) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as theirs:
        mine = quizapp_seconds(count, Path(ours))
        anki = anki_seconds(count, Path(theirs))
    row: dict[str, object] = {
        "benchmark": "answer_loop",
        "measure": f"answer+commit+next, ms per answer ({count} review cards, FSRS)",
        "value": round(mine * 1000, 4),
        "target": f">= {TARGET_SPEEDUP:.0f}x faster than Anki",
    }
    if anki is None:
        row.update(
            baseline="anki not installed (pip install -e '.[bench]'): no baseline",
            ratio=None,
            ok=None,
        )
    else:
        speedup = anki / mine
        row.update(
            baseline=f"Anki backend {anki * 1000:.4f} ms",
            ratio=round(speedup, 2),
            ok=speedup >= TARGET_SPEEDUP,
        )
        row["measure"] = str(row["measure"]) + "; ratio = Anki time / quizapp time"
    return [row]


if __name__ == "__main__":
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 1000):
        print(row)
