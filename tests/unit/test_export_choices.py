"""Exported choice cards carry distractors even when the deck lists no `choices` (issue 14)."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from pathlib import Path

import pytest

from quizapp.cli import main

DECK = """\
title: Leaders
cards:
  - kind: choice
    id: founder
    category: person
    question: Who founded the GSPC?
    answer: Hassan Hattab
""" + "".join(
    f"  - {{id: p{i}, category: person, question: Who is {i}?, answer: {name}}}\n"
    for i, name in enumerate(
        [
            "Abdelmalek Droukdel",
            "Mokhtar Belmokhtar",
            "Abu Zeid",
            "Iyad Ag Ghaly",
            "Amadou Koufa",
            "Abu Ubaida Yusuf al-Annabi",
            "Nabil Sahraoui",
        ]
    )
)


def export(tmp_path: Path, fmt: str, *seed: str) -> Path:
    decks = tmp_path / "decks"
    decks.mkdir(exist_ok=True)
    (decks / "leaders.yaml").write_text(DECK, encoding="utf-8")
    out = tmp_path / f"out-{fmt}-{'-'.join(seed) or 'default'}.{fmt}"
    assert main(["export", "--format", fmt, "-o", str(out), "--force", *seed, str(decks)]) == 0
    return out


def options_of(front: str) -> list[str]:
    return [line[2:] for line in front.splitlines() if line.startswith("- ")]


def test_csv_and_markdown_fronts_list_drawn_options_the_same_for_the_same_seed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = export(tmp_path, "csv").read_text(encoding="utf-8")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    options = options_of(rows["founder"]["front"])
    assert "Hassan Hattab" in options and len(options) == 4
    assert export(tmp_path, "csv", "--seed", "1").read_text(encoding="utf-8") == text
    again = export(tmp_path, "csv", "--seed", "7").read_text(encoding="utf-8")
    assert export(tmp_path, "csv", "--seed", "7").read_text(encoding="utf-8") == again
    markdown = export(tmp_path, "md").read_text(encoding="utf-8")
    for option in options:
        assert f"- {option}" in markdown


def test_the_anki_front_of_a_choice_card_lists_its_options(tmp_path: Path) -> None:
    package = export(tmp_path, "apkg")
    with zipfile.ZipFile(package) as archive:
        archive.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    fields = [row[0].split("\x1f") for row in db.execute("SELECT flds FROM notes")]
    db.close()
    front = next(f[0] for f in fields if f[0].startswith("Who founded the GSPC?"))
    assert front.count("<br>- ") == 4 and "Hassan Hattab" in front
