"""What shape an answer has (a date, a figure, a name or a phrase), for decks without categories.

A student's own deck may leave `category` out. Multiple-choice distractors come from answers of
the same category, so the loader gives such a card the category its answer's shape suggests:
a date is answered among dates, a number among numbers, a name among names. Anything else is a
concept. The rules are deliberately few and visible, so a student can predict them.
"""

from __future__ import annotations

import re

from quizapp.model.cards import Category

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = re.compile(
    rf"^(?:(?:in|on|by|circa|c\.)\s+)?(?:\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{3,4}}"
    rf"|(?:{_MONTHS})\.?\s+(?:\d{{1,2}},?\s+)?\d{{3,4}}"
    r"|\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{1,2}/\d{1,2}/\d{2,4}|\d{3,4}s?"
    r"|(?:early|mid|late)[- ]\d{4}s?)$",
    re.IGNORECASE,
)
_FIGURE = re.compile(
    r"^(?:about|around|at least|more than|over|nearly|almost|some|approximately|~)?\s*"
    r"[$€£]?\d[\d,.]*\s*(?:%|percent|million|billion|thousand|hundred)?(?:\s+\w+){0,2}$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w'\u2019.-]*|[A-Z]{2,}|al-\w+|bin|ibn|de|of|the|and|al|el|van|von)$"
)


def shape_category(answer: str) -> Category:
    """The category an answer's shape suggests: DATE, FIGURE, NAME or CONCEPT."""
    text = " ".join(answer.split()).strip(" .")
    if _DATE.match(text):
        return Category.DATE
    if _FIGURE.match(text):
        return Category.FIGURE
    words = text.split(" ")
    if (
        1 <= len(words) <= 6
        and words[0][:1].isupper()
        and all(_NAME_WORD.match(w.strip(",()")) for w in words)
    ):
        return Category.NAME
    return Category.CONCEPT
