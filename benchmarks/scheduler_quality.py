"""How well does the scheduler predict recall? Default FSRS-6, optimised FSRS-6, SM-2.

Data: `../shared/data/review-log-sample.csv` (one learner, 12,580 reviews). Parameters are fitted
on the first 80% of the time line; every later review that follows a gap of at least a day is
predicted from the unit's whole earlier history (FSRS: the memory state after it and FSRS-6's
forgetting curve; SM-2: 0.9 ** (elapsed / its interval), i.e. SM-2 read as aiming for 90%
recall at the interval it chose).

Measures (`quizapp.scheduling.metrics`, the FSRS benchmark's conventions, unweighted): log loss,
RMSE (bins) over the benchmark's interval x length x lapses bins, and AUC.

Uncertainty: with ~1,500 test reviews a small gap can be chance, so each optimised-vs-default row
notes a 95% interval of the difference from a paired bootstrap that resamples whole units (a
unit's reviews are not independent), seeded so the figures repeat.

Cross-check: fsrs-rs's own `evaluate` on the same test items. It weights items by their place in
the list (0.25 rising to 1.0, a training-time recency weighting), so its figures differ from the
unweighted ones; the row "agreement" recomputes ours with the same weights and reports the
largest difference from fsrs-rs's figures (about 1e-6 when both measure the same thing).

    python benchmarks/scheduler_quality.py [CSV]
"""

from __future__ import annotations

import csv
import random
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import fsrs_rs_python as rs

from quizapp.scheduling import metrics
from quizapp.scheduling.optimize import (
    fit_parameters,
    histories,
    predictions,
    to_rs_reviews,
)
from quizapp.store.history import Review

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "data" / "review-log-sample.csv"
if not DEFAULT_CSV.exists():
    DEFAULT_CSV = Path("/work/shared/data/review-log-sample.csv")


def load(path: Path) -> list[Review]:
    with path.open(newline="") as handle:
        return [
            Review(
                row["card_id"],
                datetime.fromisoformat(row["review_time"]).timestamp(),
                int(row["review_rating"]),
            )
            for row in csv.DictReader(handle)
        ]


def sm2_interval(history: Sequence[tuple[int, int]]) -> float:
    """The interval (days) plain SM-2 sets after these reviews (Again=fail, Hard..Easy=3..5)."""
    ease, repetitions, interval = 2.5, 0, 0.0
    for _, rating in history:
        quality = {1: 1, 2: 3, 3: 4, 4: 5}[rating]
        if quality < 3:
            repetitions, interval = 0, 1.0
        else:
            repetitions += 1
            interval = 1.0 if repetitions == 1 else 6.0 if repetitions == 2 else interval * ease
        ease = max(1.3, ease + 0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02))
    return interval


def run(path: Path = DEFAULT_CSV) -> list[dict[str, object]]:
    reviews = sorted(load(path), key=lambda r: r.time)
    cutoff = reviews[int(len(reviews) * 0.8)].time
    train = histories(r for r in reviews if r.time < cutoff)
    fitted = fit_parameters(train.values())
    models = {
        "FSRS-6 default": list(rs.DEFAULT_PARAMETERS),
        "FSRS-6 optimised": list(fitted.parameters),
    }

    full = histories(reviews)
    times = {uid: sorted(r.time for r in reviews if r.uid == uid) for uid in full}
    predicted: dict[str, list[float]] = {name: [] for name in [*models, "SM-2"]}
    recalled: list[int] = []
    owners: list[str] = []
    bins: list[metrics.Bin] = []
    test_items: list[rs.FSRSItem] = []
    for index, name in enumerate(models):
        model = rs.FSRS(models[name])
        for uid, history in full.items():
            for p in predictions(model, models[name], history):
                if times[uid][p.index] < cutoff:
                    continue
                predicted[name].append(p.recall)
                if index > 0:
                    continue
                recalled.append(p.recalled)
                owners.append(uid)
                bins.append(p.bin)
                test_items.append(rs.FSRSItem(to_rs_reviews(history[: p.index + 1])))
                before = history[: p.index]
                elapsed = history[p.index][0] - before[-1][0]
                predicted["SM-2"].append(0.9 ** (elapsed / sm2_interval(before)))
    scores = {name: metrics.score(p, recalled, bins) for name, p in predicted.items()}

    intervals = bootstrap_differences(
        predicted["FSRS-6 optimised"], predicted["FSRS-6 default"], recalled, bins, owners
    )
    rows: list[dict[str, object]] = []
    base = scores["FSRS-6 default"]
    for name, result in scores.items():
        for measure in ("log_loss", "rmse_bins", "auc"):
            value, reference = getattr(result, measure), getattr(base, measure)
            lower_is_better = measure != "auc"
            beats = value < reference if lower_is_better else value > reference
            optimised = name == "FSRS-6 optimised"
            rows.append(
                {
                    "benchmark": "scheduler_quality",
                    "measure": f"{name} {measure} ({'lower' if lower_is_better else 'higher'} "
                    f"is better, {result.reviews} test reviews)",
                    "value": round(value, 4),
                    "baseline": f"FSRS-6 default {reference:.4f}",
                    "ratio": round(value / reference, 3),
                    "target": "beats default" if optimised else None,
                    "ok": beats if optimised else None,
                    "note": intervals[measure] if optimised else "",
                }
            )
    weights = metrics.recency_weights(len(recalled))
    worst = 0.0
    for name, parameters in models.items():
        theirs = rs.FSRS(parameters).evaluate(test_items)
        ours_loss = metrics.log_loss(predicted[name], recalled, weights)
        ours_rmse = metrics.rmse_bins(predicted[name], recalled, bins, weights)
        worst = max(worst, abs(ours_loss - theirs.log_loss), abs(ours_rmse - theirs.rmse_bins))
        rows.append(
            {
                "benchmark": "scheduler_quality",
                "measure": f"{name} by fsrs-rs evaluate (recency-weighted by list position): "
                f"log loss {theirs.log_loss:.4f}, RMSE (bins) {theirs.rmse_bins:.4f}",
                "value": round(float(theirs.log_loss), 4),
                "baseline": None,
                "ratio": None,
                "target": None,
                "ok": None,
            }
        )
    rows.append(
        {
            "benchmark": "scheduler_quality",
            "measure": "agreement: largest gap between our measures with fsrs-rs's weights "
            "and fsrs-rs evaluate",
            "value": float(f"{worst:.2g}"),
            "baseline": "1e-4",
            "ratio": round(worst / 1e-4, 4),
            "target": "< 1e-4",
            "ok": worst < 1e-4,
        }
    )
    started = time.perf_counter()
    refit = fit_parameters(train.values())
    wall = time.perf_counter() - started
    rows.append(
        {
            "benchmark": "scheduler_quality",
            "measure": f"optimizer fit time, s ({refit.items} training items, fsrs-rs-python)",
            "value": round(wall, 3),
            "baseline": "5 s budget",
            "ratio": round(wall / 5.0, 4),
            "target": "< 5 s",
            "ok": wall < 5.0,
        }
    )
    return rows


def bootstrap_differences(
    optimised: Sequence[float],
    default: Sequence[float],
    recalled: Sequence[int],
    bins: Sequence[metrics.Bin],
    owners: Sequence[str],
    rounds: int = 300,
) -> dict[str, str]:
    """Per measure: optimised minus default and its 95% interval, resampling whole units."""
    by_owner: dict[str, list[int]] = {}
    for index, owner in enumerate(owners):
        by_owner.setdefault(owner, []).append(index)
    groups = list(by_owner.values())
    rng = random.Random(2026)
    gaps: dict[str, list[float]] = {"log_loss": [], "rmse_bins": [], "auc": []}
    for _ in range(rounds):
        picked = [i for group in rng.choices(groups, k=len(groups)) for i in group]
        y = [recalled[i] for i in picked]
        b = [bins[i] for i in picked]
        ours = metrics.score([optimised[i] for i in picked], y, b)
        theirs = metrics.score([default[i] for i in picked], y, b)
        for measure, values in gaps.items():
            values.append(getattr(ours, measure) - getattr(theirs, measure))
    notes = {}
    for measure, values in gaps.items():
        values.sort()
        low, high = values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]
        point = getattr(metrics.score(optimised, recalled, bins), measure) - getattr(
            metrics.score(default, recalled, bins), measure
        )
        notes[measure] = (
            f"optimised - default {point:+.4f}, 95% interval {low:+.4f}..{high:+.4f} "
            f"(paired bootstrap over {len(groups)} units)"
        )
    return notes


if __name__ == "__main__":
    for row in run(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV):
        print(
            f"{row['measure']:<70} {row['value']!s:>9}  ratio {row['ratio']!s:>6}  "
            f"target {row['target'] or '-'}  ok {row['ok'] if row['ok'] is not None else '-'}"
        )
