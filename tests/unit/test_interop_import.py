"""Import from Anki packages and Anki/Quizlet CSV/TSV into valid decks."""

from __future__ import annotations

from pathlib import Path

import pytest
from instructor_fixtures import sample_deck

from quizapp.cli import main
from quizapp.decks import load_decks
from quizapp.interop.anki_export import export_apkg
from quizapp.interop.importers import html_to_text, read_any
from quizapp.model.cards import BasicCard, ClozeCard, Status, TypedCard


def test_html_to_text_keeps_lines_and_counts_media() -> None:
    text, media = html_to_text('A&amp;B<br>second <b>line</b><img src="x.png">[sound:a.mp3]')
    assert text == "A&B\nsecond line" and media == 2


def test_quizlet_tsv_with_header_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_text("term\tdefinition\nGSPC\tSalafist Group\n\tno front\nlonely\n")
    result = read_any(path)
    assert [(n.front, n.back) for n in result.notes] == [("GSPC", "Salafist Group")]
    assert [s.origin for s in result.skipped] == ["terms.tsv line 3", "terms.tsv line 4"]


def test_anki_text_export_with_separator_header_and_cloze(tmp_path: Path) -> None:
    path = tmp_path / "anki.txt"
    path.write_text(
        "#separator:semicolon\n#html:true\n{{c1::AQIM}} was founded;2007 <i>note</i>;t1 t2\n"
    )
    note = read_any(path).notes[0]
    assert (note.kind, note.front, note.explanation, note.tags) == (
        "cloze", "{{AQIM}} was founded", "2007 note", ("t1", "t2"),
    )  # fmt: skip


def test_apkg_round_trip_to_a_valid_deck(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "aqim.apkg"
    export_apkg([sample_deck()], package)
    decks = tmp_path / "decks"
    out = decks / "imported.yaml"
    argv = ["--decks", str(decks), "import", str(package), "-o", str(out)]
    argv += ["--category", "group", "--sources-dir", str(decks / "sources")]
    decks.mkdir()
    assert main(argv) == 0
    assert "imported 7 cards" in capsys.readouterr().err
    deck_set = load_decks([decks], check_sources=True)
    assert not deck_set.problems, [p.format() for p in deck_set.problems]
    cards = deck_set.decks[0].cards
    assert all(c.status is Status.GENERATED and c.category.value == "group" for c in cards)
    kinds = [type(c) for c in cards]
    assert kinds.count(ClozeCard) == 1 and kinds.count(TypedCard) == 1
    reverse = [c for c in cards if isinstance(c, BasicCard) and c.reverse]
    assert [c.question for c in reverse] == ["Leader of AQIM?"]
    cloze = next(c for c in cards if isinstance(c, ClozeCard))
    assert cloze.text.startswith("The {{GSPC}} became {{AQIM::a group}}")
    explained = next(c for c in cards if isinstance(c, BasicCard) and c.question == "AQIM founded?")
    assert explained.explanation == "Renamed from GSPC."
    assert main(argv) == 2  # never overwrites


def test_package_categories_are_kept_without_override(tmp_path: Path) -> None:
    package = tmp_path / "aqim.apkg"
    export_apkg([sample_deck()], package)
    out = tmp_path / "d.yaml"
    assert main(["--decks", str(tmp_path), "import", str(package), "-o", str(out)]) == 0
    cards = load_decks([out]).decks[0].cards
    original = {c.id: c.category for c in sample_deck().cards}
    assert sorted(c.category.value for c in cards) == sorted(v.value for v in original.values())


def test_bad_inputs_give_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "fake.apkg"
    fake.write_text("not a zip")
    assert main(["import", str(fake), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "not an Anki package" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "none.csv"), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err
    empty = tmp_path / "empty.csv"
    empty.write_text("only,\n")
    assert main(["import", str(empty), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "nothing to import" in capsys.readouterr().err
