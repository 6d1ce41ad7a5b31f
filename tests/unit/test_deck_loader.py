"""The loader: good decks become models, every kind of bad input becomes located problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.decks import Problem, load_deck_text, load_decks
from quizapp.model import (
    BasicCard,
    Category,
    ChoiceCard,
    ClozeCard,
    MatchCard,
    OrderCard,
    Status,
    TypedCard,
    units_of,
)

DATA = Path(__file__).parents[1] / "data"
BAD = DATA / "bad"


def load_text(text: str | bytes) -> tuple[object, list[Problem]]:
    data = text.encode() if isinstance(text, str) else text
    return load_deck_text(data, "deck.yaml", "deck")


def only_problem(text: str | bytes) -> Problem:
    _, problems = load_text(text)
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_good_deck_loads_every_kind() -> None:
    deck_set = load_decks([DATA / "good"], check_sources=True)
    assert deck_set.problems == ()
    (deck,) = deck_set.decks
    assert deck.id == "all-kinds"
    assert deck.tags == ("sample",)
    kinds = [type(card) for card in deck.cards]
    assert kinds == [BasicCard, BasicCard, ClozeCard, ChoiceCard, TypedCard, OrderCard, MatchCard]
    founder = deck_set.card("gspc-founder")
    assert isinstance(founder, BasicCard) and founder.reverse is True
    assert founder.category is Category.PERSON
    acronyms = deck_set.card("aqim-acronyms")
    assert isinstance(acronyms, MatchCard)
    assert acronyms.revision == 2 and acronyms.status is Status.GENERATED
    assert [u.uid for u in units_of(founder, deck.id)] == ["gspc-founder", "gspc-founder/reverse"]
    cloze = deck_set.card("gspc-union-cloze")
    assert [u.uid for u in units_of(cloze, deck.id)] == [
        "gspc-union-cloze/c1",
        "gspc-union-cloze/c2",
    ]
    assert len(deck_set.units()) == 9


@pytest.mark.parametrize(
    ("yaml_value", "expected"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("2007", "2007"),
        ("2016-03-13", "2016-03-13"),
        ("1.50", "1.50"),
        ("0x1F", "0x1F"),
        ("~", "~"),
        ("null", "null"),
        ("'007'", "007"),
        ('"[bold]red[/bold]"', "[bold]red[/bold]"),
        ("[bold]red[/bold]", None),
    ],
)
def test_scalars_stay_text_as_written(yaml_value: str, expected: str | None) -> None:
    text = (
        "title: T\ncards:\n  - id: a\n    question: q\n"
        f"    answer: {yaml_value}\n    category: date\n"
        "    source: {doc: d.txt, quote: q}\n"
    )
    deck, problems = load_text(text)
    if expected is None:
        # Unquoted, brackets start a flow sequence: a syntax error, reported, never coerced.
        assert problems and "YAML syntax error" in problems[0].message
        return
    assert problems == []
    assert deck.cards[0].answer == expected  # type: ignore[attr-defined]


def test_plain_question_answer_card_is_basic() -> None:
    deck, problems = load_text(
        "title: T\ncards:\n- {id: a, question: q, answer: a, category: name,"
        " source: {doc: d, quote: q}}\n"
    )
    assert problems == []
    assert isinstance(deck.cards[0], BasicCard)  # type: ignore[attr-defined]


# (fixture, line, column, message fragment, hint fragment or None)
BAD_CASES = [
    ("syntax_error.yaml", 6, 1, "quoted scalar that started at line 4, column 15", None),
    ("tab_indent.yaml", 3, 1, "YAML syntax error", "spaces, not tabs"),
    ("duplicate_id.yaml", 4, 6, "duplicate id 'same' (first at line 3)", "id of its own"),
    ("missing_field.yaml", 3, 5, "missing field 'answer'", None),
    ("unknown_field.yaml", 5, 5, "unknown field 'anwser'", "did you mean 'answer'?"),
    ("wrong_type.yaml", 5, 5, "field 'answer' must be text, not a list", None),
    ("unknown_kind.yaml", 4, 5, "unknown kind 'clozee'", "did you mean 'cloze'?"),
    ("empty.yaml", 1, 1, "the file is empty", None),
    ("top_level_list.yaml", 1, 1, "must be a mapping with 'title' and 'cards', not a list", None),
    ("non_utf8.yaml", 1, 11, "not UTF-8 text", "save the file as UTF-8"),
    ("python_tag.yaml", 1, 8, "tag 'tag:yaml.org,2002:python/object/apply:os.system'", None),
    ("billion_laughs.yaml", 2, 4, "anchor '&a' is not allowed", "in full"),
    ("duplicate_key.yaml", 5, 5, "field 'question' appears twice (first at line 4)", None),
    ("two_documents.yaml", 3, 1, "more than one YAML document", None),
    ("unknown_category.yaml", 3, 37, "unknown category 'persn'", "did you mean 'person'?"),
    ("bad_order_date.yaml", 8, 9, "'March 2008' is not a date", "YYYY-MM-DD"),
    ("cloze_without_deletion.yaml", 3, 26, "at least one {{deletion}}", None),
    ("choices_without_answer.yaml", 7, 5, "'choices' must include the answer", None),
    ("bad_id.yaml", 3, 6, "id 'has space' is not a valid card id", None),
    ("not_a_card.yaml", 3, 5, "a card must be a mapping of fields, not text", None),
    ("cards_not_a_list.yaml", 2, 1, "'cards' must be a list of cards, not a mapping", None),
    ("missing_kind.yaml", 3, 5, "missing field 'kind'", "one of basic"),
]


@pytest.mark.parametrize(("name", "line", "column", "message", "hint"), BAD_CASES)
def test_bad_input_is_reported_with_its_position(
    name: str, line: int, column: int, message: str, hint: str | None
) -> None:
    deck_set = load_decks([BAD / name])
    matching = [p for p in deck_set.problems if message in p.message]
    assert matching, [p.format() for p in deck_set.problems]
    first = matching[0]
    assert (first.line, first.column) == (line, column), first.format()
    assert first.file == str(BAD / name)
    if hint is not None:
        assert first.hint is not None and hint in first.hint
    assert first.format().startswith(f"{BAD / name}:{line}:{column}: ")


def test_every_bad_fixture_has_a_case() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(case[0] for case in BAD_CASES)


def test_problem_names_the_card() -> None:
    problem = load_decks([BAD / "unknown_field.yaml"]).problems[-1]
    assert problem.card_id == "typo"
    assert problem.field == "anwser"
    assert ": card typo: unknown field 'anwser'" in problem.format()


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = (
        "title: T\nsubtitle: x\ncards:\n"
        "  - {id: a, kind: basic, question: q, category: nope, source: {doc: d, quote: q}}\n"
        "  - {id: b, kind: typed, question: q, answer: a, aliases: x, category: name,"
        " source: {doc: d}}\n"
        "  - {id: c, question: q, answer: a, category: date, source: {doc: d, quote: q}}\n"
    )
    deck, problems = load_text(text)
    messages = [p.message for p in problems]
    assert messages == [
        "unknown deck field 'subtitle'",
        "missing field 'answer'",
        "unknown category 'nope'",
        "field 'aliases' must be a list, not text",
        "source is missing 'quote'",
    ]
    assert [card.id for card in deck.cards] == ["c"]  # type: ignore[attr-defined]


def test_duplicate_ids_across_decks(tmp_path: Path) -> None:
    card = "  - {id: shared, question: q, answer: a, category: date, source: {doc: d, quote: q}}\n"
    (tmp_path / "a.yaml").write_text("title: A\ncards:\n" + card)
    (tmp_path / "b.yaml").write_text("title: B\ncards:\n" + card)
    deck_set = load_decks([tmp_path])
    (problem,) = deck_set.problems
    assert problem.file == str(tmp_path / "b.yaml")
    assert "duplicate id 'shared' (also in" in problem.message
    assert [len(d.cards) for d in deck_set.decks] == [1, 0]


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'title: !!python/object/apply:os.system ["touch {marker}"]\ncards: []\n'
    deck, problems = load_text(text)
    assert deck is None and "not allowed" in problems[0].message
    assert not marker.exists()


@pytest.fixture
def events_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many YAML events the reader has pulled from the parser (one count per parse)."""
    from quizapp.decks import reader

    counts: list[int] = []
    real = reader._Parser

    class CountingParser:
        def __init__(self, text: str) -> None:
            self._parser = real(text)
            counts.append(0)

        def get_event(self) -> object:
            counts[-1] += 1
            return self._parser.get_event()

        def dispose(self) -> None:
            self._parser.dispose()

    monkeypatch.setattr(reader, "_Parser", CountingParser)
    return counts


@pytest.mark.parametrize("style", ["flow", "block"])
def test_absurd_nesting_is_refused_early(style: str, events_read: list[int]) -> None:
    """Refused at the line it starts, after a bounded number of events, not one per level.

    Whichever check fires first (ours at MAX_DEPTH, or libyaml's own limit in newer releases),
    the deck is refused with a position before the reader walks the input.
    """
    from quizapp.decks.reader import MAX_DEPTH

    depth = 200_000
    if style == "flow":
        text = "title: T\ncards: " + "[" * depth + "]" * depth + "\n"
    else:
        text = "title: T\ncards:\n" + "".join(" " * i + "-\n" for i in range(2000))
    deck, problems = load_text(text)
    assert deck is None
    assert len(problems) == 1 and problems[0].line >= 2
    assert events_read and max(events_read) <= 2 * MAX_DEPTH + 10


def test_alias_bomb_is_refused_early(events_read: list[int]) -> None:
    deck, problems = load_text((BAD / "billion_laughs.yaml").read_bytes())
    assert deck is None and "anchor" in problems[0].message
    assert max(events_read) < 50


def test_oversized_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quizapp.decks.reader.MAX_BYTES", 100)
    problem = only_problem("title: T\ncards: []\n" + "#" * 200)
    assert "decks are limited to" in problem.message


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    deck_set = load_decks([tmp_path / "nope"])
    assert deck_set.problems[0].message == "no such file or folder"


def test_sources_folder_and_hidden_files_are_not_decks(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "meta.yaml").write_text("title: not a deck\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.yaml").write_text("nope: [")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.yaml").write_text("title: D\ncards: []\n")
    deck_set = load_decks([tmp_path])
    assert deck_set.problems == ()
    assert [d.id for d in deck_set.decks] == ["sub/d"]
