"""The generator's date patterns against dateparser, the library issue 20 names (`make bench`).

Both read the sentences the hand labels quote for dated facts (events, designations, relations)
of every labelled document, each sentence on its own (no running context, so relative dates are
left to neither), and a label's date counts as found when the reader gives that value for its
sentence (a range `A/B` when given whole or as both ends). dateparser reads with
`languages=['en']`; its period (day, month, year) sets how much of the date is kept, the way
the labels truncate. Reported: dates found by each (ratio against the project's patterns),
and time for the same sentences (ratio against the patterns' time, measured in the same run).

dateparser is in the `bench` extra; without it the rows say it did not run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import harness
import yaml

sys.path.insert(0, str(harness.ROOT / "src"))

from quizapp.generate.dates import DateContext, find_dates

LABELS = harness.ROOT / "tests" / "data" / "eval" / "labels"
NAME = "dates_vs_dateparser"


def labelled_dates() -> list[tuple[str, str]]:
    """(sentence, label date) for every dated event, designation and relation quote."""
    pairs: list[tuple[str, str]] = []
    for path in sorted(LABELS.glob("*.yaml")):
        for fact in yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]:
            date = fact.get("date")
            if date and fact["type"] in ("event", "designation", "relation"):
                for source in fact.get("sources", []):
                    pairs.append((" ".join(str(source["quote"]).split()), str(date)))
    return pairs


def ours(text: str) -> list[str]:
    return [mention.value for mention in find_dates(text, DateContext())]


def dateparser_reader() -> Callable[[str], list[str]]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    parser = DateDataParser(languages=["en"])

    def read(text: str) -> list[str]:
        values: list[str] = []
        for span, when in search_dates(text, languages=["en"]) or []:
            data = parser.get_date_data(span)
            period = data.period if data and data.date_obj else "day"
            if period == "year":
                values.append(f"{when.year:04d}")
            elif period == "month":
                values.append(f"{when.year:04d}-{when.month:02d}")
            else:
                values.append(f"{when.year:04d}-{when.month:02d}-{when.day:02d}")
        return values

    return read


def _found(value: str, values: list[str]) -> bool:
    if value in values:
        return True
    first, _, last = value.partition("/")
    return bool(last) and first in values and last in values


def _measure(
    read: Callable[[str], list[str]], sentences: list[str]
) -> tuple[dict[str, list[str]], float]:
    started = time.perf_counter()
    got = {sentence: read(sentence) for sentence in sentences}
    return got, time.perf_counter() - started


def run() -> list[harness.Row]:
    pairs = labelled_dates()
    sentences = sorted({sentence for sentence, _ in pairs})
    mine, my_time = _measure(ours, sentences)
    my_found = sum(1 for sentence, value in pairs if _found(value, mine[sentence]))
    rows = [
        harness.info_row(
            NAME,
            f"label dates found in their sentence, project patterns (of {len(pairs)})",
            my_found,
            "dates",
        )
    ]
    try:
        read = dateparser_reader()
    except ImportError:
        return [*rows, harness.not_run(NAME, "dateparser is not installed (the bench extra)")]
    theirs, their_time = _measure(read, sentences)
    their_found = sum(1 for sentence, value in pairs if _found(value, theirs[sentence]))
    missed_by_us = sum(
        1
        for sentence, value in pairs
        if _found(value, theirs[sentence]) and not _found(value, mine[sentence])
    )
    return [
        *rows,
        harness.ratio_row(
            NAME,
            "label dates found, dateparser vs project patterns",
            their_found,
            my_found,
            None,
            unit="dates",
            note=f"{missed_by_us} found by dateparser only",
        ),
        harness.ratio_row(
            NAME,
            f"time for the {len(sentences)} labelled sentences, dateparser vs patterns",
            their_time,
            my_time,
            None,
        ),
    ]


if __name__ == "__main__":
    harness.print_rows(run(), "the generator's dates vs dateparser")
