"""A deck's `retired:` list: read, checked against the loaded decks, and followed to the end."""

from __future__ import annotations

from pathlib import Path

from quizapp.decks import load_decks

CARD = """
  - id: {id}
    category: concept
    question: Q {id}?
    answer: A
    source: {{doc: d.txt, quote: A sentence.}}
"""


def write_deck(folder: Path, name: str, cards: list[str], retired: str = "") -> None:
    text = "title: T\ncards:\n" + "".join(CARD.format(id=c) for c in cards) + retired
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


def test_retired_ids_map_to_their_replacements_through_chains(tmp_path: Path) -> None:
    retired = (
        "retired:\n"
        "  - {id: a, by: b, reason: merged into b}\n"
        "  - {id: b, by: c, reason: merged into c}\n"
    )
    write_deck(tmp_path, "one", ["c"], retired)
    loaded = load_decks([tmp_path])
    assert loaded.problems == ()
    assert loaded.retired == {"a": "c", "b": "c"}


def test_a_retired_id_still_in_use_or_replaced_by_nothing_is_reported(tmp_path: Path) -> None:
    retired = (
        "retired:\n"
        "  - {id: live, by: other, reason: x}\n"
        "  - {id: gone, by: nowhere, reason: x}\n"
        "  - {id: gone, by: nowhere, reason: twice}\n"
        "  - {id: bad, by: other}\n"
        "  - {id: worse, by: other, reason: x, extra: 1}\n"
    )
    write_deck(tmp_path, "one", ["live", "other"], retired)
    messages = [(p.card_id, p.field, p.message) for p in load_decks([tmp_path]).problems]
    assert ("live", "retired", "retired id 'live' is still a card") in messages
    assert ("gone", "retired", "retired id 'gone' is replaced by 'nowhere', which no deck has") in (
        messages
    )
    assert any("retired twice" in m for _, _, m in messages)
    assert any(f == "reason" and "missing field" in m for _, f, m in messages)
    assert any(f == "extra" and "unknown field" in m for _, f, m in messages)


def test_retired_must_be_a_list(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", ["c"], "retired: {a: b}\n")
    problems = load_decks([tmp_path]).problems
    line = 1 + (tmp_path / "one.yaml").read_text(encoding="utf-8").splitlines().index(
        "retired: {a: b}"
    )
    assert [(p.field, p.line) for p in problems] == [("retired", line)]
