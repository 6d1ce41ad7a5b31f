"""A small deck with every card kind, shared by the interop and quiz-sheet tests."""

from __future__ import annotations

from quizapp.model.cards import (
    BasicCard,
    Category,
    ChoiceCard,
    ClozeCard,
    Deck,
    MatchCard,
    MatchPair,
    OrderCard,
    OrderItem,
    Source,
    TypedCard,
)

SRC = Source(doc="aqim.md", quote="AQIM was founded in 2007.")


def sample_deck() -> Deck:
    cards = (
        BasicCard(id="b1", category=Category.DATE, source=SRC, question="AQIM founded?",
                  answer="2007", tags=("north africa",), explanation="Renamed from GSPC."),
        BasicCard(id="b2", category=Category.PERSON, source=SRC, question="Leader of AQIM?",
                  answer="Droukdel", reverse=True),
        ClozeCard(id="c1", category=Category.GROUP, source=SRC,
                  text="The {{GSPC}} became {{AQIM::a group}} in 2007 & more <b>."),
        ChoiceCard(id="ch1", category=Category.PLACE, source=SRC, question="Base of AQIM?",
                   answer="Algeria", choices=("Mali", "Niger")),
        TypedCard(id="t1", category=Category.NAME, source=SRC, question="Former name?",
                  answer="GSPC", aliases=("Salafist Group",)),
        OrderCard(id="o1", category=Category.DATE, source=SRC, prompt="Order these",
                  items=(OrderItem("AQIM", "2007"), OrderItem("GSPC", "1998"))),
        MatchCard(id="m1", category=Category.PERSON, source=SRC, prompt="Match",
                  pairs=(MatchPair("Droukdel", "AQIM"), MatchPair("Belmokhtar", "Mourabitoun"))),
    )  # fmt: skip
    return Deck(id="aqim", path="aqim.yaml", title="AQIM", cards=cards, tags=("ct101",))
