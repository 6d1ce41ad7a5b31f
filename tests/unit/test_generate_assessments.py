"""A report's own assessments of a group, and a group's ties to a state (made-up groups)."""

from __future__ import annotations

from typing import Any

from quizapp.generate.document import parse_document
from quizapp.generate.typed import propose_facts

INTRO = "The Velora Brigade (VB) attacked a bank in Tamsin in 1999.\n"


def facts_of(text: str) -> list[dict[str, Any]]:
    document = parse_document("a.txt", INTRO + text)
    return [p.fact for p in propose_facts(document, publisher="U.S. Department of State")]


def claims(text: str) -> list[str]:
    return [str(f["claim"]) for f in facts_of(text) if f["type"] == "statement"]


def test_any_present_tense_verb_after_the_group_makes_an_assessment() -> None:
    assert claims("The group generally follows the guidance of the Marsh Council.\n")
    assert claims("Under their direction, the group aims to overthrow the government.\n")
    assert claims("The VB engages in kidnappings for ransom and extortion.\n")
    assert claims("The VB has routinely committed acts of terror.\n")
    facts = facts_of("It categorically refuses to recognize the new state.\n")
    statement = next(f for f in facts if f["type"] == "statement")
    assert statement["attributed_to"] == "U.S. Department of State"
    assert statement["about"] == "VB"


def test_an_assessment_may_be_of_a_part_of_the_group() -> None:
    assert claims("Its armed element receives support from two states.\n")
    assert claims("The VB's leadership operates relatively autonomously.\n")
    assert not claims("The bank's leadership operates relatively autonomously.\n")


def test_a_clause_before_the_subject_is_not_taken_for_an_adverbial() -> None:
    # the first clause has the subject: the whole sentence is the assessment
    found = claims("The VB wages a seasonal insurgency, and has declared cease-fires.\n")
    assert found and found[0].startswith("The VB wages")


def test_an_empty_it_and_a_list_of_names_are_no_assessments() -> None:
    assert not claims("It is a crime to knowingly provide material support to the VB.\n")
    # "it" after a sentence about a law is the law, not the group
    found = claims(
        "The designation of the VB has legal consequences. It requires banks to block assets "
        "held by them.\n"
    )
    assert not [claim for claim in found if claim.startswith("It requires")]
    assert claims("The VB attacked a bank in 2001. It requires recruits to swear an oath.\n")
    assert not claims("The group also uses the names Marsh Sons and Velora Fighters.\n")


def test_an_ally_may_be_a_state_and_a_far_group_is_not_the_ally() -> None:
    facts = facts_of(
        "The VB is closely allied with Iran, and the two work together, although the VB also "
        "acts alone.\n"
    )
    relation = next(f for f in facts if f["type"] == "relation")
    to = next(f for f in facts if f["id"] == relation["to"])
    assert relation["relation"] == "affiliation" and to["name"] == "Iran"
    # a list of allies after "including" is still read
    listed = facts_of(
        "The VB coordinated with other armed groups in the region, including the Sorrel Front "
        "(SF) and the Marsh Army (MA).\n"
    )
    allies = {f["to"] for f in listed if f["type"] == "relation"}
    assert len(allies) == 2


def test_a_profile_section_s_first_sentence_is_what_the_report_says_under_it() -> None:
    facts = facts_of(
        "Strength\nUnknown; hundreds of members, plus supporters.\nThe bank was robbed.\n\n"
        "Funding and External Aid: Smuggling and extortion, by most accounts.\n"
    )
    found = [f["claim"] for f in facts if f["type"] == "statement"]
    assert "Strength: Unknown; hundreds of members, plus supporters" in found
    assert "Funding: Smuggling and extortion, by most accounts" in found
    assert not any("bank" in claim for claim in found)  # only the section's first sentence


def test_a_group_that_speaks_and_says_it() -> None:
    facts = facts_of(
        "May 27th, 2031: The Velora Brigade said Friday it was responsible for a recent attack "
        "on the home of the interior minister.\n"
    )
    statement = next(f for f in facts if f["type"] == "statement")
    group = next(f for f in facts if f.get("name") == "Velora Brigade")
    assert statement["by"] == group["id"]
    assert statement["claim"].startswith("VB was responsible for a recent attack")


def test_no_place_inside_a_quoted_name_nor_a_demonym() -> None:
    facts = facts_of(
        'In 2012 the VB announced the creation of the sub-battalion, "Those Who Sign in Blood." '
        "The VB continued to exploit ungoverned space in Nigerien territory in 2013.\n"
    )
    places = {f["name"] for f in facts if f["type"] == "place"}
    assert "Blood" not in places and "Nigerien" not in places


def allies(text: str) -> set[str]:
    facts = facts_of(text)
    names = {f["id"]: f.get("name") for f in facts}
    return {
        str(names[f["to"]])
        for f in facts
        if f["type"] == "relation" and f["relation"] == "affiliation"
    }


def test_ties_and_backers_are_affiliations() -> None:
    found = allies(
        "The Marsh Army (MA) and the Sorrel Front (SF) are active in the north.\n"
        "The VB is an official affiliate of the Oskari and has ties to other affiliates, "
        "including the Marsh Army and the Sorrel Front.\n"
    )
    assert {"Marsh Army", "Sorrel Front"} <= found
    backers = allies(
        "The Sorrel Front (SF) is active in the north.\n"
        "The VB receives assistance and training from Iran, Syria, and the militant group "
        "Sorrel Front.\n"
    )
    assert {"Iran", "Sorrel Front"} <= backers


def test_ties_of_unnamed_groups_are_not_the_named_groups() -> None:
    assert not allies(
        "After the defeat of the VB, attention turned to radical groups in the region, "
        "particularly those in Tamsin and Oskaria that are known to have ties to the Marsh "
        "Army (MA).\n"
    )


def test_an_assessment_names_the_group_however_it_is_spelled() -> None:
    facts = facts_of(
        "On May 3, 2030, the State Department designated al-Velora as an FTO.\n"
        "Al Velora (The Youth) is a violent extremist group with ties to many fighters.\n"
        "Al-Velora is composed of local recruits and foreign fighters.\n"
    )
    found = [str(f["claim"]) for f in facts if f["type"] == "statement"]
    assert any(claim.startswith("Al Velora (The Youth) is") for claim in found)
    assert any(claim.startswith("Al-Velora is composed") for claim in found)


def test_what_a_named_group_did_undated_is_the_reports_account() -> None:
    found = claims(
        "The VB used old grievances among farmers to attract recruits and support.\n"
        "The VB declared Oskaria its primary target under its new leadership.\n"
    )
    assert any(claim.startswith("The VB used") for claim in found)
    assert any(claim.startswith("The VB declared") for claim in found)
    # only a group named: "it" in the past may be anything
    assert not claims("The bank was robbed. It used a side door.\n")


def test_a_part_or_aim_of_the_movement_however_spelled() -> None:
    assert claims("The movement\u2019s political leadership is currently based in Tamsin.\n")
    found = facts_of(
        "VELORA BRIGADE\nThe Velora Brigade attacked a bank in 1999.\n"
        "Velora Brigade\u2019s ideology combines nationalism with fundamentalism.\n"
    )
    assert [f for f in found if f["type"] == "statement" and "ideology" in str(f["claim"])]


def test_what_a_designation_does_is_the_releases_statement() -> None:
    found = claims(
        "This UN designation obligates all member states to freeze the VB's assets.\n"
        "The consequences of these designations include a ban on support to the VB.\n"
    )
    assert any(claim.startswith("This UN designation obligates") for claim in found)
    assert any(claim.startswith("The consequences of these designations") for claim in found)
    # a designation spoken of in the past is no such statement
    assert not claims("The designation of a bank was a mistake.\n")
