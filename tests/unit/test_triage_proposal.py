"""What triage shows of a proposal: highlighted values, typed field checks."""

from __future__ import annotations

import pytest

from quizapp.authoring.proposal import (
    FieldError,
    FieldSpec,
    check_field,
    field_specs,
    highlight_spans,
    highlight_terms,
)

SENTENCE = "On December 11, 2007, two car bombs struck offices in Algiers; the GSPC denied it."


def test_values_are_found_as_whole_words_whatever_the_case() -> None:
    node = {"type": "event", "date": "2007-12-11", "place": "algiers", "actors": ["gspc"]}
    terms = highlight_terms(node, {"algiers": ["Algiers"], "gspc": ["gspc"]})
    found = [SENTENCE[a:b] for a, b in highlight_spans(SENTENCE, terms)]
    assert found == ["December", "2007", "Algiers", "GSPC"]


def test_a_value_inside_a_longer_word_is_not_highlighted() -> None:
    assert highlight_spans("The GSPCs and GSPC.", ["GSPC"]) == [(14, 18)]


def test_overlapping_values_merge() -> None:
    spans = highlight_spans("Armed Islamic Group (GIA)", ["Armed Islamic Group", "Islamic", "GIA"])
    assert spans == [(0, 19), (21, 24)]


def test_field_checks_are_typed() -> None:
    date = FieldSpec("date", required=False, kind="date")
    assert check_field(date, "2007-01", ()).value == "2007-01"
    assert check_field(date, "", ()).value is None
    with pytest.raises(FieldError):
        check_field(date, "January 2007", ())
    actors = FieldSpec("actors", required=False, kind="refs")
    checked = check_field(actors, "aqim, new-group", {"aqim"})
    assert checked.value == ["aqim", "new-group"] and checked.new_ids == ("new-group",)
    with pytest.raises(FieldError):
        check_field(actors, "aqim, not an id", {"aqim"})
    relation = FieldSpec("relation", required=True, kind="choice")
    with pytest.raises(FieldError):
        check_field(relation, "", ())
    with pytest.raises(FieldError):
        check_field(relation, "friendship", ())


def test_every_type_has_its_required_fields_first() -> None:
    specs = field_specs("designation")
    assert [s.name for s in specs][:3] == ["authority", "list", "target"]
    assert all(s.name not in ("id", "sources", "status") for s in specs)
