"""Dates as precise as the text gives them: `1998`, `2007-01`, `2007-12-11`, ranges `A/B`.

A source that says "in 1998" does not say which day; storing a full date would invent one. A
`FuzzyDate` keeps the precision, compares only at the precision both sides have, and formats the
way a student reads it ("January 2007").
"""

from __future__ import annotations

import calendar
import enum
import re

import msgspec

_PART = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
ISO_DATE_PATTERN = rf"^{_PART}(?:/{_PART})?$"
_ISO_DATE = re.compile(ISO_DATE_PATTERN)
MONTHS = tuple(calendar.month_name)[1:]


class Precision(enum.IntEnum):
    """How much of a date the text gives."""

    YEAR = 1
    MONTH = 2
    DAY = 3


class PartialDate(msgspec.Struct, frozen=True, gc=False, order=True):
    """A year, a month of a year, or a day; month and day are 0 when not given."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> Precision:
        if self.day:
            return Precision.DAY
        return Precision.MONTH if self.month else Precision.YEAR

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def spoken(self) -> str:
        """`1998`, `January 2007`, `11 December 2007`."""
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        return f"{MONTHS[self.month - 1]} {self.year}" if self.month else str(self.year)

    def shifted(self, years: int = 0, months: int = 0) -> PartialDate | None:
        """The same date moved; None when it leaves years 1..9999 or the day does not exist."""
        year, month = self.year + years, self.month
        if months:
            if not month:
                return None
            index = year * 12 + month - 1 + months
            year, month = divmod(index, 12)
            month += 1
        if not 1 <= year <= 9999:
            return None
        if self.day and self.day > calendar.monthrange(year, month)[1]:
            return None
        return PartialDate(year, month, self.day)


class FuzzyDate(msgspec.Struct, frozen=True, gc=False):
    """A date or a range of dates, each at the precision its text gives."""

    start: PartialDate
    end: PartialDate | None = None

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse ISO truncated text (`1998`, `2007-01`, `2007-12-11`, `2004/2020`).

        Raises ValueError for anything else, or for a range that ends before it starts.
        """
        if not _ISO_DATE.match(text):
            raise ValueError(f"'{text}' is not a date")
        first, _, second = text.partition("/")
        start = _part(first)
        end = _part(second) if second else None
        if end is not None and end < start:
            raise ValueError(f"'{text}' ends before it starts")
        if start.day and start.day > calendar.monthrange(start.year, start.month)[1]:
            raise ValueError(f"'{text}' is not a day of that month")
        return cls(start, end)

    @property
    def precision(self) -> Precision:
        return self.start.precision

    @property
    def is_range(self) -> bool:
        return self.end is not None

    def iso(self) -> str:
        return self.start.iso() + (f"/{self.end.iso()}" if self.end else "")

    def spoken(self) -> str:
        """`1998`, `January 2007`, `2004-2020` (with an en dash)."""
        if self.end is None:
            return self.start.spoken()
        return f"{self.start.spoken()}\u2013{self.end.spoken()}"

    def sort_key(self) -> tuple[int, int, int]:
        return (self.start.year, self.start.month, self.start.day)

    def same_shape(self, other: FuzzyDate) -> bool:
        """Same precision and both single dates or both ranges: fair distractors for each other."""
        return self.precision == other.precision and self.is_range == other.is_range

    def bounds(self) -> tuple[PartialDate, ...]:
        """The ends of a range (a single date is its own bound)."""
        return (self.start,) if self.end is None else (self.start, self.end)


def _part(text: str) -> PartialDate:
    pieces = [int(p) for p in text.split("-")]
    pieces += [0] * (3 - len(pieces))
    return PartialDate(pieces[0], pieces[1], pieces[2])


def is_iso_date(text: str) -> bool:
    """Whether `FuzzyDate.parse` accepts the text."""
    try:
        FuzzyDate.parse(text)
    except ValueError:
        return False
    return True
