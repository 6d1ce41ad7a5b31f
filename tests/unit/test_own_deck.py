"""A student's own deck of a few lines loads: no id, category or source needed (issue 14)."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp import cli
from quizapp.authoring.fmt import format_files
from quizapp.decks import load_decks
from quizapp.decks.ids import derived_card_id
from quizapp.model.cards import BasicCard, Category
from quizapp.model.progress import Phase, Rating
from quizapp.model.shapes import shape_category
from quizapp.quiz.choices import DistractorIndex, choice_for_card
from quizapp.store import ProgressStore
from quizapp.study.session import StudySession

OWN = """\
title: My notes
cards:
  - question: Who founded the GSPC?
    answer: Hassan Hattab
"""

MIXED = """\
title: Mixed
cards:
  - question: When was the GSPC founded?
    answer: "1998"
  - question: When did AQIM take its name?
    answer: January 2007
  - question: When was the Arlit kidnapping?
    answer: 16 September 2010
  - question: When was the In Amenas attack?
    answer: "2013"
  - question: Who founded the GSPC?
    answer: Hassan Hattab
  - question: Who led AQIM after 2004?
    answer: Abdelmalek Droukdel
  - question: Who led the Masked Brigade?
    answer: Mokhtar Belmokhtar
  - question: Who led AQIM after Droukdel?
    answer: Abu Ubaida Yusuf al-Annabi
  - question: How many hostages were taken at In Amenas?
    answer: about 800
  - question: How many were killed at In Amenas?
    answer: "39"
  - question: How many kidnapped at Arlit?
    answer: "7"
  - question: How many fighters did AQIM have in 2012?
    answer: at least 1,000
"""


def write(folder: Path, text: str, name: str = "notes.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_five_line_deck_loads_with_derived_id_shape_category_and_no_source(
    tmp_path: Path,
) -> None:
    write(tmp_path, OWN)
    deck_set = load_decks([tmp_path])
    assert deck_set.problems == ()
    (card,) = deck_set.decks[0].cards
    assert isinstance(card, BasicCard)
    assert card.id == derived_card_id("Who founded the GSPC?")
    assert card.id.startswith("who-founded-the-gspc-")
    assert card.category is Category.NAME
    assert card.source is None


def test_derived_id_keeps_through_answer_edits_and_rewrapping_but_not_question_edits() -> None:
    base = derived_card_id("Who founded the GSPC?")
    assert derived_card_id("  Who founded\n   the GSPC? ") == base
    assert derived_card_id("Who founded the GSPC ?") != base
    assert derived_card_id("who founded the GSPC?") != base
    assert derived_card_id("Qui a fondé le GSPC à Alger?").startswith("qui-a-fonde-le-gspc-a-")


def test_an_answer_edit_keeps_the_id_a_question_edit_does_not(tmp_path: Path) -> None:
    write(tmp_path, OWN)
    before = load_decks([tmp_path]).decks[0].cards[0].id
    write(tmp_path, OWN.replace("Hassan Hattab", "Hasan Hattab"))
    assert load_decks([tmp_path]).decks[0].cards[0].id == before
    write(tmp_path, OWN.replace("founded", "created"))
    assert load_decks([tmp_path]).decks[0].cards[0].id != before


def test_fmt_writes_the_id_the_loader_derived_so_progress_survives(tmp_path: Path) -> None:
    decks, data = tmp_path / "decks", tmp_path / "data"
    path = write(decks, MIXED)
    now = datetime(2026, 3, 2, 12, tzinfo=UTC)
    derived = [c.id for c in load_decks([decks]).decks[0].cards]
    with ProgressStore.open(data) as store:
        session = StudySession.start(store, load_decks([decks]).units(), now, rng=random.Random(1))
        unit = session.next_unit(now)
        assert unit is not None
        session.answer(unit, Rating.GOOD, now, 1000)
        studied = unit.uid
    results = format_files([decks], write=True)
    assert results[0].added_ids == derived
    assert "id: " + derived[0] in path.read_text(encoding="utf-8")
    assert [c.id for c in load_decks([decks]).decks[0].cards] == derived
    with ProgressStore.open(data) as store:
        StudySession.start(store, load_decks([decks]).units(), now, rng=random.Random(1))
        assert store.state(studied).phase != Phase.NEW


def test_two_cards_with_one_question_and_no_ids_are_told_to_add_one(tmp_path: Path) -> None:
    write(tmp_path, OWN + "  - question: Who founded the GSPC?\n    answer: Hattab\n")
    problems = load_decks([tmp_path]).problems
    assert len(problems) == 1
    assert problems[0].line == 5 and "give one of them an 'id:'" in (problems[0].hint or "")


@pytest.mark.parametrize(
    ("answer", "category"),
    [
        ("1998", Category.DATE),
        ("January 2007", Category.DATE),
        ("16 September 2010", Category.DATE),
        ("2007-01-24", Category.DATE),
        ("the 1990s", Category.CONCEPT),
        ("39", Category.FIGURE),
        ("about 800", Category.FIGURE),
        ("at least 1,000 fighters", Category.FIGURE),
        ("Hassan Hattab", Category.NAME),
        ("Abu Ubaida Yusuf al-Annabi", Category.NAME),
        ("AQIM", Category.NAME),
        ("to overthrow the Algerian government", Category.CONCEPT),
    ],
)
def test_an_answers_shape_gives_its_category(answer: str, category: Category) -> None:
    assert shape_category(answer) is category


def test_choices_without_categories_come_from_answers_of_the_same_shape(tmp_path: Path) -> None:
    write(tmp_path, MIXED)
    cards = load_decks([tmp_path]).decks[0].cards
    index = DistractorIndex.from_cards(cards)
    shapes = {c.answer: shape_category(c.answer) for c in cards if isinstance(c, BasicCard)}
    for seed in range(5):
        for card in cards:
            question = choice_for_card(card, index, random.Random(seed))
            assert len(question.options) == 4
            assert {shapes.get(o, Category.DATE) for o in question.options} == {card.category}


def test_validate_sources_still_requires_a_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, OWN)
    assert cli.main(["validate", str(tmp_path)]) == 0
    capsys.readouterr()
    assert cli.main(["validate", "--sources", str(tmp_path)]) == 1
    out, _ = capsys.readouterr()
    assert "notes.yaml:3:5:" in out and "missing field 'source'" in out


def test_generated_ids_transliterate_accents_and_generate_passes_fmt_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quizapp.generate.typed.core import slug as fact_slug

    assert fact_slug("Zürich Café") == "zurich-cafe"
    doc = tmp_path / "report.txt"
    doc.write_text(
        "The Salafist Group for Preaching and Combat (GSPC) was founded in 1998 by Hassan "
        "Hattab. In January 2007 the GSPC renamed itself al-Qaeda in the Islamic Maghreb "
        "(AQIM). On 11 April 2007 AQIM bombed the Government Palace in Algiers.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.yaml"
    assert cli.main(["generate", str(doc), "-o", str(out)]) == 0
    capsys.readouterr()
    assert cli.main(["fmt", "--check", str(out)]) == 0
    assert cli.main(["validate", str(out)]) == 0
