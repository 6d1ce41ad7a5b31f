"""Answer -> commit -> next card chosen: quizapp's core against Anki's own backend, same run.

Both sides get the same collection: N review cards all due now, FSRS on, and answer them GOOD
one by one; every answer is committed before the next card is chosen. The two run in
alternating chunks of answers, so a busy machine slows both alike. Anki is measured with
`Collection.sched.get_queued_cards` + `answer_card` (the `anki` package, optional `bench` extra:
`pip install -e '.[bench]'`). Without it, the row says so and reports no ratio.

    python benchmarks/answer_loop.py [N]
"""

from __future__ import annotations

import random
import statistics
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


class QuizappLoop:
    """`count` review units, all due now, in a fresh store."""

    def __init__(self, count: int, folder: Path) -> None:
        source = Source(doc="d.md", quote="q")
        cards = [
            BasicCard(id=f"c{i}", category=Category.DATE, source=source, question="q", answer="a")
            for i in range(count)
        ]
        units = [u for c in cards for u in units_of(c, "bench")]
        self.store = ProgressStore.open(folder)
        self.session = StudySession.start(self.store, units, NOW, rng=random.Random(1))
        self.session.update_settings(new_per_day=count, reviews_per_day=count * 2)
        setup = NOW - timedelta(days=40)
        for unit in units:
            self.session.answer(unit, Rating.EASY, setup, 1000)

    def answer(self, count: int) -> float:
        """Seconds for `count` answers (each committed, next unit chosen)."""
        started = time.perf_counter()
        for _ in range(count):
            unit = self.session.next_unit(NOW)
            assert unit is not None, "ran out of due review units"
            self.session.answer(unit, Rating.GOOD, NOW, 3000)
        return time.perf_counter() - started

    def close(self) -> None:
        self.store.close()


class AnkiLoop:
    """The same in Anki's backend: `count` review cards due today, FSRS on."""

    def __init__(self, count: int, folder: Path) -> None:
        from anki.collection import Collection  # noqa: I001  (must precede anki.cards)
        from anki.cards import Card
        from anki.scheduler.v3 import CardAnswer

        self._card, self._good = Card, CardAnswer.GOOD
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
        self.col = col

    def answer(self, count: int) -> float:
        col = self.col
        started = time.perf_counter()
        for _ in range(count):
            queued = col.sched.get_queued_cards(fetch_limit=1)
            assert queued.cards, "Anki ran out of due review cards"
            entry = queued.cards[0]
            card = self._card(col, backend_card=entry.card)
            card.start_timer()
            col.sched.answer_card(
                col.sched.build_answer(card=card, states=entry.states, rating=self._good)
            )
        return time.perf_counter() - started

    def close(self) -> None:
        self.col.close()


def anki_available() -> bool:
    try:
        import anki.collection  # noqa: F401
    except ImportError:
        return False
    return True


def run(count: int = 1000, rounds: int = 10) -> list[dict[str, object]]:
    """Alternate chunks of answers between quizapp and Anki so both see the same machine load;
    compare the medians of the chunks."""
    chunk = count // rounds
    mine: list[float] = []
    theirs: list[float] = []
    with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as other:
        quizapp = QuizappLoop(count, Path(ours))
        anki = AnkiLoop(count, Path(other)) if anki_available() else None
        for _ in range(rounds):
            mine.append(quizapp.answer(chunk) / chunk)
            if anki is not None:
                theirs.append(anki.answer(chunk) / chunk)
        quizapp.close()
        if anki is not None:
            anki.close()
    ours_ms = statistics.median(mine) * 1000
    row: dict[str, object] = {
        "benchmark": "answer_loop",
        "measure": f"answer+commit+next, ms per answer (median of {rounds} alternating chunks "
        f"of {chunk} answers to review cards, FSRS)",
        "value": round(ours_ms, 4),
        "target": f">= {TARGET_SPEEDUP:.0f}x faster than Anki",
    }
    if anki is None:
        row.update(
            baseline="anki not installed (pip install -e '.[bench]'): no baseline",
            ratio=None,
            ok=None,
        )
    else:
        anki_ms = statistics.median(theirs) * 1000
        speedup = anki_ms / ours_ms
        row.update(
            baseline=f"Anki backend {anki_ms:.4f} ms",
            ratio=round(speedup, 2),
            ok=speedup >= TARGET_SPEEDUP,
        )
        row["measure"] = str(row["measure"]) + "; ratio = Anki time / quizapp time"
    return [row]


if __name__ == "__main__":
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 1000):
        print(row)
