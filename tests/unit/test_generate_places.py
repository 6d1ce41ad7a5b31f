"""Which places are worth a fact: where something happened, where a group acts (alone or in a
list), or a place the text keeps coming back to as a place, not a state that acts (made-up
groups, real countries)."""

from __future__ import annotations

from typing import Any

from quizapp.generate.document import parse_document
from quizapp.generate.typed import propose_facts


def places(text: str, minimum: float = 0.4) -> set[str]:
    proposals = propose_facts(parse_document("p.txt", text))
    return {
        str(p.fact["name"])
        for p in proposals
        if p.fact["type"] == "place" and p.confidence >= minimum
    }


def facts_of(text: str) -> list[dict[str, Any]]:
    return [p.fact for p in propose_facts(parse_document("p.txt", text))]


def test_the_places_a_group_acts_in_are_places() -> None:
    found = places(
        "The Velora Brigade (VB) is based in the south. "
        "The group has conducted attacks in Somalia, Kenya, Uganda, and Djibouti.\n"
    )
    assert {"Somalia", "Kenya", "Uganda", "Djibouti"} <= found
    assert "Pakistan" in places(
        "The Velora Brigade (VB) continues to operate freely within Pakistan, holding rallies.\n"
    )


def test_a_country_after_a_town_only_says_where_the_town_is() -> None:
    found = places("In January 2030, the Velora Brigade (VB) conducted an attack in Gao, Mali.\n")
    assert "Mali" not in found


def test_a_state_that_acts_is_not_a_place_however_often_named() -> None:
    text = (
        "Today, the United States designated the Velora Brigade (VB). "
        "The United States welcomes the action of its partners. "
        "The United States would join other nations in the effort. "
        "The group attacked a market in Kenya in 2029.\n"
    )
    assert "United States" not in places(text)
    assert "Kenya" in places(text)


def test_a_region_named_in_passing_is_no_place_fact() -> None:
    text = (
        "The Velora Brigade (VB) is active in North Africa. It recruits in North Africa and "
        "raises money in North Africa. The VB attacked a market in Kenya in 2029.\n"
    )
    assert "North Africa" not in places(text)
    assert "Kenya" in places(text)


def test_a_state_that_backs_a_group_keeps_its_fact_for_the_relation() -> None:
    text = (
        "The Velora Brigade (VB) attacked a bank in 2029.\n"
        "The VB receives assistance and training from Iran.\n"
    )
    assert "Iran" in places(text)
    facts = facts_of(text)
    ally = next(f for f in facts if f.get("relation") == "affiliation")
    assert next(f for f in facts if f["id"] == ally["to"])["name"] == "Iran"
