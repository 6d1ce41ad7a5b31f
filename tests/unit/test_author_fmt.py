"""`quizapp fmt`: ids added, keys ordered, comments kept, check mode, never writes invalid decks."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.authoring.fmt import format_files, format_text
from quizapp.cli import main
from quizapp.decks import load_decks

MESSY = """\
# Deck about AQIM
cards:
  # first card
  - question: "When was AQIM founded?"   # inline note
    kind: basic
    answer: 2007
    category: date
    source:
      quote: AQIM was founded in 2007.
      doc: aqim.md
  - id: gspc
    text: >-
      The {{GSPC}} became AQIM
      in 2007.
    kind: cloze
    category: group
    source: {doc: aqim.md, quote: "The GSPC became AQIM"}
title: AQIM
"""


def test_format_adds_ids_orders_keys_and_keeps_comments() -> None:
    text, added = format_text(MESSY, "aqim.yaml", set())
    assert len(added) == 1 and added[0].startswith("when-was-aqim-founded-")
    lines = text.splitlines()
    assert lines[:3] == ["# Deck about AQIM", "title: AQIM", "cards:"]
    assert "# first card" in text and "# inline note" in text and "text: >-" in text
    first = [line.strip().split(":")[0] for line in lines[4:12]]
    assert first == ["- id", "kind", "category", "question", "answer", "source", "doc", "quote"]
    again, added_again = format_text(text, "aqim.yaml", set(added))
    assert again == text and added_again == []


def test_ids_are_stable_and_unique_across_files() -> None:
    _, a = format_text(MESSY, "a.yaml", set())
    _, b = format_text(MESSY, "b.yaml", set())
    assert a == b  # same content, same id when nothing else is taken
    _, c = format_text(MESSY, "c.yaml", set(a))
    assert c != a and c[0].startswith(a[0])


def test_files_are_written_only_when_valid(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(MESSY)
    bad = tmp_path / "bad.yaml"
    bad.write_text(MESSY.replace("category: group", "category: nonsense"))
    results = {r.path.name: r for r in format_files([tmp_path], write=True)}
    assert results["good.yaml"].changed and not results["good.yaml"].problems
    assert results["bad.yaml"].problems and bad.read_text() == MESSY.replace(
        "category: group", "category: nonsense"
    )
    assert len(set(results["good.yaml"].added_ids) | set(results["bad.yaml"].added_ids)) == 2
    deck_set = load_decks([good])
    assert not deck_set.problems and deck_set.card_count == 2


def test_check_mode_exits_one_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "aqim.yaml"
    deck.write_text(MESSY)
    assert main(["fmt", "--check", str(deck)]) == 1
    assert deck.read_text() == MESSY
    assert main(["fmt", str(deck)]) == 0
    assert main(["fmt", "--check", str(deck)]) == 0
    assert "already formatted" in capsys.readouterr().err


def test_not_a_deck_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "x.yaml"
    deck.write_text("- just\n- a list\n")
    assert main(["fmt", str(deck)]) == 2
    assert "not a deck" in capsys.readouterr().err
    deck.write_text("title: [unclosed\n")
    assert main(["fmt", str(deck)]) == 2
    assert "not valid YAML" in capsys.readouterr().err


SECTIONS = """\
title: T
cards:
  - id: a
    kind: typed
    category: date
    question: Q1
    answer: A1
    source:
      quote: q
      doc: d
    # about aliases
    aliases:
      - one
      - two
  # Section two
  - id: b
    kind: basic
    category: date
    question: Q2
    answer: A2
    source: {doc: d, quote: q}
    explanation: why  # trailing
  # Section three
  - id: c
    kind: basic
    category: date
    question: Q3
    answer: A3
    source: {doc: d, quote: q}
"""


def test_comments_stay_above_what_they_describe_when_keys_move() -> None:
    text, _ = format_text(SECTIONS, "t.yaml", set())
    lines = [line.strip() for line in text.splitlines()]
    assert lines.index("# about aliases") == lines.index("aliases:") - 1
    assert lines.index("# Section two") == lines.index("- id: b") - 1
    assert lines.index("# Section three") == lines.index("- id: c") - 1
    assert lines.index("explanation: why  # trailing") < lines.index("- id: c")
    assert format_text(text, "t.yaml", set())[0] == text
