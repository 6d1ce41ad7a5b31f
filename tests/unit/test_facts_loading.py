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
from quizapp.decks.sources import SourceLibrary
from quizapp.model import ChoiceCard, EventFact, GroupFact, PersonFact

DATA = Path(__file__).parents[1] / "data"
FACTS = DATA / "facts"
SOURCES = FACTS / "sources"

HEAD = "title: t\nfacts:\n"
GIA = (
    "  - id: gia\n    type: group\n    name: Armed Islamic Group\n"
    "    sources: [{doc: brief-2014.txt, quote: The Armed Islamic Group (GIA)}]\n"
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


def test_an_unknown_fact_id_named_by_a_fact_is_located() -> None:
    text = (
        HEAD
        + GIA
        + "  - id: split\n    type: relation\n    relation: split\n    from: [gai]\n"
        + "    to: gia\n    sources: [{doc: brief-2014.txt, quote: q}]\n"
    )
    (problem,) = problems_of(text)
    assert (problem.line, problem.column, problem.message) == (10, 12, "unknown fact id 'gai'")
    assert problem.hint == "did you mean 'gia'?" and problem.fact_id == "split"


CARD = (
    "cards:\n  - id: c1\n    question: q?\n    answer: a\n    category: name\n"
    "    fact: {ref}\n    source: {{doc: brief-2014.txt, quote: q}}\n"
)


def test_a_card_may_name_a_fact_of_another_deck_file(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "facts.yaml").write_text(HEAD + GIA + "    acronym: GIA\n    as_of: '2014'\n")
    (decks / "cards.yaml").write_text("title: c\n" + CARD.format(ref="gia"))
    deck_set = load_decks([decks])
    assert deck_set.problems == ()
    units = {unit.uid: unit for unit in deck_set.units()}
    assert units["c1"].sibling_key == units["gia/acronym"].sibling_key == "gia"
    (decks / "cards.yaml").write_text("title: c\n" + CARD.format(ref="gai"))
    (problem,) = load_decks([decks]).problems
    assert problem.format().endswith(
        "cards.yaml:7:5: card c1: unknown fact id 'gai' (did you mean 'gia'?)"
    )


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


def test_a_dispute_must_name_a_field_and_with_sources_checked_a_document() -> None:
    text = HEAD + GIA + "    disputed: [{field: nam, value: GIA, doc: other.txt}]\n"
    (problem,) = problems_of(text)
    assert problem.message == "disputed field 'nam' is not a field of this fact"
    assert problem.hint == "did you mean 'name'?"
    library = SourceLibrary(SOURCES)
    deck_text = text.replace("quote: q", "quote: The Armed Islamic Group (GIA)")
    _, checked = load_deck_text(
        deck_text.encode(), "deck.yaml", "deck", library, SourceDates(SOURCES)
    )
    assert [p.message for p in checked][1].startswith(
        "disputed: source document 'other.txt' not found in"
    )


def test_by_and_roles_of_name_a_fact_or_give_text() -> None:
    statement = (
        "  - id: s\n    type: statement\n    claim: c\n    by: {by}\n"
        "    sources: [{{doc: brief-2014.txt, quote: q}}]\n"
    )
    assert problems_of(HEAD + GIA + statement.format(by="gia")) == []
    assert problems_of(HEAD + GIA + statement.format(by="U.S. officials")) == []
    (typo,) = problems_of(HEAD + GIA + statement.format(by="gai"))
    assert (typo.message, typo.hint) == ("unknown fact id 'gai'", "did you mean 'gia'?")
    person = (
        "  - id: p\n    type: person\n    name: P\n    sources: [{doc: brief-2014.txt, quote: q}]\n"
        "    roles: [{role: leader, of: gia, from: '2004'}, {role: envoy, of: The UN, to: 2010}]\n"
    )
    deck, problems = load(HEAD + GIA + person)
    assert problems == [] and deck is not None
    questions = {c.id: getattr(c, "question", "") for c in deck.cards}
    assert questions["p/role"] == "Who was leader of Armed Islamic Group (from 2004)?"
    assert questions["p/role-2"] == "Who was envoy of The UN (until 2010)?"


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
    assert cold.stdout.split() == ["24", "True", "True"]
    assert warm.stdout.split() == ["24", "False", "False"], "drawn cards come from the cache"


def test_a_fact_id_used_again_in_another_deck_is_dropped_with_its_cards(tmp_path: Path) -> None:
    shutil.copytree(FACTS, tmp_path / "decks")
    text = (FACTS / "example.yaml").read_text().split("\ncards:\n")[0]
    (tmp_path / "decks" / "zz-again.yaml").write_text(text.replace("title: AQIM", "title: Again"))
    deck_set = load_decks([tmp_path / "decks"])
    problems = deck_set.problems
    assert len(problems) == 11 and all(p.file.endswith("zz-again.yaml") for p in problems)
    assert problems[0].message.startswith("duplicate id 'algiers' (also in ")
    first, again = deck_set.decks
    assert len(first.cards) == 24 and again.cards == () and again.facts == ()


SHIPPED = Path(__file__).parents[2] / "decks" / "sources"
MERGER = """\
title: Murabitoun
facts:
  - {id: amb, type: group, name: al-Mulathamun Battalion, acronym: AMB, sources: S3}
  - {id: mujao, type: group, name: Movement for Unity and Jihad in West Africa, sources: S3}
  - {id: murabitoun, type: group, name: al-Murabitoun, sources: S3}
  - id: murabitoun-merger
    type: relation
    relation: merger
    from: [amb, mujao]
    to: murabitoun
    date: 2013-08
    sources:
      - {doc: D1, quote: "Q1"}
      - {doc: D2, quote: "Q2"}
"""


def test_two_shipped_sources_that_disagree_on_a_date_are_caught(tmp_path: Path) -> None:
    """The backgrounder dates the al-Murabitoun merger to May 2013, the State Department's 2013
    report to August: citing both without a dispute is reported; with one, it loads."""
    shutil.copytree(SHIPPED, tmp_path / "decks" / "sources")
    text = (
        MERGER.replace("D1", "aqim-backgrounder-2014.txt")
        .replace("D2", "crt-2013-al-mulathamun-battalion.txt")
        .replace(
            "Q1",
            "MUJAO merged with Belmokhtar's al-Mulathamun Battalion in May 2013 to form "
            "al-Murabitoun, according to the State Department, which is covered under the "
            "same FTO designation.",
        )
        .replace(
            "Q2",
            "In August 2013, AMB and the Mali-based Movement for Unity and Jihad in West Africa "
            "(MUJAO) announced that the two organizations would merge under the name "
            '\\"al-Murabitoun.\\"',
        )
        .replace("S3", '[{doc: D2, quote: "Description: The al-Mulathamun Battalion (AMB)"}]')
        .replace("D2", "crt-2013-al-mulathamun-battalion.txt")
    )
    deck = tmp_path / "decks" / "merger.yaml"
    deck.write_text(text)
    (problem,) = load_decks([tmp_path / "decks"], check_sources=True).problems
    assert (problem.fact_id, problem.field, problem.line) == ("murabitoun-merger", "date", 11)
    deck.write_text(
        text.replace(
            "    date: 2013-08\n",
            "    date: 2013-08\n    disputed: [{field: date, value: 2013-05, "
            "doc: aqim-backgrounder-2014.txt}]\n",
        )
    )
    deck_set = load_decks([tmp_path / "decks"], check_sources=True)
    assert deck_set.problems == ()
    card = deck_set.card("murabitoun-merger/when")
    assert isinstance(card, ChoiceCard) and "May 2013" not in card.choices
