"""Imports lose nothing silently and crafted files are bounded: every row is a card or listed
with its line, and every malformed package is a one-line error naming the file."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from hostile_corpus import IMPORTS, collection, corrupt_first_member, package, patch_member

from quizapp import cli
from quizapp.interop.importers import read_any


def run_import(tmp_path: Path, source: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    out = tmp_path / "decks" / "imported.yaml"
    out.parent.mkdir(exist_ok=True)
    code = cli.main(["--decks", str(out.parent), "import", str(source), "-o", str(out)])
    return code, capsys.readouterr().err


def test_hash_lines_in_csv_data_are_cards(tmp_path: Path) -> None:
    result = read_any(IMPORTS / "hash-lines.csv")
    fronts = [note.front for note in result.notes]
    assert fronts == ["#not a directive", "multi\n#line inside quotes", "Q3"]
    assert [note.back for note in result.notes] == ["kept as a card", "answer two", "A3"]


def test_every_csv_row_is_a_card_or_listed_with_its_line(tmp_path: Path) -> None:
    source = tmp_path / "mixed.csv"
    source.write_text("front,back\nQ1,A1\nlonely\n,no front\nQ4,A4\n#deck:x,late directive\n")
    result = read_any(source)
    listed = {s.origin for s in result.skipped}
    assert [n.front for n in result.notes] == ["Q1", "Q4", "#deck:x"]
    assert listed == {"mixed.csv line 3", "mixed.csv line 4"}


@pytest.mark.parametrize("name", ["html-text.tsv", "html-text.txt"])
def test_plain_text_stays_text(name: str) -> None:
    result = read_any(IMPORTS / name)
    assert [n.front for n in result.notes] == ["vector<int> v;", "<b>", "AT&amp;T"]
    assert not result.skipped


def test_fields_split_only_on_the_formats_own_rules() -> None:
    result = read_any(IMPORTS / "separators.csv")
    assert [(n.front, n.back) for n in result.notes] == [
        ("a\u2028b", "c\x85d"),
        ("e\x1cf", "g\u2029h"),
    ]


def test_utf16_csv_is_read() -> None:
    result = read_any(IMPORTS / "utf16.csv")
    assert [(n.front, n.back) for n in result.notes] == [("Q1", "A1"), ("Q2", "A2")]


def test_utf8_with_bom_is_read() -> None:
    result = read_any(IMPORTS / "utf8-bom.csv")
    assert [(n.front, n.back) for n in result.notes] == [("Q1", "A1")]


def test_a_huge_csv_field_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "huge.csv"
    source.write_text("front,back\nQ1,A1\nQ2," + "x" * 200_000 + "\n")
    code, err = run_import(tmp_path, source, capsys)
    assert code == 2
    assert "huge.csv" in err and "line 3" in err


@pytest.mark.parametrize("table", ["notes", "col"])
def test_a_view_instead_of_a_table_is_refused(tmp_path: Path, table: str) -> None:
    endless = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
    views = {
        "notes": {
            "notes_view": endless
            + "SELECT x AS id, 1 AS mid, 'a' || x AS flds, '' AS tags FROM r ORDER BY x DESC"
        },
        "col": {"col_view": endless + "SELECT group_concat(x) AS models FROM r"},
    }
    db = collection(tmp_path / "c.anki2", **views[table])  # type: ignore[arg-type]
    apkg = package(tmp_path / "view.apkg", db)
    env = {**os.environ, "TMPDIR": str(tmp_path), "SQLITE_TMPDIR": str(tmp_path)}
    argv = [sys.executable, "-m", "quizapp", "import", str(apkg), "-o", str(tmp_path / "o.yaml")]
    result = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=20)
    assert result.returncode == 2
    assert "view.apkg" in result.stderr and "Traceback" not in result.stderr


def test_a_zip_bomb_is_refused_before_extraction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    apkg = package(tmp_path / "bomb.apkg", data=bytes(64 * 1024 * 1024))
    assert apkg.stat().st_size < 200_000
    extracted: list[str] = []
    real_extract = zipfile.ZipFile.extract

    def spy(self: zipfile.ZipFile, member: object, *args: object, **kwargs: object) -> str:
        extracted.append(str(member))
        return real_extract(self, member, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "extract", spy)
    code, err = run_import(tmp_path, apkg, capsys)
    assert code == 2 and "bomb.apkg" in err
    assert not extracted
    assert "compress" in err


MODELS = {
    "not JSON": "{not json",
    "a JSON list": "[1, 2, 3]",
    "a non-numeric key": '{"abc": {"type": 0, "flds": [], "tmpls": []}}',
    "nested 100k deep": "[" * 100_000 + "]" * 100_000,
    "a model that is a string": '{"1": "basic"}',
}


@pytest.mark.parametrize("case", sorted(MODELS))
def test_malformed_models_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    apkg = package(tmp_path / "bad.apkg", collection(tmp_path / "c.anki2", models=MODELS[case]))
    code, err = run_import(tmp_path, apkg, capsys)
    assert code == 2
    assert err.count("\n") == 1 and "bad.apkg" in err


def test_a_note_with_a_non_numeric_type_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes: list[tuple[object, object, str, str]] = [(1, "abc", "f\x1fb", ""), (2, 1, "F\x1fB", "")]
    apkg = package(tmp_path / "mid.apkg", collection(tmp_path / "c.anki2", notes=notes))
    code, err = run_import(tmp_path, apkg, capsys)
    assert code == 0
    assert "mid.apkg note 1" in err and "imported 1 cards" in err


def _stored(tmp_path: Path) -> Path:
    db = collection(tmp_path / "c.anki2")
    return package(tmp_path / "member.apkg", db, compression=zipfile.ZIP_STORED)


@pytest.mark.parametrize("damage", ["encrypted", "bad CRC", "unsupported compression"])
def test_broken_zip_members_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    apkg = _stored(tmp_path)
    if damage == "encrypted":
        patch_member(apkg, flags=1)
    elif damage == "bad CRC":
        corrupt_first_member(apkg)
    else:
        patch_member(apkg, method=99)
    code, err = run_import(tmp_path, apkg, capsys)
    assert code == 2
    assert err.count("\n") == 1 and "member.apkg" in err


def test_the_crafted_package_helper_makes_a_readable_package(tmp_path: Path) -> None:
    """The crafting helpers themselves: undamaged, the package imports one note."""
    apkg = _stored(tmp_path)
    assert [(n.front, n.back) for n in read_any(apkg).notes] == [("front", "back")]
    assert zlib.crc32(b"") == 0


def test_unclosed_cloze_openings_are_text(tmp_path: Path) -> None:
    """Thousands of `{{c1::` without a closing `}}` (a regex with a lazy group rescans the
    field from every one of them) import as one plain card."""
    source = tmp_path / "clozes.csv"
    source.write_text("front,back\n" + "{{c1::" * 15_000 + ",answer\n{{c1::a}} b,c\n")
    notes = read_any(source).notes
    assert [n.kind for n in notes] == ["basic", "cloze"]
    assert notes[0].front == "{{c1::" * 15_000 and notes[1].front == "{{a}} b"


def test_html_fields_decode_entities_once_and_drop_script_code() -> None:
    from quizapp.interop.importers import html_to_text

    text, _media = html_to_text("AT&amp;amp;T <script>alert('x')</script><style>b{}</style>ok")
    assert text == "AT&amp;T ok"
