"""Answer -> commit -> next card chosen: quizapp's core against Anki's own backend, same run.

Both sides get the same collection: review cards all due now, FSRS on, and answer them GOOD one
by one; every answer is committed before the next card is chosen. Anki is measured with
`Collection.sched.get_queued_cards` + `answer_card` (the `anki` package, optional `bench` extra:
`pip install -e '.[bench]'`). Without it, the row says so and reports no ratio.

The machine is shared and noisy, so the two sides take turns in many short rounds (who goes
first alternates), each round gives one ratio (Anki's time / quizapp's time for the same number
of answers), and the result is the median of those ratios: a burst of load spoils a round or
two, not the figure. A warm-up round is run and discarded. The spread (25th..75th percentile of
the round ratios) and the same ratio in CPU time are reported beside it.

    python benchmarks/answer_loop.py [ROUNDS [ANSWERS_PER_ROUND]]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import harness

from quizapp.model.cards import BasicCard, Category, Source
from quizapp.model.progress import Rating
from quizapp.model.units import units_of
from quizapp.store import ProgressStore
from quizapp.study.session import StudySession

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)
TARGET_SPEEDUP = 5.0
ROUNDS = 41
QUICK_ROUNDS = 15
CHUNK = 150
ANKI_MAX_PER_DAY = 9999  # Anki does not apply a larger daily limit (it runs out of cards)


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

    def answer(self, count: int) -> None:
        """`count` answers, each committed before the next unit is chosen."""
        session = self.session
        for _ in range(count):
            unit = session.next_unit(NOW)
            assert unit is not None, "ran out of due review units"
            session.answer(unit, Rating.GOOD, NOW, 3000)

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
        config["rev"]["perDay"] = min(count * 2, ANKI_MAX_PER_DAY)
        config["new"]["perDay"] = min(count, ANKI_MAX_PER_DAY)
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

    def answer(self, count: int) -> None:
        col = self.col
        for _ in range(count):
            queued = col.sched.get_queued_cards(fetch_limit=1)
            assert queued.cards, "Anki ran out of due review cards"
            entry = queued.cards[0]
            card = self._card(col, backend_card=entry.card)
            card.start_timer()
            col.sched.answer_card(
                col.sched.build_answer(card=card, states=entry.states, rating=self._good)
            )

    def close(self) -> None:
        self.col.close()


def anki_available() -> bool:
    try:
        import anki.collection  # noqa: F401
    except ImportError:
        return False
    return True


def timed(loop: QuizappLoop | AnkiLoop, count: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for `count` answers."""
    wall, cpu = time.perf_counter(), time.process_time()
    loop.answer(count)
    return time.perf_counter() - wall, time.process_time() - cpu


def run(rounds: int | None = None, chunk: int = CHUNK) -> list[dict[str, object]]:
    """Take turns in `rounds` rounds of `chunk` answers each; report the median round ratio."""
    if rounds is None:
        rounds = QUICK_ROUNDS if harness.quick() else ROUNDS
    count = (rounds + 1) * chunk
    mine: list[float] = []
    wall_ratios: list[float] = []
    cpu_ratios: list[float] = []
    theirs: list[float] = []
    with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as other:
        quizapp = QuizappLoop(count, Path(ours))
        anki = AnkiLoop(count, Path(other)) if anki_available() else None
        quizapp.answer(chunk)
        if anki is not None:
            anki.answer(chunk)
        for number in range(rounds):
            if anki is None:
                mine.append(timed(quizapp, chunk)[0] / chunk)
                continue
            if number % 2:
                their_wall, their_cpu = timed(anki, chunk)
                my_wall, my_cpu = timed(quizapp, chunk)
            else:
                my_wall, my_cpu = timed(quizapp, chunk)
                their_wall, their_cpu = timed(anki, chunk)
            mine.append(my_wall / chunk)
            theirs.append(their_wall / chunk)
            wall_ratios.append(their_wall / my_wall)
            cpu_ratios.append(their_cpu / my_cpu if my_cpu > 0 else float("inf"))
        quizapp.close()
        if anki is not None:
            anki.close()
    ours_ms = statistics.median(mine) * 1000
    row: dict[str, object] = {
        "benchmark": "answer_loop",
        "measure": f"answer+commit+next, ms per answer (median of {rounds} alternating rounds "
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
        return [row]
    speedup = statistics.median(wall_ratios)
    low, _, high = statistics.quantiles(wall_ratios, n=4)
    row.update(
        baseline=f"Anki backend {statistics.median(theirs) * 1000:.4f} ms",
        ratio=round(speedup, 2),
        ok=speedup >= TARGET_SPEEDUP,
        spread=f"{low:.2f}..{high:.2f}",
        cpu_ratio=round(statistics.median(cpu_ratios), 2),
    )
    row["note"] = (
        f"round ratios, 25th..75th percentile: {row['spread']}; "
        f"median ratio in CPU time: {row['cpu_ratio']}"
    )
    row["measure"] = (
        str(row["measure"]) + "; ratio = median over rounds of Anki time / quizapp time"
    )
    return [row]


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    for row in run(*arguments):
        print(row)
