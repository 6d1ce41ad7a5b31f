"""Printable quizzes: every kind, reproducible by seed, answer key correct."""

from __future__ import annotations

from pathlib import Path

import pytest
from instructor_fixtures import sample_deck

from quizapp.cli import main
from quizapp.quizsheet.build import LETTERS, build_quiz
from quizapp.quizsheet.render import to_html, to_markdown


def test_same_seed_same_quiz_other_seed_differs() -> None:
    deck = sample_deck()
    first = build_quiz([deck], 7, seed=3)
    assert first == build_quiz([deck], 7, seed=3)
    assert any(build_quiz([deck], 7, seed=s) != first for s in range(4, 10))


def test_every_kind_appears_and_count_is_capped() -> None:
    questions = build_quiz([sample_deck()], 6, seed=1)
    assert sorted(q.kind for q in questions) == [
        "basic",
        "choice",
        "cloze",
        "match",
        "order",
        "typed",
    ]
    assert len(build_quiz([sample_deck()], 50, seed=1)) == 7


def test_answer_key_matches_the_options() -> None:
    for seed in range(20):
        for q in build_quiz([sample_deck()], 7, seed=seed):
            if q.kind == "choice":
                letter, _, text = q.answer.partition(") ")
                assert q.options[LETTERS.index(letter)] == text == "Algeria"
            if q.kind == "match":
                pairs = dict(item.split("-") for item in q.answer.split(", "))
                left = {q.lines[int(n) - 1]: q.options[LETTERS.index(x)] for n, x in pairs.items()}
                assert left == {"Droukdel": "AQIM", "Belmokhtar": "Mourabitoun"}
            if q.kind == "order":
                assert q.answer == "1998: GSPC; 2007: AQIM"
            if q.kind == "cloze":
                assert q.prompt.startswith("The [...] became [a group]")
                assert q.answer.startswith("GSPC; AQIM")


def test_renderings_put_the_key_last() -> None:
    questions = build_quiz([sample_deck()], 7, seed=5)
    md = to_markdown(questions, "Midterm", 5)
    assert md.startswith("# Midterm") and md.index("## Answer key") > md.index("**7.**")
    page = to_html(questions, "Mid <term>", 5)
    assert "Mid &lt;term&gt;" in page and page.index("Answer key") > page.index("<b>7.</b>")


def test_command_writes_sheet_and_refuses_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(
        "title: D\ncards:\n  - id: a\n    kind: basic\n    category: date\n    question: Q?\n"
        "    answer: A\n    source: {doc: s.md, quote: q}\n"
    )
    out = tmp_path / "quiz.md"
    assert main(["quiz-sheet", str(deck), "-n", "5", "--seed", "1", "-o", str(out)]) == 0
    assert "Q?" in out.read_text() and "only 1 cards" in capsys.readouterr().err
    assert main(["quiz-sheet", str(deck), "--seed", "1", "-o", str(out)]) == 2
    assert main(["quiz-sheet", str(deck), "--seed", "1", "-o", str(tmp_path / "q.pdf")]) == 2
    assert "exists" in capsys.readouterr().err


def test_choice_options_are_unique_when_choices_list_the_answer() -> None:
    import msgspec

    deck = sample_deck()
    choice = deck.cards[3]
    listed = msgspec.structs.replace(choice, choices=("Algeria", "Mali", "Niger", "Mali"))  # type: ignore[type-var]
    deck = msgspec.structs.replace(deck, cards=(listed,))
    for seed in range(10):
        (question,) = build_quiz([deck], 1, seed=seed)
        assert sorted(question.options) == ["Algeria", "Mali", "Niger"]
