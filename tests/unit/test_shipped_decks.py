"""The shipped AQIM course: facts with verbatim whole-sentence quotes, cards drawn from them or
naming them, no question asked twice, corrections and disputes declared, retired ids accounted for.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from quizapp.decks import DeckSet, load_decks
from quizapp.decks.plaintext import plain_text
from quizapp.decks.sources import fold, read_plain
from quizapp.facts.derive import question_of
from quizapp.facts.text import normalise
from quizapp.model.cards import Card, ChoiceCard, ClozeCard, Source, Status
from quizapp.model.facts import Fact

ROOT = Path(__file__).resolve().parents[2]
DECKS = sorted((ROOT / "decks").glob("*.yaml"))
SOURCES = ROOT / "decks" / "sources"
ORIGINALS = {"aqim-backgrounder-2014.txt", "aqim-group-profile.txt"}
# How a caveat names the source it relies on: a shipped document, or the outside record.
CITES = re.compile(
    r"backgrounder|group profile|State Department|CRS|Rewards for Justice|\.txt|outside record"
)


@pytest.fixture(scope="module")
def course() -> DeckSet:
    return load_decks([ROOT / "decks"], check_sources=True)


def cards_of(course: DeckSet) -> list[Card]:
    return [card for deck in course.decks for card in deck.cards]


def facts_of(course: DeckSet) -> list[Fact]:
    return [fact for deck in course.decks for fact in deck.facts]


def test_the_validator_finds_no_problem_in_the_shipped_decks(course: DeckSet) -> None:
    assert [problem.format() for problem in course.problems] == []
    assert len(course.decks) == len(DECKS) >= 5


def test_the_course_is_built_on_facts(course: DeckSet) -> None:
    facts = facts_of(course)
    assert len(facts) >= 120
    assert len([f for f in facts if f.disputed]) >= 5
    assert len([f for f in facts if f.caveat and CITES.search(f.caveat)]) >= 5
    assert len([f for f in facts if f.time_sensitive]) >= 5
    assert all(f.as_of for f in facts if f.time_sensitive)
    assert {type(f).__name__ for f in facts} == {
        "EventFact",
        "PersonFact",
        "GroupFact",
        "PlaceFact",
        "RelationFact",
        "DesignationFact",
        "StatementFact",
    }
    dated = [f for f in facts if f.date]
    assert len(dated) >= 40
    assert min(f.date[:4] for f in dated if f.date) < "1980"


def test_every_card_is_drawn_from_a_fact_or_names_its_facts(course: DeckSet) -> None:
    for deck in course.decks:
        ids = {fact.id for fact in deck.facts}
        for card in deck.cards:
            named = (card.fact,) if card.fact else card.facts
            assert named and set(named) <= ids, card.id
            assert card.status == Status.REVIEWED, card.id


def test_no_two_cards_ask_the_same_thing(course: DeckSet) -> None:
    """The fact layer's property (ids and questions unique, drawn ids `FACT/TEMPLATE`) holds on
    the whole shipped course, across decks too."""
    cards = cards_of(course)
    assert [i for i, n in Counter(c.id for c in cards).items() if n > 1] == []
    asked = Counter(normalise(question_of(card)) for card in cards)
    assert [q for q, n in asked.items() if n > 1] == []
    for card in cards:
        fact_id, slash, template = card.id.partition("/")
        if slash:
            assert card.fact == fact_id and template, card.id


def test_every_kind_and_category_is_used_and_choices_hold_the_answer(course: DeckSet) -> None:
    cards = cards_of(course)
    assert {type(card).__name__ for card in cards} == {
        "BasicCard",
        "ClozeCard",
        "ChoiceCard",
        "TypedCard",
        "OrderCard",
        "MatchCard",
    }
    assert {card.category.value for card in cards} >= {
        "date",
        "person",
        "group",
        "merger",
        "designation",
        "place",
        "figure",
        "objective",
    }
    for card in cards:
        if isinstance(card, ChoiceCard):
            assert card.answer in card.choices, card.id
            assert len(set(card.choices)) == len(card.choices) >= 3, card.id
        if isinstance(card, ClozeCard):
            assert re.search(r"\{\{[^}]+\}\}", card.text), card.id


def all_sources(course: DeckSet) -> list[tuple[str, Source]]:
    found = [(card.id, card.source) for card in cards_of(course)]
    found += [(fact.id, source) for fact in facts_of(course) for source in fact.sources]
    return found


def test_every_quote_is_verbatim_in_the_plain_text_of_its_source(course: DeckSet) -> None:
    texts = {path.name: read_plain(path) for path in SOURCES.glob("*.txt")}
    missing = [
        (owner, source.quote)
        for owner, source in all_sources(course)
        if source.doc not in texts or fold(source.quote) not in texts[source.doc]
    ]
    assert missing == []


def _sentence_bounds(doc: str) -> tuple[str, set[int], set[int], set[int]]:
    """A source's folded plain text, where sentences may start, and where they may end.

    A sentence starts a line (after a bullet, an opening quote or a stray mark) or follows a
    sentence end (with footnote marks such as "2" or "[73]" between); it ends at . ! ? (with
    closing quotes) or at the end of a list line (before a trailing footnote number).
    """
    lines = [fold(line) for line in plain_text((SOURCES / doc).read_text("utf-8")).splitlines()]
    lines = [line for line in lines if line]
    text = " ".join(lines)
    starts: set[int] = set()
    ends: set[int] = set()
    walls: set[int] = set()  # line breaks no sentence runs across
    at = 0
    for line in lines:
        if re.search(r"[.!?:\"]\W*\d{0,3}$", line) or len(line) < 60:
            walls.add(at + len(line))  # a finished sentence, a heading or a list item ends here
        for lead in (r"[^A-Za-z0-9\"(]*", r"[^A-Za-z0-9\"(]*\"?", r"[A-Z0-9][\w' ]{0,40}: "):
            found = re.match(lead, line)  # a bullet, a stray mark, a run-in heading ("Overview: ")
            if found:
                starts.add(at + found.end())
        starts.add(at)
        tail = re.search(r"(?: \d{1,3})?$", line)
        ends |= {at + len(line), at + (tail.start() if tail else len(line))}
        at += len(line) + 1
    for match in re.finditer(r"[.!?][\"')]*", text):
        ends |= {match.start() + 1, match.end()}
        for after in (r"(?:\d{1,3}| ?\[\d+\])* ", r" \d{1,3}(?=[A-Z])"):  # footnote marks
            found = re.match(after, text[match.end() :])
            if found:
                starts.add(match.end() + found.end())
    # "U.S. State Department": an initial's full stop starts no sentence
    starts -= {m.end() for m in re.finditer(r"\b(?:[A-Z]\.)+ ", text)}
    return text, starts, ends, walls


def test_every_quote_is_whole_sentences(course: DeckSet) -> None:
    """A quote never stops before the fact: it starts where a sentence (or a list line) starts
    and ends where one ends."""
    bounds: dict[str, tuple[str, set[int], set[int], set[int]]] = {}
    cut = []
    for owner, source in all_sources(course):
        if source.doc not in bounds:
            bounds[source.doc] = _sentence_bounds(source.doc)
        text, starts, ends, walls = bounds[source.doc]
        quote = fold(source.quote)
        at = text.find(quote)
        crosses = any(at < wall < at + len(quote) for wall in walls)
        if at not in starts or at + len(quote) not in ends or crosses:
            cut.append((owner, source.quote))
    assert cut == []


def test_no_deck_text_shows_link_syntax_or_escapes() -> None:
    for path in DECKS:
        text = path.read_text(encoding="utf-8")
        assert "](" not in text and "\\$" not in text and "[PDF]" not in text, path.name


def test_all_sources_are_cited_and_conflicts_name_both_originals(course: DeckSet) -> None:
    cited = {source.doc for _, source in all_sources(course)}
    assert cited == {path.name for path in SOURCES.glob("*.txt")}
    conflicts = [card for card in cards_of(course) if "conflict" in card.tags]
    assert len(conflicts) >= 4
    for card in conflicts:
        words = " ".join(
            str(getattr(card, name, "") or "") for name in ("question", "answer", "explanation")
        )
        assert "backgrounder" in words and "profile" in words, card.id


def test_source_metadata_beside_each_source() -> None:
    import yaml

    for path in SOURCES.glob("*.txt"):
        meta: dict[str, Any] = yaml.safe_load(path.with_suffix(".meta.yaml").read_text("utf-8"))
        assert {"title", "authors", "date", "kind"} <= set(meta), path.name
        if meta["date"] is None:
            assert meta.get("date_note"), path.name
        if path.name not in ORIGINALS:
            assert {"publisher", "address", "license"} <= set(meta), path.name


def test_the_source_errors_are_taught_as_corrections(course: DeckSet) -> None:
    """Each error the content review found is a fact whose value is corrected, whose `disputed`
    keeps the source's value, and whose caveat says why."""
    facts = {fact.id: fact for fact in facts_of(course)}
    expected = {
        "afisma-authorized-2012-12": ("what", "aqim-backgrounder-2014.txt"),
        "minusma-strength-2014-01": ("what", "aqim-backgrounder-2014.txt"),
        "arlit-kidnapping-2010-09-16": ("date", "aqim-group-profile.txt"),
        "arlit-hostages-freed-2013-10": ("date", "aqim-group-profile.txt"),
        "murabitoun-merger": ("date", "aqim-backgrounder-2014.txt"),
        "tunisia-claim-2014-06": ("date", "aqim-group-profile.txt"),
        "no-attack-on-europe-or-us": ("claim", "aqim-group-profile.txt"),
    }
    for fact_id, (field, doc) in expected.items():
        fact = facts[fact_id]
        assert any(d.field == field and d.doc == doc for d in fact.disputed), fact_id
        assert fact.caveat and CITES.search(fact.caveat), fact_id
    assert facts["murabitoun-merger"].date == "2013-08"
    assert facts["arlit-kidnapping-2010-09-16"].date == "2010-09-16"
    assert facts["tunisia-attack-2014-05-27"].date == "2014-05-27"
