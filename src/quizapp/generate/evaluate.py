"""Scoring the extractor against hand labels: precision and recall per kind of fact.

Labels live in `tests/data/labels-<source stem>.yaml` (see the README there). A proposal counts
once at most, against one label at most.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizapp.decks.sources import fold
from quizapp.generate.document import Document
from quizapp.generate.facts import KINDS, Fact

_LABEL_KEYS = {
    "date": "dates",
    "person": "people",
    "group": "groups",
    "place": "places",
    "merger": "mergers",
    "designation": "designations",
}


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one kind (or all): proposals, labels, and proposals matching a label."""

    kind: str
    proposed: int
    labelled: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labelled if self.labelled else 1.0


def _key(name: str) -> str:
    return fold(name).casefold()


def _names(label: dict[str, Any]) -> set[str]:
    names = {_key(str(label["name"]))}
    names.update(_key(str(alias)) for alias in label.get("aliases") or ())
    if label.get("acronym"):
        names.add(_key(str(label["acronym"])))
    return names


def _matches(kind: str, fact: Fact, label: dict[str, Any], document: Document) -> bool:
    quote = fold(fact.quote).casefold()
    if kind == "date":
        return fact.key == str(label["value"]) and _key(str(label["anchor"])) in quote
    if kind in ("merger", "designation"):
        return _key(str(label["anchor"])) in quote
    assert fact.entity is not None
    proposed = {_key(fact.entity.name), *(_key(alias) for alias in fact.entity.aliases)}
    return bool(proposed & _names(label))


def score(document: Document, facts: list[Fact], labels: dict[str, Any]) -> list[Score]:
    """One `Score` per kind of fact, then the total (`kind` "all")."""
    scores: list[Score] = []
    for kind in KINDS:
        proposals = [fact for fact in facts if fact.kind == kind]
        wanted: list[dict[str, Any]] = list(labels.get(_LABEL_KEYS[kind]) or ())
        used: set[int] = set()
        matched = 0
        for fact in proposals:
            for position, label in enumerate(wanted):
                if position not in used and _matches(kind, fact, label, document):
                    used.add(position)
                    matched += 1
                    break
        scores.append(Score(kind, len(proposals), len(wanted), matched))
    scores.append(
        Score(
            "all",
            sum(s.proposed for s in scores),
            sum(s.labelled for s in scores),
            sum(s.matched for s in scores),
        )
    )
    return scores


def load_labels(path: Path) -> dict[str, Any]:
    """A labels file as a plain mapping (YAML, read with the safe loader)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a labels file is a mapping")
    return data
