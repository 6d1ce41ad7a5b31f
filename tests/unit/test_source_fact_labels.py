"""Typed-fact labels of the shipped sources: well-formed, and every quote verbatim.

The labels in tests/data/eval/labels follow the fact layer's shape (see the common brief and
shared/design/facts-example.md). Those whose `doc` is a shipped source are checked here against
decks/sources, so a label can never teach a sentence the document does not contain.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from quizapp.decks.sources import fold

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "decks" / "sources"
LABELS = sorted((ROOT / "tests" / "data" / "eval" / "labels").glob("*.yaml"))
SHIPPED_LABELS = [
    path
    for path in LABELS
    if (SOURCES / str(yaml.safe_load(path.read_text(encoding="utf-8")).get("doc", ""))).is_file()
]

TYPES = {"event", "person", "group", "place", "relation", "designation", "statement"}
REQUIRED = {
    "event": ("what", "date"),
    "person": ("name",),
    "group": ("name",),
    "place": ("name",),
    "relation": ("relation", "from", "to"),
    "designation": ("authority", "list", "target", "action", "date"),
    "statement": ("claim", "by"),
}
RELATIONS = {"merger", "split", "rename", "allegiance", "affiliation", "leadership"}
ACTIONS = {"designated", "amended", "delisted", "revoked"}
FACT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DAY = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
DATE = re.compile(rf"{_DAY}(?:/{_DAY})?")


def _text(doc: str, sources: Path, cache: dict[str, str | None]) -> str | None:
    if doc not in cache:
        path = sources / doc
        cache[doc] = fold(path.read_text(encoding="utf-8")) if path.is_file() else None
    return cache[doc]


def label_problems(labels: dict[str, Any], sources: Path) -> list[str]:
    """Everything wrong with one label file, as readable lines; empty when it checks out."""
    problems: list[str] = []
    cache: dict[str, str | None] = {}
    if _text(str(labels.get("doc")), sources, cache) is None:
        problems.append(f"doc {labels.get('doc')!r} is not a shipped source")
    if not labels.get("labeller_note"):
        problems.append("no labeller_note")
    facts = labels.get("facts") or []
    ids = [fact.get("id") for fact in facts]
    known = set(ids)
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"id {duplicate!r} is used twice")
    for fact in facts:
        where = f"fact {fact.get('id')!r}"
        if not FACT_ID.fullmatch(str(fact.get("id"))):
            problems.append(f"{where}: id is not lowercase-hyphenated")
        kind = fact.get("type")
        if kind not in TYPES:
            problems.append(f"{where}: unknown type {kind!r}")
            continue
        problems += [f"{where}: no {name}" for name in REQUIRED[kind] if not fact.get(name)]
        for name in ("date", "as_of"):
            if fact.get(name) is not None and not DATE.fullmatch(str(fact[name])):
                problems.append(f"{where}: {name} {fact[name]!r} is not an ISO date")
        if kind == "relation" and fact.get("relation") not in RELATIONS:
            problems.append(f"{where}: unknown relation {fact.get('relation')!r}")
        if kind == "designation" and fact.get("action") not in ACTIONS:
            problems.append(f"{where}: unknown action {fact.get('action')!r}")
        references = [*(fact.get("actors") or ()), *(fact.get("from") or ())]
        references += [fact[name] for name in ("to", "target") if fact.get(name)]
        references += [role["of"] for role in fact.get("roles") or () if role.get("of")]
        problems += [f"{where}: {ref!r} is not a fact id" for ref in references if ref not in known]
        for dispute in fact.get("disputed") or ():
            if _text(str(dispute.get("doc")), sources, cache) is None:
                problems.append(f"{where}: disputed value cites unknown doc {dispute.get('doc')!r}")
        if not fact.get("sources"):
            problems.append(f"{where}: no sources")
        for source in fact.get("sources") or ():
            text = _text(str(source.get("doc")), sources, cache)
            if text is None:
                problems.append(f"{where}: source doc {source.get('doc')!r} is not shipped")
            elif fold(str(source.get("quote", ""))) not in text:
                problems.append(f"{where}: quote not verbatim in {source['doc']}")
    return problems


@pytest.mark.parametrize("path", SHIPPED_LABELS, ids=lambda path: path.stem)
def test_labels_are_well_formed_and_quote_verbatim(path: Path) -> None:
    labels = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert label_problems(labels, SOURCES) == []


def test_the_checker_catches_a_misquote_a_dangling_id_and_a_bad_date(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("The GSPC was designated on\nMarch 27, 2002.\n")
    good = {
        "doc": "d.txt",
        "labeller_note": "by hand",
        "facts": [
            {"id": "gspc", "type": "group", "name": "GSPC",
             "sources": [{"doc": "d.txt", "quote": "The GSPC was designated on March 27, 2002."}]},
        ],
    }  # fmt: skip
    assert label_problems(good, tmp_path) == []
    bad = {
        "doc": "d.txt",
        "labeller_note": "by hand",
        "facts": [
            *good["facts"],
            {"id": "fto", "type": "designation", "authority": "State", "list": "FTO",
             "target": "aqim", "action": "designated", "date": "March 2002",
             "sources": [{"doc": "d.txt", "quote": "The GSPC was designated in 2002."}]},
        ],
    }  # fmt: skip
    problems = label_problems(bad, tmp_path)
    assert any("'aqim' is not a fact id" in line for line in problems)
    assert any("not an ISO date" in line for line in problems)
    assert any("quote not verbatim" in line for line in problems)
