"""What the second, independent reading of the course found, as rules: a "What happened
then?" with a second right answer is not asked (an event within the period, or one holding
it), a caveat makes a card say whose value it teaches, a template a fact opts out of draws
nothing, and a sum per month is no wrong answer to the same sum per year."""

from __future__ import annotations

from pathlib import Path

import msgspec

from quizapp.decks import load_decks
from quizapp.facts.asking import period_clashes
from quizapp.facts.derive import draw_cards, how_many
from quizapp.facts.figures import same_sum, yearly
from quizapp.facts.wording import initials_of, question_of
from quizapp.model import Card, ChoiceCard, Fact, TypedCard
from quizapp.model.common import Source
from quizapp.model.facts import Dispute
from quizapp.quiz.typed import check_typed

ROOT = Path(__file__).resolve().parents[2]
SRC = [{"doc": "profile.txt", "quote": "q"}]
CITES = {"profile.txt": "the group profile"}


def fact(**fields: object) -> Fact:
    return msgspec.convert({"sources": SRC, **fields}, Fact)  # type: ignore[arg-type]


def draw(*facts: Fact) -> dict[str, Card]:
    return {card.id: card for card in draw_cards(list(facts), cite=CITES.get)}


def test_what_happened_is_not_asked_when_another_event_is_within_or_around_it() -> None:
    month = fact(id="month", type="event", what="a new government takes office", date="2012-04")
    day = fact(id="day", type="event", what="diplomats are kidnapped", date="2012-04-05")
    later = fact(id="later", type="event", what="a hotel is attacked", date="2012-09-11")
    cards = draw(month, day, later)
    assert "month/what" not in cards, "the kidnapping of 5 April also happened in April 2012"
    assert "day/what" not in cards, "the April event may be of 5 April"
    assert "later/what" in cards
    # at different places the questions are told apart
    elsewhere = [
        fact(id="p1", type="place", name="Gao"),
        fact(id="p2", type="place", name="Tunis"),
        msgspec.structs.replace(month, place="p1"),  # type: ignore[arg-type]
        msgspec.structs.replace(day, place="p2"),  # type: ignore[arg-type]
    ]
    assert {"month/what", "day/what"} <= set(draw(*elsewhere))
    assert period_clashes([month, day, later]) == {"month", "day"}


def test_a_caveat_makes_the_card_say_whose_value_it_teaches() -> None:
    toll = fact(
        id="toll",
        type="event",
        what="gunmen attack a hotel",
        date="2015-11",
        figures={"killed": "27"},
        sources=[{"doc": "profile.txt", "quote": "In November 2015, gunmen killed 27."}],
        caveat="An early count; the settled toll is 20 and the 2 gunmen.",
    )
    cards = draw(toll)
    killed, when = cards["toll/figure.killed"], cards["toll/when"]
    assert isinstance(killed, ChoiceCard) and isinstance(when, ChoiceCard)
    assert killed.question.startswith("According to the group profile, how many were killed")
    assert when.question.startswith("According to the group profile, when did this happen")
    what = cards["toll/what"]
    assert question_of(what) == "According to the group profile, what happened in November 2015?"
    # a source that does not state the value is never named as giving it
    undated = msgspec.structs.replace(
        toll,  # type: ignore[arg-type]
        sources=(msgspec.convert({"doc": "profile.txt", "quote": "A hotel was hit."}, Source),),
    )
    assert draw(undated)["toll/when"].question.startswith("When")  # type: ignore[union-attr]
    plain = draw(msgspec.structs.replace(toll, caveat=None))  # type: ignore[arg-type]
    assert plain["toll/figure.killed"].question.startswith("How many")  # type: ignore[union-attr]
    # a corrected date (disputed) is not the source's: never attributed to it
    corrected = msgspec.structs.replace(
        toll,  # type: ignore[arg-type]
        disputed=(msgspec.convert({"field": "date", "value": "2015-10", "doc": "x.txt"}, Dispute),),
    )
    assert draw(corrected)["toll/when"].question.startswith("When")  # type: ignore[union-attr]


def test_a_template_the_fact_opts_out_of_draws_nothing() -> None:
    event = fact(id="e", type="event", what="a raid", date="2014-04", unasked=["what"])
    other = fact(id="o", type="event", what="a siege", date="2016-01")
    cards = draw(event, other)
    assert "e/what" not in cards and "e/when" in cards and "o/what" in cards


def test_a_sum_per_month_is_no_wrong_answer_to_the_same_sum_per_year() -> None:
    assert yearly("$100-$400 per month") == (1200, 4800)
    assert yearly("$600 a year") == (600, 600)
    assert yearly("600 fighters") is None
    assert same_sum("$100-$400 per month", "$1,000-$4,800 per year")
    assert not same_sum("$100-$400 per month", "$10-$40 per month")
    assert not same_sum("$100-$400 per month", "600 fighters")


def test_the_shipped_course_asks_no_what_happened_with_two_answers() -> None:
    """Across deck files too: each file draws alone, so the course opts its clashes out."""
    course = load_decks([ROOT / "decks"])
    facts = [f for deck in course.decks for f in deck.facts]
    ids = {card.id for deck in course.decks for card in deck.cards}
    assert sorted(f"{i}/what" for i in period_clashes(facts) if f"{i}/what" in ids) == []
    assert course.problems == ()


def test_no_choice_of_the_shipped_course_is_the_answer_counted_by_another_period() -> None:
    course = load_decks([ROOT / "decks"])
    sums = 0
    for card in (c for deck in course.decks for c in deck.cards):
        if isinstance(card, ChoiceCard) and yearly(card.answer) is not None:
            sums += 1
            wrong = [c for c in card.choices if c != card.answer]
            assert not [c for c in wrong if same_sum(c, card.answer)], card.id
    assert sums >= 1


def test_an_unknown_template_to_opt_out_of_is_reported(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(
        "title: T\nfacts:\n"
        "  - id: e\n    type: event\n    what: a raid\n    date: '2014'\n"
        "    unasked: [what, figure.killed, whom]\n"
        "    sources: [{doc: a.txt, quote: A raid.}]\n",
        encoding="utf-8",
    )
    problems = load_decks([tmp_path]).problems
    assert len(problems) == 1 and "'whom' is no template of event facts" in problems[0].message
    assert problems[0].field == "unasked"


def test_a_card_shows_a_quote_that_says_what_it_asks_or_is_not_drawn() -> None:
    group = fact(
        id="tscp",
        type="group",
        name="Trans-Sahara Counterterrorism Partnership",
        acronym="TSCP",
        aliases=[{"name": "the Partnership of the Sahara"}, {"name": "PSP"}],
        sources=[{"doc": "a.txt", "quote": "The office found that TSCP lacked a strategy."}],
    )
    assert draw(group) == {}, "no quote has the acronym beside the name, none the aliases"
    stated = msgspec.structs.replace(
        group,  # type: ignore[arg-type]
        sources=(
            *group.sources,
            msgspec.convert(
                {
                    "doc": "a.txt",
                    "quote": "It set up the Trans-Sahara Counterterrorism Partnership (TSCP).",
                },
                Source,
            ),
            msgspec.convert(
                {"doc": "b.txt", "quote": "aka the Partnership of the Sahara; PSP"}, Source
            ),
        ),
    )
    cards = draw(stated)
    acronym = cards["tscp/acronym"]
    assert acronym.source is not None and "(TSCP)" in acronym.source.quote
    assert "tscp/alias" not in cards, "a list of other names is never shown as the quote"
    said = msgspec.convert(
        {"doc": "b.txt", "quote": "Officials call it the Partnership of the Sahara."}, Source
    )
    with_sentence = msgspec.structs.replace(stated, sources=(*stated.sources, said))
    alias = draw(with_sentence)["tscp/alias"]
    assert alias.source == said and "Partnership of the Sahara" in question_of(alias)


def test_an_alias_made_of_the_names_initials_is_not_asked() -> None:
    assert initials_of("MUJWA", "Movement for Unity and Jihad in West Africa")
    assert not initials_of("The Sentinels", "al-Murabitoun")
    assert not initials_of("Mr. Marlboro", "Mokhtar Belmokhtar")
    group = fact(
        id="mujao",
        type="group",
        name="Movement for Unity and Jihad in West Africa",
        aliases=[{"name": "MUJWA"}],
        sources=[
            {
                "doc": "a.txt",
                "quote": "The Movement for Unity and Jihad in West Africa (MUJWA) merged.",
            }
        ],
    )
    assert "mujao/alias" not in draw(group)


def test_typed_answers_accept_who_acted_for_an_authority_and_spelt_out_names() -> None:
    people = [fact(id="kerry", type="person", name="John Kerry")]
    designation = fact(
        id="fto",
        type="designation",
        authority="U.S. Department of State",
        acted_by=["John Kerry"],
        list="FTO",
        target="amb",
        date="2013-12-19",
    )
    group = fact(id="amb", type="group", name="al-Mulathamun Battalion")
    who = draw(designation, group, *people)["fto/who"]
    assert isinstance(who, TypedCard)
    for given in ("Secretary of State", "John Kerry", "Kerry", "State Dept"):
        assert check_typed(given, who.answer, who.aliases).correct, given
    mission = fact(
        id="minusma",
        type="group",
        name="UN Multidimensional Integrated Stabilization Mission in Mali",
        acronym="MINUSMA",
        sources=[
            {
                "doc": "a.txt",
                "quote": "It relies on the UN Multidimensional Integrated Stabilization"
                " Mission in Mali (MINUSMA).",
            }
        ],
    )
    acronym = draw(mission)["minusma/acronym"]
    assert isinstance(acronym, TypedCard)
    full = "United Nations Multidimensional Integrated Stabilization Mission in Mali"
    assert check_typed(full, acronym.answer, acronym.aliases).correct


def test_who_says_is_not_asked_of_a_documents_own_voice_and_quotes_only_its_words() -> None:
    said = [{"doc": "profile.txt", "quote": "AQIM has kidnapped many Westerners."}]
    voice = fact(
        id="v", type="statement", claim="AQIM has kidnapped many Westerners",
        by="the group profile",
        sources=said,
    )  # fmt: skip
    authors = fact(
        id="a", type="statement", claim="AQIM has kidnapped many Westerners",
        by="Laub and Masters (the group profile)", sources=said,
    )  # fmt: skip
    analysts = fact(
        id="n", type="statement", claim="AQIM kidnaps Westerners for ransom",
        by="analysts cited by the group profile",
        sources=[{"doc": "profile.txt", "quote": "Analysts say AQIM kidnaps for ransom."}],
    )  # fmt: skip
    cards = draw(voice, authors, analysts)
    assert "v/who" not in cards and "a/who" not in cards
    reworded = cards["n/who"]
    assert question_of(reworded) == "Who says this: AQIM kidnaps Westerners for ransom?"
    verbatim = fact(
        id="n", type="statement", claim="AQIM has kidnapped many Westerners",
        by="analysts cited by the group profile",
        sources=[{"doc": "profile.txt", "quote": said[0]["quote"][:-1] + ", analysts say."}],
    )  # fmt: skip
    assert question_of(draw(verbatim)["n/who"]).startswith("Who says: “AQIM has kidnapped")


def test_a_place_named_like_the_place_it_lies_in_is_not_asked_where() -> None:
    capital = fact(id="algiers", type="place", name="Algiers", located_in="Algeria")
    town = fact(id="gao", type="place", name="Gao", located_in="Mali")
    cards = draw(capital, town)
    assert "algiers/where" not in cards and "gao/where" in cards


def test_a_figure_question_reads_as_english() -> None:
    assert how_many("killed") == "how many were killed"
    assert how_many("journalists_killed") == "how many journalists were killed"
    assert how_many("hostages") == "how many hostages"
    assert how_many("uniformed_personnel") == "how many uniformed personnel"
    assert how_many("held") == "how many were held"


def test_a_state_names_whose_state_it_asks_when_the_fact_has_actors() -> None:
    mission = fact(id="m", type="group", name="UN mission in Mali", acronym="MIM")
    state = fact(
        id="s", type="event", state=True, what="the mission stands at half strength",
        date="2014-01", actors=["m"],
    )  # fmt: skip
    card = draw(mission, state)["s/what"]
    assert (
        question_of(card)
        == "According to the group profile, what was true of MIM as of January 2014?"
    )
