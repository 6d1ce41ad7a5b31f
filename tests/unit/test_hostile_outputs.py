"""Files quizapp writes are safe to open: no formulas, no HTML or Markdown structure from input,
written atomically, through symlinks, never over an existing file without --force."""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import DECKS, HANDINS, copy_decks

from quizapp import cli

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def dangerous_cells(text: str) -> list[str]:
    return [
        cell
        for row in csv.reader(io.StringIO(text))
        for cell in row
        if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell)
    ]


def test_export_csv_neutralises_formulas(tmp_path: Path) -> None:
    out = tmp_path / "cards.csv"
    assert cli.main(["export", "--format", "csv", "-o", str(out), str(DECKS)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "+cmd|' /C calc'!A0" in text
    assert dangerous_cells(text) == []


def test_report_csv_neutralises_formulas_and_keeps_numbers(tmp_path: Path) -> None:
    out = tmp_path / "class.csv"
    assert cli.main(["report", "--quiet", "--csv", str(out), str(HANDINS)]) == 0
    text = out.read_text(encoding="utf-8")
    assert dangerous_cells(text) == []
    rows = list(csv.DictReader(io.StringIO(text)))
    assert any(row["students"] == "2" for row in rows), "numbers stay numbers"


def test_csv_export_round_trips_through_import(tmp_path: Path) -> None:
    from quizapp.decks import load_decks

    exported = tmp_path / "cards.csv"
    assert cli.main(["export", "--format", "csv", "-o", str(exported), str(DECKS)]) == 0
    back = tmp_path / "decks" / "back.yaml"
    back.parent.mkdir()
    assert cli.main(["--decks", str(back.parent), "import", str(exported), "-o", str(back)]) == 0
    cards = {c.id: c for c in load_decks([DECKS]).decks[0].cards}
    imported = load_decks([back]).decks[0].cards
    questions = {getattr(c, "question", None) for c in imported}
    assert cards["h-formula"].question in questions  # type: ignore[attr-defined]
    answers = {getattr(c, "answer", None) for c in imported}
    assert cards["h-markup"].answer in answers  # type: ignore[attr-defined]


def test_markdown_export_escapes_html_and_structure(tmp_path: Path) -> None:
    out = tmp_path / "sheet.md"
    assert cli.main(["export", "--format", "md", "-o", str(out), str(DECKS)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text and "<b>" not in text
    headings = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(headings) == 1 + 6, headings  # the deck, then one per card
    assert not any(line.strip() == "---" for line in text.splitlines())


def test_quiz_sheet_markdown_has_one_answer_key(tmp_path: Path) -> None:
    out = tmp_path / "quiz.md"
    assert cli.main(["quiz-sheet", "-n", "6", "--seed", "3", "-o", str(out), str(DECKS)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text
    headings = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert headings == ["# Quiz", "## Answer key"]
    assert sum(1 for line in text.splitlines() if line.strip() == "---") == 1


def test_fmt_and_new_card_write_through_a_symlink(tmp_path: Path) -> None:
    shared = tmp_path / "shared" / "deck.yaml"
    shared.parent.mkdir()
    shared.write_text(
        "title: T\ncards:\n  - question: Q?\n    answer: A\n    category: concept\n"
        "    source: {doc: d.txt, quote: q}\n"
    )
    decks = tmp_path / "decks"
    decks.mkdir()
    link = decks / "deck.yaml"
    link.symlink_to(shared)
    assert cli.main(["fmt", str(decks)]) == 0
    assert link.is_symlink() and "id: q-" in shared.read_text()
    argv = ["--decks", str(decks), "new-card", "--deck", str(link), "--kind", "basic"]
    argv += ["--category", "concept", "--question", "Q2?", "--answer", "A2"]
    argv += ["--doc", "d.txt", "--quote", "q"]
    assert cli.main(argv) == 0
    assert link.is_symlink() and "Q2?" in shared.read_text()


def _limited(limit: int) -> None:
    """In the child: files cannot grow past `limit` bytes (a full disk, without the disk)."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_leaves_no_partial_output(tmp_path: Path) -> None:
    env = {**os.environ, "QUIZAPP_DATA_DIR": str(tmp_path / "data")}
    targets = {
        "report.html": ["report", "--quiet", "--html", "{out}", str(HANDINS)],
        "cards.apkg": ["export", "--format", "apkg", "-o", "{out}", str(DECKS)],
        "sheet.md": ["export", "--format", "md", "-o", "{out}", str(DECKS)],
    }
    for name, template in targets.items():
        out = tmp_path / name
        argv = [arg.replace("{out}", str(out)) for arg in template]
        result = subprocess.run(
            [sys.executable, "-m", "quizapp", "--no-cache", *argv],
            capture_output=True, text=True, env=env, preexec_fn=lambda: _limited(1000),
        )  # fmt: skip
        assert result.returncode == 2, (name, result.stderr)
        assert "Traceback" not in result.stderr
        assert not out.exists(), f"{name}: a partial file was left behind"
        assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(f".{name}")]


def test_report_outputs_need_force_to_replace_a_file(tmp_path: Path) -> None:
    for flag in ("--csv", "--html"):
        target = tmp_path / f"existing{flag}"
        target.write_text("keep me")
        assert cli.main(["report", "--quiet", flag, str(target), str(HANDINS)]) == 2
        assert target.read_text() == "keep me"
        assert cli.main(["report", "--quiet", "--force", flag, str(target), str(HANDINS)]) == 0
        assert target.read_text() != "keep me"


CRLF_DECK = (
    '\ufefftitle: "Caf\\u00e9 deck"\r\n'
    "cards:\r\n"
    '  - question: "Qui a fond\\u00e9 le groupe ?"\r\n'
    "    answer: Hattab\r\n"
    "    category: person\r\n"
    "    explanation: {long}\r\n"
    '    source: {{doc: d.txt, quote: "Il a fond\\u00e9 le groupe."}}\r\n'
)


def test_fmt_keeps_line_endings_bom_escapes_and_long_lines(tmp_path: Path) -> None:
    long = " ".join(["word"] * 1200)  # ~6,000 characters on one line
    deck = tmp_path / "deck.yaml"
    deck.write_bytes(CRLF_DECK.format(long=long).encode("utf-8"))
    assert cli.main(["fmt", str(deck)]) == 0
    data = deck.read_bytes()
    text = data.decode("utf-8")
    assert "id: " in text, "fmt added the missing id"
    assert data.startswith(b"\xef\xbb\xbf"), "the BOM is kept"
    assert text.count("\n") == text.count("\r\n"), "every line still ends in CRLF"
    assert "Caf\\u00e9" in text and "fond\\u00e9" in text, "escapes are kept as written"
    assert f"explanation: {long}\r\n" in text, "a long line is not wrapped"


def test_an_interrupted_fmt_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decks = copy_decks(tmp_path / "decks")
    deck = decks / "markup.yaml"
    deck.write_text(deck.read_text().replace("  - id: h-markup\n    kind", "  - kind"))
    before = deck.read_bytes()

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    monkeypatch.setattr(os, "rename", killed)
    assert cli.main(["fmt", str(decks)]) == 130
    assert deck.read_bytes() == before
    assert sorted(p.name for p in decks.iterdir()) == ["markup.yaml", "sources"]


def test_new_card_keeps_the_files_line_endings_bom_and_escapes(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    text = CRLF_DECK.format(long="short").replace("  - question", "  - id: q1\r\n    question")
    deck.write_bytes(text.encode("utf-8"))
    argv = ["--decks", str(tmp_path), "new-card", "--deck", str(deck), "--kind", "basic"]
    argv += ["--category", "concept", "--question", "Q2?", "--answer", "A2"]
    argv += ["--doc", "d.txt", "--quote", "q"]
    assert cli.main(argv) == 0
    data = deck.read_bytes().decode("utf-8")
    assert data.startswith("\ufeff") and "Q2?" in data
    assert data.count("\n") == data.count("\r\n")
    assert "Caf\\u00e9" in data and "fond\\u00e9" in data


def test_generate_merging_into_a_deck_keeps_its_style(tmp_path: Path) -> None:
    from hostile_corpus import DOCUMENTS

    deck = tmp_path / "drafts.yaml"
    assert cli.main(["generate", str(DOCUMENTS / "markup.md"), "-o", str(deck)]) == 0
    styled = "\ufeff" + deck.read_text(encoding="utf-8").replace("\n", "\r\n")
    deck.write_bytes(styled.encode("utf-8"))
    assert cli.main(["generate", str(DOCUMENTS / "markup.md"), "-o", str(deck)]) == 0
    data = deck.read_bytes().decode("utf-8")
    assert data.startswith("\ufeff") and data.count("\n") == data.count("\r\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts.yaml"]
