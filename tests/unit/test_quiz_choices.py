"""Distractors: same category, dates near the true date, never a duplicate of the answer."""

import random

from quizapp.model.cards import BasicCard, Category, ChoiceCard, OrderCard, OrderItem, Source
from quizapp.quiz.choices import DistractorIndex, build_choice, choice_for_card, year_of
from quizapp.quiz.text import normalize

SRC = Source(doc="d.md", quote="q")


def basic(cid: str, category: Category, answer: str) -> BasicCard:
    return BasicCard(id=cid, category=category, source=SRC, question=f"Q {cid}", answer=answer)


CARDS = [
    basic("d1", Category.DATE, "1993"),
    basic("d2", Category.DATE, "1995"),
    basic("d3", Category.DATE, "2001"),
    basic("d4", Category.DATE, "2004"),
    basic("d5", Category.DATE, "1970"),
    basic("d6", Category.DATE, "2002"),
    basic("p1", Category.PERSON, "Osama bin Laden"),
    basic("p2", Category.PERSON, "Ayman al-Zawahiri"),
    basic("p3", Category.PERSON, "Abu Musab al-Zarqawi"),
    basic("p4", Category.PERSON, "Anwar al-Awlaki"),
    basic("p5", Category.PERSON, "osama bin  laden!"),
    basic("g1", Category.GROUP, "Hamas"),
    basic("g2", Category.GROUP, "Hezbollah"),
    OrderCard(
        id="o1",
        category=Category.DATE,
        source=SRC,
        prompt="p",
        items=(OrderItem("a", "1990"), OrderItem("b", "1991")),
    ),
]
INDEX = DistractorIndex.from_cards(CARDS)


def test_dates_get_the_nearest_dates() -> None:
    question = build_choice(Category.DATE, "2001", INDEX, random.Random(1))
    assert len(question.options) == 4
    assert question.options[question.correct] == "2001"
    distractors = {o for i, o in enumerate(question.options) if i != question.correct}
    assert distractors == {"2002", "2004", "1995"}


def test_people_among_people_no_duplicate_of_answer() -> None:
    for seed in range(30):
        question = build_choice(Category.PERSON, "Osama bin Laden", INDEX, random.Random(seed))
        keys = [normalize(o) for o in question.options]
        assert len(set(keys)) == len(keys)
        assert keys.count(normalize("Osama bin Laden")) == 1
        people = {c.answer for c in CARDS if isinstance(c, BasicCard)}
        people_only = {c.answer for c in CARDS[6:11] if isinstance(c, BasicCard)}
        assert set(question.options) <= people
        assert set(question.options) <= people_only


def test_deterministic_with_the_same_seed() -> None:
    a = build_choice(Category.PERSON, "Anwar al-Awlaki", INDEX, random.Random(7))
    b = build_choice(Category.PERSON, "Anwar al-Awlaki", INDEX, random.Random(7))
    assert a == b


def test_too_few_candidates_gives_fewer_options() -> None:
    question = build_choice(Category.GROUP, "Hamas", INDEX, random.Random(0))
    assert sorted(question.options) == ["Hamas", "Hezbollah"]


def test_date_shortage_is_filled_with_nearby_years() -> None:
    small = DistractorIndex.from_cards([basic("x", Category.DATE, "11 September 2001")])
    question = build_choice(Category.DATE, "11 September 2001", small, random.Random(3))
    assert len(question.options) == 4
    for option in question.options:
        year = year_of(option)
        assert year is not None and abs(year - 2001) <= 6
        assert option.startswith("11 September ")


def test_card_choices_are_used_and_deduplicated() -> None:
    card = ChoiceCard(
        id="c",
        category=Category.GROUP,
        source=SRC,
        question="?",
        answer="ETA",
        choices=("eta", "IRA", "PKK", "IRA"),
    )
    question = choice_for_card(card, INDEX, random.Random(0))
    assert sorted(question.options) == ["ETA", "IRA", "PKK"]
    assert question.is_correct(question.options.index("ETA"))


def test_quiz_one_question_per_card_and_choices() -> None:
    from quizapp.model.units import units_of
    from quizapp.quiz.practice import QuizAnswer, build_quiz, score

    units = [u for c in CARDS for u in units_of(c, "deck")]
    quiz = build_quiz(units, 50, random.Random(4), INDEX)
    assert len(quiz) == len({c.id for c in CARDS})
    dated = next(q for q in quiz if q.unit.card.id == "d3")
    assert dated.choice is not None and "2001" in dated.choice.options
    groups = next(q for q in quiz if q.unit.card.id == "g1")
    assert groups.choice is None and groups.typed  # one distractor only: typed instead
    result = score([QuizAnswer(quiz[0], True, "x"), QuizAnswer(quiz[1], False, "y")], 4)
    assert (result.right, result.total, len(result.mistakes)) == (1, 4, 1)
    assert result.percent == 25.0


def test_distractors_prefer_similar_length() -> None:
    names = ["Ann", "Bob", "Cy", "Dee", "A very long name that nobody would pick as a distractor"]
    cards = [basic(f"n{i}", Category.NAME, name) for i, name in enumerate(names)]
    index = DistractorIndex.from_cards(cards)
    for seed in range(10):
        question = build_choice(Category.NAME, "Eve", index, random.Random(seed))
        assert names[-1] not in question.options
        assert len(question.options) == 4


def test_options_are_of_the_answers_shape_within_a_mixed_category() -> None:
    from quizapp.model.shapes import shape_category

    names = ["Hassan Hattab", "Abdelmalek Droukdel", "Mokhtar Belmokhtar", "Abu Zeid"]
    phrases = [
        "to overthrow the government",
        "by kidnapping for ransom",
        "through the Sahel smuggling routes",
        "after the civil war ended",
    ]
    cards = [
        BasicCard(
            id=f"c{i}",
            category=Category.GROUP,
            question=f"Question {i}?",
            answer=answer,
        )
        for i, answer in enumerate(names + phrases)
    ]
    index = DistractorIndex.from_cards(cards)
    for seed in range(20):
        for card in cards:
            question = choice_for_card(card, index, random.Random(seed))
            shapes = {shape_category(option) for option in question.options}
            assert shapes == {shape_category(card.answer)}, question.options


def test_quiz_never_gives_choices_to_a_recall_card_drawn_from_a_fact() -> None:
    """A fact template makes a recall card where no wrong answer is fair ("who says ...");
    the quiz must not make some up from the category pool, though it does for a written card."""
    from quizapp.model.units import units_of
    from quizapp.quiz.practice import build_quiz

    drawn = BasicCard(
        id="claim/who", category=Category.PERSON, source=SRC, question="Who says X?",
        answer="Ayman al-Zawahiri", fact="claim",
    )  # fmt: skip
    written = basic("written", Category.PERSON, "Ayman al-Zawahiri")
    assert drawn.drawn and not written.drawn
    for seed in range(5):
        units = [u for c in (drawn, written) for u in units_of(c, "deck")]
        quiz = {q.unit.card.id: q for q in build_quiz(units, 10, random.Random(seed), INDEX)}
        assert quiz["claim/who"].choice is None and quiz["claim/who"].typed
        assert quiz["written"].choice is not None
