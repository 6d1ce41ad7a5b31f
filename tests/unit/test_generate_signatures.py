"""Who signs or gives a text (its signature block and title lines: a person, without the
office as a role, since a role draws a card and no card quotes a line that is not a sentence),
and words that only look like names (made-up people and groups)."""

from __future__ import annotations

from typing import Any

from quizapp.generate.document import parse_document
from quizapp.generate.typed import propose_facts


def facts_of(text: str) -> list[dict[str, Any]]:
    return [p.fact for p in propose_facts(parse_document("s.txt", text))]


def people(text: str) -> dict[str, list[str]]:
    return {
        str(f["name"]): [r["role"] for r in f.get("roles", [])]
        for f in facts_of(text)
        if f["type"] == "person"
    }


BODY = "The Velora Brigade (VB) attacked a bank in Tamsin in 2029.\n"


def test_a_name_and_an_office_on_one_title_line() -> None:
    found = people("Press Statement\nAnton Marek, Spokesman\nWashington, DC\n\n" + BODY)
    assert found == {"Anton Marek": []}
    found = people(
        "Statement by Assistant to the President for Homeland Security, Lena Varga\n\n" + BODY
    )
    assert found == {"Lena Varga": []}


def test_a_signature_block_over_two_lines() -> None:
    found = people(
        BODY + "\nDated: May 2, 2031.\n\nPavel J. Kobo,\n\nActing Coordinator for "
        "Counterterrorism, Department of State.\n"
    )
    assert found == {"Pavel J. Kobo": []}
    found = people("Crisis in Tamsin\n\nIvo Selk\nAnalyst in African Affairs\n\n" + BODY)
    assert found == {"Ivo Selk": []}


def test_a_title_line_without_an_office_names_no_one() -> None:
    assert people("Velora Brigade, Tamsin\n\n" + BODY) == {}


def test_words_that_only_look_like_names() -> None:
    found = people(
        "Following a 2016 Peace Accord with the government, the VB dissolved. "
        "The VB observed a ceasefire during the elections that confirmed President Moralos\u2019 "
        "second term. It has activities--extortion and R&R--in Tamsin.\n"
    )
    assert "Peace Accord" not in found
    assert not [name for name in found if name.endswith(("'", "\u2019")) or "--" in name]


def test_the_leader_named_after_his_organization_is_a_person() -> None:
    facts = facts_of(
        "On March 7, 2031, the VB pledged loyalty to the leader of the Tamsin-based Oskari "
        "Front (OF) organization, Abu Marek al Tamsini.\n"
    )
    kinds = {f.get("name"): f["type"] for f in facts if "name" in f}
    assert kinds.get("Abu Marek al Tamsini") == "person"


def test_a_titled_name_line_and_an_office_run_into_a_name() -> None:
    found = people("Remarks on the Designations\nSecretary Anton M. Marek\n\n" + BODY)
    assert "Anton M. Marek" in found
    found = people(
        BODY + "Under Secretary of the Treasury for Terrorism and Financial Intelligence Lena "
        "Varga said these two groups are dangerous.\n"
    )
    assert "Lena Varga" in found and not [name for name in found if "Intelligence" in name]
    # "Today I am ...": no one's name
    assert not [
        name for name in people("Today I am designating the VB.\n" + BODY) if name[-1] == "I"
    ]


def test_a_photo_caption_is_no_sentence() -> None:
    facts = facts_of(
        BODY + "This file photograph taken on 27 Nov 2030 shows flames over the Tamsin hotel.\n"
    )
    assert not [f for f in facts if f.get("date") == "2030-11-27"]


def test_a_reports_author_is_under_the_default_confidence() -> None:
    proposals = propose_facts(
        parse_document(
            "s.txt", "Crisis in Tamsin\n\nIvo Selk\nSpecialist in African Affairs\n\n" + BODY
        )
    )
    author = next(p for p in proposals if p.fact.get("name") == "Ivo Selk")
    assert author.confidence < 0.4


def test_a_nationality_and_a_region_word_are_no_names() -> None:
    found = people(
        BODY + "Dual US-Yemeni citizen Anton Marek was killed in 2011. The VB crosses porous "
        "Lake Chad-region borders to attack.\n"
    )
    assert "Anton Marek" in found
    assert not [name for name in found if "Yemeni" in name or "region" in name]
