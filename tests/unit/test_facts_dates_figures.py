"""Fact values: truncated ISO dates keep their precision; figures are intervals."""

from __future__ import annotations

import pytest

from quizapp.facts.disagree import dates_in
from quizapp.facts.figures import numbers_in, parse_figure
from quizapp.model.dates import FuzzyDate, PartialDate, Precision, is_iso_date


@pytest.mark.parametrize(
    ("text", "precision", "spoken"),
    [
        ("1998", Precision.YEAR, "1998"),
        ("2007-01", Precision.MONTH, "January 2007"),
        ("2007-12-11", Precision.DAY, "11 December 2007"),
        ("2004/2020", Precision.YEAR, "2004\u20132020"),
    ],
)
def test_dates_keep_the_precision_the_text_gives(
    text: str, precision: Precision, spoken: str
) -> None:
    date = FuzzyDate.parse(text)
    assert date.precision is precision
    assert date.spoken() == spoken
    assert date.iso() == text


@pytest.mark.parametrize("text", ["98", "2007-13", "2007-02-30", "2007/2004", "May 2007", ""])
def test_bad_dates_are_refused(text: str) -> None:
    assert not is_iso_date(text)
    with pytest.raises(ValueError):
        FuzzyDate.parse(text)


def test_a_shifted_date_keeps_its_precision_or_is_none() -> None:
    assert PartialDate(2007, 1).shifted(months=-1) == PartialDate(2006, 12)
    assert PartialDate(2008, 2, 29).shifted(years=1) is None
    assert PartialDate(1998).shifted(months=1) is None


def test_figures_are_intervals_that_meet_when_both_could_be_true() -> None:
    at_least_30 = parse_figure("at least 30")
    thirty_three = parse_figure("thirty-three")
    twenty = parse_figure("twenty")
    assert at_least_30 is not None and thirty_three is not None and twenty is not None
    assert thirty_three.value == 33 and thirty_three.in_words
    assert at_least_30.meets(thirty_three)
    assert not at_least_30.meets(twenty)
    assert parse_figure("dozens") is None
    assert parse_figure("some 1,000") is not None


def test_sentences_state_dates_and_numbers() -> None:
    text = "On December 11, 2007, bombs killed thirty-three; in May 2013 and 1998 also 1,200."
    assert dates_in(text) == [PartialDate(2007, 12, 11), PartialDate(2013, 5), PartialDate(1998)]
    assert {33, 1200} <= set(numbers_in(text))
