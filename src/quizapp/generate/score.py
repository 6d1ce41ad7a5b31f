"""Scoring generated facts against hand-labelled typed facts, mechanically.

A proposal is correct when its type and typed values match a labelled fact:
- person, group, place: one of its names (name, acronym, aliases) is one of the label's;
- event: the same date, from a sentence the label quotes;
- relation: the same relation, `to` and one of `from` naming the label's facts;
- designation: the same action and list (FTO; SDGT however written, E.O. 13224 too; the UN's
  sanctions list and the EU's list however named), the target naming the label's target, the
  same date (when the label gives one);
- statement: a sentence the label quotes, by the same speaker when both say.
Recall is the share of labelled facts that some proposal matches; precision the share of
proposals that match some labelled fact. Names compare case-folded, with every apostrophe
and quote mark the same and a leading "the" dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FactMap = Mapping[str, Any]
_APOSTROPHES = re.compile("[\u2018\u2019\u02bc`\u00ed\u00b4']")


def fold_name(name: str) -> str:
    """A name as the scorer compares it."""
    text = _APOSTROPHES.sub("'", str(name)).casefold()
    text = re.sub(r"^the\s+", "", " ".join(text.split()))
    return text.strip(" .,;")


def fold_quote(quote: str) -> str:
    """A quote as plain text (Markdown links and marks dropped), quote marks alike."""
    from quizapp.decks.plaintext import plain_text

    text = _APOSTROPHES.sub("'", plain_text(str(quote)))
    text = re.sub("[\u201c\u201d]", '"', text)
    return " ".join(text.split())


def _names(fact: FactMap) -> set[str]:
    names = [fact.get("name"), fact.get("acronym")]
    for alias in fact.get("aliases") or []:
        names.append(alias.get("name") if isinstance(alias, Mapping) else alias)
    return {fold_name(name) for name in names if name}


def _list_key(name: str) -> str:
    text = str(name)
    if re.search(r"13224|SDGT|Specially Designated|Executive Order", text, re.I):
        return "SDGT"
    if re.search(r"\bFTO\b|Foreign Terrorist", text, re.I):
        return "FTO"
    if re.search(r"\bUN\b|United Nations|\b1267\b", text):
        return "UN"  # however a label names the UN's sanctions list
    if re.search(r"\bEU\b|European Union", text):
        return "EU"
    return fold_name(text)


@dataclass(frozen=True)
class _Side:
    """One file's facts, with each fact id's names (ids of unnamed facts name themselves)."""

    facts: Sequence[FactMap]

    def names_of(self, ident: object) -> set[str]:
        for fact in self.facts:
            if fact.get("id") == ident:
                return _names(fact) or {fold_name(str(ident))}
        return {fold_name(str(ident))}

    def quotes(self, fact: FactMap) -> set[str]:
        return {fold_quote(source.get("quote", "")) for source in fact.get("sources") or []}


def matches(proposal: FactMap, label: FactMap, proposed: _Side, labelled: _Side) -> bool:
    """Whether a proposal states the labelled fact (see the module docstring)."""
    kind = proposal.get("type")
    if kind != label.get("type"):
        return False
    if kind in ("person", "group", "place"):
        return bool(_names(proposal) & _names(label))
    if kind == "event":
        return str(proposal.get("date")) == str(label.get("date")) and _same_sentence(
            proposal, label, proposed, labelled
        )
    if kind == "relation":
        return (
            proposal.get("relation") == label.get("relation")
            and bool(proposed.names_of(proposal.get("to")) & labelled.names_of(label.get("to")))
            and any(
                proposed.names_of(a) & labelled.names_of(b)
                for a in proposal.get("from") or []
                for b in label.get("from") or []
            )
        )
    if kind == "designation":
        return (
            proposal.get("action", "designated") == label.get("action", "designated")
            and _list_key(proposal.get("list", "")) == _list_key(label.get("list", ""))
            and bool(
                proposed.names_of(proposal.get("target")) & labelled.names_of(label.get("target"))
            )
            and (label.get("date") is None or str(proposal.get("date")) == str(label.get("date")))
        )
    if kind == "statement":
        return _same_sentence(proposal, label, proposed, labelled)
    return False


def _same_sentence(proposal: FactMap, label: FactMap, proposed: _Side, labelled: _Side) -> bool:
    mine = proposed.quotes(proposal)
    theirs = labelled.quotes(label)
    # Containment either way: a label may leave out a footnote number glued to the full stop.
    return any(
        a == b or (len(a) > 20 and a in b) or (len(b) > 20 and b in a) for a in mine for b in theirs
    )


@dataclass(frozen=True)
class Score:
    """Counts for one document (or a total): proposals right, labels found."""

    proposed: int
    correct: int
    labelled: int
    found: int
    missed: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 0.0


def score(
    proposals: Sequence[FactMap],
    labels: Sequence[FactMap],
    context: tuple[Sequence[FactMap], Sequence[FactMap]] | None = None,
) -> Score:
    """Precision and recall of `proposals` against `labels` (both typed-fact mappings).

    `context`: all proposals and all labels of the document, when scoring a part of them (one
    type), so the ids a relation or designation names can still be looked up."""
    everything = context or (proposals, labels)
    proposed, labelled = _Side(everything[0]), _Side(everything[1])
    found: set[int] = set()
    wrong: list[str] = []
    correct = 0
    for proposal in proposals:
        hits = [i for i, label in enumerate(labels) if matches(proposal, label, proposed, labelled)]
        if hits:
            correct += 1
            found.update(hits)
        else:
            wrong.append(str(proposal.get("id")))
    missed = tuple(str(label.get("id")) for i, label in enumerate(labels) if i not in found)
    return Score(len(proposals), correct, len(labels), len(found), missed, tuple(wrong))


def generated_facts(path: Path, minimum: float) -> list[dict[str, Any]]:
    """The facts `quizapp generate` writes for one document at `--min-confidence minimum`
    (the publisher read from the document's metadata, as the command does)."""
    from quizapp.generate.document import read_document
    from quizapp.generate.factfile import as_fact, select
    from quizapp.generate.sourcemeta import source_publisher
    from quizapp.generate.typed import propose_facts

    found = propose_facts(read_document(path), publisher=source_publisher(path))
    return [as_fact(proposal) for proposal in select(found, minimum)[0]]


def load_labels(path: Path) -> list[dict[str, Any]]:
    """The `facts:` of a label file (tests/data/eval/labels)."""
    import yaml

    facts: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]
    return facts


def score_by_type(
    proposals: Sequence[FactMap], labels: Sequence[FactMap]
) -> tuple[Score, dict[str, Score]]:
    """The whole score and one per fact type (relations and designations still see every fact,
    so the ids they name are looked up)."""
    kinds = ("event", "person", "group", "place", "relation", "designation", "statement")
    parts = {
        kind: score(
            [p for p in proposals if p.get("type") == kind],
            [label for label in labels if label.get("type") == kind],
            (proposals, labels),
        )
        for kind in kinds
    }
    return score(proposals, labels), parts
