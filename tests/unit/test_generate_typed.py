"""Typed facts from sentences the way documents write them (made-up groups, not the eval set)."""

from __future__ import annotations

from typing import Any

import msgspec

from quizapp.facts.derive import draw_cards, question_of
from quizapp.generate.document import parse_document
from quizapp.generate.typed import propose_facts
from quizapp.model import Fact
from quizapp.model.cards import ChoiceCard, TypedCard

TEXT = """Media Note
Office of the Spokesperson
Washington, DC
March 3, 2019

Designation of the Example Front

The Northern Example Front (NEF) was founded in 1988 by Karim Adel.
The Department of State designated the NEF as a Foreign Terrorist Organization (FTO) on \
May 2, 1999.
In 2004, the NEF changed its name to the Southern Unity Council (SUC).
The Department has today amended the designation of the SUC under E.O. 13224 to add new aliases.
In December, the group attacked a convoy in Sarvan.
"""


def facts_of(text: str) -> list[dict[str, Any]]:
    return [proposal.fact for proposal in propose_facts(parse_document("d.txt", text))]


def named(facts: list[dict[str, Any]], ident: str) -> str:
    return next(str(f.get("acronym") or f["name"]) for f in facts if f["id"] == ident)


def test_every_proposal_is_a_valid_fact_quoting_one_readable_sentence() -> None:
    facts = facts_of(TEXT)
    assert facts
    for fact in facts:
        msgspec.convert({**fact, "status": "generated"}, Fact)
        quote = fact["sources"][0]["quote"]
        assert quote in " ".join(TEXT.split())
        assert quote not in ("Media Note", "Washington, DC", "Office of the Spokesperson")


def test_designation_targets_the_group_never_the_agency() -> None:
    facts = facts_of(TEXT)
    designations = [f for f in facts if f["type"] == "designation"]
    fto = next(f for f in designations if f["list"] == "FTO")
    assert named(facts, fto["target"]) == "NEF"
    assert fto["date"] == "1999-05-02" and fto["action"] == "designated"
    amended = next(f for f in designations if f["action"] == "amended")
    assert named(facts, amended["target"]) == "SUC"
    assert amended["list"] == "SDGT"
    assert amended["date"] == "2019-03-03"  # "today", from the dateline


def test_a_renaming_goes_from_the_old_name_to_the_new() -> None:
    facts = facts_of(TEXT)
    rename = next(f for f in facts if f["type"] == "relation" and f["relation"] == "rename")
    assert [named(facts, i) for i in rename["from"]] == ["NEF"]
    assert named(facts, rename["to"]) == "SUC"
    assert rename["date"] == "2004"


def test_a_sentence_initial_relative_date_is_resolved() -> None:
    facts = facts_of(TEXT)
    event = next(f for f in facts if f["type"] == "event" and "convoy" in f["what"])
    assert event["date"] == "2004-12"


def test_noun_form_and_known_as_relations() -> None:
    text = (
        "The Red Hand Brigade (RHB) was active in 2001.\n"
        "In 2010 the RHB announced its pledge of allegiance to the Grand Council (GC).\n"
        "In 2012 the RHB declared it would henceforth be known as the Free Hand Front (FHF).\n"
    )
    facts = facts_of(text)
    relations = {f["relation"]: f for f in facts if f["type"] == "relation"}
    assert named(facts, relations["allegiance"]["to"]) == "GC"
    assert named(facts, relations["rename"]["to"]) == "FHF"
    assert relations["rename"]["date"] == "2012"


def test_who_questions_only_ask_for_people() -> None:
    facts = [msgspec.convert({**fact, "status": "generated"}, Fact) for fact in facts_of(TEXT)]
    people = {f.name for f in facts if f.__class__.__name__ == "PersonFact"}
    for card in draw_cards(facts):
        if question_of(card).startswith("Who") and isinstance(card, ChoiceCard | TypedCard):
            assert card.answer in people


def test_speech_is_a_statement_by_the_speaker_and_a_law_citation_no_event() -> None:
    text = (
        "The Red Hand Brigade (RHB) was formed in 2001 by Omar Vance.\n"
        "In July 2012, Omar Vance said the RHB would never disarm.\n"
        "It was listed pursuant to the Public Safety Act of 1996 in 2003.\n"
    )
    facts = facts_of(text)
    statement = next(f for f in facts if f["type"] == "statement")
    assert named(facts, statement["by"]) == "Omar Vance"
    assert statement["date"] == "2012-07"
    events = [f for f in facts if f["type"] == "event"]
    assert "1996" not in {f["date"] for f in events}
    assert not any("said" in f["what"] for f in events)


def test_a_split_that_creates_a_group_goes_from_the_parent_to_the_new_group() -> None:
    text = (
        "The Red Hand Brigade (RHB) was active in 2001.\n"
        "In 2005, its commander broke with the group and created the Blue Hand Front (BHF).\n"
    )
    facts = facts_of(text)
    split = next(f for f in facts if f["type"] == "relation")
    assert split["relation"] == "split"
    assert [named(facts, i) for i in split["from"]] == ["RHB"]
    assert named(facts, split["to"]) == "BHF"
    assert split["date"] == "2005"


def test_a_place_is_proposed_surely_only_where_something_happened() -> None:
    text = (
        "The Red Hand Brigade (RHB) has members from Peru and Chile.\n"
        "In 2004, the RHB bombed a market in Lima.\n"
    )
    proposals = propose_facts(parse_document("d.txt", text))
    places = {p.fact["name"]: p for p in proposals if p.fact["type"] == "place"}
    event = next(p.fact for p in proposals if p.fact["type"] == "event")
    assert event["place"] == places["Lima"].id
    assert places["Lima"].confidence >= 0.5
    assert places["Peru"].confidence < 0.4


def test_splinter_groups_and_who_has_led_the_group() -> None:
    text = (
        "The Red Hand Brigade (RHB) was active in 2001.\n"
        "Gen. Omar Vance has led the group since 2004.\n"
        "The RHB and splinter groups the Blue Hand Front (BHF) and the Green Hand Army (GHA) "
        "fought on.\n"
    )
    facts = facts_of(text)
    relations = [f for f in facts if f["type"] == "relation"]
    lead = next(f for f in relations if f["relation"] == "leadership")
    assert named(facts, lead["from"][0]) == "Omar Vance"
    assert named(facts, lead["to"]) == "RHB" and lead["date"] == "2004"
    splits = {named(facts, f["to"]) for f in relations if f["relation"] == "split"}
    assert splits == {"BHF", "GHA"}
    assert not any(f["type"] == "event" and f["date"] == "2004" for f in facts)


def test_a_claim_is_what_was_said_and_long_clauses_are_shortened() -> None:
    text = (
        "The Red Hand Brigade (RHB) was formed in 2001 by Omar Vance.\n"
        "In May 2010, Omar Vance, the RHB's chief, said that the RHB would never lay down arms.\n"
        "Sarvania, a small mountain country with a long and troubled history of feuds, gained "
        "independence in 1960, though its borders stayed disputed for many decades afterwards.\n"
    )
    facts = facts_of(text)
    statement = next(f for f in facts if f["type"] == "statement")
    assert statement["claim"] == "The RHB would never lay down arms"
    event = next(f for f in facts if f["type"] == "event" and f["date"] == "1960")
    assert event["what"].startswith("Sarvania gained independence")
    assert "mountain" not in event["what"]


def test_alliance_and_emergence_phrasings() -> None:
    text = (
        "The Red Hand Brigade (RHB) was active in 2001.\n"
        "The Blue Hand Front (BHF) emerged from the RHB in 2003.\n"
        "In 2006 the BHF allied with the Green Hand Army (GHA).\n"
    )
    facts = facts_of(text)
    kinds = {f["relation"]: f for f in facts if f["type"] == "relation"}
    assert [named(facts, i) for i in kinds["split"]["from"]] == ["RHB"]
    assert named(facts, kinds["split"]["to"]) == "BHF"
    assert named(facts, kinds["affiliation"]["to"]) == "GHA"


def test_a_second_act_dated_beside_it_is_its_own_designation() -> None:
    text = (
        "The Red Hand Brigade (RHB) was active in 1990.\n"
        "The Secretary hereby amends, effective May 3, 2002, the 2001 redesignation of the RHB "
        "as a Foreign Terrorist Organization to add the following names as aliases of the RHB.\n"
    )
    facts = facts_of(text)
    found = {(f["action"], f.get("date")) for f in facts if f["type"] == "designation"}
    assert found == {("amended", "2002-05-03"), ("designated", "2001")}
    assert not any(f["type"] == "event" and f["date"] == "2001" for f in facts)


def test_renaming_phrasings() -> None:
    text = (
        "The Red Hand Brigade (RHB) was active in 1990.\n"
        "In 1995 the RHB became known as the Blue Hand Front (BHF).\n"
        "The Green Hand Army (GHA), the successor to the BHF, appeared in 2001.\n"
    )
    facts = facts_of(text)
    renames = {
        (named(facts, f["from"][0]), named(facts, f["to"]))
        for f in facts
        if f["type"] == "relation" and f["relation"] == "rename"
    }
    assert renames == {("RHB", "BHF"), ("BHF", "GHA")}
