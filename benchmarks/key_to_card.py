"""Key press to next card: with 100,000 cards loaded vs. with 100 (target <= 1.2x).

Runs the real app headless on a progress store in a temporary folder. Each sample is the time
from the grade key being handled (the screen's `grade`, which records the answer in SQLite,
asks the queue for the next unit, builds its question and repaints) to the end of the next
screen refresh. A quarter of the cards are multiple choice, so distractor lookups are included.

    python benchmarks/key_to_card.py [--cards 100000] [--samples 40]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from quizapp.model.cards import BasicCard, Category, ChoiceCard, Deck, Source
from quizapp.model.units import units_of
from quizapp.store.db import ProgressStore
from quizapp.study.context import StudyContext
from quizapp.study.stored import StoreStudy

TARGET = 1.2
NOW = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)
SOURCE = Source(doc="bench.md", quote="A sentence.")
CATEGORIES = (Category.PERSON, Category.GROUP, Category.PLACE, Category.DATE)
PER_DECK = 1000


def card(i: int) -> BasicCard | ChoiceCard:
    category = CATEGORIES[i % len(CATEGORIES)]
    answer = str(1900 + i % 120) if category is Category.DATE else f"Answer {i}"
    if i % 4 == 3:
        return ChoiceCard(
            id=f"c{i:06d}", category=category, source=SOURCE, question=f"Q{i}?", answer=answer
        )
    return BasicCard(
        id=f"c{i:06d}", category=category, source=SOURCE, question=f"Q{i}?", answer=answer
    )


def make_context(count: int, data_dir: Path) -> StudyContext:
    cards = [card(i) for i in range(count)]
    decks = tuple(
        Deck(
            id=f"deck{n:03d}",
            path=f"deck{n:03d}.yaml",
            title=f"Deck {n}",
            cards=tuple(cards[start : start + PER_DECK]),
        )
        for n, start in enumerate(range(0, count, PER_DECK))
    )
    store = ProgressStore.open(data_dir)
    store.save_settings(replace(store.settings(), new_per_day=count, reviews_per_day=count))
    units = [u for deck in decks for c in deck.cards for u in units_of(c, deck.id)]
    study = StoreStudy(store, units, NOW, random.Random(1))
    context = StudyContext(decks, study, units={u.uid: u for u in units})
    _ = context.distractors  # built by the loader worker in the real app
    return context


async def measure(context: StudyContext, samples: int) -> list[float]:
    from quizapp.ui.app import QuizApp
    from quizapp.ui.screens.review import ReviewScreen

    times: list[float] = []

    class TimedReview(ReviewScreen):
        def grade(self, grade: Any) -> None:
            start = time.perf_counter()
            super().grade(grade)
            self.app.call_after_refresh(lambda: times.append(time.perf_counter() - start))

    app = QuizApp(context, clock=lambda: NOW, seed=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(TimedReview(context, None))
        await pilot.pause()
        for _ in range(samples + 5):
            screen = app.screen
            assert isinstance(screen, TimedReview)
            if screen.kind == "choice":
                await pilot.press("1")
            else:
                await pilot.press("space")
            await pilot.press("3")
            await pilot.pause()
    return times[5:]


def sample(count: int, samples: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as data:
        started = time.perf_counter()
        context = make_context(count, Path(data))
        setup = time.perf_counter() - started
        times = asyncio.run(measure(context, samples))
        context.study.store.close()  # type: ignore[attr-defined]
    return statistics.median(times), setup


def run(cards: int | None = None, samples: int | None = None) -> list[dict[str, Any]]:
    import harness

    cards = cards or (10_000 if harness.quick() else 100_000)
    samples = samples or (15 if harness.quick() else 40)
    small, _ = sample(100, samples)
    large, setup = sample(cards, samples)
    note = f"median of {samples} keys; setup of the {cards:,}-card store {setup:.1f} s"
    return [
        harness.ratio_row(
            "key to card", f"key to next card, {cards:,} vs 100 cards", large * 1000,
            small * 1000, TARGET, unit="ms", note=note,
        )
    ]  # fmt: skip


def main() -> None:
    import harness

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=None)
    parser.add_argument("--samples", type=int, default=None)
    args = parser.parse_args()
    harness.print_rows(run(args.cards, args.samples), "key press to next card")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
