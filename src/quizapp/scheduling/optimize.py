"""Personal FSRS parameters fitted to a student's own review history.

The fit uses `fsrs-rs-python`, the Rust optimizer Anki uses: it fits 12,580 reviews in well under
a second with no PyTorch (py-fsrs's own optimizer needs torch and takes about a minute). Reviews
are grouped per unit into histories of (days since previous review, rating); days are counted in
study days that start at `rollover_hour` UTC, as FSRS expects.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import fsrs_rs_python as rs

from quizapp.scheduling.metrics import Bin, Scores, review_bin, score
from quizapp.store.history import Review

MIN_TRAINING_ITEMS = 64
SECONDS_PER_DAY = 86400.0


History = list[tuple[int, int]]


def study_day(ts: float, rollover_hour: int) -> int:
    return math.floor((ts - rollover_hour * 3600) / SECONDS_PER_DAY)


def histories(reviews: Iterable[Review], rollover_hour: int = 4) -> dict[str, History]:
    """Each unit's reviews in time order as (study day, rating)."""
    result: dict[str, History] = {}
    for review in sorted(reviews, key=lambda r: r.time):
        result.setdefault(review.uid, []).append(
            (study_day(review.time, rollover_hour), review.rating)
        )
    return result


def to_rs_reviews(history: Sequence[tuple[int, int]]) -> list[rs.FSRSReview]:
    """(day, rating) pairs as FSRSReviews with days since the previous review (0 first)."""
    out: list[rs.FSRSReview] = []
    previous: int | None = None
    for day, rating in history:
        out.append(rs.FSRSReview(rating, 0 if previous is None else day - previous))
        previous = day
    return out


def training_items(all_histories: Iterable[History]) -> list[rs.FSRSItem]:
    """One item per review that follows a gap of at least a day: the history up to it."""
    items: list[rs.FSRSItem] = []
    for history in all_histories:
        reviews = to_rs_reviews(history)
        for end in range(1, len(reviews)):
            if history[end][0] > history[end - 1][0]:
                items.append(rs.FSRSItem(reviews[: end + 1]))
    return items


@dataclass(frozen=True)
class FitResult:
    """Fitted parameters, how many training items they came from, and how long the fit took."""

    parameters: tuple[float, ...]
    items: int
    seconds: float


class NotEnoughHistory(ValueError):
    """Too few reviews after a gap of a day or more to fit parameters reliably."""


def fit_parameters(all_histories: Iterable[History]) -> FitResult:
    """Fit FSRS-6 parameters; raises NotEnoughHistory below MIN_TRAINING_ITEMS items."""
    items = training_items(all_histories)
    if len(items) < MIN_TRAINING_ITEMS:
        raise NotEnoughHistory(
            f"{len(items)} reviews after a gap of a day or more; at least "
            f"{MIN_TRAINING_ITEMS} are needed"
        )
    started = time.perf_counter()
    parameters = rs.FSRS(list(rs.DEFAULT_PARAMETERS)).compute_parameters(items)
    seconds = time.perf_counter() - started
    return FitResult(tuple(float(p) for p in parameters), len(items), seconds)


@dataclass(frozen=True)
class Prediction:
    """FSRS's predicted recall for the review at `index` of a history, and what happened."""

    index: int
    recall: float
    recalled: int
    bin: Bin


def predictions(
    model: rs.FSRS, parameters: Sequence[float], history: Sequence[tuple[int, int]]
) -> list[Prediction]:
    """A prediction for each review that follows a gap of at least a day, from the memory state
    after the reviews before it and FSRS-6's forgetting curve."""
    if len(history) < 2:
        return []
    states = model.historical_memory_states(rs.FSRSItem(to_rs_reviews(history)))
    decay = parameters[20]
    factor = 0.9 ** (-1.0 / decay) - 1.0
    pairs = [(history[0][1], 0)] + [
        (rating, day - history[i][0]) for i, (day, rating) in enumerate(history[1:])
    ]
    found: list[Prediction] = []
    for index in range(1, len(history)):
        elapsed = pairs[index][1]
        if elapsed <= 0:
            continue
        recall = (1.0 + factor * elapsed / states[index - 1].stability) ** -decay
        recalled = 0 if pairs[index][0] == 1 else 1
        found.append(Prediction(index, recall, recalled, review_bin(pairs[: index + 1])))
    return found


def evaluate(parameters: Sequence[float], all_histories: Iterable[History]) -> Scores:
    """How well `parameters` predict the given history (log loss, RMSE (bins), AUC), measured
    as the FSRS benchmark does (see `quizapp.scheduling.metrics`)."""
    model = rs.FSRS(list(parameters))
    found = [p for history in all_histories for p in predictions(model, parameters, history)]
    return score([p.recall for p in found], [p.recalled for p in found], [p.bin for p in found])
