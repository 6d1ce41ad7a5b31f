"""Names that are two groups, a part of a group, or a place that lies in another (made-up
groups, real places)."""

from __future__ import annotations

from quizapp.generate.document import parse_document
from quizapp.generate.typed import propose_facts


def kinds(text: str) -> dict[str, str]:
    return {
        str(p.fact["name"]): str(p.fact["type"])
        for p in propose_facts(parse_document("n.txt", text))
        if "name" in p.fact
    }


def test_two_branches_joined_by_and_are_two_groups() -> None:
    found = kinds(
        "The Velora Brigade (VB) has ties to other affiliates, including al-Qa\u2019ida in the "
        "Arabian Peninsula and al-Qa\u2019ida in the Islamic Maghreb.\n"
    )
    assert found.get("al-Qa\u2019ida in the Arabian Peninsula") == "group"
    assert found.get("al-Qa\u2019ida in the Islamic Maghreb") == "group"


def test_a_part_of_a_group_named_is_no_group_of_its_own() -> None:
    found = kinds(
        "The Velora Brigade (VB) fights in the north.\n"
        "Strength: Estimates of VB strength vary, but experts assess it at 300 members.\n"
    )
    assert "Estimates of VB" not in found


def test_a_state_of_a_country_after_a_town_is_a_place() -> None:
    found = kinds("In 2014, the Velora Brigade (VB) kidnapped students in Chibok, Borno State.\n")
    assert found.get("Borno State") == "place"


def test_a_place_named_by_its_acronym_counts_as_named() -> None:
    text = (
        "The Velora Brigade (VB) is mostly confined to a zone known as the Upper Tarra Valley "
        "(UTV). The VB smuggles drugs in the UTV area. The UTV is remote.\n"
    )
    places = {
        str(p.fact["name"]): p.confidence
        for p in propose_facts(parse_document("n.txt", text))
        if p.fact["type"] == "place"
    }
    assert places.get("Upper Tarra Valley", 0) >= 0.4


def test_a_number_opening_a_groups_name_is_part_of_it() -> None:
    found = kinds(
        "The Velora Brigade (VB) was formed in 1997 as the armed wing of the 32 County "
        "Tamsin Movement, a pressure group.\n"
        "In 2009, 13 VB supporters were arrested.\n"
    )
    assert found.get("32 County Tamsin Movement") == "group"
    assert not [name for name in found if name.startswith("13")]


def test_a_people_is_no_person() -> None:
    found = kinds("The Velora Brigade (VB) fought the Sri Lankan government in 1983.\n")
    assert "Sri Lankan" not in found


def test_a_states_forces_a_publication_and_a_titles_words_are_no_groups() -> None:
    found = kinds(
        "Terrorist Designations of Velora as an Alias for the Marsh Brigade Media Note\n\n"
        "That same year, the Marsh Brigade (MB) attacked a Yemeni Army camp.\n"
        "In 2015, two brothers attacked the satirical newspaper Tamsin Courier in Paris.\n"
    )
    assert "Yemeni Army" not in found
    assert "Tamsin Courier" not in found
    assert not [name for name in found if name.startswith("Alias")]


def test_bodies_parts_and_qualified_names_are_no_groups_or_people() -> None:
    found = kinds(
        "The Velora Brigade (VB) attacked a bank in Tamsin in 2001.\n"
        "The United States asked the U.N. 1267 Sanctions Committee to add the VB to its list; "
        "Member States must freeze its assets.\n"
        "Groups of VB members trained with the Marsh Front (MF), and its foreign members are "
        "MF-trained veterans. They aim to defeat Coalition Forces in the country.\n"
        "The VB was founded in 2001 in Iraqi Kurdistan.\n"
    )
    for name in ("Sanctions Committee", "Member States", "Groups of VB", "Coalition Forces"):
        assert name not in found
    assert not [name for name in found if name.endswith("-trained")]
    assert found.get("Iraqi Kurdistan") == "place"
