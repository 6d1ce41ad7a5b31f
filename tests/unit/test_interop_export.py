"""Export to Anki, CSV and Markdown; the Anki package is checked with the official backend."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from pathlib import Path

import pytest
from instructor_fixtures import sample_deck

from quizapp.cli import main
from quizapp.interop.anki_export import export_apkg, stable_id, to_anki_cloze
from quizapp.interop.text_export import to_csv, to_markdown


def test_cloze_conversion_numbers_deletions_and_escapes() -> None:
    assert to_anki_cloze("A {{x}} & {{y::hint}} <b>") == (
        "A {{c1::x}} &amp; {{c2::y::hint}} &lt;b&gt;"
    )


def test_stable_ids_are_in_genanki_range_and_repeat() -> None:
    assert stable_id("deck a") == stable_id("deck a") != stable_id("deck b")
    assert (1 << 30) <= stable_id("x") < (1 << 31)


def test_apkg_holds_one_note_per_card_with_kinds_mapped(tmp_path: Path) -> None:
    out = tmp_path / "aqim.apkg"
    assert export_apkg([sample_deck()], out) == 7
    with zipfile.ZipFile(out) as archive:
        archive.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    notes = db.execute("SELECT flds, tags FROM notes").fetchall()
    cards = db.execute("SELECT count(*) FROM cards").fetchone()[0]
    db.close()
    assert len(notes) == 7
    assert cards == 9  # b2 reversed gives 2, the cloze has 2 deletions
    fields = {f.split("\x1f")[0]: f.split("\x1f") for f, _ in notes}
    assert fields["AQIM founded?"][1:] == [
        "2007", "Renamed from GSPC.", "aqim.md: “AQIM was founded in 2007.”", "date"
    ]  # fmt: skip
    assert any("{{c2::AQIM::a group}}" in key for key in fields)
    assert "1998: GSPC<br>2007: AQIM" in fields["Order these<br>- AQIM<br>- GSPC"][1]
    tags = {t.strip() for _, t in notes}
    assert "ct101 north_africa quizapp::date" in tags


def test_csv_and_markdown() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv([sample_deck()]))))
    assert [r["kind"] for r in rows] == [
        "basic",
        "basic",
        "cloze",
        "choice",
        "typed",
        "order",
        "match",
    ]
    assert rows[2]["front"].startswith("The [...] became [a group]")
    assert rows[3]["front"] == "Base of AQIM?\n- Algeria\n- Mali\n- Niger"
    md = to_markdown([sample_deck()])
    assert md.startswith("# AQIM") and "**Answer:** 2007" in md and "> aqim.md:" in md


def test_export_refuses_to_overwrite_and_bad_decks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("keep me")
    deck = tmp_path / "d.yaml"
    deck.write_text("title: D\ncards: []\n")
    assert main(["export", "--format", "csv", "-o", str(target), str(deck)]) == 2
    assert target.read_text() == "keep me" and "--force" in capsys.readouterr().err
    deck.write_text("title: D\ncards: [{kind: basic}]\n")
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "n.csv"), str(deck)]) == 2
    assert "fix them first" in capsys.readouterr().err


def test_anki_imports_the_package_cleanly(tmp_path: Path) -> None:
    pytest.importorskip("anki", reason="the official `anki` package is optional (extra `anki`)")
    from anki.collection import Collection, ImportAnkiPackageRequest

    out = tmp_path / "aqim.apkg"
    export_apkg([sample_deck()], out)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        from anki.import_export_pb2 import ImportAnkiPackageOptions

        col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(out), options=ImportAnkiPackageOptions())
        )
        assert col.note_count() == 7
        assert col.card_count() == 9
        names = {m["name"] for m in col.models.all()}
        assert {"quizapp Cloze", "quizapp Basic (and reversed card)"} <= names
        note = col.get_note(col.find_notes('"Front:Former name?"')[0])
        assert note["Back"] == "GSPC" and "{{type:Back}}" in note.note_type()["tmpls"][0]["qfmt"]
        assert len(col.find_cards("tag:quizapp::date")) >= 2
    finally:
        col.close()
