"""Wrong answers of the same type and shape as the right one, drawn from a deck file's facts.

A date is answered with dates of the same precision near it (other facts' dates first, then the
answer moved by a year or a month), a person with other people, a group with other groups, a
figure with figures whose range cannot also be true. Never offered: the answer in another
spelling, a value another source gives for the same field (`disputed`), or a bound of the answer
(`2004` for `2004/2020`, "thirty-three" for "at least 30").
"""

from __future__ import annotations

import bisect
import datetime
import hashlib
import math
import random
from collections.abc import Callable, Iterable, Sequence

from quizapp.facts.figures import Figure, number_words, parse_figure
from quizapp.facts.text import normalise
from quizapp.model.dates import FuzzyDate, PartialDate, Precision

WANT = 3  # distractors per question: four options


def seeded(*parts: str) -> random.Random:
    """A generator fixed by the card it serves, so a deck compiles to the same choices."""
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


SAMPLE = 12  # candidates looked at per question: a deck's size never makes a question slower


def _month_index(date: PartialDate) -> int:
    return date.year * 12 + max(date.month, 1) - 1


class DatePool:
    """A deck file's dates, sorted once, so the ones near an answer are found by bisection."""

    def __init__(self, dates: Iterable[FuzzyDate]) -> None:
        unique = {d.iso(): d for d in dates}
        self.dates = sorted(
            ((_month_index(d.start), iso, d) for iso, d in unique.items()), key=lambda e: e[:2]
        )
        self.keys = [key for key, _, _ in self.dates]

    def near(self, answer: FuzzyDate, window: int) -> list[tuple[str, FuzzyDate]]:
        """`(iso, date)` within `window` months of the answer, nearest first; in a crowded span
        only the nearest few are looked at."""
        here = _month_index(answer.start)
        middle = bisect.bisect_left(self.keys, here)
        low = max(bisect.bisect_left(self.keys, here - window), middle - SAMPLE * 2)
        high = min(bisect.bisect_right(self.keys, here + window), middle + SAMPLE * 2)
        found = sorted(self.dates[low:high], key=lambda e: (abs(e[0] - here), e[1]))
        return [(iso, date) for _, iso, date in found]


class NamePool:
    """Names of one kind (people, groups, places...), each spelling once."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = sorted({normalise(n): n for n in names}.values())

    def sample(self, rng: random.Random) -> list[str]:
        if len(self.names) <= SAMPLE:
            return list(self.names)
        return rng.sample(self.names, SAMPLE)


class FigurePool:
    """Figures of a deck file's events, parsed once."""

    def __init__(self, texts: Iterable[str]) -> None:
        parsed = ((text, parse_figure(text)) for text in sorted(set(texts)))
        self.figures = [(text, figure) for text, figure in parsed if figure is not None]

    def sample(self, rng: random.Random) -> list[tuple[str, Figure]]:
        if len(self.figures) <= SAMPLE:
            return list(self.figures)
        return rng.sample(self.figures, SAMPLE)


def _shift(date: FuzzyDate, years: int, months: int) -> FuzzyDate | None:
    start = date.start.shifted(years, months)
    if start is None:
        return None
    if date.end is None:
        return FuzzyDate(start)
    end = date.end.shifted(years, months)
    return None if end is None else FuzzyDate(start, end)


def _moves(precision: Precision) -> list[tuple[int, int]]:
    """Year and month moves, nearest first: a month-precise answer gets the same month in other
    years first (a question that names the month makes other months useless)."""
    years = [(y, 0) for n in range(1, 7) for y in (n, -n)]
    if precision is Precision.YEAR:
        return years
    months = [(0, m) for n in range(1, 4) for m in (n, -n)]
    return years[:4] + months + years[4:]


# A wrong day is at least this many days from the answer: dates a day or a week apart are often
# the same act as two records give it (announced, published), or too near to tell.
MIN_DAYS = 31


def _days_apart(one: FuzzyDate, other: FuzzyDate) -> int:
    a, b = one.start, other.start
    first = datetime.date(a.year, max(a.month, 1), max(a.day, 1))
    second = datetime.date(b.year, max(b.month, 1), max(b.day, 1))
    return abs(first.toordinal() - second.toordinal())


def date_distractors(
    answer: FuzzyDate, pool: DatePool, excluded: Sequence[FuzzyDate], seed: str
) -> list[str]:
    """Up to three dates near the answer, same precision and shape, none excluded."""
    banned = {answer.iso(), *(d.iso() for d in excluded)}
    bounds: set[PartialDate] = set(answer.bounds())
    for other in excluded:
        bounds.update(other.bounds())

    def fair(candidate: FuzzyDate, iso: str) -> bool:
        if iso in banned or not candidate.same_shape(answer):
            return False
        if answer.precision is Precision.DAY and _days_apart(candidate, answer) < MIN_DAYS:
            return False  # 18 and 19 December 2013: two records of one act may differ by a day
        return not (candidate.end is None and candidate.start in bounds)

    picked: list[FuzzyDate] = []
    for iso, date in pool.near(answer, 6 * 12):  # real dates of the deck first, if near
        if fair(date, iso):
            picked.append(date)
            if len(picked) == 2:
                break
    for years, months in _moves(answer.precision):
        if len(picked) >= WANT:
            break
        moved = _shift(answer, years, months)
        if moved is None:
            continue
        iso = moved.iso()
        if fair(moved, iso) and all(iso != p.iso() for p in picked):
            picked.append(moved)
    rng = seeded(seed)
    rng.shuffle(picked)
    return [d.spoken() for d in picked[:WANT]]


def name_distractors(
    answer: str,
    pool: NamePool,
    excluded: Iterable[str],
    seed: str,
    fits: Callable[[str], bool] | None = None,
) -> list[str]:
    """Up to three other names of the same type, none a spelling of the answer or excluded, and
    each one `fits` accepts."""
    banned = {normalise(answer), *(normalise(e) for e in excluded)}
    rng = seeded(seed)
    candidates = [
        name
        for name in pool.sample(rng)
        if normalise(name) not in banned and (fits is None or fits(name))
    ]
    rng.shuffle(candidates)
    candidates.sort(key=lambda name: abs(len(name) - len(answer)))  # similar length looks fair
    return candidates[:WANT]


# A wrong count differs from the right one, and from the fact's other counts, by at least this
# share: 12,600 beside an authorized 12,640 or 6,320 beside 6,300 reads as the same number.
MIN_GAP = 0.2
_FACTORS = (0.5, 2.0, 0.25, 3.0, 1.5, 4.0, 0.1, 6.0, 10.0)


def figure_distractors(
    answer: Figure,
    pool: FigurePool,
    excluded: Iterable[Figure],
    seed: str,
    near: Iterable[Figure] = (),
) -> list[str]:
    """Up to three figures that cannot also be true: their range meets neither the answer's nor
    any value another source gives, nor lies between them (where sources disagree, 39 between
    "thirty-three" and "at least 60" could be the truth). They are written the way the answer
    is (in digits or in words, "about 50" for "about 100"), but as exact counts when the
    answer is open-ended ("at least 60", for which every "at least" is also true: a card asks
    such a figure as a bare number). Each differs clearly (`MIN_GAP`) from the answer and from
    `near`, the fact's other figures."""
    ruled_out = [answer, *excluded]
    if len(ruled_out) > 1:
        low = min(figure.low for figure in ruled_out)
        high = max(figure.high for figure in ruled_out)
        ruled_out.append(Figure(answer.value, "", low, high, answer.in_words))
    distinct = [answer.value, *(figure.value for figure in near)]
    open_ended = answer.low == 0 or math.isinf(answer.high)

    def fair(value: int) -> str | None:
        if any(abs(value - other) < MIN_GAP * max(value, other) for other in distinct):
            return None
        if open_ended:
            written = number_words(value) if answer.in_words else f"{value:,}"
        else:
            written = answer.written(value)
        figure = parse_figure(written)
        if figure is None or any(figure.meets(r) for r in ruled_out):
            return None
        return written

    rng = seeded(seed)
    real = [figure.value for _, figure in pool.sample(rng) if figure.in_words == answer.in_words]
    rng.shuffle(real)
    made = [max(1, round(answer.value * factor)) for factor in _FACTORS]
    picked: list[str] = []
    for value in [*real, *made]:  # real figures of the file first, at most two
        if len(picked) >= WANT or (value in real and len(picked) >= 2):
            continue
        text = fair(value)
        if text is not None:
            distinct.append(value)  # the next one must differ from this one too
            picked.append(text)
    rng.shuffle(picked)
    return picked
