"""Numbers for the Stats screen, computed from the review log: pure and easy to test."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from quizapp.model.progress import Rating
from quizapp.quiz.prompts import prompt_of
from quizapp.study.context import StudyContext
from quizapp.study.service import ReviewEntry

ZERO = "·"
SHADES = "░▒▓█"
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def reviews_per_day(
    entries: Iterable[ReviewEntry], day_of: Callable[[dt.datetime], dt.date] | None = None
) -> Counter[dt.date]:
    """Reviews per study day; `day_of` gives an instant's local study day (UTC date if None)."""
    if day_of is None:
        return Counter(entry.at.date() for entry in entries)
    return Counter(day_of(entry.at) for entry in entries)


def shade(count: int, peak: int) -> str:
    """A glyph whose density grows with the count: readable with no colour at all."""
    if count <= 0:
        return ZERO
    steps = len(SHADES)
    level = -(-count * steps // max(peak, count))  # ceiling division
    return SHADES[max(1, min(steps, level)) - 1]


def heatmap_rows(per_day: Counter[dt.date], today: dt.date, weeks: int = 53) -> list[str]:
    """Seven rows (Monday first) by `weeks` columns ending with the current week."""
    start = today - dt.timedelta(days=today.weekday() + 7 * (weeks - 1))
    peak = max((per_day[start + dt.timedelta(days=i)] for i in range(weeks * 7)), default=0)
    rows = []
    for weekday in range(7):
        cells = []
        for week in range(weeks):
            day = start + dt.timedelta(days=7 * week + weekday)
            cells.append(" " if day > today else shade(per_day[day], peak))
        rows.append(f"{WEEKDAYS[weekday]:<4}" + "".join(cells))
    return rows


@dataclass(frozen=True, slots=True)
class Retention:
    """Answers that were not Again, out of all answers, for one group."""

    name: str
    passed: int
    total: int

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


def retention_by(entries: Iterable[ReviewEntry], group: Callable[[str], str]) -> list[Retention]:
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for entry in entries:
        name = group(entry.uid)
        total[name] += 1
        if entry.rating > Rating.AGAIN:
            passed[name] += 1
    return [Retention(name, passed[name], total[name]) for name in sorted(total)]


@dataclass(frozen=True, slots=True)
class Hard:
    uid: str
    again: int
    total: int


def hardest(entries: Sequence[ReviewEntry], count: int = 10) -> list[Hard]:
    """The units answered Again most often (ties: the larger share of Again first)."""
    again: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for entry in entries:
        total[entry.uid] += 1
        if entry.rating is Rating.AGAIN:
            again[entry.uid] += 1
    ranked = sorted(again, key=lambda uid: (-again[uid], -again[uid] / total[uid], uid))
    return [Hard(uid, again[uid], total[uid]) for uid in ranked[:count]]


@dataclass(frozen=True, slots=True)
class HardCard:
    """A hard unit as the table lists it: the first line of its question."""

    question: str
    again: int
    total: int


@dataclass(frozen=True, slots=True)
class StatsReport:
    """Everything the Stats screen shows, computed in one pass over the review log."""

    reviews: int
    heatmap: list[str]
    forecast: list[int]
    by_category: list[Retention]
    by_deck: list[Retention]
    hardest: list[HardCard]


def stats_report(context: StudyContext, now: dt.datetime, forecast_days: int) -> StatsReport:
    """Read the whole review log once (slow on a long history: run it off the UI thread)."""
    log = list(context.study.history())

    def category(uid: str) -> str:
        unit = context.units.get(uid)
        return unit.card.category.value if unit else "(removed)"

    def deck(uid: str) -> str:
        unit = context.units.get(uid)
        return context.deck_title(unit.deck_id) if unit else "(removed)"

    hard_cards = []
    for hard in hardest(log):
        unit = context.units.get(hard.uid)
        question = prompt_of(unit).question.splitlines()[0][:50] if unit else hard.uid
        hard_cards.append(HardCard(question, hard.again, hard.total))
    return StatsReport(
        reviews=len(log),
        heatmap=heatmap_rows(
            reviews_per_day(log, context.study.study_date), context.study.study_date(now)
        ),
        forecast=context.study.forecast(now, forecast_days),
        by_category=retention_by(log, category),
        by_deck=retention_by(log, deck),
        hardest=hard_cards,
    )
