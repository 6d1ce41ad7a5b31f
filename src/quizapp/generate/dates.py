"""Finding dates in sentences and resolving relative ones from the dates before them.

A date mention has a machine value (`2006-09-11`, `2007-01`, `2012`, `2003/2011`, `1990s`) and
the words the text used. Relative phrases ("the following January", "that year", "in May")
take their year from the last explicit date read, the way a reader does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_ALT = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
)
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_QUAL = (
    r"(?:(?:early|mid|late|the end of|the start of|the beginning of|(?:the )?(?:summer|winter"
    r"|spring|autumn|fall)(?: of)?)[- ])?"
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        # "June 9 through 30", "May 5-10, 2014": days of one month (before "mdy", which would
        # take "June 9" alone)
        (
            "day_range",
            rf"(?<![A-Z])(?P<m>{_MONTH_ALT}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?: ?[\u2013-] ?| through | until )(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"
            r"(?!\d|%| percent)"
            rf"(?:,? (?P<y>{_YEAR})\b)?",
        ),
        (
            "mdy",
            rf"(?<![A-Z])(?P<m>{_MONTH_ALT}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>{_YEAR})\b",
        ),
        ("dmy", rf"\b(?P<d>\d{{1,2}}) (?P<m>{_MONTH_ALT}),? (?P<y>{_YEAR})\b"),
        ("iso", rf"(?<![\d-])(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"),
        # a fixed-date holiday with its year: "on Christmas eve 2000", "New Year's Day 2011"
        (
            "holiday",
            rf"\b(?P<h>Christmas [Ee]ve|Christmas(?: [Dd]ay)?|New Year[\u2019']s [Ee]ve"
            rf"|New Year[\u2019']s [Dd]ay),? (?P<y>{_YEAR})\b",
        ),
        (
            "month_range",
            rf"\b(?i:between|from) (?P<m>{_MONTH_ALT}),? (?P<y>{_YEAR}) (?:and|to|until|through)"
            rf" (?P<m2>{_MONTH_ALT}),? (?P<y2>{_YEAR})\b",
        ),
        # "in September and October 2024", "in 2016 and 2017": one span of time, not two
        # dates (the first alone would be cut from its sentence as "in September and, ...")
        (
            "month_pair",
            rf"(?<![A-Z])(?P<m>{_MONTH_ALT}) (?:and|to|through|or) (?P<m2>{_MONTH_ALT}),?"
            rf" (?P<y>{_YEAR})\b",
        ),
        (
            "month_rel_year",
            rf"(?<![A-Z])(?P<m>{_MONTH_ALT}) of (?P<rel>(?i:that|the same|the following|the next"
            r"|the previous)) year\b",
        ),
        ("range", rf"(?<![\w$.,])(?P<y>{_YEAR}) ?[\u2013\u2014-] ?(?P<y2>{_YEAR}|\d\d)(?![\d%])"),
        ("between", rf"\bbetween (?P<y>{_YEAR}) and (?P<y2>{_YEAR})\b"),
        ("year_pair", rf"(?<![\w$.,/-])(?P<y>{_YEAR}) and (?P<y2>{_YEAR})(?![\d%]|s\b)"),
        (
            "span_words",
            rf"\b(?:beginning|starting) in (?P<y>{_YEAR}) and (?:concluding|ending|lasting)"
            rf" (?:in|until) (?P<y2>{_YEAR})\b",
        ),
        ("my", rf"(?<![A-Z]){_QUAL}(?P<m>{_MONTH_ALT}),? (?:of )?(?P<y>{_YEAR})\b"),
        ("decade", rf"\b(?:the )?{_QUAL}(?P<y>(?:1[6-9]|20)\d0)s\b"),
        ("year", rf"(?<![\w$.,/-]){_QUAL}(?P<y>{_YEAR})(?![\d%]|s\b|-\d| percent| per cent)"),
        ("next_month", rf"\b(?i:the) (?P<rel>following|next|same) (?P<m>{_MONTH_ALT})(?!,? \d)"),
        (
            "rel_year",
            r"\b(?P<rel>(?i:that same|that|the same|the following|the next|the previous)) year\b",
        ),
        ("year_later", r"\b(?P<rel>(?i:a|one)) year later\b"),
        (
            "month_day",
            rf"(?<![A-Z])(?P<m>{_MONTH_ALT}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? ?\d)",
        ),
        ("day_month", rf"\b(?P<d>\d{{1,2}}) (?P<m>{_MONTH_ALT})(?!,? ?\d)"),
        (
            "bare_month",
            rf"\b(?i:in|by|during|since|until|from|through|on|of|that) {_QUAL}(?P<m>{_MONTH_ALT})"
            r"(?!,? ?\d)\b",
        ),
    )
)
_RELATIVE = frozenset(
    {
        "next_month",
        "rel_year",
        "year_later",
        "bare_month",
        "month_day",
        "day_month",
        "month_rel_year",
    }
)


_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in a sentence: `value` for sorting and cards, `phrase` as written."""

    value: str
    phrase: str
    start: int
    end: int
    relative: bool = False
    context: str | None = None

    @property
    def year(self) -> int:
        return int(self.value[:4])

    def display(self) -> str:
        """How a card shows it: a resolved relative date in full, else the written phrase."""
        return format_value(self.value) if self.relative else self.phrase


def _month(word: str) -> int:
    key = word.lower().rstrip(".")
    for index, name in enumerate(MONTHS, start=1):
        if name.startswith(key[:3]):
            return index
    raise ValueError(word)


def format_value(value: str) -> str:
    """`2007-01` → `January 2007`; `2006-09-11` → `September 11, 2006`."""
    if "/" in value:
        first, _, last = value.partition("/")
        if len(first) == len(last) == 10 and first[:7] == last[:7]:
            # "June 9-30, 2014" (with an en dash): days of one month
            month = MONTHS[int(first[5:7]) - 1].title()
            return f"{month} {int(first[8:])}\u2013{int(last[8:])}, {first[:4]}"
    parts = value.split("-")
    if len(parts) == 3:
        return f"{MONTHS[int(parts[1]) - 1].title()} {int(parts[2])}, {parts[0]}"
    if len(parts) == 2 and "/" not in value:
        return f"{MONTHS[int(parts[1]) - 1].title()} {parts[0]}"
    return value.replace("/", "\u2013")


@dataclass(slots=True)
class DateContext:
    """The reader's sense of "now": the last explicit year and month seen, and the year an
    annual report covers (`report_year`: "In January," in "Country Reports on Terrorism 2022"
    is January 2022, whatever earlier years the entry recalls)."""

    year: int | None = None
    month: int | None = None
    report_year: int | None = None
    # whether the sentence being read gave a year itself ("The year 2010 ... first appeared
    # in July": July 2010, whatever the report's year)
    year_in_sentence: bool = False


def find_dates(text: str, context: DateContext) -> list[DateMention]:
    """Every date in `text`, left to right; updates `context` as it reads."""
    context.year_in_sentence = False
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end, _, _ in found):
                continue
            if name in _RELATIVE and re.match(rf",? {_YEAR}\b", text[span[1] :]):
                continue
            found.append((span[0], span[1], name, match))
    mentions: list[DateMention] = []
    for start, end, name, match in sorted(found, key=lambda item: item[0]):
        mention = _mention(name, match, start, end, context)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _mention(
    name: str, match: re.Match[str], start: int, end: int, context: DateContext
) -> DateMention | None:
    phrase = match.group(0)
    groups = match.groupdict()
    if name in ("mdy", "dmy", "my", "year", "iso"):
        year = int(groups["y"])
        month = _month(groups["m"]) if name != "iso" and groups.get("m") else None
        if name == "iso":
            month = int(groups["m"])
            if not 1 <= month <= 12 or not 1 <= int(groups["d"]) <= 31:
                return None
            value = f"{year:04d}-{month:02d}-{int(groups['d']):02d}"
        elif name in ("mdy", "dmy"):
            value = f"{year:04d}-{month:02d}-{int(groups['d']):02d}"
        elif month is not None:
            value = f"{year:04d}-{month:02d}"
        else:
            value = f"{year:04d}"
        context.year, context.month = year, month
        context.year_in_sentence = True
        return DateMention(value, phrase, start, end)
    if name == "day_range":
        first_day, last_day = int(groups["d"] or 0), int(groups["d2"] or 0)
        if not 1 <= first_day < last_day <= 31:
            return None
        if groups.get("y"):
            year = int(groups["y"] or 0)
        elif context.year is not None:
            year = context.year
        else:
            return None
        month = _month(groups["m"] or "")
        context.year, context.month = year, month
        span = f"{year:04d}-{month:02d}-{first_day:02d}/{year:04d}-{month:02d}-{last_day:02d}"
        return DateMention(span, phrase, start, end, relative=not groups.get("y"))
    if name == "holiday":
        month, day = _HOLIDAYS[(groups["h"] or "").casefold().replace("\u2019", "'")]
        context.year, context.month = int(groups["y"] or 0), month
        return DateMention(f"{int(groups['y'] or 0):04d}-{month:02d}-{day:02d}", phrase, start, end)
    if name == "month_range":
        first = f"{int(groups['y']):04d}-{_month(groups['m'] or ''):02d}"
        second = f"{int(groups['y2'] or 0):04d}-{_month(groups['m2'] or ''):02d}"
        if second <= first:
            return None
        context.year, context.month = int(groups["y2"] or 0), _month(groups["m2"] or "")
        return DateMention(f"{first}/{second}", phrase, start, end)
    if name == "month_pair":
        in_year = int(groups["y"] or 0)
        opens, closes = _month(groups["m"] or ""), _month(groups["m2"] or "")
        if closes <= opens:
            return None
        context.year, context.month = in_year, closes
        span = f"{in_year:04d}-{opens:02d}/{in_year:04d}-{closes:02d}"
        return DateMention(span, phrase, start, end)
    if name in ("range", "between", "year_pair", "span_words"):
        first, second = groups["y"], groups["y2"]
        if len(second) == 2:
            second = first[:2] + second
        if int(second) <= int(first):
            return None
        return DateMention(f"{first}/{second}", phrase, start, end)
    if name == "decade":
        return DateMention(f"{groups['y']}s", phrase.removeprefix("the "), start, end)
    return _relative(name, groups, phrase, start, end, context)


def _relative(
    name: str,
    groups: dict[str, str | None],
    phrase: str,
    start: int,
    end: int,
    context: DateContext,
) -> DateMention | None:
    if context.year is None:
        return None
    anchor = format_value(
        f"{context.year}-{context.month:02d}" if context.month else str(context.year)
    )
    year = context.year
    month: int | None = None
    rel = groups.get("rel")
    day = groups.get("d")
    if name == "month_rel_year":
        month = _month(groups["m"] or "")
        year += {"following": 1, "next": 1, "previous": -1}.get((rel or "").split()[-1].lower(), 0)
    elif name in ("next_month", "bare_month", "month_day", "day_month"):
        month = _month(groups["m"] or "")
        if (
            context.report_year is not None
            and rel is None
            and year < context.report_year
            and not context.year_in_sentence
        ):
            year = context.report_year  # an earlier year recalled is not the report's "now"
        elif (
            rel in ("following", "next") and context.month is not None and month <= context.month
        ) or (rel in ("following", "next") and context.month is None):
            year += 1
    elif name == "rel_year":
        year += {"following": 1, "next": 1, "previous": -1}.get((rel or "").split()[-1].lower(), 0)
    else:
        year += 1
    context.year, context.month = year, month
    value = f"{year:04d}-{month:02d}" if month else f"{year:04d}"
    if day is not None:
        value += f"-{int(day):02d}"
    return DateMention(value, phrase, start, end, relative=True, context=anchor)


def iter_dates(texts: Iterable[str]) -> Iterable[tuple[int, DateMention]]:
    """Dates of consecutive sentences, sharing one context (the index of each sentence)."""
    context = DateContext()
    for index, text in enumerate(texts):
        for mention in find_dates(text, context):
            yield index, mention
