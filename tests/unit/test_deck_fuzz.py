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
