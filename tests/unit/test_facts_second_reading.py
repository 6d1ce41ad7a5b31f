"""What the second, independent reading of the course found, as rules: a "What happened
then?" with a second right answer is not asked (an event within the period, or one holding
it), a caveat makes a card say whose value it teaches, a template a fact opts out of draws
nothing, and a sum per month is no wrong answer to the same sum per year."""

from __future__ import annotations

from pathlib import Path

import msgspec

from quizapp.decks import load_decks
from quizapp.facts.asking import period_clashes
from quizapp.facts.derive import draw_cards
from quizapp.facts.figures import same_sum, yearly
from quizapp.model import Card, ChoiceCard, Fact
from quizapp.model.facts import Dispute

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
        caveat="An early count; the settled toll is 20 and the 2 gunmen.",
    )
    cards = draw(toll)
    killed, when = cards["toll/figure.killed"], cards["toll/when"]
    assert isinstance(killed, ChoiceCard) and isinstance(when, ChoiceCard)
    assert killed.question.startswith("According to the group profile, how many were killed")
    assert when.question.startswith("According to the group profile, when did this happen")
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
