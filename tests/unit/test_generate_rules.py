"""The generator's rules for key events and for relations as documents phrase them, each on
made-up sentences about made-up groups (never the evaluation documents)."""

from __future__ import annotations

from typing import Any

import pytest

from quizapp.generate.dates import DateContext, find_dates
from quizapp.generate.document import parse_document
from quizapp.generate.typed import propose_facts
from quizapp.generate.typed.events import MINOR_EVENT_CONFIDENCE, is_key_event

INTRO = (
    "The Red Hand Brigade (RHB) was active in 1990. The Blue Hand Front (BHF) was active too. "
    "The Green Hand Army (GHA) fought in the hills.\n"
)


def facts_of(text: str) -> list[dict[str, Any]]:
    return [proposal.fact for proposal in propose_facts(parse_document("d.txt", text))]


def relations(text: str) -> set[tuple[str, tuple[str, ...], str]]:
    """(relation, from acronyms, to acronym) of every relation proposed from INTRO + text."""
    facts = facts_of(INTRO + text)
    names = {f["id"]: str(f.get("acronym") or f.get("name")) for f in facts}
    return {
        (f["relation"], tuple(names[i] for i in f["from"]), names[f["to"]])
        for f in facts
        if f["type"] == "relation"
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # splits: from the parent to the new group
        (
            "In 1998, several RHB commanders broke away to found the Black Hand Cell (BHC).",
            ("split", ("RHB",), "BHC"),
        ),
        ("The Black Hand Cell (BHC) is a splinter of the RHB.", ("split", ("RHB",), "BHC")),
        ("The Black Hand Cell (BHC) spun off from the RHB in 2004.", ("split", ("RHB",), "BHC")),
        (
            "The Black Hand Cell (BHC), a breakaway faction of the RHB, bombed a bridge.",
            ("split", ("RHB",), "BHC"),
        ),
        (
            "The BHF emerged in 2011 as the RHB's affiliate, and announced its split from the "
            "RHB in 2016.",
            ("split", ("RHB",), "BHF"),
        ),
        (
            "Many BHF members are former RHB members who left the RHB after its cease-fire.",
            ("split", ("RHB",), "BHF"),
        ),
        # renamings: from the old name to the new
        (
            "The Black Hand Cell (BHC), previously known as the RHB, grew.",
            ("rename", ("RHB",), "BHC"),
        ),
        (
            "The Black Hand Cell (BHC), originally called the RHB, grew.",
            ("rename", ("RHB",), "BHC"),
        ),
        ("In 2001 the RHB adopted the name Black Hand Cell (BHC).", ("rename", ("RHB",), "BHC")),
        (
            "The Black Hand Cell (BHC) accepted the pledge, and the RHB began calling itself BHC.",
            ("rename", ("RHB",), "BHC"),
        ),
        (
            "In August 2019, former RHB commanders, including Karim Adel, created the Black Hand "
            "Cell (BHC).",
            ("split", ("RHB",), "BHC"),
        ),
        # mergers
        ("In 2003 the RHB united with the BHF.", ("merger", ("RHB",), "BHF")),
        ("The RHB has reportedly teamed up with the BHF.", ("affiliation", ("RHB",), "BHF")),
        (
            "Karim Adel, the RHB's emir, announced the union in 2006, and the BHF took part.",
            ("merger", ("BHF",), "RHB"),
        ),
        (
            "The Black Hand Cell (BHC) was formed through a merger of the RHB and the BHF.",
            ("merger", ("RHB", "BHF"), "BHC"),
        ),
    ],
)
def test_relation_phrasings(sentence: str, expected: tuple[str, tuple[str, ...], str]) -> None:
    assert expected in relations(sentence)


def test_a_gerund_renaming_without_a_subject_renames_the_group_named_before() -> None:
    found = relations(
        "The RHB grew fast in the north after the war.\n"
        "Rebranding as the Black Hand Cell (BHC) made recruiting easier.\n"
    )
    assert ("rename", ("RHB",), "BHC") in found


def test_coordination_with_a_list_of_groups_is_one_affiliation_each() -> None:
    found = relations(
        "In 2012, officials said the RHB had coordinated with other groups, including Sarvania's "
        "BHF, Ostland's GHA, and the Black Hand Cell (BHC), with funds flowing among them.\n"
    )
    assert {("affiliation", ("RHB",), to) for to in ("BHF", "GHA", "BHC")} <= found


def test_an_offshoot_of_a_group_is_not_also_a_split_the_other_way() -> None:
    found = relations("The Black Hand Cell (BHC) emerged as an offshoot of the RHB.")
    assert ("split", ("RHB",), "BHC") in found
    assert not any(to == "RHB" for _, _, to in found)


def key(sentence: str, index: int = 0) -> bool:
    return is_key_event(sentence, find_dates(sentence, DateContext())[index])


def test_key_events_are_acts_and_the_rest_are_below_the_default_confidence() -> None:
    assert key("In 2004 the RHB bombed a market, killing 12.")
    assert key("The RHB was founded in 1988 by Karim Adel.")
    assert key("In March 2003, a court banned the RHB's political wing.")
    assert not key("The RHB traces its origins to the civil war of the 1990s.")
    assert not key("Sarvania's GDP per capita was $777 in 2012.")
    assert not key("The mission was at half its strength at the start of 2014.")
    assert not key("Sarvania is the third country since 2008 to see a coup.")
    assert not key("The RHB holds two hostages as of December 2014.")
    # The confidence follows: a state described is proposed, under the default cut.
    facts = propose_facts(parse_document("d.txt", INTRO + "The RHB traces its origins to 1975.\n"))
    event = next(p for p in facts if p.fact["type"] == "event" and p.fact["date"] == "1975")
    assert event.confidence == MINOR_EVENT_CONFIDENCE < 0.4


def test_a_state_that_went_on_and_a_date_compared_with_are_no_key_events() -> None:
    assert not key("In 2013, the RHB remained active, particularly with kidnappings for ransom.")
    assert not key("In 2016, RHB terrorist attacks declined.")
    assert not key("The RHB committed 13 attacks in 2015, in comparison to 20 in 2014.", 1)
    assert key("The RHB committed 13 attacks in 2015, in comparison to 20 in 2014.", 0)
    # the act a date qualifies is still an act when a going-on verb stands before it
    assert key("Its stores have only increased since the outbreak of civil war in 2011.")
    # ... and a relative clause's verb is not the clause's main verb
    assert key("In late 2013, the RHB attacked a convoy, showing the insecurity that remains.")
    assert key("The group has killed more than 850 persons since it began attacks in 1968.")
    assert key("In 2017 the group selected a new leader, who is based in Tamsin.")
    # a war, a clash, a battle are acts too
    assert key("In the wake of the summer 2006 war between Sarvania and the RHB, talks stalled.")


def test_a_date_that_qualifies_an_act_names_the_event_in_a_clause_of_no_act() -> None:
    facts = facts_of(
        INTRO + "This change is visible in the March 2016 beach resort attack in Sarvania.\n"
    )
    event = next(f for f in facts if f["type"] == "event" and f["date"] == "2016-03")
    assert event["what"].startswith("Beach resort attack")


def test_two_events_with_one_date_in_a_sentence_are_two_facts() -> None:
    facts = facts_of(
        INTRO + "The RHB since 2010 has kept a low profile, while the BHF claimed responsibility "
        "for a 2010 attack on a bus that killed five.\n"
    )
    events = [f for f in facts if f["type"] == "event" and f["date"] == "2010"]
    assert len(events) == 2
    assert len({f["id"] for f in events}) == 2
    assert any("for an attack on a bus" in f["what"] for f in events)  # "a 2010 attack"


def test_a_long_what_ends_at_a_natural_break_and_stays_short() -> None:
    facts = facts_of(
        INTRO
        + "April 11, 2007: The RHB carries out two deadly attacks: one suicide attack against "
        "the office of the prime minister and a second attack on a police station in the east.\n"
        "In 2009 the RHB formed the Black Hand Cell (BHC) as its youth wing, a student body "
        "originally founded to oppose the presence of foreign troops in the northern valleys "
        "and to recruit fighters.\n"
    )
    whats = {f["date"]: f["what"] for f in facts if f["type"] == "event"}
    assert whats["2007-04-11"] == "The RHB carries out two deadly attacks"
    assert whats["2009"].endswith("as its youth wing")
    assert all(len(what) <= 110 for what in whats.values())


def test_a_reported_sentence_gives_its_key_events_less_surely() -> None:
    proposals = propose_facts(
        parse_document(
            "d.txt",
            INTRO + "Officials said the RHB gunmen who attacked the embassy in Sarvan in "
            "September 2012 had trained abroad.\n"
            "Karim Adel is believed to have masterminded the January 2013 hostage crisis at a gas "
            "plant in Ostland that left at least 38 dead.\n"
            "In July 2012, Karim Adel described the RHB as a growing threat.\n",
        )
    )
    events = {p.fact["date"]: p for p in proposals if p.fact["type"] == "event"}
    assert events["2012-09"].fact["what"].startswith("Attacked the embassy")
    assert events["2013-01"].fact["what"] == "Hostage crisis at a gas plant"  # + where: Ostland
    assert "place" in events["2013-01"].fact
    assert {events["2012-09"].confidence, events["2013-01"].confidence} == {0.5}
    assert "2012-07" not in events  # the date of the words, not of an act
    assert any(p.fact["type"] == "statement" for p in proposals)


def test_a_claim_is_the_words_said_whichever_side_of_the_verb_they_are() -> None:
    facts = facts_of(
        INTRO + "Karim Adel leads the RHB and gives many interviews in the capital.\n"
        '"The RHB has grown stronger every year since the war," writes Omar Vance, an analyst.\n'
        "The RHB raises money through smuggling and ransom, according to the Finance Ministry.\n"
        "In 2012, Karim Adel said the RHB would fight on in the hills.\n"
    )
    claims = {f["claim"] for f in facts if f["type"] == "statement"}
    assert "The RHB has grown stronger every year since the war" in claims
    assert "The RHB raises money through smuggling and ransom" in claims
    assert "The RHB would fight on in the hills" in claims


def test_a_profile_line_without_a_subject_is_about_the_group_of_the_passage() -> None:
    facts = facts_of(
        "The Red Hand Brigade (RHB) was founded in 1988 in the hills of Sarvania.\n\n"
        "External Aid\n\n"
        "Has received training at various times in the past in Ostland and Westmark.\n"
    )
    claims = {f["claim"] for f in facts if f["type"] == "statement"}
    assert "RHB has received training at various times in the past in Ostland and Westmark" in (
        claims
    )


def test_a_treasury_designation_of_named_leaders_targets_them_and_a_new_release_has_no_today() -> (
    None
):
    facts = facts_of(
        "Media Note\nOffice of the Spokesperson\nMarch 3, 2019\n\n"
        "The Department of State has today designated the Red Hand Brigade (RHB) as a Foreign "
        "Terrorist Organization.\n\n"
        "Media Note\nOffice of the Spokesperson\n\n"
        "This is timed with today's Treasury designation of two RHB senior leaders, Omar Vance "
        "and Karim Adel.\n"
    )
    names = {f["id"]: f.get("acronym") or f.get("name") for f in facts}
    found = {
        (names[f["target"]], f["list"], f.get("date")) for f in facts if f["type"] == "designation"
    }
    assert ("RHB", "FTO", "2019-03-03") in found
    assert {("Omar Vance", "SDGT", None), ("Karim Adel", "SDGT", None)} <= found


def test_a_place_listed_on_a_line_of_its_own_is_proposed() -> None:
    proposals = propose_facts(
        parse_document(
            "d.txt",
            INTRO + "The RHB recruits in Sarvania and in Ostland, and trades with Westmark.\n\n"
            "Active in Locations:\n\n  • Sarvania\n  • Ostland\n",
        )
    )
    places = {p.fact["name"]: p.confidence for p in proposals if p.fact["type"] == "place"}
    assert places["Sarvania"] >= 0.5 and places["Ostland"] >= 0.5
    assert places.get("Westmark", 0) < 0.4


def test_what_reads_without_the_date_phrase_and_its_leftovers() -> None:
    facts = facts_of(
        INTRO + "During the summer of 2003, the RHB targeted tourist areas in the south.\n"
        "(A new council took power with the army's consent in early April 2005.)\n"
        "In 2006, the council authorized a peace mission, known as SARMIS, for which the "
        "neighbours pledged thousands of troops and a great deal of money over the next years.\n"
    )
    whats = {f["date"]: f["what"] for f in facts if f["type"] == "event"}
    assert whats["2003"] == "The RHB targeted tourist areas in the south"
    assert whats["2005-04"] == "A new council took power with the army's consent"
    assert whats["2006"] == "The council authorized a peace mission, known as SARMIS"


def test_its_at_the_start_of_what_happened_is_the_groups() -> None:
    facts = facts_of(
        "The Velora Brigade (VB) has killed many civilians since 2010. Its deadliest attack to "
        "date, an October 2017 truck bombing in Tamsin, killed more than 500 people.\n"
    )
    whats = [str(f["what"]) for f in facts if f["type"] == "event"]
    assert any(what.startswith("VB\u2019s deadliest attack") for what in whats)
    assert not [what for what in whats if what.startswith(("Its ", "It "))]


def test_an_event_told_again_more_precisely_is_one_event_at_that_date() -> None:
    facts = facts_of(
        INTRO
        + "The RHB is responsible for the 1983 suicide truck bombing of the embassy in Tamsin.\n"
        "The RHB carried out the suicide truck bombing of the embassy in Tamsin in April 1983.\n"
        "In 1983, the RHB also opened a school for its recruits in the north.\n"
    )
    events = [f for f in facts if f["type"] == "event" and str(f["date"]).startswith("1983")]
    bombing = [f for f in events if "bombing" in str(f["what"])]
    assert len(bombing) == 1 and bombing[0]["date"] == "1983-04"
    assert len(bombing[0]["sources"]) == 2
    # another event of the same year stays its own
    assert any("school" in str(f["what"]) and f["date"] == "1983" for f in events)


def events_of(text: str) -> dict[str, str]:
    return {str(f["date"]): str(f["what"]) for f in facts_of(INTRO + text) if f["type"] == "event"}


def test_an_acronym_in_capitals_is_no_verb_of_state() -> None:
    text = (
        "On March 7, 2015, the RHB pledged loyalty to the Islamic State (IS). "
        "IS spokesman Karim Adel welcomed the pledge on March 12, urging followers to travel.\n"
    )
    welcomed = next(
        p
        for p in propose_facts(parse_document("r.txt", INTRO + text))
        if p.fact["type"] == "event" and p.fact["date"] == "2015-03-12"
    )
    assert "welcomed the pledge" in str(welcomed.fact["what"])
    assert welcomed.confidence > MINOR_EVENT_CONFIDENCE  # a key event, not a state


def test_a_hedged_or_timeline_report_that_opens_with_its_date_is_an_event() -> None:
    text = "On May 19, 2021, Karim Adel was reportedly killed during a clash.\n"
    assert "killed during a clash" in events_of(text).get("2021-05-19", "")
    # the act is the event, less surely; not a statement as well
    assert not [f for f in facts_of(INTRO + text) if f["type"] == "statement"]
    found = events_of(
        "- May 27th, 2014: The RHB said Friday it was responsible for a recent attack on a "
        "minister's home.\n"
    )
    assert "2014-05-27" in found
    # someone's words dated at the start of an ordinary sentence stay a statement only
    assert "2012-07" not in events_of("In July 2012, Karim Adel described the RHB as rich.\n")


def test_a_group_that_announces_is_the_speaker_not_the_person_named_after() -> None:
    facts = facts_of(
        INTRO + "In 2016, the RHB announced that Karim Adel was to replace Omar Sadiq as the new "
        "leader of the group.\n"
    )
    names = {f["id"]: f.get("name") for f in facts}
    said = next(f for f in facts if f["type"] == "statement" and "replace" in str(f["claim"]))
    assert names.get(said.get("by")) == "Red Hand Brigade"


def test_he_opening_what_happened_is_the_one_person_named_before() -> None:
    found = events_of(
        "Karim Adel is the chief commander of the RHB. In September 2009 he was named the "
        "planning director of the BHF.\n"
    )
    assert found.get("2009-09", "").startswith("Karim Adel was named")
    # two people named before: "he" is not guessed
    found = events_of(
        "Karim Adel and Omar Sadiq lead the RHB. In September 2009 he was named the planning "
        "director of the BHF.\n"
    )
    assert found.get("2009-09", "").startswith("He was named")
