"""Lenient typed-answer checking and its plain-text diff."""

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
