"""Names, relations and designations on text the rules were not written against."""

from __future__ import annotations

from quizapp.generate.document import parse_document
from quizapp.generate.entities import Entity, find_entities
from quizapp.generate.typed import propose_facts


def by_name(sentences: list[str]) -> dict[str, Entity]:
    return {entity.name: entity for entity in find_entities(sentences)}


def test_organisation_with_acronym_and_later_mentions() -> None:
    found = by_name(
        [
            "The Islamic Courts Union (ICU) ruled Mogadishu in 2006.",
            "Ethiopian troops ousted the ICU months later.",
        ]
    )
    union = found["Islamic Courts Union"]
    assert union.kind == "group" and union.acronym == "ICU"
    assert "ICU" not in found
    assert found["Mogadishu"].kind == "place"


def test_people_roles_and_aliases() -> None:
    found = by_name(
        [
            "Ahmed Abdi Godane, the group's emir, was killed in Somalia.",
            "Also known as Mukhtar Abu Zubair, he had led it since 2008.",
            "Then defense secretary Chuck Hagel said the strike worked.",
        ]
    )
    godane = found["Ahmed Abdi Godane"]
    assert godane.kind == "person"
    assert godane.roles == ["the group's emir"]
    assert godane.aliases == ["Mukhtar Abu Zubair"]
    assert found["Chuck Hagel"].kind == "person"
    assert found["Somalia"].kind == "place"


def test_a_list_with_one_known_place_makes_the_others_places() -> None:
    found = by_name(["Fighters held Kismayo, Mogadishu, and Baidoa."])
    assert {name for name, e in found.items() if e.kind == "place"} == {
        "Kismayo",
        "Mogadishu",
        "Baidoa",
    }


def test_nickname_attaches_to_the_person_named_before_it() -> None:
    found = by_name(
        ["Omar Hammami recruited Westerners.", "His rapping earned Hammami the moniker Abu Mansur."]
    )
    assert found["Omar Hammami"].aliases == ["Abu Mansur"]


def test_declared_groups_names_with_sheikh_and_what_is_not_a_name() -> None:
    found = by_name(
        [
            "Jund al Tawhid, founded by exiles, is a small armed group in the south.",
            "Jund al Tawhid attacked a convoy near Baidoa.",
            "Following Godane's death, the president Hassan Sheikh Mohamoud spoke in Arabic.",
            "The United States listed it as a Foreign Terrorist Organization.",
        ]
    )
    assert found["Jund al Tawhid"].kind == "group"
    assert found["Hassan Sheikh Mohamoud"].kind == "person"
    assert "Following Godane" not in found
    assert "Arabic" not in found
    assert "Foreign Terrorist Organization" not in found
    assert found["Baidoa"].kind == "place"


def relations(text: str) -> list[tuple[str, list[str], str]]:
    """(relation, from names, to name) of every relation the typed path proposes."""
    facts = [p.fact for p in propose_facts(parse_document("d.txt", text))]
    names = {f["id"]: str(f.get("acronym") or f.get("name")) for f in facts}
    return [
        (f["relation"], [names.get(i, i) for i in f["from"]], names.get(f["to"], f["to"]))
        for f in facts
        if f["type"] == "relation"
    ]


def designations(text: str) -> list[tuple[str, str]]:
    facts = [p.fact for p in propose_facts(parse_document("d.txt", text))]
    return [(f["action"], f["list"]) for f in facts if f["type"] == "designation"]


def test_mergers_splits_renamings_and_designations_on_the_typed_path() -> None:
    intro = "The Sahel Example Front (SEF) and the Desert Example Army (DEA) fought on. "
    merged = relations(intro + "In 2012 the SEF merged with the DEA to form the Union Front (UF).")
    assert merged == [("merger", ["SEF", "DEA"], "UF")]
    renamed = relations(intro + "In July 2016 the SEF rebranded itself as the Dawn Front (DF).")
    assert renamed == [("rename", ["SEF"], "DF")]
    designated = "The State Department designated the Sahel Example Front (SEF) an FTO in 2008."
    assert designations(designated) == [("designated", "FTO")]
    delisted = (
        "The Sahel Example Front (SEF) was founded in 1990. It was delisted as an FTO in 2010."
    )
    assert designations(delisted) == [("delisted", "FTO")]
    assert relations("The weather was fine in 2010.") == []


def test_offshoots_and_breaking_away_are_splits() -> None:
    intro = "The Islamic Courts Union (ICU) ruled Mogadishu in 2006. "
    offshoot = relations(
        intro + "The Youth Example Movement (YEM) emerged as an offshoot of the ICU."
    )
    assert offshoot == [("split", ["ICU"], "YEM")]
    broke = relations(intro + "The Youth Example Movement (YEM) broke away from the ICU in 2007.")
    assert broke == [("split", ["ICU"], "YEM")]
