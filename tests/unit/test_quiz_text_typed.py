"""Lenient typed-answer checking and its plain-text diff."""

import pytest

from quizapp.model.progress import Rating
from quizapp.quiz.text import normalize
from quizapp.quiz.typed import DiffKind, Verdict, check_typed, diff_plain


def test_normalize_ignores_case_accents_punctuation_and_articles() -> None:
    assert normalize("  The Al-Qaïda  ") == "al qaida"
    assert normalize("HAMAS!") == "hamas"
    assert normalize("O'Neill") == "oneill"
    assert normalize("the") == "the"


def test_exact_after_normalising_is_good() -> None:
    result = check_typed("al qaida", "Al-Qaïda")
    assert result.verdict is Verdict.EXACT
    assert result.suggested is Rating.GOOD


def test_alias_is_accepted_and_reported() -> None:
    result = check_typed("AQAP", "Al-Qaeda in the Arabian Peninsula", aliases=("AQAP",))
    assert result.verdict is Verdict.EXACT
    assert result.expected == "AQAP"


def test_small_typo_is_close_and_diff_shows_it() -> None:
    result = check_typed("Hezbolah", "Hezbollah")
    assert result.verdict is Verdict.CLOSE
    assert result.correct
    assert result.suggested is Rating.HARD
    assert diff_plain(result.diff) == "Hezbol{+l+}ah"
    assert [s.kind for s in result.diff].count(DiffKind.MISSING) == 1


def test_short_answers_forgive_no_typo() -> None:
    assert check_typed("1998", "1999").verdict is Verdict.WRONG
    assert check_typed("ISIL", "ISIS").verdict is Verdict.WRONG


def test_wrong_and_empty_answers() -> None:
    wrong = check_typed("Hamas", "Hezbollah")
    assert wrong.verdict is Verdict.WRONG
    assert wrong.suggested is Rating.AGAIN
    assert check_typed("", "Hezbollah").verdict is Verdict.WRONG


def test_diff_marks_extra_text() -> None:
    result = check_typed("Osamma", "Osama")
    assert result.verdict is Verdict.CLOSE
    assert "[-" in diff_plain(result.diff)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("organisation", "Organization"),
        ("the colour revolution", "Color Revolution"),
        ("Ministry of Defence", "Ministry of Defense"),
        ("World Trade Centre", "World Trade Center"),
        ("analysed", "analyzed"),
        ("travelled", "traveled"),
        ("AL-QAÏDA!", "al Qaida"),
        ("a Madrid cell", "Madrid cell"),
    ],
)
def test_spelling_case_accents_punctuation_and_articles_never_cost_a_grade(
    given: str, expected: str
) -> None:
    result = check_typed(given, expected)
    assert result.verdict is Verdict.EXACT and result.suggested is Rating.GOOD


def test_qualifiers_around_the_whole_answer_are_accepted_with_a_note() -> None:
    result = check_typed("Prince Rupert of the Rhine", "Prince Rupert")
    assert result.verdict is Verdict.EXACT and result.note is not None
    assert "Prince Rupert" in result.note
    assert check_typed("Prince Rupert", "Prince Rupert").note is None


@pytest.mark.parametrize(
    ("given", "answer", "aliases"),
    [
        ("Bill Clinton", "Hillary Rodham Clinton", ("Hillary Clinton", "Clinton")),
        (
            "President Obama",
            "U.S. President (Executive Order 13224)",
            ("U.S. President", "President"),
        ),
        ("William Cohen", "David S. Cohen", ("David Cohen", "Cohen")),
    ],
)
def test_a_one_word_alias_inside_a_longer_answer_is_someone_else(
    given: str, answer: str, aliases: tuple[str, ...]
) -> None:
    assert check_typed(given, answer, aliases).verdict is not Verdict.EXACT
    assert check_typed(aliases[-1], answer, aliases).verdict is Verdict.EXACT  # alone, it is right


def test_a_qualified_answer_still_matches_a_longer_alias() -> None:
    result = check_typed("General Martin Dempsey", "Martin E. Dempsey", ("Martin Dempsey",))
    assert result.verdict is Verdict.EXACT and result.note is not None


@pytest.mark.parametrize(
    "given", ["not Hamas", "Hamas or Hezbollah", "Hamas Hezbollah PIJ PFLP DFLP Fatah al-Aqsa"]
)
def test_a_hedge_a_negation_or_a_list_is_not_a_qualifier(given: str) -> None:
    assert check_typed(given, "Hamas").verdict is Verdict.WRONG


def test_different_words_stay_different_after_spelling_rules() -> None:
    assert check_typed("licence", "license").verdict is Verdict.EXACT
    assert check_typed("Hamas", "Hezbollah").verdict is Verdict.WRONG
    assert check_typed("rise", "rize").verdict is Verdict.WRONG  # short words keep their -ise
