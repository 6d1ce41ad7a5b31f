"""The evaluation labels in tests/data/eval are well-formed typed facts.

The generator is scored against these labels (issue 20), so a label that quotes a sentence the
document does not contain, names a fact that is not there or carries an unreadable date would
silently turn into a miss or a false match. The checks are plain functions returning problems,
so the tests at the end can show each one fires on a broken label.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from quizapp.decks.sources import fold

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "tests" / "data" / "eval"
DOC_DIRS = (EVAL / "docs", ROOT / "decks" / "sources")
LABELS = sorted((EVAL / "labels").glob("*.yaml"))

TYPES = {"event", "person", "group", "place", "relation", "designation", "statement"}
RELATIONS = {"merger", "split", "rename", "allegiance", "affiliation", "leadership"}
ACTIONS = {"designated", "amended", "delisted", "revoked"}
# `as_of` dates a time-sensitive fact ("as of December 2014"); the aqimdata labels use it.
COMMON_KEYS = {"id", "type", "sources", "time_sensitive", "caveat", "disputed", "as_of"}
TYPE_KEYS = {
    "event": {"what", "date", "place", "actors", "figures"},
    "person": {"name", "aliases", "acronym", "roles"},
    "group": {"name", "aliases", "acronym", "roles"},
    "place": {"name", "aliases", "acronym", "roles"},
    "relation": {"relation", "from", "to", "date"},
    "designation": {"authority", "list", "target", "action", "date"},
    "statement": {"claim", "by", "date"},
}
REQUIRED = {
    "event": {"what"},
    "person": {"name"},
    "group": {"name"},
    "place": {"name"},
    "relation": {"relation", "from", "to"},
    "designation": {"authority", "list", "target", "action"},
    "statement": {"claim", "by"},
}
FACT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO_PART = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# A quote is one sentence or one list line; the longest "aka" line in the set is under this.
QUOTE_CAP = 1500


def date_problem(value: object) -> str | None:
    """Why `value` is not an ISO date truncated to its precision (or an A/B range), or None."""
    if not isinstance(value, str):
        return f"date {value!r} must be a quoted string"
    starts: list[date] = []
    for part in value.split("/"):
        match = ISO_PART.fullmatch(part)
        if match is None:
            return f"date {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or A/B"
        year, month, day = (int(group) if group else 1 for group in match.groups())
        try:
            starts.append(date(year, month, day))
        except ValueError:
            return f"date {value!r} is not a calendar date"
    if len(starts) > 2 or (len(starts) == 2 and starts[0] > starts[1]):
        return f"date range {value!r} must be A/B with A not after B"
    return None


def fact_problems(
    fact: dict[str, Any], ids: dict[str, str], text_of: Callable[[str], str | None]
) -> list[str]:
    """Problems with one fact; `ids` maps every fact id in the file to its type."""
    where = f"fact {fact.get('id')!r}"
    kind = fact.get("type")
    if kind not in TYPES:
        return [f"{where}: type {kind!r} is not one of {sorted(TYPES)}"]
    problems = [
        f"{where}: unknown key {key!r}" for key in fact if key not in COMMON_KEYS | TYPE_KEYS[kind]
    ]
    problems += [f"{where}: missing {key!r}" for key in REQUIRED[kind] - fact.keys()]

    def ref(value: object, what: str, types: set[str] = TYPES) -> None:
        if not isinstance(value, str) or ids.get(value) not in types:
            problems.append(
                f"{where}: {what} {value!r} is not the id of a {'/'.join(sorted(types))} fact here"
            )

    sources = fact.get("sources")
    if not isinstance(sources, list) or not sources:
        problems.append(f"{where}: needs at least one source")
    for source in sources if isinstance(sources, list) else ():
        quote, doc = source.get("quote"), source.get("doc")
        text = text_of(doc) if isinstance(doc, str) else None
        if text is None:
            problems.append(f"{where}: source doc {doc!r} is not a document of the set")
        elif not isinstance(quote, str) or not quote.strip():
            problems.append(f"{where}: source without a quote")
        elif len(quote) > QUOTE_CAP:
            problems.append(f"{where}: quote longer than {QUOTE_CAP} characters")
        elif fold(quote) not in text:
            problems.append(f"{where}: quote not verbatim in {doc}: {quote[:80]!r}")
    for key in ("date", "as_of"):
        if key in fact and (problem := date_problem(fact[key])):
            problems.append(f"{where}: {problem}")
    for actor in fact.get("actors") or ():
        ref(actor, "actor")
    for role in fact.get("roles") or ():
        if not role.get("role"):
            problems.append(f"{where}: a role without 'role'")
        if "of" in role:
            ref(role["of"], "roles.of")
        for bound in ("from", "to"):
            if bound in role and (problem := date_problem(role[bound])):
                problems.append(f"{where}: roles.{bound}: {problem}")
    if kind == "relation":
        if fact.get("relation") not in RELATIONS:
            problems.append(
                f"{where}: relation {fact.get('relation')!r} not in {sorted(RELATIONS)}"
            )
        if not isinstance(fact.get("from"), list) or not fact.get("from"):
            problems.append(f"{where}: 'from' must be a non-empty list of fact ids")
        for origin in fact.get("from") or ():
            ref(origin, "from")
        ref(fact.get("to"), "to")
    if kind == "designation":
        if fact.get("action") not in ACTIONS:
            problems.append(f"{where}: action {fact.get('action')!r} not in {sorted(ACTIONS)}")
        ref(fact.get("target"), "target", {"group", "person"})
    if kind == "statement" and isinstance(fact.get("by"), str) and fact["by"] in ids:
        ref(fact["by"], "by", {"group", "person", "place"})
    for dispute in fact.get("disputed") or ():
        if set(dispute) != {"field", "value", "doc"} or text_of(dispute["doc"]) is None:
            problems.append(f"{where}: disputed entries need field, value and a doc of the set")
    return problems


def label_problems(labels: dict[str, Any], text_of: Callable[[str], str | None]) -> list[str]:
    """Every problem in one label file, checked against the documents `text_of` returns."""
    problems = [
        f"missing top-level {key!r}"
        for key in ("doc", "labeller_note", "facts")
        if not labels.get(key)
    ]
    if text_of(str(labels.get("doc"))) is None:
        problems.append(f"doc {labels.get('doc')!r} is not a document of the set")
    facts = labels.get("facts") or []
    ids: dict[str, str] = {}
    for fact in facts:
        fact_id = fact.get("id")
        if not isinstance(fact_id, str) or not FACT_ID.fullmatch(fact_id):
            problems.append(f"fact id {fact_id!r} is not lowercase-hyphenated")
        elif fact_id in ids:
            problems.append(f"fact id {fact_id!r} is used twice")
        else:
            ids[fact_id] = str(fact.get("type"))
    for fact in facts:
        problems += fact_problems(fact, ids, text_of)
    return problems


def document_text(doc: str) -> str | None:
    """The folded text of a document of the set, or None when there is no such file."""
    if "/" in doc or "\\" in doc or doc.startswith("."):
        return None
    for folder in DOC_DIRS:
        path = folder / doc
        if path.is_file():
            return fold(path.read_text(encoding="utf-8"))
    return None


def load(path: Path) -> dict[str, Any]:
    labels = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(labels, dict), f"{path.name}: not a mapping"
    return labels


EVAL_LABELS = [path for path in LABELS if (EVAL / "docs" / load(path)["doc"]).is_file()]


def test_there_is_an_evaluation_set() -> None:
    docs = {path.name for path in (EVAL / "docs").iterdir() if path.suffix in {".txt", ".md"}}
    labelled = {load(path)["doc"] for path in LABELS}
    assert len(docs) >= 3
    assert docs <= labelled, f"documents without labels: {sorted(docs - labelled)}"
    for doc in docs:
        assert (EVAL / "docs" / doc).with_suffix(".meta.yaml").is_file(), doc


@pytest.mark.parametrize("path", LABELS, ids=lambda path: path.stem)
def test_labels_are_well_formed(path: Path) -> None:
    assert label_problems(load(path), document_text) == []


@pytest.mark.parametrize("path", EVAL_LABELS, ids=lambda path: path.stem)
def test_every_key_fact_type_is_labelled(path: Path) -> None:
    facts = load(path)["facts"]
    assert len(facts) >= 20
    assert {"event", "group", "person"} <= {fact["type"] for fact in facts}


BREAKAGES: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("not verbatim", lambda fact: fact["sources"][0].update(quote="Not in the document.")),
    ("type 'organisation'", lambda fact: fact.update(type="organisation")),
    ("is not YYYY", lambda fact: fact.update(date="Dec. 2001")),
    ("not a calendar date", lambda fact: fact.update(date="2001-13")),
    ("A not after B", lambda fact: fact.update(date="2003/2001")),
    ("must be a quoted string", lambda fact: fact.update(date=2001)),
    ("at least one source", lambda fact: fact.pop("sources")),
]


@pytest.mark.parametrize(
    ("expected", "break_it"), BREAKAGES, ids=[name.split()[-1] for name, _ in BREAKAGES]
)
def test_a_broken_label_is_reported(
    expected: str, break_it: Callable[[dict[str, Any]], None]
) -> None:
    labels = load(EVAL_LABELS[0])
    broken = copy.deepcopy(labels)
    fact = next(fact for fact in broken["facts"] if fact["type"] == "event")
    break_it(fact)
    problems = label_problems(broken, document_text)
    assert any(expected in problem for problem in problems), problems


def test_broken_references_and_duplicate_ids_are_reported() -> None:
    labels = copy.deepcopy(load(EVAL_LABELS[0]))
    facts = labels["facts"]
    designation = next(fact for fact in facts if fact["type"] == "designation")
    designation["target"] = "no-such-fact"
    facts.append(copy.deepcopy(facts[0]))
    problems = label_problems(labels, document_text)
    assert any("target 'no-such-fact'" in problem for problem in problems), problems
    assert any("used twice" in problem for problem in problems), problems


def test_a_designation_cannot_target_a_place_or_event() -> None:
    labels = copy.deepcopy(load(EVAL_LABELS[0]))
    designation = next(fact for fact in labels["facts"] if fact["type"] == "designation")
    designation["target"] = next(fact["id"] for fact in labels["facts"] if fact["type"] == "event")
    assert any("target" in problem for problem in label_problems(labels, document_text))


@pytest.mark.parametrize(
    "path",
    sorted((EVAL / "docs").glob("*.meta.yaml")) + sorted(DOC_DIRS[1].glob("*.meta.yaml")),
    ids=lambda path: path.name,
)
def test_metadata_files_are_yaml_mappings(path: Path) -> None:
    """A broken metadata file would silently lose a document's date and publisher."""
    assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)
