"""Deck format v2: facts load beside cards, and their problems are located like cards'."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.decks import Problem, load_deck_text, load_decks
from quizapp.decks.cache import DeckCache
from quizapp.decks.metadata import SourceDates
from quizapp.model import EventFact, GroupFact, PersonFact

DATA = Path(__file__).parents[1] / "data"
FACTS = DATA / "facts"
SOURCES = FACTS / "sources"

HEAD = "title: t\nfacts:\n"
GIA = (
    "  - id: gia\n    type: group\n    name: Armed Islamic Group\n"
    "    sources: [{doc: brief-2014.txt, quote: q}]\n"
)


def load(text: str) -> tuple[object, list[Problem]]:
    return load_deck_text(text.encode(), "deck.yaml", "deck", dates=SourceDates(SOURCES))


def problems_of(text: str) -> list[Problem]:
    _, problems = load(text)
    return problems


def test_the_example_deck_loads_with_facts_and_drawn_cards() -> None:
    deck_set = load_decks([FACTS], check_sources=True)
    assert deck_set.problems == ()
    (deck,) = deck_set.decks
    assert len(deck.facts) == 11
    ids = {card.id for card in deck.cards}
    assert "aqim-lineage-order" in ids and "gspc-split-from-gia/when" in ids
    by_id = {fact.id: fact for fact in deck.facts}
    assert isinstance(by_id["gia"], GroupFact) and isinstance(by_id["droukdel"], PersonFact)
    assert by_id["gia"].as_of == "2014-01-08", "from brief-2014.meta.yaml"
    assert by_id["droukdel"].as_of == "2016-03", "written: profile.txt has no date"
    event = by_id["algiers-bombings-2007-12"]
    assert isinstance(event, EventFact) and event.figures == {"killed": "thirty-three"}


def test_a_deck_may_hold_only_facts() -> None:
    deck, problems = load(HEAD + GIA + "    acronym: GIA\n")
    assert problems == []
    assert deck is not None and deck.facts[0].id == "gia"
    assert [c.id for c in deck.cards] == ["gia/acronym"]


def test_a_deck_with_neither_cards_nor_facts_is_refused() -> None:
    (problem,) = problems_of("title: t\n")
    assert problem.field == "cards" and "facts" in (problem.hint or "")


def test_an_unknown_fact_field_names_its_place_and_a_close_one() -> None:
    (problem,) = problems_of(HEAD + GIA + "    acronim: GIA\n")
    assert (problem.line, problem.column) == (7, 5)
    assert problem.fact_id == "gia" and problem.field == "acronim"
    assert problem.hint == "did you mean 'acronym'?"
    assert problem.format().startswith("deck.yaml:7:5: fact gia: unknown field 'acronim'")


def test_a_bad_date_is_located() -> None:
    (problem,) = problems_of(HEAD + GIA + "    date: 1998-13\n")
    assert (problem.line, problem.field) == (7, "date")


def test_an_unknown_fact_type_gets_a_close_one() -> None:
    (problem,) = problems_of(HEAD + GIA.replace("type: group", "type: grop"))
    assert problem.field == "type" and problem.hint == "did you mean 'group'?"


def test_an_unknown_fact_id_referenced_by_a_fact_or_a_card() -> None:
    text = (
        HEAD
        + GIA
        + "  - id: split\n    type: relation\n    relation: split\n    from: [gai]\n"
        + "    to: gia\n    sources: [{doc: brief-2014.txt, quote: q}]\n"
        + "cards:\n  - id: c1\n    question: q?\n    answer: a\n    category: name\n"
        + "    fact: gspc\n    source: {doc: brief-2014.txt, quote: q}\n"
    )
    problems = problems_of(text)
    assert [(p.line, p.message) for p in problems] == [
        (10, "unknown fact id 'gai'"),
        (18, "unknown fact id 'gspc'"),
    ]
    assert problems[0].hint == "did you mean 'gia'?" and problems[0].fact_id == "split"
    assert problems[1].card_id == "c1"


def test_ids_are_unique_across_facts_and_cards() -> None:
    text = (
        HEAD
        + GIA
        + GIA
        + "cards:\n  - id: gia\n    question: q?\n    answer: a\n    category: name\n"
        + "    source: {doc: brief-2014.txt, quote: q}\n"
    )
    messages = [p.message for p in problems_of(text)]
    assert any(m.startswith("fact id 'gia' is also a card id") for m in messages)
    assert problems_of(HEAD + GIA + GIA.replace("name: Armed", "name: Other"))[0].message == (
        "duplicate fact id 'gia' (first at line 3)"
    )


def test_as_of_is_required_when_a_source_has_no_date() -> None:
    (problem,) = problems_of(HEAD + GIA.replace("brief-2014.txt", "profile.txt"))
    assert problem.field == "as_of" and "profile.txt" in problem.message


def test_an_undeclared_disagreement_between_sources_is_reported() -> None:
    event = (
        "  - id: bombing\n    type: event\n    what: bombs\n    date: 2007-12-11\n"
        "    figures: {killed: thirty-three}\n    as_of: 2016\n    sources:\n"
        "      - {doc: brief-2014.txt, quote: 'On December 11, 2007, thirty-three died.'}\n"
        "      - {doc: profile.txt, quote: 'December 11, 2007: at least 60 died.'}\n"
    )
    (problem,) = problems_of(HEAD + event)
    assert problem.field == "figures.killed" and problem.line == 7
    declared = event + (
        "    disputed:\n      - {field: figures.killed, value: thirty-three, doc: brief-2014.txt}\n"
        "      - {field: figures.killed, value: at least 60, doc: profile.txt}\n"
    )
    assert problems_of(HEAD + declared) == []
    other_day = event.replace("'December 11, 2007: at", "'December 12, 2007: at").replace(
        "thirty-three}",
        "thirty-three}\n    disputed: [{field: figures.killed, value: x, doc: profile.txt}]",
    )
    assert [p.field for p in problems_of(HEAD + other_day)] == ["date"]


def test_a_different_spelling_of_a_name_must_be_an_alias_or_disputed() -> None:
    person = (
        "  - id: droukdel\n    type: person\n    name: Abdelmalek Droukdel\n    as_of: 2016\n"
        "    sources:\n      - {doc: brief-2014.txt, quote: 'Abdelmalek Droukdel led it.'}\n"
        "      - {doc: profile.txt, quote: 'AQIM is led by Abdelmalek Droukdal.'}\n"
    )
    (problem,) = problems_of(HEAD + person)
    assert problem.field == "name"
    assert problems_of(HEAD + person + "    aliases: [Abdelmalek Droukdal]\n") == []


def test_a_dispute_must_name_a_field_and_a_cited_document() -> None:
    text = HEAD + GIA + "    disputed: [{field: nam, value: GIA, doc: other.txt}]\n"
    messages = [p.message for p in problems_of(text)]
    assert messages == [
        "disputed field 'nam' is not a field of this fact",
        "disputed doc 'other.txt' is not among the fact's sources",
    ]


def test_validate_sources_checks_fact_quotes(tmp_path: Path) -> None:
    shutil.copytree(FACTS, tmp_path / "decks")
    deck = tmp_path / "decks" / "example.yaml"
    deck.write_text(deck.read_text().replace("fought the government", "fought the state"))
    problems = load_decks([tmp_path / "decks"], check_sources=True).problems
    assert [(p.fact_id, p.message) for p in problems] == [
        ("gia", "quote not found in 'brief-2014.txt'")
    ]
    assert load_decks([tmp_path / "decks"]).problems == ()


@pytest.mark.parametrize("edit", ["meta", "deck"])
def test_the_deck_cache_carries_facts_and_sees_metadata_change(tmp_path: Path, edit: str) -> None:
    shutil.copytree(FACTS, tmp_path / "decks")
    cache = DeckCache(tmp_path / "cache")
    first = load_decks([tmp_path / "decks"], cache=cache).decks[0]
    again = load_decks([tmp_path / "decks"], cache=cache)
    assert again.unit_digests != (None,), "a warm load comes from the cache"
    assert again.decks[0].facts == first.facts and again.decks[0].cards == first.cards
    meta = tmp_path / "decks" / "sources" / "brief-2014.meta.yaml"
    meta.write_text(meta.read_text().replace("2014-01-08", "2014-02-01"))
    changed = load_decks([tmp_path / "decks"], cache=cache).decks[0]
    assert {f.id: f.as_of for f in changed.facts}["gia"] == "2014-02-01"


def test_a_warm_start_on_facts_draws_nothing_and_reads_no_yaml(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from quizapp.decks import load_decks\nfrom quizapp.decks.cache import DeckCache\n"
        f"deck_set = load_decks([Path({str(FACTS)!r})], cache=DeckCache(Path(sys.argv[1])))\n"
        "print(len(deck_set.decks[0].cards), 'yaml' in sys.modules,"
        " 'quizapp.facts.derive' in sys.modules)\n"
    )
    argv = [sys.executable, "-c", code, str(tmp_path / "cache")]
    cold = subprocess.run(argv, capture_output=True, text=True, check=True)
    warm = subprocess.run(argv, capture_output=True, text=True, check=True)
    assert cold.stdout.split() == ["26", "True", "True"]
    assert warm.stdout.split() == ["26", "False", "False"], "drawn cards come from the cache"


def test_a_fact_id_used_again_in_another_deck_is_dropped_with_its_cards(tmp_path: Path) -> None:
    shutil.copytree(FACTS, tmp_path / "decks")
    text = (FACTS / "example.yaml").read_text().split("\ncards:\n")[0]
    (tmp_path / "decks" / "zz-again.yaml").write_text(text.replace("title: AQIM", "title: Again"))
    deck_set = load_decks([tmp_path / "decks"])
    problems = deck_set.problems
    assert len(problems) == 11 and all(p.file.endswith("zz-again.yaml") for p in problems)
    assert problems[0].message.startswith("duplicate id 'algiers' (also in ")
    first, again = deck_set.decks
    assert len(first.cards) == 26 and again.cards == () and again.facts == ()
