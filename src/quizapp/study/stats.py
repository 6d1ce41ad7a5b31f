"""Numbers for the Stats screen, computed from the review log: pure and easy to test."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from quizapp.model.progress import Rating
from quizapp.study.service import ReviewEntry

ZERO = "·"
SHADES = "░▒▓█"
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def reviews_per_day(entries: Iterable[ReviewEntry]) -> Counter[dt.date]:
    return Counter(entry.at.date() for entry in entries)


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
