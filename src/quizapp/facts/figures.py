"""Figures as the text gives them ("thirty-three", "at least 60", "some 1,000"), as intervals.

An interval is what the words allow: "at least 30" is [30, ∞), "thirty-three" is [33, 33],
"about 100" is [90, 110]. A distractor is fair only when its interval does not meet the answer's:
"thirty-three" is no wrong answer to "at least 30".
"""

from __future__ import annotations

import math
import re

import msgspec

ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {word: n for n, word in enumerate(ONES)} | {
    word: 10 * n for n, word in enumerate(TENS) if n >= 2
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
QUALIFIERS: dict[str, tuple[float, float]] = {
    # (multiplier for the low end, for the high end), applied to the number
    "at least": (1, math.inf),
    "more than": (1, math.inf),
    "over": (1, math.inf),
    "at most": (0, 1),
    "up to": (0, 1),
    "fewer than": (0, 1),
    "less than": (0, 1),
    "nearly": (0.9, 1),
    "almost": (0.9, 1),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "some": (0.9, 1.1),
    "an estimated": (0.9, 1.1),
    "estimated": (0.9, 1.1),
}
_QUALIFIER = re.compile(r"^(" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+", re.I)
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_NUMBER_IN_TEXT = re.compile(
    r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b|\b(?:"
    + "|".join(sorted(set(WORD_VALUES) | set(SCALES), key=len, reverse=True))
    + r")(?:[\s-]+(?:"
    + "|".join(sorted(set(WORD_VALUES) | set(SCALES) | {"and"}, key=len, reverse=True))
    + r"))*\b",
    re.I,
)


class Figure(msgspec.Struct, frozen=True, gc=False):
    """A parsed figure: its number, qualifier, the interval it allows, and how it is written."""

    value: int
    qualifier: str
    low: float
    high: float
    in_words: bool

    def meets(self, other: Figure) -> bool:
        """Whether both could be true at once (their intervals overlap)."""
        return self.low <= other.high and other.low <= self.high

    def written(self, value: int) -> str:
        """Another number written the way this figure is ("at least sixty")."""
        number = number_words(value) if self.in_words else f"{value:,}"
        return f"{self.qualifier} {number}".strip()


def words_value(text: str) -> int | None:
    """`thirty-three` → 33, `one hundred and twenty` → 120; None when not a number in words."""
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text.strip().lower()):
        if word == "and" and seen:
            continue
        if word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def number_words(value: int) -> str:
    """33 → `thirty-three`; digits beyond 999,999 (never needed for a distractor's words)."""
    if value < 20:
        return ONES[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return f"{ONES[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")
    if value < 1_000_000:
        thousands, rest = divmod(value, 1000)
        tail = "" if not rest else (" and " if rest < 100 else " ") + number_words(rest)
        return f"{number_words(thousands)} thousand{tail}"
    return f"{value:,}"


def parse_figure(text: str) -> Figure | None:
    """A figure from its text, or None when it is not a (qualified) number."""
    text = text.strip()
    qualifier = ""
    match = _QUALIFIER.match(text)
    if match:
        qualifier = match.group(1).lower()
        text = text[match.end() :]
    text = text.strip()
    if _DIGITS.match(text):
        value, in_words = int(text.replace(",", "")), False
    else:
        parsed = words_value(text)
        if parsed is None:
            return None
        value, in_words = parsed, True
    low_factor, high_factor = QUALIFIERS.get(qualifier, (1, 1))
    low, high = value * low_factor, value * high_factor
    if qualifier in {"more than", "over"}:
        low = value + 1
    if qualifier in {"fewer than", "less than"}:
        high = value - 1
    return Figure(value, qualifier, low, high, in_words)


def numbers_in(text: str) -> list[int]:
    """Every number a sentence states, in digits or in words."""
    found: list[int] = []
    for match in _NUMBER_IN_TEXT.finditer(text):
        token = match.group(0)
        if token[0].isdigit():
            found.append(int(token.replace(",", "")))
        else:
            value = words_value(token.rstrip(" -and"))
            if value is not None:
                found.append(value)
    return found


def leading_figure(text: str) -> Figure | None:
    """The figure a value opens with: "at least thirty-eight civilians" is at least 38 (a
    source's value often names what it counts); None when it opens with no number."""
    words = text.split()
    for end in range(len(words), 0, -1):
        figure = parse_figure(" ".join(words[:end]).rstrip(",;:"))
        if figure is not None:
            return figure
    return None


# A sum of money per period ("$100-$400 per month", "$600 a year"): what a year of it comes to.
_PER_PERIOD = re.compile(
    r"^\s*\$(?P<low>[\d,.]+)(?:\s*(?:-|\u2013|to)\s*\$?(?P<high>[\d,.]+))?\s+"
    r"(?:per|a|each)\s+(?P<period>day|week|month|year)\s*$",
    re.IGNORECASE,
)
PERIODS_A_YEAR = {"day": 365, "week": 52, "month": 12, "year": 1}


def yearly(text: str) -> tuple[float, float] | None:
    """The yearly range of a sum given per period, None when `text` is no such sum:
    "$100-$400 per month" is (1200, 4800), so "$1,000-$4,800 per year" says nearly the same and
    is no fair wrong answer to it, though every number differs."""
    found = _PER_PERIOD.match(text)
    if found is None:
        return None
    try:
        low = float(found.group("low").replace(",", ""))
        high = float((found.group("high") or found.group("low")).replace(",", ""))
    except ValueError:
        return None
    times = PERIODS_A_YEAR[found.group("period").lower()]
    return low * times, high * times


def same_sum(one: str, other: str) -> bool:
    """Whether two sums per period meet once both are counted by the year (within a fifth):
    then one is no wrong answer where the other is right."""
    a, b = yearly(one), yearly(other)
    if a is None or b is None:
        return False
    return a[0] <= b[1] * 1.2 and b[0] <= a[1] * 1.2
