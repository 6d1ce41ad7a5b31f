"""A drawn question has one right answer in its file, and "who says" asks only for a speaker
the text names: a report's own assessment, attributed to its publisher, is not asked who says
it (the answer would be which document the sentence is in)."""

from __future__ import annotations

import msgspec

from quizapp.facts.derive import draw_cards
from quizapp.facts.wording import question_of, spoken_in
from quizapp.model import Card, Fact

SRC = [{"doc": "report.txt", "quote": "q"}]


def fact(**fields: object) -> Fact:
    return msgspec.convert({"sources": SRC, **fields}, Fact)  # type: ignore[arg-type]


def draw(*facts: Fact) -> dict[str, Card]:
    return {card.id: card for card in draw_cards(list(facts))}


def said(quote: str) -> list[dict[str, str]]:
    return [{"doc": "report.txt", "quote": quote}]


STATE = "U.S. Department of State"


def test_a_reports_own_assessment_is_not_asked_who_says_it() -> None:
    own = fact(
        id="own", type="statement", claim="ETA finances itself through extortion",
        attributed_to=STATE, about="ETA", sources=said("ETA finances itself through extortion."),
    )  # fmt: skip
    cards = draw(own)
    assert "own/who" not in cards
    # what the report says of the group is still asked, once it has one answer in the file
    assert question_of(cards["own/what"]) == f"What is said about ETA, according to {STATE}?"
    # a document whose citation is known is named by it
    cited = {card.id: card for card in draw_cards([own], cite={"report.txt": "the CRT"}.get)}
    assert question_of(cited["own/what"]) == "What is said about ETA, according to the CRT?"
    assert "own/who" not in cited


def test_a_speaker_the_text_names_is_asked_in_any_of_its_usual_forms() -> None:
    quoted = {
        "state": (STATE, "AQIM raises money by kidnapping, according to the State Department."),
        "crs": ("Congressional Research Service", "Algiers welcomed support, according to CRS."),
        "joint": (
            "Hillary Clinton and Gen. Carter Ham",
            "Clinton and General Carter Ham said there were links.",
        ),
        "analysts": ("analysts cited by the CFR backgrounder", "Analysts say it blends ideas."),
    }
    facts = [
        fact(id=key, type="statement", claim=f"claim {key}", attributed_to=who, sources=said(q))
        for key, (who, q) in quoted.items()
    ]
    cards = draw(*facts)
    for key, (who, _) in quoted.items():
        assert key + "/who" in cards, who
        assert cards[key + "/who"].answer == who  # type: ignore[union-attr]


def test_spoken_in_finds_no_speaker_a_quote_does_not_name() -> None:
    assert not spoken_in(STATE, ["The PKK's goal was a Kurdish state."])
    assert not spoken_in("the source document", ["AQIM has not attacked Europe."])
    assert not spoken_in("Congressional Research Service", ["The CIA says so."])
    assert spoken_in("U.S. officials", ["It is regional, U.S. officials say."])


def test_two_claims_of_one_speaker_about_one_group_ask_no_what() -> None:
    one = fact(
        id="one", type="statement", claim="ETA finances itself through extortion",
        attributed_to=STATE, about="ETA",
    )  # fmt: skip
    two = fact(
        id="two", type="statement", claim="ETA is declining", attributed_to=STATE, about="ETA"
    )
    cards = draw(one, two)
    assert "one/what" not in cards and "two/what" not in cards


GROUPS = [
    fact(id="jem", type="group", name="Jaish e-Mohammed"),
    fact(id="let", type="group", name="Lashkar e-Tayyiba"),
    fact(id="hm", type="group", name="Harakat ul-Mujahidin"),
    fact(id="saeed", type="person", name="Hafiz Saeed"),
]


def designation(id: str, target: str, date: str | None, **fields: str) -> Fact:
    values: dict[str, object] = {"authority": STATE, "list": "FTO", **fields}
    if date is not None:
        values["date"] = date
    return fact(id=id, type="designation", target=target, **values)


def test_two_groups_designated_the_same_day_ask_no_whom_but_keep_who_and_when() -> None:
    cards = draw(
        *GROUPS,
        designation("jem-fto", "jem", "2003-12-23"),
        designation("let-fto", "let", "2003-12-23"),
        designation("hm-fto", "hm", "1997-10-08"),
    )
    assert "jem-fto/whom" not in cards and "let-fto/whom" not in cards
    assert {"jem-fto/who", "jem-fto/when", "let-fto/who", "let-fto/when"} <= set(cards)
    assert "hm-fto/whom" in cards, "a group designated on another day is asked"
    assert cards["hm-fto/whom"].answer == "Harakat ul-Mujahidin"  # type: ignore[union-attr]


def test_a_question_another_designation_certainly_answers_is_left_out() -> None:
    cards = draw(
        *GROUPS,
        designation("year", "jem", "2003"),  # the day below lies within 2003
        designation("day", "let", "2003-12-23"),
        designation("undated", "hm", None),  # every other FTO designation answers it
        designation("person", "saeed", "2003-12-23", list="FTO"),
        designation("amended", "hm", "2003-12-23", action="amended"),
    )
    assert "year/whom" not in cards and "undated/whom" not in cards
    # a person designated that day, a group whose listing was amended, or a group that may
    # have been (undated) are no second answer to "Which group was designated on that day?"
    assert "day/whom" in cards
    assert question_of(cards["day/whom"]).startswith("Which group was designated")
    assert "person/whom" in cards


def test_two_authorities_acting_alike_on_one_group_ask_no_which_authority() -> None:
    treasury = "U.S. Department of the Treasury"
    cards = draw(
        *GROUPS,
        designation("state", "let", "2001-12-26", list="SDGT"),
        designation("treasury", "let", "2001-12-26", list="SDGT", authority=treasury),
        # the same authority, written otherwise, is one authority: no second answer
        designation("fto", "jem", "2001-12-26", authority="Department of State"),
        designation("fto-again", "jem", "2001-12-26", authority="State Department"),
    )
    assert "state/who" not in cards and "treasury/who" not in cards
    assert "fto/who" in cards


def test_one_group_designated_twice_on_one_list_is_not_asked_when() -> None:
    cards = draw(
        *GROUPS,
        designation("first", "let", "2001-12-26"),
        designation("again", "let", "2003-12-23"),
        designation("amended", "let", "2014-06-25", action="amended"),
    )
    assert "first/when" not in cards and "again/when" not in cards
    assert "amended/when" in cards, "another action is another question"
    assert {"first/who", "again/who"} <= set(cards)


def test_two_events_of_one_what_ask_neither_when_nor_where_they_differ_in() -> None:
    cards = draw(
        fact(id="mali", type="place", name="Mali"),
        fact(id="niger", type="place", name="Niger"),
        fact(id="one", type="event", what="a kidnapping of tourists", date="2009", place="mali"),
        fact(id="two", type="event", what="A kidnapping of tourists.", date="2011", place="niger"),
        fact(id="raid", type="event", what="a raid on a bank", date="2010", place="mali"),
    )
    for card_id in ("one/when", "two/when", "one/where", "two/where", "one/order", "two/order"):
        assert card_id not in cards, card_id
    assert {"raid/when", "raid/where", "one/what", "two/what"} <= set(cards)


def test_two_facts_asking_one_question_with_one_answer_keep_the_card() -> None:
    """The same event from two documents is no second answer, even given less precisely:
    one card asks it. Two days of one month are two answers."""
    for one, other in (("2010", "2010"), ("2010-12-11", "2010"), ("2010-12", "2010-12-11")):
        cards = draw(
            fact(id="a", type="event", what="a raid on a bank", date=one),
            fact(id="b", type="event", what="a raid on a bank", date=other),
        )
        assert "a/when" in cards and "b/when" not in cards, (one, other)
    cards = draw(
        fact(id="a", type="event", what="a raid on a bank", date="2010-12-11"),
        fact(id="b", type="event", what="a raid on a bank", date="2010-12-03"),
    )
    assert "a/when" not in cards and "b/when" not in cards


def test_a_claim_too_long_to_recall_is_not_asked_what_is_said() -> None:
    long = "The PKK's original goal was an independent Kurdish state in southeastern Turkey, " * 2
    cards = draw(
        fact(id="pkk", type="group", name="Kurdistan Workers' Party", acronym="PKK"),
        fact(id="ocalan", type="person", name="Abdullah Ocalan"),
        fact(id="long", type="statement", claim=long.strip(), by="ocalan", about="PKK"),
        fact(id="short", type="statement", claim="The PKK seeks autonomy", by="ocalan", about="X"),
        fact(id="also", type="statement", claim="The PKK is strong", by="ocalan", about="PKK"),
    )
    assert "long/who" in cards and "long/what" not in cards
    assert "short/what" in cards
    # Ocalan says two things about the PKK, one too long to be asked: it is still a second
    # answer to what he says about it
    assert "also/what" not in cards


def test_a_fact_whose_card_would_say_its_answer_still_answers_the_question() -> None:
    """B's card is not drawn (its alias is in the question), yet B is a second answer to A's."""
    role = [{"role": "emir", "of": "aqim", "from": "2004"}]
    aqim = fact(id="aqim", type="group", name="AQIM")
    a = fact(id="a", type="person", name="Abdelmalek Droukdel", roles=role)
    b = fact(id="b", type="person", name="Abu Musab", aliases=[{"name": "the emir"}], roles=role)
    assert "a/role" in draw(aqim, a)
    cards = draw(aqim, a, b)
    assert "a/role" not in cards and "b/role" not in cards


def test_an_alias_two_groups_share_is_not_asked_another_is() -> None:
    quote = said("The Eastern Front (the Guard, Red Brigade) and the Western Front (the Guard).")
    east = fact(
        id="east", type="group", name="Eastern Front", sources=quote,
        aliases=[{"name": "the Guard"}, {"name": "Red Brigade"}],
    )  # fmt: skip
    west = fact(
        id="west", type="group", name="Western Front", aliases=[{"name": "Guard"}], sources=quote
    )
    cards = draw(east, west)
    assert question_of(cards["east/alias"]) == "Which group is also known as Red Brigade?"
    assert "west/alias" not in cards
    assert question_of(draw(west)["west/alias"]) == "Which group is also known as Guard?"


def test_a_relation_is_told_apart_by_a_date_no_other_lies_within() -> None:
    people = [fact(id=n, type="person", name=n.title()) for n in ("ann", "bob", "cy")]
    gia = fact(id="gia", type="group", name="Armed Islamic Group", acronym="GIA")

    def led(id: str, who: str, date: str) -> Fact:
        return fact(id=id, type="relation", relation="leadership", to="gia", date=date,
                    **{"from": [who]})  # fmt: skip

    cards = draw(gia, *people, led("l1", "ann", "1995"), led("l2", "bob", "1995-03"))
    assert "l1/from" not in cards, "who led it in March 1995 also led it in 1995"
    assert question_of(cards["l2/from"]) == "Who led GIA (March 1995)?"
    cards = draw(gia, *people, led("l1", "ann", "1995"), led("l3", "cy", "1996"))
    assert question_of(cards["l1/from"]) == "Who led GIA (1995)?"


def test_two_speakers_of_one_claim_are_not_asked_who_says_it() -> None:
    claim = "Mali must not become a safe haven"
    cards = draw(
        fact(id="clinton", type="person", name="Hillary Clinton"),
        fact(id="ham", type="person", name="Carter Ham", aliases=[{"name": "Mali"}]),
        fact(id="a", type="statement", claim=claim, by="clinton"),
        fact(id="b", type="statement", claim=claim, by="ham"),  # names Ham: not asked
    )
    assert "a/who" not in cards and "b/who" not in cards
    assert "a/who" in draw(fact(id="clinton", type="person", name="Hillary Clinton"),
                           fact(id="a", type="statement", claim=claim, by="clinton"))  # fmt: skip
