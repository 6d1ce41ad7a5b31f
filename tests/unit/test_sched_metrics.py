"""Scheduler quality measures: the FSRS benchmark's bins, and agreement with fsrs-rs's evaluate."""

from __future__ import annotations

import math
import random

import fsrs_rs_python as rs
import pytest

from quizapp.scheduling import metrics
from quizapp.scheduling.optimize import evaluate, predictions, to_rs_reviews


def test_review_bins_follow_the_benchmark_scales() -> None:
    assert metrics.review_bin([(3, 0), (3, 1)]) == (248, 4, 0)
    assert metrics.review_bin([(3, 0), (1, 2), (3, 5), (1, 20)]) == (3250, 7, 2)
    assert metrics.review_bin([(3, 0), (3, 0), (3, 3)]) == (248, 4, 0)


def test_rmse_bins_compares_means_within_each_bin() -> None:
    a, b = (248, 2, 0), (898, 2, 0)
    predicted = [0.9, 0.7, 0.6, 0.6]
    recalled = [1, 1, 0, 1]
    # bin a: mean 0.8 vs 1.0; bin b: mean 0.6 vs 0.5; each weighs its two reviews
    expected = math.sqrt((2 * 0.2**2 + 2 * 0.1**2) / 4)
    assert metrics.rmse_bins(predicted, recalled, [a, a, b, b]) == pytest.approx(expected)
    # binned by prediction alone, the same reviews would look better calibrated
    assert metrics.rmse_bins(predicted, recalled, [a, b, b, b]) != pytest.approx(expected)


def test_auc_and_log_loss_by_hand() -> None:
    assert metrics.auc([0.9, 0.8, 0.3, 0.2], [1, 1, 0, 0]) == 1.0
    assert metrics.auc([0.5, 0.5], [1, 0]) == 0.5
    loss = metrics.log_loss([0.8, 0.4], [1, 0])
    assert loss == pytest.approx(-(math.log(0.8) + math.log(0.6)) / 2)


def _histories(seed: int, count: int) -> list[list[tuple[int, int]]]:
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        day, history = 0, [(0, rng.choice((1, 3)))]
        for _ in range(rng.randint(2, 7)):
            day += rng.choice((0, 1, 2, 4, 9, 20))
            history.append((day, rng.choices((1, 2, 3, 4), (2, 1, 6, 1))[0]))
        found.append(history)
    return found


def test_with_fsrs_rs_weights_the_measures_equal_its_evaluate() -> None:
    parameters = list(rs.DEFAULT_PARAMETERS)
    model = rs.FSRS(parameters)
    found, items = [], []
    for history in _histories(5, 120):
        for p in predictions(model, parameters, history):
            found.append(p)
            items.append(rs.FSRSItem(to_rs_reviews(history[: p.index + 1])))
    predicted = [p.recall for p in found]
    recalled = [p.recalled for p in found]
    weights = metrics.recency_weights(len(found))
    theirs = model.evaluate(items)
    assert metrics.log_loss(predicted, recalled, weights) == pytest.approx(
        theirs.log_loss, abs=1e-5
    )
    binned = metrics.rmse_bins(predicted, recalled, [p.bin for p in found], weights)
    assert binned == pytest.approx(theirs.rmse_bins, abs=1e-5)
    unweighted = evaluate(parameters, _histories(5, 120))
    assert unweighted.reviews == len(found)
    assert unweighted.log_loss == pytest.approx(metrics.log_loss(predicted, recalled))
