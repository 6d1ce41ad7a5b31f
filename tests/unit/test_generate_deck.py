"""Generated decks: valid cards, stable ids, verbatim quotes, and re-runs that keep reviews."""

from __future__ import annotations

import argparse
from pathlib import Path

import msgspec
import pytest
import yaml

from quizapp.commands import generate as command
from quizapp.errors import QuizappError
from quizapp.generate import parse_document, propose
from quizapp.generate.deckfile import merge
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


def test_proposals_are_valid_cards_with_verbatim_quotes() -> None:
    cards = propose(parse_document("elf.md", TEXT))
    deck = msgspec.convert({"title": "t", "cards": cards}, DeckDocument)
    assert {type(card).__name__ for card in deck.cards} >= {
        "ChoiceCard",
        "TypedCard",
        "OrderCard",
        "BasicCard",
    }
    folded = " ".join(TEXT.split())
    for card in deck.cards:
        assert card.status == "generated"
        assert card.source.doc == "elf.md"
        assert card.source.quote in folded


def test_relative_date_is_resolved_on_its_card() -> None:
    cards = propose(parse_document("elf.md", TEXT))
    march = [c for c in cards if c["kind"] == "choice" and c["answer"] == "March 1962"]
    assert len(march) == 1
    assert "the following March" in march[0]["source"]["quote"]
    assert "September 1961" in march[0]["explanation"]


def test_ids_are_stable_and_unique() -> None:
    first = [card["id"] for card in propose(parse_document("elf.md", TEXT))]
    second = [card["id"] for card in propose(parse_document("elf.md", TEXT))]
    assert first == second
    assert len(set(first)) == len(first)


def test_rerun_keeps_reviewed_cards_and_reports_changes() -> None:
    cards = propose(parse_document("elf.md", TEXT))
    deck, report = merge(None, cards, "ELF")
    assert len(report.added) == len(cards)
    reviewed = dict(deck["cards"][0], status="reviewed", question="Edited by hand")
    deck["cards"][0] = reviewed
    generated_id = deck["cards"][1]["id"]
    deck["cards"][1] = dict(deck["cards"][1], question="stale wording")
    extra = dict(deck["cards"][2], id="hand-made-card")
    deck["cards"].append(extra)
    again, report = merge(deck, cards, "ignored")
    assert again["cards"][0] == reviewed
    assert report.kept_reviewed == [reviewed["id"]]
    assert report.updated == [generated_id]
    assert report.kept_missing == ["hand-made-card"]
    assert report.added == []
    assert again["title"] == "ELF"
    assert "1 updated" in report.lines()[0]


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
