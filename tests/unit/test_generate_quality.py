"""The generator against the hand labels in tests/data: precision and recall must not fall."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generate.document import read_document
from quizapp.generate.evaluate import load_labels, score
from quizapp.generate.facts import extract_facts

ROOT = Path(__file__).resolve().parents[2]
LABELS = sorted((ROOT / "tests" / "data").glob("labels-*.yaml"))
# Typed-fact labels (the fact layer's shape); some label documents other than the shipped sources.
FACT_LABELS = sorted((ROOT / "tests" / "data" / "eval" / "labels").glob("*.yaml"))
FLOOR = 0.80


def test_there_are_labels_for_every_source() -> None:
    """Each shipped source has hand labels, in the old anchor format or as typed facts."""
    sources = {path.stem for path in (ROOT / "decks" / "sources").glob("*.txt")}
    anchored = {path.stem.removeprefix("labels-") for path in LABELS}
    typed = {path.stem for path in FACT_LABELS}
    assert anchored <= sources
    assert sources <= anchored | typed, sorted(sources - anchored - typed)


@pytest.mark.parametrize("labels_path", LABELS, ids=lambda path: path.stem)
def test_label_anchors_are_in_the_document(labels_path: Path) -> None:
    labels = load_labels(labels_path)
    text = " ".join((ROOT / "decks" / "sources" / labels["doc"]).read_text().split())
    for key in ("dates", "mergers", "designations"):
        for label in labels.get(key) or ():
            assert label["anchor"] in text, label


@pytest.mark.parametrize("labels_path", LABELS, ids=lambda path: path.stem)
def test_precision_and_recall_stay_above_the_floor(labels_path: Path) -> None:
    labels = load_labels(labels_path)
    document = read_document(ROOT / "decks" / "sources" / labels["doc"])
    facts = extract_facts(document)
    total = score(document, facts, labels)[-1]
    assert total.kind == "all"
    assert total.labelled > 50
    assert total.precision >= FLOOR, total
    assert total.recall >= FLOOR, total


def test_scoring_notices_a_bad_extractor() -> None:
    labels = load_labels(LABELS[0])
    document = read_document(ROOT / "decks" / "sources" / labels["doc"])
    facts = extract_facts(document)
    half = facts[::2]
    total = score(document, half, labels)[-1]
    assert total.recall < 0.6
    nothing = score(document, [], labels)[-1]
    assert nothing.matched == 0 and nothing.recall == 0.0
