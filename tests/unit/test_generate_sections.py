"""Reports written in sections: a sentence opening with its section's label, a title naming
the group a passage is about (made-up groups, not the evaluation set)."""

from __future__ import annotations

from typing import Any

from quizapp.generate.document import parse_document
from quizapp.generate.typed import propose_facts

REPORT = """Country Report on Terrorism 2031 - Chapter 5 - Velora Brigade

Aka Velora Fighters; Sons of the Marsh

Description: Velora Brigade was designated as an FTO on March 4, 2009. \
Founded in 2001 in the wake of the occupation of Tamsin, Velora Brigade fights for a \
northern state.

Funding and External Aid: Velora Brigade is funded by smuggling.
In 2005, Velora Brigade attacked the Northern Marsh Liberation Front.
"""


def facts_of(text: str) -> list[dict[str, Any]]:
    return [proposal.fact for proposal in propose_facts(parse_document("r.txt", text))]


def test_a_section_label_is_quoted_but_not_read() -> None:
    sentences = [s for s in parse_document("r.txt", REPORT).sentences if s.readable]
    assert sentences[0].lead == "Description: "
    assert sentences[0].text.startswith("Velora Brigade was designated")
    assert sentences[0].quote.startswith("Description: Velora Brigade")
    funding = next(s for s in sentences if "smuggling" in s.text)
    assert funding.lead == "Funding and External Aid: "
    # a "YEAR: event" line keeps its date: digits are never a label
    item = parse_document("r.txt", "- 2004: The group attacked a bank.\n").sentences[0]
    assert item.lead == "" and item.text.startswith("2004:")


def test_a_label_names_no_one_and_hides_no_designation() -> None:
    facts = facts_of(REPORT)
    names = {f.get("name") for f in facts}
    assert "External Aid" not in names and "Description" not in names
    designation = next(f for f in facts if f["type"] == "designation")
    target = next(f for f in facts if f["id"] == designation["target"])
    assert target["name"] == "Velora Brigade" and designation["date"] == "2009-03-04"
    # the fact quotes the sentence as written, label and all
    assert designation["sources"][0]["quote"].startswith("Description: ")


def test_a_report_title_names_the_group_whose_aka_line_follows() -> None:
    facts = facts_of(REPORT)
    group = next(f for f in facts if f.get("name") == "Velora Brigade")
    assert group["type"] == "group"
    assert {"Velora Fighters", "Sons of the Marsh"} <= set(group.get("aliases", []))


def test_two_names_with_a_comma_between_are_no_list_of_places() -> None:
    # "the occupation of Lebanon, Velora Brigade ...": the phrase ends, the subject begins
    facts = facts_of(
        "The occupation of Lebanon, Korvath began in 1990. Korvath attacked a bank in 1992.\n"
    )
    assert not any(f["type"] == "place" and f["name"] == "Korvath" for f in facts)
    # a list is still a list: one known place makes the others places
    listed = facts_of("The group was active in Algeria, Orlo, and Tamsin in 1990.\n")
    assert {"Orlo", "Tamsin"} <= {f["name"] for f in listed if f["type"] == "place"}


def test_places_are_told_from_people_by_the_words_of_places() -> None:
    facts = facts_of(
        "In 2010, the Velora Brigade bombed a hotel in Buenos Aires. "
        "It attacked the Sorrel Towers and raided the Nueva Aurora military base in 2011. "
        "It claims the Torvan Archipelago. In 2012 it killed seven Argentine Marines.\n"
    )
    kinds = {f["name"]: f["type"] for f in facts if "name" in f}
    assert kinds.get("Buenos Aires") == "place"  # a capital city, from the gazetteer
    assert kinds.get("Sorrel Towers") == "place"
    assert kinds.get("Nueva Aurora military base") == "place"
    assert kinds.get("Torvan Archipelago") == "place"
    assert "Argentine Marines" not in kinds  # a nationality and a plural: no one's name


def test_a_valley_with_an_acronym_is_a_place_with_that_acronym() -> None:
    facts = facts_of(
        "The faction that operated in the Upper Tarra Valley (UTV) collapsed in 2012. "
        "Troops entered the UTV in 2013.\n"
    )
    place = next(f for f in facts if f.get("name") == "Upper Tarra Valley")
    assert place["type"] == "place" and place["acronym"] == "UTV"
    assert not any(f["type"] == "group" for f in facts)


def test_an_event_s_place_may_lie_beyond_its_shortened_what() -> None:
    facts = facts_of(
        "In January 2013, the Velora Brigade claimed responsibility for the long and deadly "
        "attack against the Tarragon natural gas processing facility near Orsk, in southern "
        "Algeria.\n"
    )
    event = next(f for f in facts if f["type"] == "event")
    place = next(f for f in facts if f["id"] == event.get("place"))
    assert place["name"] == "Orsk"


def test_names_that_are_no_one_s_and_a_leader_with_an_alias() -> None:
    facts = facts_of(
        "Karim Adel Sayed, aka Abu Samir al-Tarrani, is the group's leader. "
        "In 2012 the Velora Brigade killed then-U.S. Ambassador to Libya J. Orrin Vance. "
        "Five Nigerien soldiers died in the attack. "
        "In 2015 it attacked the Radisson Crown Hotel in Bamako. "
        "In 2017 it merged with others to form Jama'at Nasr al-Din wal Muslimin (JNDM).\n"
        "(Photo: Marc Tellier/Courtesy Reuters)\n"
    )
    kinds = {f["name"]: f["type"] for f in facts if "name" in f}
    assert kinds.get("Karim Adel Sayed") == "person"  # "is the group's leader": no group
    assert kinds.get("J. Orrin Vance") == "person" and "Libya J. Orrin Vance" not in kinds
    assert "Five Nigerien" not in kinds
    assert kinds.get("Radisson Crown Hotel") == "place"
    assert kinds.get("Jama'at Nasr al-Din wal Muslimin") == "group"
    assert "Marc Tellier" not in kinds  # a photo credit is no sentence


def test_a_status_and_a_capitalised_common_noun_are_no_groups() -> None:
    facts = facts_of(
        "The insurgents include the Velora Brigade (VB), a U.S.-designated Foreign Terrorist "
        "Organization. In 2009 it trained militants attacking Coalition forces in Tamsin.\n"
    )
    groups = {f["name"] for f in facts if f["type"] == "group"}
    assert groups == {"Velora Brigade"}


ONE_NAME_A_LINE = """VELORA BRIGADE

a.k.a.
Sons of the Marsh;
Velora Fighters;
Tarra Martyrs Units

Description
The Sorrel Front of the Northern Marsh (SFNM) was formed in 1995.
The Velora Brigade (VB) was formed in 1987. The group attacked a bank in 1990.
"""


def test_an_aka_list_one_name_a_line_belongs_to_the_group_the_title_names() -> None:
    facts = facts_of(ONE_NAME_A_LINE)
    group = next(f for f in facts if f.get("name") == "Velora Brigade")
    assert group.get("aliases") == ["Sons of the Marsh", "Velora Fighters", "Tarra Martyrs Units"]
    # the names are no facts of their own, and no sentence quotes them
    assert not any(f.get("name") in ("Sons of", "Velora Fighters") for f in facts)


def test_a_heading_run_into_its_first_sentence_is_its_label() -> None:
    sentence = parse_document("r.txt", "Summary Velora Brigade is a militant group.\n").sentences[0]
    assert sentence.lead == "Summary " and sentence.text.startswith("Velora Brigade is")


def test_a_title_wrapped_over_two_lines_stays_a_title() -> None:
    document = parse_document(
        "r.txt",
        "In Brief: The March 2031 Terrorist Attack\nin Tamsin\n\n"
        "The Velora Brigade (VB) attacked a bank in Tamsin in March 2031.\n",
    )
    kinds = [(s.kind.value, s.text) for s in document.sentences]
    assert kinds[0] == ("heading", "In Brief: The March 2031 Terrorist Attack in Tamsin")
    facts = [p.fact for p in propose_facts(document)]
    assert not any("In Brief" in s["quote"] for f in facts for s in f["sources"])


SHOUTED = """VELORA

Updated August 24, 2007

From: "Chapter 8; Foreign Terrorist Organizations," Country Reports 2005, April 30, 2006.

a.k.a. Harakat al-Tarra;
Sons of the Marsh;
Tarra Martyrs Units

Description
VELORA was formed in late 1987.
Description: Designated as an FTO on October 8, 1997, Velora was established in 1987 as an \
outgrowth of the Marsh Brotherhood (MB).
Velora fought a 23-day war with Sarvania beginning in 2008 and concluding in 2009.
In 2017 the group selected a new leader, Ismail Karim Dar, who is based in Tamsin.
"""


def test_a_report_written_in_capitals_with_its_credit_line_and_aka_list() -> None:
    facts = facts_of(SHOUTED)
    group = next(f for f in facts if f.get("name") == "VELORA")
    assert group.get("aliases", [])[:3] == [
        "Harakat al-Tarra",
        "Sons of the Marsh",
        "Tarra Martyrs Units",
    ]
    # the credit line is no sentence: no event from its dates
    assert not any("Chapter 8" in s["quote"] for f in facts for s in f["sources"])
    designation = next(f for f in facts if f["type"] == "designation")
    assert designation["target"] == group["id"]  # "Velora" in the text is "VELORA"
    assert any(f["type"] == "event" and f["date"] == "2008/2009" for f in facts)
    leader = next(f for f in facts if f["type"] == "relation" and f["relation"] == "leadership")
    assert leader["to"] == group["id"]


RELEASE = """Press Statement
October 23, 2031

Secretary of State Anton Vidal designated the Velora Islamiya (VI) today.
"I am announcing the designation of the Velora Islamiya organization (VI) as a Foreign \
Terrorist Organization," Vidal said.
The leader of Velora Islamiyah is Abu Karim Sayed [AH-boo KAH-reem], a cleric in Tamsin.
The United Nations Security Council recently put Velora Islamiyah on its list of \
international terrorist organizations subject to sanctions.
The European Union has also declared Velora Islamiyah to be a terrorist group.
For other versions of this document, see http://example.org/x ---------- Order Code X1 Report \
for Congress Received through the CRS Web Mark Jonas Anton Bell.
"""


def test_a_release_read_as_its_readers_read_it() -> None:
    facts = facts_of(RELEASE)
    names = {f["name"]: f["type"] for f in facts if "name" in f}
    assert names.get("Anton Vidal") == "person" and "State Anton Vidal" not in names
    assert "AH-boo KAH-reem" not in names and "KAH-reem" not in names  # how to say a name
    assert "Mark Jonas Anton Bell" not in names and "Mark Jonas" not in names  # apparatus
    group = next(f for f in facts if f.get("acronym") == "VI")
    # one group, however the transliteration ends ("Islamiya", "Islamiyah")
    assert [f["name"] for f in facts if f["type"] == "group"] == ["Velora Islamiya"]
    designations = {(f["list"], f.get("date")) for f in facts if f["type"] == "designation"}
    assert ("FTO", "2031-10-23") in designations  # "I am announcing": the release's day
    assert ("UN sanctions list", "2031") in designations  # "recently": the release's year
    assert ("EU terrorist list", None) in designations
    leader = next(f for f in facts if f["type"] == "relation" and f["relation"] == "leadership")
    assert leader["to"] == group["id"]
    assert next(f for f in facts if f["id"] == leader["from"][0])["name"] == "Abu Karim Sayed"
    # the words that announce the designation are the designation, not a statement as well
    assert not any(f["type"] == "statement" and "announcing" in f["claim"] for f in facts), (
        "a designation said in someone's words is one fact"
    )


def test_a_name_of_the_aka_list_the_text_also_uses_is_the_same_group() -> None:
    facts = facts_of(
        "VELORA BRIGADE\n\naka Sons of the Marsh Movement; Tarra Martyrs Units\n\n"
        "The Velora Brigade (VB) attacked a bank in 1990. Velora Brigade (or the Sons of the "
        "Marsh Movement) attacked a convoy in 1991. In 1993 the Sons of the Marsh Movement "
        "attacked a market.\n"
    )
    groups = [f for f in facts if f["type"] == "group"]
    assert [g["name"] for g in groups] == ["Velora Brigade"]
    assert "Sons of the Marsh Movement" in groups[0]["aliases"]
    # what the merged fact was said of is said of the one group
    assert all(f.get("actors", [groups[0]["id"]]) == [groups[0]["id"]] for f in facts)


def test_a_lone_acronym_that_opens_a_sentence_and_acts_is_a_group() -> None:
    facts = facts_of("VELMA attacked a convoy in Tamsin in 2013. VELMA recruits children.\n")
    assert {f["name"] for f in facts if f["type"] == "group"} == {"VELMA"}
    # not a word in capitals that does not act, nor a short one
    quiet = facts_of("NOTE the dates. UN troops arrived in Tamsin in 2013.\n")
    assert not [f for f in quiet if f["type"] == "group"]


def test_an_aka_list_one_name_a_line_is_quoted_as_written() -> None:
    from quizapp.decks.sources import fold

    text = "VELORA BRIGADE\n\na.k.a.\nSons of the Marsh,\nVelora Fighters,\nTarra Units\n\n" + (
        "The Velora Brigade (VB) was formed in 1987.\n"
    )
    facts = facts_of(text)
    group = next(f for f in facts if f.get("name") == "Velora Brigade")
    assert group["aliases"] == ["Sons of the Marsh", "Velora Fighters", "Tarra Units"]
    for source in group["sources"]:
        assert fold(source["quote"]) in fold(text)
