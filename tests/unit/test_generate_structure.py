"""On real documents: no card quotes a title, address, dateline, label or run-on line.

Runs the generator over the evaluation documents and the shipped sources (it measures
nothing: scores live in benchmarks/generate_quality.py) and checks what every drawn card
quotes. The one exception is a group named by a title that is only "Name (ACR)".
"""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest

from quizapp.facts.derive import draw_cards
from quizapp.generate.document import SENTENCE_CAP, Kind, read_document
from quizapp.generate.factfile import as_fact, select
from quizapp.generate.typed import propose_facts
from quizapp.model import Fact

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((ROOT / "tests/data/eval/docs").glob("*.txt")) + sorted(
    (ROOT / "decks/sources").glob("*.txt")
)
NAME_AND_ACRONYM = re.compile(r"^[^()]+ \([A-Z][A-Za-z-]{1,9}\)$")


def _fact(mapping: dict[str, object]) -> Fact:
    fields = dict(mapping)
    aliases = fields.get("aliases")
    if isinstance(aliases, list):
        fields["aliases"] = [{"name": a} if isinstance(a, str) else a for a in aliases]
    fact: Fact = msgspec.convert(fields, Fact)
    return fact


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_cards_quote_sentences_never_titles_or_run_ons(path: Path) -> None:
    document = read_document(path)
    kinds = {sentence.quote: sentence.kind for sentence in document.sentences}
    chosen, _ = select(propose_facts(document), 0.4)
    facts = [_fact(as_fact(proposal)) for proposal in chosen]
    cards = draw_cards(facts)
    assert cards
    for card in cards:
        quote = card.source.quote
        assert len(quote) <= SENTENCE_CAP
        kind = kinds.get(quote)
        assert kind in (Kind.SENTENCE, Kind.ITEM) or (
            kind is Kind.HEADING and NAME_AND_ACRONYM.match(quote)
        ), f"{card.id} quotes a {kind} line: {quote!r}"
