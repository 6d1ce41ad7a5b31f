"""Dates: explicit forms, ranges, decades, and relative dates resolved from context."""

from __future__ import annotations

import pytest

from quizapp.generate.dates import DateContext, find_dates, format_value, iter_dates


def values(text: str, context: DateContext | None = None) -> list[str]:
    return [mention.value for mention in find_dates(text, context or DateContext())]


def test_explicit_forms() -> None:
    assert values("It began on September 11, 2006 and on 3 March 2001.") == [
        "2006-09-11",
        "2001-03-03",
    ]
    assert values("In January 2013, in late 2012, and by May 27th, 2014.") == [
        "2013-01",
        "2012",
        "2014-05-27",
    ]


def test_two_months_or_two_years_joined_by_and_are_one_span() -> None:
    assert values("It escalated in September and October 2024.") == ["2024-09/2024-10"]
    assert values("In 2016 and 2017, the group kidnapped tourists.") == ["2016/2017"]
    assert values("between 2001 and 2003") == ["2001/2003"]
    # a month "of the same year" takes its year from the date before it
    assert values("In February 2004 it bombed a ferry, and in July of the same year a bus.") == [
        "2004-02",
        "2004-07",
    ]
    assert values("In May 2010 and in June of the following year.") == ["2010-05", "2011-06"]


def test_a_fixed_holiday_with_its_year_is_a_day() -> None:
    assert values("bombings of churches on Christmas eve 2000 and on New Year's Day 2011") == [
        "2000-12-24",
        "2011-01-01",
    ]


def test_a_season_qualifies_a_year() -> None:
    assert values("the summer 2006 war, in the fall of 2010 and in winter 2011") == [
        "2006",
        "2010",
        "2011",
    ]


def test_ranges_and_decades() -> None:
    assert values("the 2003\u20132011 war and the 1979-89 war") == ["2003/2011", "1979/1989"]
    assert values("in the 1990s and the early 2000s") == ["1990s", "2000s"]
    assert values("between 1954 and 1962") == ["1954/1962"]


def test_numbers_that_are_not_years() -> None:
    assert values("$44.3 million, 12,640 troops, F2000 rifles, 2012 percent") == []


def test_the_following_month_rolls_the_year() -> None:
    sentences = [
        "The union was announced on September 11, 2006.",
        "It was renamed the following January.",
    ]
    found = list(iter_dates(sentences))
    assert [(index, mention.value) for index, mention in found] == [
        (0, "2006-09-11"),
        (1, "2007-01"),
    ]
    relative = found[1][1]
    assert relative.relative
    assert relative.context == "September 2006"
    assert relative.display() == "January 2007"


def test_bare_month_and_that_year_take_the_last_year() -> None:
    sentences = [
        "That year, 2007, was the worst.",
        "In Algiers in December, bombs went off.",
        "That year ended.",
    ]
    found = [mention.value for _, mention in iter_dates(sentences)]
    assert found == ["2007", "2007-12", "2007"]


def test_relative_date_without_context_is_skipped() -> None:
    assert values("It happened the following January and that year.") == []


def test_format_value() -> None:
    assert format_value("2006-09-11") == "September 11, 2006"
    assert format_value("2007-01") == "January 2007"
    assert format_value("2003/2011") == "2003\u20132011"


def test_dates_glued_to_a_label_by_a_scraper() -> None:
    assert values("FormedDecember 2006") == ["2006-12"]
    assert values("First AttackMarch 26, 2007: a bombing") == ["2007-03-26"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It began Aug 24, 2016.", "2016-08-24"),
        ("It ended on 2018-05-31 at noon.", "2018-05-31"),
        ("Talks ran between December 2012 and July 2015.", "2012-12/2015-07"),
        ("It was signed Dec. 10, 2003.", "2003-12-10"),
    ],
)
def test_absolute_dates_in_common_forms(text: str, value: str) -> None:
    assert [m.value for m in find_dates(text, DateContext())] == [value]


def test_sentence_initial_relative_dates_and_month_day() -> None:
    context = DateContext()
    texts = [
        "It was founded in 2003.",
        "In December, it split.",
        "The following January it grew.",
        "By June 23 it was gone.",
        "On 24 Aug. it came back.",
    ]
    values = [[m.value for m in find_dates(text, context)] for text in texts]
    assert values == [["2003"], ["2003-12"], ["2004-01"], ["2004-06-23"], ["2004-08-24"]]


def test_days_of_one_month_are_one_span() -> None:
    context = DateContext()
    find_dates("In 2014, the talks went on.", context)
    (span,) = find_dates("The VB observed a ceasefire June 9 through 30.", context)
    assert span.value == "2014-06-09/2014-06-30"
    assert span.display() == "June 9\u201330, 2014"
    (written,) = find_dates("It struck on May 5-10, 2015.", DateContext())
    assert written.value == "2015-05-05/2015-05-10"
    # a count after a date is no second day
    assert [d.value for d in find_dates("On May 5, 2015 10 people died.", DateContext())] == [
        "2015-05-05"
    ]


def test_that_same_year_is_the_year_before() -> None:
    context = DateContext()
    find_dates("In 2017, a raid took place.", context)
    assert [d.value for d in find_dates("That same year, the group struck.", context)] == ["2017"]
