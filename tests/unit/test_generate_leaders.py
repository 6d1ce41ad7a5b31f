"""Leadership and renaming as reports word them (made-up groups, not the evaluation set)."""

from __future__ import annotations

from typing import Any

from quizapp.generate.document import parse_document
from quizapp.generate.typed import propose_facts


def facts_of(text: str) -> list[dict[str, Any]]:
    return [proposal.fact for proposal in propose_facts(parse_document("l.txt", text))]


def name_of(facts: list[dict[str, Any]], ident: str) -> str:
    return str(next(f["name"] for f in facts if f["id"] == ident))


def leaders(facts: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {
        (name_of(facts, f["from"][0]), name_of(facts, f["to"]))
        for f in facts
        if f["type"] == "relation" and f["relation"] == "leadership"
    }


def test_the_founder_leads_what_he_founded_and_the_founding_stays_an_event() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 1999. "
        "The group was founded in 1969 by former university professor Anton Marek Vidal.\n"
    )
    assert ("Anton Marek Vidal", "Velora Brigade") in leaders(facts)
    relation = next(f for f in facts if f["type"] == "relation")
    assert relation["date"] == "1969"
    assert any(f["type"] == "event" and f["date"] == "1969" for f in facts)


def test_under_the_leadership_of_names_the_subject_s_leader_not_the_group_left() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 1989. "
        "The group split from the much larger Northern Marsh Front (NMF) in the early 1990s "
        "under the leadership of Karim Adel Sayed, who was killed in 1998.\n"
    )
    assert leaders(facts) == {("Karim Adel Sayed", "Velora Brigade")}


def test_led_by_brothers_names_the_brothers() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 1989. "
        "The Velora Brigade is now led by brothers Victor Lanza Mora and Jorge Lanza Mora.\n"
    )
    assert ("Victor Lanza Mora", "Velora Brigade") in leaders(facts)


def test_previously_is_a_former_name_only_when_a_name_follows() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 1989. "
        "The VB faction that previously operated in the Upper Tarra Valley (UTV) collapsed "
        "in 2012. The Sorrel Front (SF), formerly the Velora Brigade, attacked again in 2014.\n"
    )
    renames = [f for f in facts if f["type"] == "relation" and f["relation"] == "rename"]
    assert [(name_of(facts, r["from"][0]), name_of(facts, r["to"])) for r in renames] == [
        ("Velora Brigade", "Sorrel Front")
    ]


def relations(text: str) -> list[tuple[str, list[str], str]]:
    facts = facts_of("The Velora Brigade (VB) attacked a bank in 1989.\n" + text)
    return [
        (f["relation"], [name_of(facts, i) for i in f["from"]], name_of(facts, f["to"]))
        for f in facts
        if f["type"] == "relation"
    ]


def test_mergers_splits_and_allegiances_as_reports_word_them() -> None:
    assert ("merger", ["Velora Brigade", "Sorrel Front"], "Marsh Army") in relations(
        "In 2013, the VB and the Sorrel Front (SF) announced that the two organizations would "
        "merge under the name the Marsh Army (MA).\n"
    )
    assert ("merger", ["Velora Brigade"], "Sorrel Front") in relations(
        "In 2015, the VB announced a re-merger with the Sorrel Front (SF).\n"
    )
    assert ("split", ["Sorrel Front"], "Marsh Army") in relations(
        "The Marsh Army (MA), originally part of the Sorrel Front (SF), became a separate "
        "organization in 2012.\n"
    )
    assert ("allegiance", ["Velora Brigade"], "Sorrel Front") in relations(
        "The VB declared allegiance to the Sorrel Front (SF) in 2006.\n"
    )
    # the person named between the group and the verb is the one who swore
    assert ("allegiance", ["Isnil Harun Dapo"], "Sorrel Front") in relations(
        "In a July 2014 video, senior VB leader and U.S. most-wanted terrorist Isnil Harun Dapo "
        "swore allegiance to the Sorrel Front (SF).\n"
    )
    # "Originally part of": no former name
    assert not any(
        kind == "rename"
        for kind, _, _ in relations(
            "Originally part of the Sorrel Front (SF), the VB became a separate organization.\n"
        )
    )


def test_an_article_s_case_and_a_year_between_merged_and_with() -> None:
    found = relations(
        "Al-Tarrani Front was founded in 2001. In 2015, al-Tarrani Front announced a re-merger "
        "with the VB. The VB merged in 2017 with two other groups to form the Marsh Army (MA).\n"
    )
    assert ("merger", ["Al-Tarrani Front"], "Velora Brigade") in found
    assert ("merger", ["Velora Brigade"], "Marsh Army") in found


def test_head_of_the_group_with_words_between() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 1989. "
        "He admires Karim Adel Sayed, head of the terrorist Velora Brigade.\n"
    )
    assert ("Karim Adel Sayed", "Velora Brigade") in leaders(facts)


def test_the_groups_leader_is_named_after_is() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 1999. "
        "The group\u2019s leader is Anton Marek Vidal aka Anton Vidal aka Abu Marek.\n"
    )
    assert leaders(facts) == {("Anton Marek Vidal", "Velora Brigade")}


def test_an_inline_aka_run_gives_aliases_not_people() -> None:
    facts = facts_of(
        "On March 18, 2031, the Secretary of State designated al-Velora (aka al-Velor, aka "
        "Velora, aka the Youth, aka al-Velora al-Islamiya, aka Youth Wing, aka al-Velora "
        "al-Jihaad) as a Foreign Terrorist Organization. Despite al-Velora\u2019s losses, it "
        "still holds the south.\n"
    )
    people = {f["name"] for f in facts if f["type"] == "person"}
    assert people == set()
    group = next(f for f in facts if f.get("name") == "al-Velora")
    assert {"al-Velor", "al-Velora al-Islamiya", "al-Velora al-Jihaad"} <= set(group["aliases"])
    assert not [f for f in facts if f["type"] == "relation"]


def test_led_by_a_described_person() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 1999. "
        "The VB is governed by a council, led by septuagenarian Anton Marek Vidal, and six "
        "others.\n"
    )
    assert ("Anton Marek Vidal", "Velora Brigade") in leaders(facts)


def test_leaders_named_with_their_group_and_its() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 1999. "
        "The Secretary also designated the Marsh Front (MF) and its two top leaders Anton Marek "
        "Vidal and Pavel Istrani Kobo under E.O. 13224.\n"
        "The Department of State is today designating the Oskari Front (OF) and its Secretary "
        "General Lena Varga Tamsini as Specially Designated Global Terrorists.\n"
    )
    assert {
        ("Anton Marek Vidal", "Marsh Front"),
        ("Pavel Istrani Kobo", "Marsh Front"),
        ("Lena Varga Tamsini", "Oskari Front"),
    } <= leaders(facts)
    targets = {
        name_of(facts, f["target"])
        for f in facts
        if f["type"] == "designation" and "Varga" in f["sources"][0]["quote"]
    }
    assert targets == {"Oskari Front", "Lena Varga Tamsini"}


def test_leaders_named_after_their_group_or_among_its_commanders() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 1999. In January 2009, the leader of the "
        "Marsh Front (MF), Anton Marek Vidal, announced a new group. Tamsin sanctioned Pavel "
        "Istrani Kobo, one of the Velora Brigade\u2019s key commanders, in 2010.\n"
    )
    assert {
        ("Anton Marek Vidal", "Marsh Front"),
        ("Pavel Istrani Kobo", "Velora Brigade"),
    } <= leaders(facts)


def test_a_group_that_announces_a_new_leader() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 1999. "
        "On December 15, 2011 VB announced a new leader, Anton Marek Vidal.\n"
    )
    assert ("Anton Marek Vidal", "Velora Brigade") in leaders(facts)
