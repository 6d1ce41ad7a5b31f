"""Generated decks: valid facts, stable ids, verbatim quotes, and re-runs that keep reviews."""

from __future__ import annotations

import argparse
from pathlib import Path

import msgspec
import pytest
import yaml

from quizapp.commands import generate as command
from quizapp.errors import QuizappError
from quizapp.facts.derive import draw_cards
from quizapp.generate import parse_document
from quizapp.generate.factfile import as_fact
from quizapp.generate.typed import propose_facts
from quizapp.model.cards import DeckDocument

TEXT = """# The Example Front

The Example Liberation Front (ELF) was founded in Asmara in 1961 by Idris Awate.
On September 1, 1961, Idris Awate, the front's first commander, fired the first shots.
Its leaders broke away to found the Popular Front (PF) the following March.
The United States designated the ELF a Foreign Terrorist Organization in 1997.
In 2002 the PF merged with the ELF to form the United Front.
"""


def run_generate(tmp_path: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    command.register(parser.add_subparsers())
    args = parser.parse_args(["generate", *argv])
    result: int = args.run(args)
    return result


def test_proposals_are_valid_facts_with_verbatim_quotes_and_draw_cards() -> None:
    facts = [as_fact(p) for p in propose_facts(parse_document("elf.md", TEXT))]
    deck = msgspec.convert({"title": "t", "facts": facts}, DeckDocument)
    assert {type(fact).__name__ for fact in deck.facts} >= {
        "EventFact",
        "GroupFact",
        "PersonFact",
        "RelationFact",
        "DesignationFact",
    }
    folded = " ".join(TEXT.split())
    for fact in deck.facts:
        assert fact.status == "generated"
        for source in fact.sources:
            assert source.doc == "elf.md"
            assert source.quote in folded
    assert len(draw_cards(list(deck.facts))) > len(facts)


def test_relative_date_is_resolved_on_its_event() -> None:
    facts = [p.fact for p in propose_facts(parse_document("elf.md", TEXT))]
    march = [f for f in facts if f["type"] in ("event", "relation") and f.get("date") == "1962-03"]
    assert march
    assert all("the following March" in f["sources"][0]["quote"] for f in march)


def test_ids_are_stable_and_unique() -> None:
    first = [p.id for p in propose_facts(parse_document("elf.md", TEXT))]
    second = [p.id for p in propose_facts(parse_document("elf.md", TEXT))]
    assert first == second
    assert len(set(first)) == len(first)


def test_command_writes_facts_then_keeps_reviewed_and_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "elf.md"
    source.write_text(TEXT, encoding="utf-8")
    output = tmp_path / "elf.yaml"
    assert run_generate(tmp_path, str(source), "-o", str(output)) == 0
    assert "copy it into" in capsys.readouterr().err
    written = yaml.safe_load(output.read_text(encoding="utf-8"))
    msgspec.convert(written, DeckDocument)
    facts = written["facts"]
    assert {fact["status"] for fact in facts} == {"generated"}
    assert all(0 <= fact["confidence"] <= 1 for fact in facts)
    reviewed, rejected = facts[0], facts[1]
    reviewed["status"] = "reviewed"
    reviewed["name"] = "Mine"
    rejected["status"] = "rejected"
    output.write_text(yaml.safe_dump(written, sort_keys=False), encoding="utf-8")
    capsys.readouterr()
    assert run_generate(tmp_path, str(source), "-o", str(output)) == 0
    out = capsys.readouterr().out
    assert "0 added" in out and "1 reviewed kept" in out and "1 rejected kept" in out
    again = yaml.safe_load(output.read_text(encoding="utf-8"))["facts"]
    assert again[0] == reviewed
    assert again[1] == rejected
    assert len(again) == len(facts)


def test_min_confidence_leaves_out_the_less_sure_and_what_they_name(tmp_path: Path) -> None:
    source = tmp_path / "elf.md"
    source.write_text(TEXT, encoding="utf-8")
    everything, sure = tmp_path / "all.yaml", tmp_path / "sure.yaml"
    assert run_generate(tmp_path, str(source), "-o", str(everything)) == 0
    assert run_generate(tmp_path, str(source), "-o", str(sure), "--min-confidence", "0.8") == 0
    all_facts = yaml.safe_load(everything.read_text(encoding="utf-8"))["facts"]
    sure_facts = yaml.safe_load(sure.read_text(encoding="utf-8"))["facts"]
    assert 0 < len(sure_facts) < len(all_facts)
    assert all(fact["confidence"] >= 0.8 for fact in sure_facts)
    ids = {fact["id"] for fact in sure_facts}
    for fact in sure_facts:
        assert fact.get("target", next(iter(ids))) in ids
    with pytest.raises(SystemExit):
        run_generate(tmp_path, str(source), "-o", str(sure), "--min-confidence", "2")


def test_command_refuses_to_overwrite_a_non_deck(tmp_path: Path) -> None:
    source = tmp_path / "elf.md"
    source.write_text(TEXT, encoding="utf-8")
    output = tmp_path / "notes.yaml"
    output.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(QuizappError, match="not a deck"):
        run_generate(tmp_path, str(source), "-o", str(output))
    assert output.read_text(encoding="utf-8") == "- just\n- a list\n"
    with pytest.raises(QuizappError, match=r"\.yaml"):
        run_generate(tmp_path, str(source), "-o", str(tmp_path / "out.txt"))


def test_generated_decks_pass_the_validator_with_sources(tmp_path: Path) -> None:
    from quizapp.decks import load_decks

    decks = tmp_path / "decks"
    (decks / "sources").mkdir(parents=True)
    shipped = Path(__file__).resolve().parents[2] / "decks" / "sources"
    documents = []
    for path in sorted(shipped.glob("*.txt")):
        target = decks / "sources" / path.name
        target.write_bytes(path.read_bytes())
        documents.append(str(target))
    assert run_generate(tmp_path, *documents, "-o", str(decks / "generated.yaml")) == 0
    text = (decks / "generated.yaml").read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text
    loaded = load_decks([decks], check_sources=True)
    assert [problem.format() for problem in loaded.problems] == []
    assert loaded.card_count > 100


def test_a_markdown_source_gives_quotes_the_validator_finds(tmp_path: Path) -> None:
    from quizapp.decks import load_decks

    decks = tmp_path / "decks"
    (decks / "sources").mkdir(parents=True)
    source = decks / "sources" / "elf.md"
    source.write_text(
        "# The *Example* Front\n\n"
        "The [Example Liberation Front](https://example.org) (ELF) was founded in **1961**\n"
        "by Idris Awate, who led it\\* for years.\n\n"
        "## Timeline\n\n"
        "- 1997: The United States designated the ELF a Foreign Terrorist Organization.\n"
        "- In 2002 the ELF merged with the Popular Front (PF) to form the United Front (UF).\n",
        encoding="utf-8",
    )
    assert run_generate(tmp_path, str(source), "-o", str(decks / "elf.yaml")) == 0
    loaded = load_decks([decks], check_sources=True)
    assert [problem.format() for problem in loaded.problems] == []
    facts = yaml.safe_load((decks / "elf.yaml").read_text(encoding="utf-8"))["facts"]
    quotes = {s["quote"] for fact in facts for s in fact["sources"]}
    assert not any(mark in quote for quote in quotes for mark in ("](", "**", "# "))
    assert {fact["type"] for fact in facts} >= {"group", "event", "designation", "relation"}
