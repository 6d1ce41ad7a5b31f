"""The mechanical scorer: a proposal counts when its type and typed values match a label."""

from __future__ import annotations

from typing import Any

from quizapp.generate.score import score

Q = "The Red Hand Brigade (RHB) was designated on May 2, 1999."
SRC = [{"doc": "d.txt", "quote": Q}]
LABELS: list[dict[str, Any]] = [
    {"id": "rhb", "type": "group", "name": "Red Hand Brigade", "acronym": "RHB", "sources": SRC},
    {
        "id": "rhb-fto",
        "type": "designation",
        "authority": "U.S. Department of State",
        "list": "FTO",
        "target": "rhb",
        "action": "designated",
        "date": "1999-05-02",
        "sources": SRC,
    },
    {"id": "ev", "type": "event", "what": "x", "date": "1999", "sources": SRC},
]


def proposal(**fields: Any) -> dict[str, Any]:
    return {"sources": SRC, **fields}


def test_matching_values_count_and_wrong_values_do_not() -> None:
    proposals = [
        proposal(id="g", type="group", name="the Red Hand Brigade"),
        proposal(
            id="d",
            type="designation",
            list="FTO",
            target="g",
            action="designated",
            date="1999-05-02",
            authority="State",
        ),
        proposal(
            id="d2",
            type="designation",
            list="FTO",
            target="g",
            action="revoked",
            date="1999-05-02",
            authority="State",
        ),
        proposal(id="e", type="event", what="y", date="2000"),
        proposal(id="p", type="person", name="Red Hand Brigade"),
    ]
    result = score(proposals, LABELS)
    assert (result.correct, result.proposed) == (2, 5)
    assert (result.found, result.labelled) == (2, 3)
    assert result.missed == ("ev",)
    assert set(result.wrong) == {"d2", "e", "p"}


def test_a_designation_of_the_agency_is_not_a_designation_of_the_group() -> None:
    proposals = [
        proposal(id="a", type="group", name="Department of State"),
        proposal(
            id="d",
            type="designation",
            list="FTO",
            target="a",
            action="designated",
            date="1999-05-02",
            authority="State",
        ),
    ]
    assert score(proposals, LABELS).correct == 0


def test_names_match_across_apostrophes_and_an_event_needs_its_sentence() -> None:
    labels = [
        {"id": "q", "type": "group", "name": "al-Qa\u2018ida", "sources": SRC},
        {"id": "ev", "type": "event", "what": "x", "date": "1999", "sources": SRC},
    ]
    other = [{"doc": "d.txt", "quote": "Another sentence entirely, dated 1999."}]
    proposals = [
        proposal(id="g", type="group", name="al-Qa'ida"),
        {"id": "e", "type": "event", "what": "x", "date": "1999", "sources": other},
    ]
    result = score(proposals, labels)
    assert result.correct == 1 and result.wrong == ("e",)
