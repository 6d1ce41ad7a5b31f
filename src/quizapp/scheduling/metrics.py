"""How well predicted recall matches what the student did, measured the FSRS benchmark's way.

The FSRS benchmark (open-spaced-repetition/srs-benchmark, and `evaluate` in fsrs-rs) scores a
model on the reviews that follow a gap of at least a day, each predicted from the unit's whole
earlier history (same-day reviews shape the history but are not scored), with:

- log loss: the mean binary cross-entropy of predicted recall against recalled (any rating but
  Again) or not;
- RMSE (bins): reviews are grouped by what the scheduler knew, not by what it predicted: the
  interval since the previous review, the number of reviews after a gap of a day or more
  (counting this one) and the lapses before it, each on a logarithmic scale (`review_bin`).
  Within a group the mean prediction is compared with the share recalled; the squared gaps are
  averaged with each group weighted by its size, and the root taken. Binning by predicted recall
  instead, as a reliability diagram does, rewards a model for being vaguely right on average and
  can rank two models the other way round;
- AUC, which neither uses, for how well the predictions rank recalled above forgotten.

All three take optional per-review weights. fsrs-rs's `evaluate` applies recency weights by
position in the list it is given (0.25 for the first item rising to 1.0 for the last, a
training-time convention); with those weights these functions give its numbers exactly, which is
how the benchmark checks them. Unweighted, as here by default, they are the benchmark's numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

EPSILON = 1e-7

Bin = tuple[int, int, int]


def _log_bucket(value: float, base: float, scale: float) -> float:
    """`scale` times the largest power of `base` not above `value` (value >= 1)."""
    return scale * base ** math.floor(math.log(value) / math.log(base))


def review_bin(reviews: Sequence[tuple[int, int]]) -> Bin:
    """The FSRS benchmark's bin for the last of `reviews`, given as (rating, days since previous).

    (interval bucket in hundredths of a day, length bucket, lapse bucket), as fsrs-rs's
    `r_matrix_index` computes it.
    """
    interval = reviews[-1][1]
    interval_bin = round(_log_bucket(max(interval, 1), 3.62, 2.48) * 100)
    length = sum(1 for _, days in reviews if days > 0) + 1
    length_bin = round(_log_bucket(length, 1.89, 1.99))
    lapses = sum(1 for rating, days in reviews[:-1] if rating == 1 and days > 0)
    lapse_bin = round(_log_bucket(lapses, 1.73, 1.65)) if lapses else 0
    return interval_bin, length_bin, lapse_bin


@dataclass(frozen=True)
class Scores:
    """Log loss and RMSE (bins) (lower is better), AUC (higher is better), over `reviews`."""

    log_loss: float
    rmse_bins: float
    auc: float
    reviews: int


def log_loss(
    predicted: Sequence[float], recalled: Sequence[int], weights: Sequence[float] | None = None
) -> float:
    weights = weights or [1.0] * len(predicted)
    total = 0.0
    for p, y, w in zip(predicted, recalled, weights, strict=True):
        p = min(max(p, EPSILON), 1.0 - EPSILON)
        total -= w * (math.log(p) if y else math.log(1.0 - p))
    return total / sum(weights)


def rmse_bins(
    predicted: Sequence[float],
    recalled: Sequence[int],
    bins: Sequence[Bin],
    weights: Sequence[float] | None = None,
) -> float:
    """Per bin, the gap between mean prediction and share recalled; root of the weighted mean
    square, each bin weighing the sum of its reviews' weights."""
    weights = weights or [1.0] * len(predicted)
    groups: dict[Bin, list[float]] = {}
    for p, y, key, w in zip(predicted, recalled, bins, weights, strict=True):
        group = groups.setdefault(key, [0.0, 0.0, 0.0, 0.0])
        group[0] += p
        group[1] += y
        group[2] += 1.0
        group[3] += w
    squared = sum((p - y) ** 2 / n**2 * w for p, y, n, w in groups.values())
    return math.sqrt(squared / sum(g[3] for g in groups.values()))


def auc(predicted: Sequence[float], recalled: Sequence[int]) -> float:
    """Chance that a recalled review was predicted higher than a forgotten one (ties count half)."""
    ranked = sorted(zip(predicted, recalled, strict=True))
    positives = sum(recalled)
    negatives = len(recalled) - positives
    if not positives or not negatives:
        return float("nan")
    rank_sum, index = 0.0, 0
    while index < len(ranked):
        end = index
        while end < len(ranked) and ranked[end][0] == ranked[index][0]:
            end += 1
        rank_sum += (index + end + 1) / 2 * sum(y for _, y in ranked[index:end])
        index = end
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def score(predicted: Sequence[float], recalled: Sequence[int], bins: Sequence[Bin]) -> Scores:
    """All three measures, unweighted (the FSRS benchmark's convention)."""
    if not predicted:
        raise ValueError("no reviews to score")
    return Scores(
        log_loss(predicted, recalled),
        rmse_bins(predicted, recalled, bins),
        auc(predicted, recalled),
        len(predicted),
    )


def recency_weights(count: int) -> list[float]:
    """The weights fsrs-rs's `evaluate` gives items by their position in its list."""
    if count == 1:
        return [1.0]
    return [0.25 + 0.75 * (i / (count - 1)) ** 3 for i in range(count)]
