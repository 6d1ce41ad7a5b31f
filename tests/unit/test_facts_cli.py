"""`quizapp facts`: the JSON contract, and a table that shows deck text literally."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from quizapp import cli

FACTS = Path(__file__).parents[1] / "data" / "facts"
CONTRACT = {"id", "type", "date", "as_of", "time_sensitive", "disputed", "caveat", "sources"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--no-cache", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_every_fact_with_its_sources_and_cards(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "facts", "--decks", str(FACTS), "--json")
    assert (code, err) == (0, "")
    records = {record["id"]: record for record in json.loads(out)}
    assert len(records) == 11
    for record in records.values():
        assert CONTRACT | {"cards"} <= set(record)
        assert isinstance(record["disputed"], list) and record["sources"]
        assert all(set(s) == {"doc", "quote"} for s in record["sources"])
    event = records["algiers-bombings-2007-12"]
    assert event["type"] == "event" and event["date"] == "2007-12-11"
    assert [d["value"] for d in event["disputed"]] == ["thirty-three", "at least 60"]
    assert "algiers-bombings-2007-12/figure.killed" in event["cards"]
    gia = records["gia"]
    assert (gia["date"], gia["caveat"], gia["disputed"]) == (None, None, [])
    assert records["droukdel-leads-aqim"]["time_sensitive"] is True
    assert records["gspc-renamed-aqim"]["tested_by"] == ["aqim-lineage-order"]


def test_the_table_shows_markup_and_escapes_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    shutil.copytree(FACTS, tmp_path / "decks")
    deck = tmp_path / "decks" / "example.yaml"
    deck.write_text(
        deck.read_text().replace("name: Armed Islamic Group", r'name: "[bold]Armed\e[31m"')
    )
    code, out, _ = run(capsys, "facts", "--decks", str(tmp_path / "decks"))
    assert code == 0
    assert "[bold]Armed" in out and "\x1b" not in out


def test_problems_go_to_stderr_and_set_the_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FACTS, tmp_path / "decks")
    deck = tmp_path / "decks" / "example.yaml"
    deck.write_text(deck.read_text().replace("    acronym: GIA\n", "    acronim: GIA\n"))
    code, out, err = run(capsys, "facts", "--decks", str(tmp_path / "decks"), "--json")
    assert code == 1 and "fact gia: unknown field 'acronim'" in err
    ids = [record["id"] for record in json.loads(out)]
    assert len(ids) == 10 and "gia" not in ids, "the facts that loaded are listed"


def test_anki_export_carries_the_drawn_cards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quizapp.decks import load_decks

    (deck,) = load_decks([FACTS]).decks
    out = tmp_path / "facts.apkg"
    code, _, _ = run(capsys, "export", "--format", "apkg", "-o", str(out), str(FACTS))
    assert code == 0
    with zipfile.ZipFile(out) as package:
        package.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        fronts = [row[0] for row in db.execute("SELECT flds FROM notes")]
    finally:
        db.close()
    assert len(fronts) == len(deck.cards) == 24
    assert any("What does GIA stand for?" in front for front in fronts)
