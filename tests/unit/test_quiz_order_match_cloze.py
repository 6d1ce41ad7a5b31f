"""Timeline ordering, matching and cloze rendering."""

import random

from quizapp.model.cards import MatchPair, OrderItem
from quizapp.model.progress import Rating
from quizapp.model.units import StudyUnit
from quizapp.quiz.cloze import cloze_answer, cloze_plain, render_cloze
from quizapp.quiz.match import check_match, shuffled_rights
from quizapp.quiz.order import check_order, is_chronological, move, shuffled

ITEMS = (
    OrderItem("c", "2001-09-11"),
    OrderItem("a", "1993"),
    OrderItem("b", "1998-08"),
    OrderItem("d", "2004-03-11"),
)


def test_shuffle_is_never_already_solved_and_repeats() -> None:
    for seed in range(20):
        order = shuffled(ITEMS, random.Random(seed))
        assert sorted(order) == [0, 1, 2, 3]
        assert not is_chronological(ITEMS, order)
    assert shuffled(ITEMS, random.Random(5)) == shuffled(ITEMS, random.Random(5))


def test_check_order_by_position() -> None:
    right = check_order(ITEMS, [1, 2, 0, 3])
    assert right.correct and right.suggested is Rating.GOOD
    assert right.solution == (1, 2, 0, 3)
    wrong = check_order(ITEMS, [2, 1, 0, 3])
    assert wrong.placed_ok == (False, False, True, True)
    assert not wrong.correct and wrong.suggested is Rating.AGAIN


def test_equal_dates_may_go_either_way() -> None:
    items = (OrderItem("x", "2001"), OrderItem("y", "2001"), OrderItem("z", "1990"))
    assert check_order(items, [2, 1, 0]).correct


def test_move_clamps() -> None:
    assert move([0, 1, 2], 0, -1) == ([0, 1, 2], 0)
    assert move([0, 1, 2], 0, 1) == ([1, 0, 2], 1)
    assert move([0, 1, 2], 2, -2) == ([2, 0, 1], 0)


def test_match() -> None:
    pairs = (MatchPair("ETA", "Spain"), MatchPair("IRA", "Ireland"), MatchPair("PKK", "Turkey"))
    order = shuffled_rights(pairs, random.Random(2))
    assert sorted(order) == [0, 1, 2] and order != [0, 1, 2]
    assert check_match(pairs, {0: 0, 1: 1, 2: 2}).correct
    result = check_match(pairs, {0: 1, 1: 0})
    assert result.pair_ok == (False, False, False)
    assert result.suggested is Rating.AGAIN


def test_match_same_right_text_counts() -> None:
    pairs = (MatchPair("a", "X"), MatchPair("b", "X"))
    assert check_match(pairs, {0: 1, 1: 0}).correct


def test_cloze_rendering() -> None:
    text = "{{Hamas}} was founded in {{1987::year}}."
    assert cloze_plain(text, "c1", reveal=False) == "[...] was founded in 1987."
    assert cloze_plain(text, "c2", reveal=False) == "Hamas was founded in [year]."
    assert cloze_plain(text, "c2", reveal=True) == "Hamas was founded in 1987."
    assert cloze_answer(text, "c2") == "1987"
    parts = render_cloze(text, "c1", reveal=True)
    assert [p.text for p in parts if p.active] == ["Hamas"]


def test_cloze_single_deletion_has_no_variant() -> None:
    assert cloze_plain("The {{PKK}} split.", "", reveal=False) == "The [...] split."


def test_prompt_reverse() -> None:
    from quizapp.model.cards import BasicCard, Category, Source
    from quizapp.quiz.prompts import prompt_of

    card = BasicCard(
        id="b",
        category=Category.GROUP,
        source=Source(doc="d", quote="q"),
        question="Q",
        answer="A",
        reverse=True,
    )
    assert prompt_of(StudyUnit("b/reverse", card, "deck", "reverse")).question == "A"
    assert prompt_of(StudyUnit("b", card, "deck")).question == "Q"
