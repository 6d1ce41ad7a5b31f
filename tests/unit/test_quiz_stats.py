"""Stats from the review log: heatmap, retention, hardest cards."""

import datetime as dt

from quizapp.model.progress import Rating
from quizapp.study.service import ReviewEntry
from quizapp.study.stats import hardest, heatmap_rows, retention_by, reviews_per_day, shade

T = dt.datetime(2026, 1, 7, 10, tzinfo=dt.UTC)  # a Wednesday


def entry(uid: str, grade: Rating, days_ago: int = 0) -> ReviewEntry:
    return ReviewEntry(uid, T - dt.timedelta(days=days_ago), grade)


LOG = [
    entry("a", Rating.AGAIN, 2),
    entry("a", Rating.AGAIN, 1),
    entry("a", Rating.GOOD),
    entry("b", Rating.GOOD),
    entry("b", Rating.AGAIN),
    entry("c", Rating.EASY, 1),
]


def test_heatmap_places_days_and_shades() -> None:
    rows = heatmap_rows(reviews_per_day(LOG), T.date(), weeks=2)
    assert len(rows) == 7 and all(len(r) == 4 + 2 for r in rows)
    assert rows[2][-1] == "█"  # today (Wed): 3 reviews, the peak
    assert rows[1][-1] == "▓"  # Tue: 2 of 3 → 3 of 4 shades
    assert rows[3][-1] == " "  # Thursday is in the future
    assert shade(0, 5) == "·" and shade(5, 5) == "█" and shade(1, 100) == "░"


def test_retention_and_hardest() -> None:
    by_uid = retention_by(LOG, lambda uid: "ab" if uid in "ab" else "c")
    assert [(r.name, r.passed, r.total) for r in by_uid] == [("ab", 2, 5), ("c", 1, 1)]
    assert by_uid[0].rate == 0.4
    assert [(h.uid, h.again, h.total) for h in hardest(LOG)] == [("a", 2, 3), ("b", 1, 2)]
