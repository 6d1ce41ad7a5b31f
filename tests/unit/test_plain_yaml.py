"""The direct writer of plain data (`authoring.plainyaml`): the same text the round-trip
writer gives for what `quizapp generate` writes, text that reads back as the same data and
that `quizapp fmt` leaves alone, whatever the strings hold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from quizapp.authoring.fmt import _commented, format_text
from quizapp.authoring.plainyaml import PlainDataError, dump_plain
from quizapp.authoring.roundtrip import DECK_KEY_ORDER, dump, reorder
from quizapp.generate.document import read_document
from quizapp.generate.factfile import as_fact
from quizapp.generate.typed import propose_facts

ROOT = Path(__file__).resolve().parents[2]


def round_trip_writer(deck: dict[str, Any]) -> str:
    tree = _commented(deck)
    reorder(tree, DECK_KEY_ORDER)
    return str(dump(tree))


@pytest.mark.parametrize(
    "name", ["decks/sources/aqim-backgrounder-2014.txt", "tests/data/eval/docs/hamas.txt"]
)
def test_generated_facts_are_written_as_the_round_trip_writer_writes_them(name: str) -> None:
    facts = [as_fact(p) for p in propose_facts(read_document(ROOT / name))]
    deck = {"title": "Drafts", "facts": facts}
    assert dump_plain(deck) == round_trip_writer(deck)


HOSTILE = [
    "plain words",
    "2014",
    "2014-06-09",
    "1990/1999",
    "0.5",
    "1e3",
    "yes",
    "No",
    "null",
    "~",
    "- a dash first",
    "? a question",
    ": colon first",
    "ends with a colon:",
    "a: b",
    "a #comment",
    "#hash",
    "it's",
    'say "hi"',
    'it\'s "both"',
    "  leading spaces",
    "trailing space ",
    "line\nbreak",
    "tab\there",
    "bell\x07and\x1b[31mescape",
    "nel\x85line\u2028sep",
    "=",
    "<<",
    "@at",
    "`tick",
    "%percent",
    "&anchor",
    "*alias",
    "!tag",
    "|pipe",
    ">fold",
    "{brace",
    "[bracket",
    "x" * 5000,
    "unicode: Qa\u2019ida \u2013 \u00e9",
    "",
]


def test_any_string_reads_back_as_written_and_fmt_leaves_it_alone() -> None:
    deck = {
        "title": "t",
        "facts": [
            {"id": f"f{i}", "type": "statement", "claim": text, "list": [text], "n": 0.45}
            for i, text in enumerate(HOSTILE)
        ]
        + [{"id": "empty", "aliases": [], "figures": {}, "ok": True, "count": 3}],
    }
    text = dump_plain(deck)
    assert yaml.safe_load(text) == deck
    formatted, added = format_text(text, "t.yaml", set())
    assert formatted == text and added == []


def test_what_is_not_plain_data_is_refused() -> None:
    with pytest.raises(PlainDataError):
        dump_plain({"a": object()})
    with pytest.raises(PlainDataError):
        dump_plain({"a": float("nan")})
    with pytest.raises(PlainDataError):
        dump_plain({"a": [[1, 2]]})
