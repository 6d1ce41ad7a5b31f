"""Browse search: words, filters, state lookups only for survivors."""

from quizapp.model.cards import BasicCard, Category, Source
from quizapp.model.units import StudyUnit
from quizapp.quiz.search import parse_query, search

SRC = Source(doc="d", quote="q")


def unit(cid: str, deck: str, category: Category, question: str, tags: tuple[str, ...] = ()):
    card = BasicCard(
        id=cid, category=category, source=SRC, question=question, answer="a", tags=tags
    )
    return StudyUnit(cid, card, deck)


UNITS = [
    unit("a", "groups", Category.GROUP, "Who leads Hezbollah?", ("levant",)),
    unit("b", "groups", Category.DATE, "When was Hamas founded?", ("levant", "dates")),
    unit("c", "history/dates", Category.DATE, "When was the Madrid bombing?"),
]


def ids(query: str, **kwargs: object) -> list[str]:
    return [u.uid for u in search(UNITS, parse_query(query), **kwargs)]  # type: ignore[arg-type]


def test_words_are_lenient() -> None:
    assert ids("HEZBOLLAH") == ["a"]
    assert ids("when founded") == ["b"]
    assert ids("") == ["a", "b", "c"]


def test_filters() -> None:
    assert ids("tag:lev") == ["a", "b"]
    assert ids("cat:date") == ["b", "c"]
    assert ids("deck:history") == ["c"]
    assert ids("cat:date tag:dates") == ["b"]
    assert parse_query("state:new foo").filters == {"state": "new"}


def test_state_is_asked_only_for_matches() -> None:
    asked: list[str] = []

    def state_of(uid: str) -> str:
        asked.append(uid)
        return "review" if uid == "c" else "new"

    assert ids("cat:date state:rev", state_of=state_of) == ["c"]
    assert asked == ["b", "c"]
    assert ids("", limit=2) == ["a", "b"]
