"""Cards drawn from facts: one family per fact, stable ids, fair distractors."""

from __future__ import annotations

from collections import Counter

import hypothesis.strategies as st
import msgspec
import pytest
from hypothesis import given, settings

from quizapp.facts.derive import TEMPLATES, draw_cards, question_of
from quizapp.facts.distractors import (
    DatePool,
    FigurePool,
    NamePool,
    date_distractors,
    figure_distractors,
    name_distractors,
)
from quizapp.facts.figures import parse_figure
from quizapp.model import (
    BasicCard,
    Card,
    ChoiceCard,
    Fact,
    FuzzyDate,
    OrderCard,
    TypedCard,
    units_of,
)
from quizapp.model.common import Source
from quizapp.quiz.text import normalize

SRC = [{"doc": "d.txt", "quote": "q"}]


def fact(**fields: object) -> Fact:
    return msgspec.convert({"sources": SRC, **fields}, Fact)  # type: ignore[arg-type]


GROUPS = [
    fact(
        id="gia",
        type="group",
        name="Armed Islamic Group",
        acronym="GIA",
        date="1992",
        sources=[{"doc": "d.txt", "quote": "The Armed Islamic Group (GIA) was formed."}],
    ),
    fact(
        id="gspc",
        type="group",
        name="Salafist Group",
        aliases=[{"name": "GSPC-alias"}],
        founders=["hattab"],
        sources=[{"doc": "d.txt", "quote": "The Salafist Group, or GSPC-alias, split."}],
    ),
    fact(id="aqim", type="group", name="al-Qaeda in the Islamic Maghreb"),
    fact(id="mujao", type="group", name="MUJAO"),
]
PEOPLE = [
    fact(
        id="hattab",
        type="person",
        name="Hassan Hattab",
        aliases=[{"name": "Abu Hamza", "doc": "d.txt"}],
        roles=[{"role": "the founder", "of": "gspc", "from": "1998"}, {"role": "an emir"}],
        sources=[{"doc": "d.txt", "quote": "Hassan Hattab, known as Abu Hamza, led it."}],
    ),
    fact(id="droukdel", type="person", name="Abdelmalek Droukdel"),
    fact(id="belmokhtar", type="person", name="Mokhtar Belmokhtar"),
    fact(id="abou-zeid", type="person", name="Abdelhamid Abou Zeid"),
]
PLACES = [
    fact(
        id="algiers",
        type="place",
        name="Algiers",
        located_in="Algeria",
        aliases=[{"name": "El Djazair"}],
        sources=[{"doc": "d.txt", "quote": "Algiers, El Djazair in Arabic, is the capital."}],
    ),
    fact(id="gao", type="place", name="Gao", located_in="Mali"),
    fact(id="arlit", type="place", name="Arlit", located_in="Niger"),
]
OTHERS = [
    fact(
        id="bombing",
        type="event",
        what="twin car bombings at the court",
        date="2007-12-11",
        place="algiers",
        figures={"killed": "thirty-three", "wounded": "at least 170"},
        disputed=[{"field": "figures.killed", "value": "at least 60", "doc": "d.txt"}],
    ),
    fact(id="kidnap", type="event", what="a kidnapping at Arlit", date="2010-09-16", place="arlit"),
    fact(
        id="split", type="relation", relation="split", **{"from": ["gia"]}, to="gspc", date="1998"
    ),
    fact(id="merger", type="relation", relation="merger", **{"from": ["gspc", "mujao"]}, to="aqim"),
    fact(
        id="fto",
        type="designation",
        authority="U.S. State Department",
        list="FTO",
        target="aqim",
        date="2008-02",
    ),
    fact(
        id="aim",
        type="statement",
        claim="AQIM seeks power.",
        by="droukdel",
        about="its aims",
        sources=[{"doc": "d.txt", "quote": "AQIM seeks power, Droukdel said."}],
    ),
]
FACTS = [*GROUPS, *PEOPLE, *PLACES, *OTHERS]


@pytest.fixture(scope="module")
def cards() -> dict[str, Card]:
    return {card.id: card for card in draw_cards(FACTS, cite={"d.txt": "the brief"}.get)}


@pytest.mark.parametrize(
    ("card_id", "kind", "question", "answer"),
    [
        (
            "bombing/when",
            ChoiceCard,
            "When did this happen: twin car bombings at the court?",
            "11 December 2007",
        ),
        (
            "bombing/what",
            BasicCard,
            "What happened on 11 December 2007 in Algiers?",
            "twin car bombings at the court",
        ),
        (
            "bombing/where",
            ChoiceCard,
            "Where did this happen: twin car bombings at the court?",
            "Algiers",
        ),
        (
            "bombing/figure.killed",
            ChoiceCard,
            "According to the brief, how many were killed: twin car bombings at the court?",
            "thirty-three",
        ),
        ("hattab/alias", ChoiceCard, "Who is also known as Abu Hamza?", "Hassan Hattab"),
        (
            "hattab/role",
            ChoiceCard,
            "Who was the founder of Salafist Group (from 1998)?",
            "Hassan Hattab",
        ),
        ("hattab/role-2", ChoiceCard, "Who was an emir?", "Hassan Hattab"),
        ("gia/acronym", TypedCard, "What does GIA stand for?", "Armed Islamic Group"),
        ("gspc/alias", ChoiceCard, "Which group is also known as GSPC-alias?", "Salafist Group"),
        ("gia/founded", ChoiceCard, "When was Armed Islamic Group founded?", "1992"),
        ("gspc/founder", ChoiceCard, "Who founded Salafist Group?", "Hassan Hattab"),
        ("algiers/alias", ChoiceCard, "Which place is also known as El Djazair?", "Algiers"),
        ("gao/where", ChoiceCard, "Where is Gao?", "Mali"),
        (
            "split/from",
            ChoiceCard,
            "Which group did Salafist Group split from?",
            "Armed Islamic Group",
        ),
        ("split/to", ChoiceCard, "Which group split from GIA?", "Salafist Group"),
        (
            "split/when",
            ChoiceCard,
            "When did Salafist Group split from GIA?",
            "1998",
        ),
        (
            "merger/from",
            BasicCard,
            "Which groups merged to form al-Qaeda in the Islamic Maghreb?",
            "Salafist Group and MUJAO",
        ),
        (
            "fto/who",
            TypedCard,
            "Which authority designated al-Qaeda in the Islamic Maghreb (FTO, February 2008)?",
            "U.S. State Department",
        ),
        (
            "fto/whom",
            TypedCard,  # every other group is related to AQIM: no fair wrong answer is left
            "Which group was designated by U.S. State Department (FTO, February 2008)?",
            "al-Qaeda in the Islamic Maghreb",
        ),
        (
            "fto/when",
            ChoiceCard,
            "When was al-Qaeda in the Islamic Maghreb designated by U.S. State Department (FTO)?",
            "February 2008",
        ),
        ("aim/who", TypedCard, "Who says: “AQIM seeks power”?", "Abdelmalek Droukdel"),
        (
            "aim/what",
            BasicCard,
            "What is said about its aims, according to Abdelmalek Droukdel?",
            "AQIM seeks power.",
        ),
    ],
)
def test_each_template_asks_its_question(
    cards: dict[str, Card], card_id: str, kind: type, question: str, answer: str
) -> None:
    card = cards[card_id]
    assert type(card) is kind
    assert isinstance(card, BasicCard | ChoiceCard | TypedCard)
    assert (card.question, card.answer) == (question, answer)
    assert card.fact == card_id.split("/")[0], "a drawn card belongs to its fact's family"
    if isinstance(card, ChoiceCard):
        assert card.answer in card.choices and len(set(card.choices)) == len(card.choices) >= 3


def test_questions_name_a_group_by_its_acronym_and_typed_answers_accept_it() -> None:
    few = [GROUPS[0], GROUPS[1], OTHERS[2]]  # too few groups for choices: typed cards
    cards = {card.id: card for card in draw_cards(few)}
    card = cards["split/from"]
    assert isinstance(card, TypedCard)
    assert card.question == "Which group did Salafist Group split from?"
    assert (card.answer, card.aliases) == ("Armed Islamic Group", ("GIA",))


def test_a_group_renamed_is_never_a_wrong_answer_for_its_new_name() -> None:
    rename = fact(id="renamed", type="relation", relation="rename", to="aqim", **{"from": ["gspc"]})
    unrelated = [fact(id=f"u{i}", type="group", name=f"Unrelated Group {i}") for i in range(3)]
    cards = {c.id: c for c in draw_cards([*GROUPS, OTHERS[4], rename, *unrelated])}
    card = cards["fto/whom"]
    assert isinstance(card, ChoiceCard) and card.answer == "al-Qaeda in the Islamic Maghreb"
    assert "Salafist Group" not in card.choices and "GSPC" not in card.choices
    assert len(card.choices) >= 3


def test_a_question_that_says_its_answer_is_not_asked() -> None:
    place = fact(id="beirut", type="place", name="Beirut")
    said = fact(id="e", type="event", what="a bombing in Beirut", place="beirut", date="1983")
    unsaid = fact(id="f", type="event", what="a bombing", place="beirut", date="1984")
    drawn = {c.id for c in draw_cards([place, said, unsaid, *PLACES])}
    assert "e/where" not in drawn and "f/where" in drawn


def test_a_place_is_no_wrong_answer_for_a_place_in_it() -> None:
    city = fact(id="beirut", type="place", name="Beirut", located_in="Lebanon")
    country = fact(id="lebanon", type="place", name="Lebanon")
    event = fact(id="e", type="event", what="a bombing", place="beirut", date="1983")
    more = [fact(id=f"p{n}", type="place", name=f"Town {n}") for n in range(3)]
    card = {c.id: c for c in draw_cards([city, country, event, *more])}["e/where"]
    assert isinstance(card, ChoiceCard) and "Lebanon" not in card.choices


def test_questions_with_several_right_answers_are_told_apart_by_date_or_left_out() -> None:
    people = [fact(id=n, type="person", name=n.title()) for n in ("ann", "bob", "cy", "di")]
    led = [
        fact(
            id="l1",
            type="relation",
            relation="leadership",
            to="gia",
            date="1990",
            **{"from": ["ann"]},
        ),
        fact(
            id="l2",
            type="relation",
            relation="leadership",
            to="gia",
            date="1995",
            **{"from": ["bob"]},
        ),
        fact(id="l3", type="relation", relation="affiliation", to="gia", **{"from": ["cy"]}),
        fact(id="l4", type="relation", relation="affiliation", to="gia", **{"from": ["di"]}),
    ]
    cards = {c.id: c for c in draw_cards([*GROUPS, *people, *led])}
    first = cards["l1/from"]
    assert isinstance(first, ChoiceCard) and first.question == "Who led GIA (1990)?"
    assert "Bob" not in first.choices, "another right answer is never a wrong one"
    assert "l3/from" not in cards and "l4/from" not in cards


def test_two_events_at_one_moment_have_no_what_question() -> None:
    same = [
        fact(id="a", type="event", what="a raid", date="1982"),
        fact(id="b", type="event", what="a march", date="1982"),
        fact(id="c", type="event", what="a strike", date="1983"),
    ]
    drawn = {c.id for c in draw_cards(same)}
    assert {"a/what", "b/what"}.isdisjoint(drawn) and "c/what" in drawn


def test_an_alias_or_acronym_that_is_part_of_the_name_asks_nothing() -> None:
    person = fact(id="arieff", type="person", name="Alexis Arieff", aliases=[{"name": "Arieff"}])
    group = fact(id="aqap", type="group", name="AQAP", acronym="AQAP")
    drawn = {c.id for c in draw_cards([person, group, *PEOPLE])}
    assert "arieff/alias" not in drawn and "aqap/acronym" not in drawn
    more = fact(
        id="x",
        type="person",
        name="Alexis Arieff",
        aliases=[{"name": "Arieff"}, {"name": "Lexi"}],
        sources=[{"doc": "d.txt", "quote": "Alexis Arieff, Lexi to friends, wrote it."}],
    )
    card = {c.id: c for c in draw_cards([more, *PEOPLE])}["x/alias"]
    assert isinstance(card, ChoiceCard) and card.question == "Who is also known as Lexi?"


@pytest.mark.parametrize(
    ("action", "who", "whom"),
    [
        (
            "designated",
            "Which authority designated GIA (FTO)?",
            "Which group was designated by State (FTO)?",
        ),
        (
            "amended",
            "Which authority amended the listing of GIA (FTO)?",
            "Which group's listing did State amend (FTO)?",
        ),
        (
            "delisted",
            "Which authority delisted GIA (FTO)?",
            "Which group was delisted by State (FTO)?",
        ),
        (
            "revoked",
            "Which authority revoked the designation of GIA (FTO)?",
            "Which group's designation did State revoke (FTO)?",
        ),
    ],
)
def test_designation_questions_follow_the_action(action: str, who: str, whom: str) -> None:
    listed = fact(id="d", type="designation", authority="State", list="FTO", target="gia",
                  action=action)  # fmt: skip
    cards = {c.id: c for c in draw_cards([*GROUPS, listed])}
    assert [question_of(cards["d/who"]), question_of(cards["d/whom"])] == [who, whom]


def test_an_event_is_placed_in_order_among_its_neighbours(cards: dict[str, Card]) -> None:
    card = cards["bombing/order"]
    assert isinstance(card, OrderCard)
    assert [item.date for item in card.items] == ["2007-12-11", "2010-09-16"]


def test_every_fact_type_has_templates_and_draws_cards(cards: dict[str, Card]) -> None:
    drawn_types = {type(f).__name__ for f in FACTS if any(c.fact == f.id for c in cards.values())}
    assert len(TEMPLATES) == 7 and len(drawn_types) == 7


def test_cards_of_one_fact_are_siblings(cards: dict[str, Card]) -> None:
    keys = {units_of(card, "d")[0].sibling_key for card in cards.values() if card.fact == "gia"}
    assert keys == {"gia"}


def test_a_disputed_value_and_a_bound_of_the_answer_are_never_offered(
    cards: dict[str, Card],
) -> None:
    card = cards["bombing/figure.killed"]
    assert isinstance(card, ChoiceCard)
    answer, disputed = parse_figure("thirty-three"), parse_figure("at least 60")
    assert answer is not None and disputed is not None
    for choice in card.choices[1:]:
        figure = parse_figure(choice)
        assert figure is not None and not figure.meets(answer) and not figure.meets(disputed)
        between = (min(answer.low, disputed.low), max(answer.high, disputed.high))
        assert not between[0] <= figure.value <= between[1], "between the sources' values"


def test_figure_choices_are_of_the_same_kind() -> None:
    """A count of the displaced is no wrong answer to how many were killed."""
    events = [
        fact(id=f"e{n}", type="event", what=f"attack {n}", date=f"20{10 + n}", figures=figures)
        for n, figures in enumerate(
            [{"killed": "12"}, {"killed": "40"}, {"displaced": "350,000"}, {"displaced": "9,000"}]
        )
    ]
    cards = {card.id: card for card in draw_cards(events)}
    killed = cards["e0/figure.killed"]
    assert isinstance(killed, ChoiceCard)
    assert "350,000" not in killed.choices and "9,000" not in killed.choices
    displaced = cards["e2/figure.displaced"]
    assert isinstance(displaced, ChoiceCard)
    assert "12" not in displaced.choices and "40" not in displaced.choices


def test_a_drawn_card_asking_what_a_written_card_asks_is_left_out() -> None:
    written = TypedCard(
        id="mine",
        category="name",  # type: ignore[arg-type]
        source=Source(doc="d.txt", quote="q"),
        question="What does GIA stand for?",
        answer="Armed Islamic Group",
    )
    drawn = {c.id: c for c in draw_cards(FACTS, [written])}
    assert "gia/acronym" not in drawn, "a deck never asks one thing twice"
    assert "gspc/alias" in drawn


# ----- distractors, on their own


def test_date_distractors_keep_precision_and_avoid_disputes_and_bounds() -> None:
    answer = FuzzyDate.parse("2013-05")
    disputed = [FuzzyDate.parse("2013-08")]
    pool = DatePool(FuzzyDate.parse(t) for t in ("2013-08", "2012-05", "1998", "2013-05"))
    wrong = date_distractors(answer, pool, disputed, "seed")
    assert "May 2012" in wrong, "a real date of the deck, near the answer"
    assert len(wrong) == 3 and "May 2013" not in wrong and "August 2013" not in wrong
    assert all(len(w.split()) == 2 for w in wrong), "month precision, like the answer"
    ranged = date_distractors(
        FuzzyDate.parse("2004/2020"), DatePool([FuzzyDate.parse("2004")]), [], "s"
    )
    assert "2004" not in ranged and all("\u2013" in w for w in ranged)


def test_name_distractors_skip_spellings_of_the_answer() -> None:
    pool = NamePool(["Droukdal", "Belmokhtar", "Abou Zeid", "DROUKDEL"])
    assert set(name_distractors("Droukdel", pool, ["Droukdal"], "s")) == {"Belmokhtar", "Abou Zeid"}


@given(
    value=st.integers(min_value=1, max_value=5000),
    qualifier=st.sampled_from(["", "at least ", "about ", "more than ", "at most "]),
    other=st.integers(min_value=1, max_value=5000),
    pool=st.lists(st.integers(min_value=1, max_value=5000), max_size=6),
)
@settings(max_examples=150, deadline=None)
def test_figure_distractors_can_never_also_be_true(
    value: int, qualifier: str, other: int, pool: list[int]
) -> None:
    answer = parse_figure(f"{qualifier}{value}")
    disputed = parse_figure(str(other))
    assert answer is not None and disputed is not None
    wrong = figure_distractors(answer, FigurePool(str(p) for p in pool), [disputed], "s")
    for text in wrong:
        figure = parse_figure(text)
        assert figure is not None and not figure.meets(answer) and not figure.meets(disputed)


# ----- property: ids and questions are unique in any deck of facts

NAME = st.text(alphabet="abcdefghij", min_size=2, max_size=8)
DATE = st.builds(
    lambda y, m: f"{y}" if m == 0 else f"{y}-{m:02d}",
    st.integers(min_value=1950, max_value=2020),
    st.integers(min_value=0, max_value=12),
)


@st.composite
def fact_decks(draw: st.DrawFn) -> list[Fact]:
    count = draw(st.integers(min_value=1, max_value=12))
    ids = draw(st.lists(NAME, min_size=count, max_size=count, unique=True))
    facts: list[Fact] = []
    for index, fact_id in enumerate(ids):
        kind = draw(st.sampled_from(sorted(TEMPLATES)))
        date = draw(st.none() | DATE)
        name = draw(NAME)
        others = ids[:index] or [fact_id]
        fields: dict[str, object] = {"id": fact_id, "type": kind, "date": date}
        if kind == "event":
            fields |= {"what": name, "figures": {"killed": str(draw(st.integers(1, 99)))}}
        elif kind in {"person", "group", "place"}:
            fields |= {"name": name, "aliases": [{"name": name + "x"}]}
            if kind == "group":
                fields["acronym"] = name.upper()
            if kind == "person":
                fields["roles"] = [{"role": "head", "of": draw(st.sampled_from(others))}]
        elif kind == "relation":
            fields |= {
                "relation": draw(st.sampled_from(["split", "merger", "leadership"])),
                "from": [draw(st.sampled_from(others))],
                "to": draw(st.sampled_from(others)),
            }
        elif kind == "designation":
            fields |= {"authority": name, "list": "FTO", "target": draw(st.sampled_from(others))}
        else:
            fields |= {"claim": name, "by": draw(NAME).upper(), "about": draw(NAME)}
        facts.append(fact(**fields))
    return facts


@given(fact_decks())
@settings(max_examples=120, deadline=None)
def test_drawn_ids_and_questions_are_unique(facts: list[Fact]) -> None:
    cards = draw_cards(facts)
    ids = Counter(card.id for card in cards)
    assert all(n == 1 for n in ids.values()), ids
    for card in cards:
        fact_id, _, template = card.id.partition("/")
        assert card.fact == fact_id and template
    questions = Counter(normalize(question_of(card)) for card in cards)
    assert all(n == 1 for n in questions.values()), questions
    again = draw_cards(facts)
    assert again == cards, "drawing is deterministic: the same facts give the same cards"


def test_a_card_on_a_figure_or_an_alias_cites_the_quote_that_says_it() -> None:
    """The first quote may only name the event or the person: the card cites the sentence
    that holds its figure or its alias, and the first quote when none does."""
    sources = [
        {"doc": "d.txt", "quote": "On March 8, AQIM attacked a post."},
        {"doc": "d.txt", "quote": "Five soldiers died in the attack."},
    ]
    event = msgspec.convert(
        {
            "id": "post",
            "type": "event",
            "what": "an attack on a post",
            "date": "2010-03-08",
            "figures": {"killed": "five", "wounded": "a dozen"},
            "sources": sources,
        },
        Fact,  # type: ignore[arg-type]
    )
    person = msgspec.convert(
        {
            "id": "x",
            "type": "person",
            "name": "Abdelmalek Droukdel",
            "aliases": [{"name": "Abou Mossab"}],
            "sources": [
                {"doc": "d.txt", "quote": "Droukdel has led the group since 2004."},
                {"doc": "d.txt", "quote": "Also known as Abou Mossab, he is an engineer."},
            ],
        },
        Fact,  # type: ignore[arg-type]
    )
    cards = {c.id: c for c in draw_cards([event, person, *PEOPLE, *OTHERS])}
    assert cards["post/figure.killed"].source.quote == "Five soldiers died in the attack."
    assert cards["post/figure.wounded"].source.quote == "On March 8, AQIM attacked a post."
    assert cards["post/when"].source.quote == "On March 8, AQIM attacked a post."
    assert cards["x/alias"].source.quote.startswith("Also known as Abou Mossab")


def test_an_alias_only_a_list_of_other_names_states_is_not_asked() -> None:
    """A list line ("aka ...") is never shown as a quote, and the card would otherwise show a
    sentence without the alias it asks about."""
    group = msgspec.convert(
        {
            "id": "g",
            "type": "group",
            "name": "Salafist Group",
            "aliases": [{"name": "Call and Combat"}],
            "sources": [
                {"doc": "d.txt", "quote": "The Salafist Group broke away in 1998."},
                {"doc": "d.txt", "quote": "aka GSPC; Call and Combat; Le Groupe."},
            ],
        },
        Fact,  # type: ignore[arg-type]
    )
    cards = {c.id: c for c in draw_cards([group, *GROUPS])}
    assert "g/alias" not in cards and "gia/acronym" in cards


def test_figure_choices_open_in_the_case_of_the_answer() -> None:
    """ "Five" among "four", "ten" and "two" would say which is the answer."""
    events = [
        fact(id="a", type="event", what="attack a", date="2010", figures={"killed": "Five"}),
        fact(id="b", type="event", what="attack b", date="2011", figures={"killed": "eleven"}),
        fact(id="c", type="event", what="attack c", date="2012", figures={"killed": "Twenty"}),
    ]
    cards = {card.id: card for card in draw_cards(events)}
    for card_id in ("a/figure.killed", "b/figure.killed", "c/figure.killed"):
        card = cards[card_id]
        assert isinstance(card, ChoiceCard)
        cases = {choice[0].isupper() for choice in card.choices if choice[0].isalpha()}
        assert cases == {card.answer[0].isupper()}, card.choices
