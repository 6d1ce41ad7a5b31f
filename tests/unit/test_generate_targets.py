"""Whom a designation names: several groups at once, a list of leaders, dates paired
"respectively", a group's branch or its full name with a dash (made-up groups and people,
not the evaluation set)."""

from __future__ import annotations

from typing import Any

from quizapp.generate.document import parse_document
from quizapp.generate.typed import propose_facts


def facts_of(text: str) -> list[dict[str, Any]]:
    return [proposal.fact for proposal in propose_facts(parse_document("r.txt", text))]


def named(facts: list[dict[str, Any]], ident: str) -> str:
    return str(next(f["name"] for f in facts if f["id"] == ident))


def designations(facts: list[dict[str, Any]]) -> set[tuple[str, str, str | None]]:
    return {
        (named(facts, f["target"]), f["list"], f.get("date"))
        for f in facts
        if f["type"] == "designation"
    }


def test_every_group_a_sentence_designates_is_a_target() -> None:
    facts = facts_of(
        "Today, the United States designated Tamsin-based groups Velora Brigade and Oskari "
        "as Foreign Terrorist Organizations and Specially Designated Global Terrorists.\n"
    )
    oskari = next(f for f in facts if f.get("name") == "Oskari")
    assert oskari["type"] == "group"
    assert {(t, lst) for t, lst, _ in designations(facts)} == {
        ("Velora Brigade", "FTO"),
        ("Velora Brigade", "SDGT"),
        ("Oskari", "FTO"),
        ("Oskari", "SDGT"),
    }


def test_dates_given_respectively_go_to_their_targets() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank. Its branches are VB-North and VB-South.\n"
        "VB-North (VB-N) and VB-South (VB-S) split from it in 2030.\n"
        "The United States designated VB-N and VB-S as Foreign Terrorist Organizations on "
        "May 3, 2031 and February 8, 2031, respectively.\n"
    )
    found = designations(facts)
    assert ("VB-North", "FTO", "2031-05-03") in found
    assert ("VB-South", "FTO", "2031-02-08") in found


def test_a_branch_named_after_its_group_is_a_group() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 2029.\n"
        "In 2031, VB-Tamsin Province claimed an attack, and VB-Oskari followed.\n"
    )
    kinds = {f.get("name"): f["type"] for f in facts if "name" in f}
    assert kinds.get("VB-Tamsin Province") == "group"
    assert kinds.get("VB-Oskari") == "group"


def test_a_full_name_with_a_dash_and_its_acronym_is_one_group() -> None:
    facts = facts_of(
        "We are also announcing the designation of the Velora Armed Forces of Tamsin \u2013 "
        "People\u2019s Army (VAFT-PA) and Nueva Oskaria, as FTOs pursuant to Section 219 of "
        "the INA.\n"
    )
    group = next(f for f in facts if f.get("acronym") == "VAFT-PA")
    assert group["name"] == "Velora Armed Forces of Tamsin \u2013 People\u2019s Army"
    targets = {t for t, lst, _ in designations(facts) if lst == "FTO"}
    assert targets == {group["name"], "Nueva Oskaria"}


def test_a_list_of_leaders_is_designated_person_by_person() -> None:
    facts = facts_of(
        "Former Velora Brigade commanders, including Ardo Mentana, created Nueva Oskaria in "
        "2029.\n"
        "We are also designating the respective leaders of those organizations, Ardo Mentana, "
        "Pavel Istrani Kobo, Lena Varga, Tomas Brel, and Ivo Selk, as SDGTs under E.O. 13224.\n"
    )
    assert next(f for f in facts if f.get("name") == "Nueva Oskaria")["type"] == "group"
    people = {t for t, lst, _ in designations(facts) if lst == "SDGT"}
    assert people == {"Ardo Mentana", "Pavel Istrani Kobo", "Lena Varga", "Tomas Brel", "Ivo Selk"}


def test_the_date_of_the_act_is_the_one_its_clause_gives() -> None:
    facts = facts_of(
        "Description: Founded in 1964 and designated as an FTO on October 8, 1997, the Velora "
        "Brigade (VB) was the oldest group of Tamsin.\n"
    )
    assert designations(facts) == {("Velora Brigade", "FTO", "1997-10-08")}


def test_a_leader_named_in_the_participle_clause_is_not_the_target() -> None:
    facts = facts_of(
        "Description: Designated as a Foreign Terrorist Organization on November 14, 2031, and "
        "led by Ardo Mentana, the Velora Brigade (VB) is a Tamsin-based group.\n"
    )
    assert designations(facts) == {("Velora Brigade", "FTO", "2031-11-14")}


def test_designated_opening_a_sentence_is_no_group() -> None:
    facts = facts_of(
        "Designated as a Foreign Terrorist Organization on May 4, 2029, Velora Brigade is a "
        "group based in Tamsin. Its fighters launched Qorvan rockets at the border.\n"
    )
    names = {f.get("name") for f in facts}
    assert "Designated" not in names and "Qorvan" not in names


def test_a_un_sanctions_committee_listing_is_a_un_designation() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) and the Oskari Front (OF) attacked a bank in 2029.\n"
        "The United States welcomes the action taken by the United Nations Security "
        "Council\u2019s 1267 Sanctions Committee on February 23, 2031 to add the Velora Brigade "
        "(VB) and the Oskari Front (OF) to its sanctions list.\n"
    )
    un = {(t, d) for t, lst, d in designations(facts) if lst == "UN sanctions list"}
    assert un == {("Velora Brigade", "2031-02-23"), ("Oskari Front", "2031-02-23")}


def test_dates_a_designation_uses_make_no_events() -> None:
    facts = facts_of(
        "VB-North (VB-N) and VB-South (VB-S) split from the Velora Brigade (VB) in 2030.\n"
        "The United States designated VB-N and VB-S as Foreign Terrorist Organizations on "
        "May 3, 2031 and February 8, 2031, respectively.\n"
    )
    assert not [f for f in facts if f["type"] == "event" and f["date"].startswith("2031")]


def test_a_pledge_of_allegiance_is_a_relation_not_an_event_too() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) attacked a bank in 2029.\n"
        "In 2031, VB pledged allegiance to the Oskari Front (OF) in an audio message.\n"
    )
    assert [f for f in facts if f.get("relation") == "allegiance"]
    assert not [f for f in facts if f["type"] == "event" and f.get("date") == "2031"]


def test_the_releases_own_act_in_the_past_takes_its_dateline() -> None:
    facts = facts_of(
        "Media Note\nOctober 4, 2032\n\n"
        "The Department of State amended the Foreign Terrorist Organization designation of the "
        "Velora Brigade (VB) to include the new alias, Oskari Front.\n"
    )
    assert ("Velora Brigade", "FTO", "2032-10-04") in designations(facts)


def test_i_am_designating_is_dated_by_the_dateline() -> None:
    facts = facts_of(
        "December 26, 2031\n\nToday I am taking another step. I am designating two groups, "
        "the Velora Brigade (VB) and the Oskari Front (OF), as Foreign Terrorist Organizations.\n"
    )
    found = {(t, d) for t, lst, d in designations(facts) if lst == "FTO"}
    assert found == {("Velora Brigade", "2031-12-26"), ("Oskari Front", "2031-12-26")}


NOTICE = """[Public Notice: 9123]

In the Matter of the Designation of the Velora Brigade, also known as Sons of the Marsh, as a \
Foreign Terrorist Organization Pursuant to Section 219 of the Immigration and Nationality Act, \
as Amended

Based upon a review of the administrative record assembled in this matter, I have concluded \
that the relevant circumstances described in section 219 of the INA exist with respect to the \
Velora Brigade.

Therefore, I hereby designate the aforementioned organization and its aliases as a Foreign \
Terrorist Organization pursuant to section 219 of the INA.

Dated: May 7, 2031.

Anton Marek,

Secretary of State.
"""


def test_a_notice_signed_at_its_foot_dates_its_act_by_the_dateline_below() -> None:
    facts = facts_of(NOTICE)
    assert designations(facts) == {("Velora Brigade", "FTO", "2031-05-07")}
    names = {f.get("name") for f in facts}
    assert "Matter of" not in names
    assert not [name for name in names if str(name).startswith("Foreign Terrorist")]


def test_an_earlier_designation_in_a_release_and_a_status_in_passing() -> None:
    facts = facts_of(
        "Media Note\nNovember 10, 2031\n\nThe Department of State has amended the Foreign "
        "Terrorist Organization (FTO) designation of the Velora Brigade (VB) to add the alias "
        "Jabhat Velora. The Department of State originally designated the VB as an alias of the "
        "Marsh Front (MF) in December 2027. The VB works with other U.S.-designated "
        "organizations, including the Oskari Front (OF).\n"
    )
    found = designations(facts)
    assert ("Velora Brigade", "FTO", "2027-12") in found
    assert not [t for t, _, _ in found if t == "Oskari Front"]


def test_as_of_is_the_latest_date_of_the_whole_document() -> None:
    document = parse_document(
        "r.txt",
        "November 10, 2031\n\nIn July 2030, the Velora Brigade (VB) changed its name to Jabhat "
        "Velora (JV). The VB was first designated in December 2027.\n",
    )
    facts = [p.fact for p in propose_facts(document, undated=True)]
    assert {f["as_of"] for f in facts} == {"2031-11-10"}


def test_two_acts_of_one_sentence_each_with_its_date_and_the_group_amended() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) controls the north. The United States designated the VB as a "
        "Foreign Terrorist Organization in 2012, and amended the designation in May 2018 to "
        "include Hay'at Velora as an alias.\n"
    )
    assert designations(facts) >= {
        ("Velora Brigade", "FTO", "2012"),
        ("Velora Brigade", "FTO", "2018-05"),
    }
    assert not [t for t, _, _ in designations(facts) if t != "Velora Brigade"]
