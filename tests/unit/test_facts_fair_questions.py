"""What the independent reading of the course found, as rules of the templates: a state of
affairs is never asked as an event, a disputed figure names whose figure it asks, an open-ended
figure is asked as the bare number its source writes, "who says" offers no plausible co-speaker,
wrong counts differ clearly, and an authority's usual names are accepted."""

from __future__ import annotations

import shutil
from pathlib import Path

import msgspec

from quizapp.decks import load_decks
from quizapp.decks.metadata import SourceDates
from quizapp.facts.derive import draw_cards
from quizapp.facts.distractors import FigurePool, figure_distractors
from quizapp.facts.figures import leading_figure, numbers_in, parse_figure
from quizapp.facts.timeline import Decked, build_timeline, order_items
from quizapp.facts.wording import authority_forms
from quizapp.model import BasicCard, Card, ChoiceCard, Fact, OrderCard, TypedCard

SRC = [{"doc": "profile.txt", "quote": "q"}]
CITES = {"profile.txt": "the group profile", "crt.txt": "the State Department's report"}


def fact(**fields: object) -> Fact:
    return msgspec.convert({"sources": SRC, **fields}, Fact)  # type: ignore[arg-type]


def draw(*facts: Fact) -> dict[str, Card]:
    return {card.id: card for card in draw_cards(list(facts), cite=CITES.get)}


EVENTS = [
    fact(id="raid", type="event", what="a raid on a bank", date="2014-04"),
    fact(id="ambush", type="event", what="an ambush of a convoy", date="2014-06"),
    fact(id="bombing", type="event", what="a bombing at the port", date="2015-02"),
]
HELD = fact(
    id="held",
    type="event",
    what="the group still holds two hostages",
    date="2014-12",
    state=True,
    time_sensitive=True,
    figures={"hostages": "two"},
)


def test_a_state_is_never_asked_as_an_event_nor_put_in_a_timeline() -> None:
    cards = draw(*EVENTS, HELD)
    assert "held/when" not in cards and "held/order" not in cards
    what = cards["held/what"]
    assert isinstance(what, BasicCard)
    assert what.question == "According to the group profile, what was the case as of December 2014?"
    figure = cards["held/figure.hostages"]
    assert isinstance(figure, ChoiceCard)
    assert figure.question.startswith("As of December 2014, how many hostages:")
    orders = [card for card in cards.values() if isinstance(card, OrderCard)]
    assert orders, "the events are still put in order"
    assert all("hostages" not in item.text for card in orders for item in card.items)
    # the same fact as an event asks when it happened
    as_event = draw(*EVENTS, msgspec.structs.replace(HELD, state=False))  # type: ignore[arg-type]
    assert "held/when" in as_event and "held/order" in as_event


def test_a_disputed_figure_names_the_source_whose_figure_it_asks() -> None:
    toll = fact(
        id="toll",
        type="event",
        what="twin bombings in the capital",
        date="2007-12-11",
        figures={"killed": "thirty-three", "wounded": "177"},
        sources=[{"doc": "crt.txt", "quote": "The bombings killed thirty-three."}],
        disputed=[{"field": "figures.killed", "value": "sixty", "doc": "profile.txt"}],
    )
    cards = draw(toll)
    killed = cards["toll/figure.killed"]
    assert isinstance(killed, ChoiceCard)
    assert killed.question.startswith("According to the State Department's report, how many")
    assert "sixty" not in killed.choices, "the other source's value is never offered as wrong"
    wounded = cards["toll/figure.wounded"]
    assert isinstance(wounded, ChoiceCard) and not wounded.question.startswith("According")


def test_an_open_ended_figure_is_asked_as_the_bare_number_its_source_writes() -> None:
    attack = fact(
        id="attack",
        type="event",
        what="an attack on a police station",
        date="2007-04-11",
        figures={"killed": "at least 30"},
    )
    card = draw(attack, *EVENTS)["attack/figure.killed"]
    assert isinstance(card, ChoiceCard)
    assert card.question.endswith("(given as “at least …”)?")
    assert card.answer == "30" and len(card.choices) == 4
    assert all(parse_figure(choice).qualifier == "" for choice in card.choices)  # type: ignore[union-attr]


def test_who_says_offers_no_wrong_speaker() -> None:
    """Officials repeat one another and a file cannot tell who else holds a view: a speaker
    given as text is recalled, a person typed (other names and the surname accepted)."""
    people = [
        fact(id="ham", type="person", name="Carter Ham", aliases=[{"name": "Gen. Ham"}]),
        fact(id="dempsey", type="person", name="Martin E. Dempsey"),
        fact(id="cohen", type="person", name="David Cohen"),
        fact(id="clinton", type="person", name="Hillary Clinton"),
    ]
    claims = [
        fact(id=f"{p.id}-says", type="statement", claim=f"claim {n}", by=p.id)
        for n, p in enumerate(people)
    ]
    officials = fact(
        id="officials-say",
        type="statement",
        claim="the threat is regional",
        by="U.S. officials",
        sources=[{"doc": "profile.txt", "quote": "The threat is regional, U.S. officials say."}],
    )
    cards = draw(*people, *claims, officials)
    ham = cards["ham-says/who"]
    assert isinstance(ham, TypedCard) and ham.answer == "Carter Ham"
    assert {"Gen. Ham", "Ham"} <= set(ham.aliases)
    dempsey = cards["dempsey-says/who"]
    assert isinstance(dempsey, TypedCard)
    assert {"Martin Dempsey", "Dempsey"} <= set(dempsey.aliases)
    text = cards["officials-say/who"]
    assert isinstance(text, BasicCard) and text.answer == "U.S. officials"
    assert not any(isinstance(card, ChoiceCard) for card in cards.values() if "/who" in card.id)


def test_an_alias_that_is_another_spelling_of_the_name_is_not_asked() -> None:
    group = fact(
        id="aq",
        type="group",
        name="al-Qaeda",
        aliases=[{"name": "al-Qa'ida"}, {"name": "The Base"}],
        sources=[{"doc": "profile.txt", "quote": "al-Qaeda, or al-Qa'ida, means The Base."}],
    )
    others = [fact(id=n, type="group", name=n.title()) for n in ("shabab", "boko", "aqap")]
    card = draw(group, *others)["aq/alias"]
    assert isinstance(card, ChoiceCard) and card.question.endswith("known as The Base?")
    only_spelling = msgspec.structs.replace(group, aliases=group.aliases[:1])  # type: ignore[arg-type]
    assert "aq/alias" not in draw(only_spelling, *others)


def test_a_wrong_day_is_never_within_a_month_of_the_answer() -> None:
    fto = fact(
        id="fto", type="designation", authority="State", list="FTO", target="g", date="2013-12-19"
    )
    sdgt = fact(
        id="sdgt", type="designation", authority="State", list="SDGT", target="g", date="2013-12-18"
    )
    group = fact(id="g", type="group", name="AMB")
    card = draw(fto, sdgt, group)["fto/when"]
    assert isinstance(card, ChoiceCard)
    assert "18 December 2013" not in card.choices and len(card.choices) == 4


def test_a_disputed_value_naming_what_it_counts_is_still_never_offered() -> None:
    siege = fact(
        id="siege",
        type="event",
        what="a siege",
        date="2013-01",
        figures={"killed": "39"},
        disputed=[
            {
                "field": "figures.killed",
                "value": "at least thirty-eight civilians",
                "doc": "crt.txt",
            }
        ],
        sources=[{"doc": "crt.txt", "quote": "The siege killed 39 people and injured 20."}],
    )
    card = draw(siege)["siege/figure.killed"]
    assert isinstance(card, ChoiceCard)
    values = [parse_figure(choice).value for choice in card.choices[1:]]  # type: ignore[union-attr]
    assert all(value < 38 for value in values), "at least 38 could be any larger count"
    assert 20 not in values, "another number of the sentence shown is no choice"


def test_a_speaker_named_in_the_claim_is_not_asked() -> None:
    claim = fact(id="enemies", type="statement", claim="France is AQIM's far enemy", by="AQIM")
    assert "enemies/who" not in draw(claim)


def test_wrong_counts_differ_clearly_from_the_answer_and_the_facts_other_counts() -> None:
    answer = parse_figure("6,300")
    authorized = parse_figure("12,640")
    assert answer is not None and authorized is not None
    pool = FigurePool(["6,320", "12,600", "7,000", "2,000"])
    wrong = figure_distractors(answer, pool, [], "seed", [authorized])
    values = [parse_figure(text).value for text in wrong]  # type: ignore[union-attr]
    assert len(values) == 3
    for value in values:
        assert abs(value - 6300) >= 0.2 * max(value, 6300)
        assert abs(value - 12640) >= 0.2 * max(value, 12640)


def test_a_closed_qualifier_is_carried_by_every_choice() -> None:
    answer = parse_figure("about 100")
    assert answer is not None
    wrong = figure_distractors(answer, FigurePool([]), [], "seed")
    assert len(wrong) == 3 and all(text.startswith("about ") for text in wrong)


def test_an_authority_is_accepted_under_its_usual_names() -> None:
    forms = authority_forms("U.S. Department of State")
    assert {"State Department", "U.S. State Department", "Department of State"} <= set(forms)
    assert "U.S. President" in authority_forms("U.S. President (Executive Order 13224)")
    assert authority_forms("UN Security Council") == []
    designation = fact(
        id="fto",
        type="designation",
        authority="U.S. Department of State",
        list="FTO",
        target="aqim",
        date="2008-02",
    )
    group = fact(id="aqim", type="group", name="AQIM")
    card = draw(designation, group)["fto/who"]
    assert isinstance(card, TypedCard) and "State Department" in card.aliases


def test_a_document_is_cited_by_its_cite_as_else_its_title(tmp_path: Path) -> None:
    shutil.copytree(
        Path(__file__).parents[1] / "data" / "facts" / "sources", tmp_path, dirs_exist_ok=True
    )
    (tmp_path / "a.meta.yaml").write_text('title: "A long title"\ncite_as: "the brief"\n')
    (tmp_path / "b.meta.yaml").write_text('title: "Crisis in Mali"\n')
    dates = SourceDates(tmp_path)
    assert dates.cite_as("a.txt") == "the brief"
    assert dates.cite_as("b.txt") == "Crisis in Mali"
    assert dates.cite_as("missing.txt") is None


def test_the_shipped_course_asks_no_state_as_an_event() -> None:
    course = load_decks([Path(__file__).parents[2] / "decks"])
    states = {f.id for deck in course.decks for f in deck.facts if getattr(f, "state", False)}
    assert {"hostages-held-2014-12", "minusma-strength-2014-01"} <= states
    ids = {card.id for deck in course.decks for card in deck.cards}
    assert not {f"{s}/{t}" for s in states for t in ("when", "order")} & ids


def test_a_state_is_shown_on_the_timeline_but_never_in_its_ordering_drill() -> None:
    entries = build_timeline(Decked(fact=f, deck="d") for f in [*EVENTS, HELD])
    assert [e.fact_id for e in entries if e.state] == ["held"]
    assert "held" not in [e.fact_id for e in order_items(entries, most=10)]
    assert len(order_items(entries, most=10)) == len(EVENTS)


def test_no_figure_choice_of_the_shipped_course_is_a_value_a_source_gives() -> None:
    """On the shipped course: a figure card never offers, as wrong, a count that a source's
    value (the fact's or a disputed one) allows, nor one of the sentence the card shows."""
    course = load_decks([Path(__file__).parents[2] / "decks"])
    checked = 0
    for deck in course.decks:
        facts = {f.id: f for f in deck.facts}
        for card in deck.cards:
            fact = facts.get(card.fact or "")
            if not isinstance(card, ChoiceCard) or "/figure." not in card.id or fact is None:
                continue
            key = card.id.split("/figure.", 1)[1]
            given = [getattr(fact, "figures", {}).get(key, "")]
            given += [d.value for d in fact.disputed if d.field == f"figures.{key}"]
            allowed = [f for v in given if (f := leading_figure(v))]
            shown = numbers_in(card.source.quote if card.source else "")
            for choice in card.choices:
                if choice == card.answer:
                    continue
                wrong = parse_figure(choice)
                assert wrong is not None, card.id
                assert wrong.value not in shown, (card.id, choice)
                assert not any(wrong.value == a.value for a in allowed), (card.id, choice)
                checked += 1
    assert checked >= 40


def test_a_lists_question_offers_no_group_that_was_listed_related_or_not_yet_founded() -> None:
    groups = [
        fact(id=key, type="group", name=name, **extra)
        for key, name, extra in [
            ("target", "Target Front", {}),
            ("later", "Later Brigade", {"date": "2011"}),
            ("listed", "Listed Movement", {}),
            ("offshoot", "Offshoot Battalion", {}),
            ("old1", "Old Army", {"date": "1990"}),
            ("old2", "Old Party", {}),
            ("old3", "Old League", {}),
            ("old4", "Old Union", {}),
        ]
    ]
    designated = [
        fact(
            id="target-listed", type="designation", authority="U.S. Department of State",
            list="FTO", target="target", action="designated", date="2002-03-27",
        ),
        fact(
            id="listed-listed", type="designation", authority="U.S. Department of State",
            list="FTO", target="listed", action="designated", date="1997-10-08",
        ),
        fact(id="split", type="relation", relation="split", **{"from": ["target"]}, to="offshoot"),
    ]  # fmt: skip
    whom = draw(*groups, *designated)["target-listed/whom"]
    assert isinstance(whom, ChoiceCard) and whom.answer == "Target Front"
    wrong = set(whom.choices) - {"Target Front"}
    assert wrong and wrong <= {"Old Army", "Old Party", "Old League", "Old Union"}
