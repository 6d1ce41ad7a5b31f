"""Names and events on text the rules were not written against."""

from __future__ import annotations

from quizapp.generate.entities import Entity, find_entities
from quizapp.generate.events import find_events


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


def test_merger_split_and_designation_events() -> None:
    merged = find_events("In 2012 the group merged with al-Qaeda to form a new front.")
    assert [(e.kind, e.family) for e in merged] == [("merger", "union")]
    split = find_events(
        "Several commanders broke with the leadership and created their own brigade."
    )
    assert [(e.kind, e.family) for e in split] == [("merger", "split")]
    renamed = find_events("The front rebranded itself as Jabhat Fateh al-Sham in July 2016.")
    assert [e.family for e in renamed] == ["rename"]
    designated = find_events("The State Department designated al-Shabaab an FTO in 2008.")
    assert [(e.kind, e.family) for e in designated] == [("designation", "designation")]
    delisted = find_events("The group was delisted as an FTO in 2010.")
    assert [e.family for e in delisted] == ["delisting"]
    assert find_events("The weather was fine.") == []


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


def test_offshoots_and_breaking_away_are_splits() -> None:
    assert [e.family for e in find_events("It emerged as a radical offshoot of the ICU.")] == [
        "split"
    ]
    assert [e.family for e in find_events("It rose after breaking away from the ICU.")] == ["split"]
