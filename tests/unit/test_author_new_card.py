"""`quizapp new-card`: flags, validation before writing, ids unique across the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.authoring.newcard import NewCard, add_card
from quizapp.cli import main
from quizapp.decks import load_decks

DECK = """\
title: AQIM  # the deck
cards:
  - id: gspc
    kind: cloze
    category: group
    text: The {{GSPC}} became AQIM.
    source: {doc: aqim.md, quote: The GSPC became AQIM.}
"""


def test_flags_append_a_valid_card_and_keep_comments(tmp_path: Path) -> None:
    deck = tmp_path / "aqim.yaml"
    deck.write_text(DECK)
    argv = ["--decks", str(tmp_path), "new-card", "--deck", str(deck), "--kind", "basic"]
    argv += ["--category", "date", "--question", "When was AQIM named?", "--answer", "2007"]
    argv += ["--doc", "aqim.md", "--quote", "AQIM was named in 2007.", "--reverse"]
    assert main(argv) == 0
    text = deck.read_text()
    assert text.startswith(DECK) and "# the deck" in text
    deck_set = load_decks([deck])
    assert not deck_set.problems
    card = deck_set.decks[0].cards[1]
    assert card.id.startswith("when-was-aqim-named-") and card.answer == "2007"  # type: ignore[union-attr]


def test_order_and_match_cards(tmp_path: Path) -> None:
    deck = tmp_path / "t.yaml"
    order = NewCard(
        "order", "date", "t.md", "q", prompt="Order", items=[("1998", "A"), ("2007", "B")]
    )
    match = NewCard("match", "person", "t.md", "q", prompt="Match", pairs=[("a", "1"), ("b", "2")])
    add_card(deck, order, title="Timeline")
    add_card(deck, match)
    deck_set = load_decks([deck])
    assert not deck_set.problems and [type(c).__name__ for c in deck_set.decks[0].cards] == [
        "OrderCard",
        "MatchCard",
    ]


def test_invalid_card_is_not_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "aqim.yaml"
    deck.write_text(DECK)
    argv = ["new-card", "--deck", str(deck), "--kind", "cloze", "--category", "group"]
    argv += ["--text", "no deletion here", "--doc", "aqim.md", "--quote", "q"]
    assert main(argv) == 2
    assert deck.read_text() == DECK
    assert "would not validate" in capsys.readouterr().err


def test_duplicate_id_and_missing_deck_are_refused(tmp_path: Path) -> None:
    deck = tmp_path / "aqim.yaml"
    deck.write_text(DECK)
    card = NewCard("basic", "date", "d", "q", question="Q", answer="A", card_id="gspc")
    with pytest.raises(Exception, match="already used"):
        add_card(deck, card, decks_dir=tmp_path)
    with pytest.raises(Exception, match="--title"):
        add_card(tmp_path / "new.yaml", card)


def test_missing_flag_without_terminal_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["new-card", "--deck", str(tmp_path / "x.yaml"), "--kind", "basic", "--category", "date"]
    assert main(argv) == 2
    assert "--question is required" in capsys.readouterr().err


def test_prompts_list_the_values_and_ask_again_after_a_typo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "aqim.yaml"
    deck.write_text(DECK)
    answers = iter(["basc", "basic", "dat", "date", "When was AQIM named?", "2007"])
    prompts: list[str] = []

    def fake_input(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", fake_input)
    argv = ["--decks", str(tmp_path), "new-card", "--deck", str(deck)]
    argv += ["--doc", "aqim.md", "--quote", "AQIM was named in 2007."]
    assert main(argv) == 0
    assert prompts[0].startswith("kind (basic, cloze, choice") and prompts[1] == prompts[0]
    assert "date, name, person" in prompts[2]
    err = capsys.readouterr().err
    assert "unknown kind 'basc': did you mean 'basic'?" in err
    assert "unknown category 'dat': did you mean 'date'?" in err
    assert load_decks([deck]).decks[0].cards[1].answer == "2007"  # type: ignore[union-attr]


def test_warns_about_a_missing_document_a_quote_not_in_it_and_a_duplicate_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "aqim.yaml"
    deck.write_text(DECK)
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "aqim.md").write_text("The GSPC became AQIM. AQIM was named in 2007.")
    base = ["--decks", str(tmp_path), "new-card", "--deck", str(deck), "--kind", "basic"]
    base += ["--category", "date", "--answer", "2007"]
    assert main([*base, "--question", "Q1?", "--doc", "missing.md", "--quote", "x"]) == 0
    assert "warning: source document 'missing.md' not found" in capsys.readouterr().err
    assert main([*base, "--question", "Q2?", "--doc", "aqim.md", "--quote", "Not there."]) == 0
    assert "warning: quote not found in 'aqim.md'" in capsys.readouterr().err
    quote = "AQIM was named in 2007."
    assert main([*base, "--question", "q2", "--doc", "aqim.md", "--quote", quote]) == 0
    err = capsys.readouterr().err
    assert "warning: the deck already asks this question" in err and "not found" not in err
