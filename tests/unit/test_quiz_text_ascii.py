"""normalize's ASCII fast path gives exactly what the regex path gives."""

from __future__ import annotations

import random
import string

from quizapp.quiz.text import _ARTICLES, _normalize_spaced, normalize


def by_regex(text: str) -> str:
    key = _normalize_spaced(text)
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            return key[len(article) :]
    return key


def test_every_ascii_character_alone_and_between_words() -> None:
    for code in range(128):
        char = chr(code)
        for text in (char, f"The A{char}b", f" an{char}x_y ", f"{char}{char}the"):
            assert normalize(text) == by_regex(text), repr(text)


def test_random_ascii_answers_match_the_regex_path() -> None:
    rng = random.Random(7)
    alphabet = string.printable + "\x00\x1c\x1d\x1e\x1f\x7f'_" + "the an a "
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert normalize(text) == by_regex(text), repr(text)


def test_known_keys() -> None:
    assert normalize("  The Al-Qa'ida\tNetwork ") == "al qaida network"
    assert normalize("AN_OUTFIT") == "outfit"
    assert normalize("the") == "the"
    assert normalize("  The Al-Qaïda  ") == "al qaida"  # not ASCII: the regex path


def test_distractor_index_keeps_the_first_spelling_per_category() -> None:
    from quizapp.model.cards import BasicCard, Category, OrderCard, OrderItem, Source
    from quizapp.quiz.choices import DistractorIndex

    src = Source(doc="d.md", quote="q")

    def card(cid: str, category: Category, answer: str) -> BasicCard:
        return BasicCard(id=cid, category=category, source=src, question="Q", answer=answer)

    order = OrderCard(
        id="o", category=Category.DATE, source=src, prompt="p", items=(OrderItem("a", "1990"),)
    )
    index = DistractorIndex.from_cards(
        [
            card("p1", Category.PERSON, "Osama bin Laden"),
            card("d1", Category.DATE, "2001"),
            order,
            card("p2", Category.PERSON, "osama bin  laden!"),
            card("g1", Category.GROUP, "osama bin laden"),
            card("d2", Category.DATE, "June 1993"),
            card("d3", Category.DATE, "The 2001"),
        ]
    )
    assert list(index.by_category) == [Category.PERSON, Category.DATE, Category.GROUP]
    assert index.by_category[Category.PERSON] == ["Osama bin Laden"]
    assert index.by_category[Category.DATE] == ["2001", "June 1993"]
    assert index.dated == [(1993, "June 1993"), (2001, "2001")]
