"""`quizapp validate` and the command line as scripts use them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quizapp import cli
from quizapp.decks.schema import deck_schema_json

DATA = Path(__file__).parents[1] / "data"
ROOT = Path(__file__).parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_deck_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", "--sources", str(DATA / "good"))
    assert code == 0
    assert out == ""
    assert "ok: 1 deck, 7 cards" in err


def test_problems_exit_one_with_located_lines(capsys: pytest.CaptureFixture[str]) -> None:
    bad = DATA / "bad" / "unknown_field.yaml"
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 1
    assert f"{bad}:5:5: card typo: unknown field 'anwser' (did you mean 'answer'?)" in out
    assert "2 problems" in err


def test_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--json", str(DATA / "bad" / "duplicate_id.yaml"))
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    assert report["cards"] == 1
    (problem,) = report["problems"]
    assert problem["line"] == 4 and problem["column"] == 6
    assert problem["card_id"] == "same" and problem["field"] == "id"
    assert set(problem) == {
        "file",
        "line",
        "column",
        "message",
        "card_id",
        "fact_id",
        "field",
        "hint",
    }


def test_decks_option_is_the_default_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--decks", str(DATA / "good"), "validate")
    assert code == 0 and "1 deck" in err


def test_sources_check_finds_bad_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(DATA / "good", tmp_path / "decks")
    deck = tmp_path / "decks" / "all-kinds.yaml"
    text = deck.read_text().replace("led the group.", "led the army.")
    text = text.replace('doc: sample.txt, quote: "In Sept', 'doc: missing.txt, quote: "In Sept', 1)
    deck.write_text(text)
    code, out, _ = run(capsys, "validate", "--sources", str(tmp_path / "decks"))
    assert code == 1
    lines = out.splitlines()
    assert any("card gspc-union-cloze: source document 'missing.txt' not found" in x for x in lines)
    assert any("card aqim-leader: quote not found in 'sample.txt'" in x for x in lines)
    code, _, _ = run(capsys, "validate", str(tmp_path / "decks"))
    assert code == 0, "without --sources quotes are not checked"


@pytest.mark.parametrize("doc", ["../secret.txt", "/etc/passwd"])
def test_source_doc_must_stay_inside_sources(
    doc: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "d.yaml").write_text(
        "title: T\ncards:\n"
        "  - {id: a, question: q, answer: a, category: date,"
        f" source: {{doc: '{doc}', quote: q}}}}\n"
    )
    code, out, _ = run(capsys, "validate", "--sources", str(tmp_path))
    assert code == 1 and "must be a file name under sources/" in out


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as top:
        cli.main(["--help"])
    assert top.value.code == 0
    assert "--decks" in capsys.readouterr().out
    for name in cli.COMMAND_MODULES:
        with pytest.raises(SystemExit) as done:
            cli.main([name.replace("_", "-"), "--help"])
        assert done.value.code == 0
        assert "usage: quizapp" in capsys.readouterr().out


def test_committed_schema_matches_the_model() -> None:
    committed = (ROOT / "docs" / "deck.schema.json").read_text()
    assert committed == deck_schema_json(), (
        "docs/deck.schema.json is stale: run `quizapp schema > docs/deck.schema.json`"
    )


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    # a student's own deck: id, category and source may be left out
    assert schema["$defs"]["BasicCard"]["required"] == ["question", "answer"]
    assert "kind" in schema["$defs"]["ChoiceCard"]["required"]
    assert set(schema["$defs"]["Category"]["enum"]) >= {
        "date",
        "name",
        "merger",
        "designation",
        "place",
        "figure",
        "concept",
    }


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ("    answer: Paris: France\n", "4:18"),
        ("    answer: x\n    source: {doc: a.md, quote: The GSPC, founded in 1998, grew.}\n", "5:"),
    ],
)
def test_an_unquoted_colon_or_comma_gets_the_hint_to_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, where: str
) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text("title: T\ncards:\n  - question: Where?\n" + value, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(deck))
    assert code == 1 and f"d.yaml:{where}" in out
    assert "must be quoted" in out
