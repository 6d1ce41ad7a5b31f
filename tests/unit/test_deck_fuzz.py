"""Property: whatever bytes arrive, the loader returns a deck or located problems, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.decks import Problem, load_deck_text
from quizapp.model import Deck

PIECES = list("abc:- \n\t[]{},'\"&*!|>#%@`?\\\u00e9\x00\x1b")
PIECES += ["title: ", "cards:\n", "  - ", "id: ", "question: ", "answer: ", "kind: ", "{{"]
YAMLISH = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def check_outcome(data: bytes) -> None:
    deck, problems = load_deck_text(data, "fuzz.yaml", "fuzz")
    assert deck is None or isinstance(deck, Deck)
    assert all(isinstance(p, Problem) for p in problems)
    if deck is None:
        assert problems, "a refused deck must say why"
    for problem in problems:
        assert problem.file == "fuzz.yaml" and problem.message
        assert problem.format().startswith("fuzz.yaml")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_bytes_give_a_deck_or_problems(data: bytes) -> None:
    check_outcome(data)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_yaml_like_text_gives_a_deck_or_problems(text: str) -> None:
    check_outcome(text.encode("utf-8", "surrogatepass"))


FACT_KEYS = ["id", "type", "sources", "date", "as_of", "time_sensitive", "caveat", "disputed"]
FACT_KEYS += ["what", "place", "actors", "figures", "name", "aliases", "roles", "acronym"]
FACT_KEYS += ["founders", "located_in", "relation", "from", "to", "authority", "list", "target"]
FACT_KEYS += ["action", "claim", "by", "about", "doc", "quote", "field", "value"]
FACT_KEYS += ["role", "of", "killed", "nme"]
WORDS = ["a", "b", "event", "group", "person", "place", "relation", "designation", "statement"]
WORDS += ["split", "rename", "1998", "2007-12", "2007-13", "2004/2020", "at least 60", "x.txt"]
WORDS += ["thirty-three", "true", "", "[bold]", "\u00e9"]
SCALAR = st.sampled_from(WORDS)
VALUE = st.recursive(
    SCALAR,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FACT_KEYS), inner, max_size=5)
    ),
    max_leaves=12,
)
FACT = st.dictionaries(st.sampled_from(FACT_KEYS), VALUE, max_size=10)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FACT, max_size=6), st.booleans())
def test_any_facts_give_a_deck_or_problems(facts: list[dict[str, object]], cards: bool) -> None:
    import json

    document: dict[str, object] = {"title": "t", "facts": facts}
    if cards:
        document["cards"] = [{"id": "c", "question": "q", "answer": "a", "category": "name",
                              "fact": "a", "source": {"doc": "x.txt", "quote": "q"}}]  # fmt: skip
    check_outcome(json.dumps(document).encode())
