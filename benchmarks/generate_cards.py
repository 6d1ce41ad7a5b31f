"""How many cards drawn from generated facts a teacher would keep unchanged (issue 20).

Draws the cards of each labelled document's generated facts (at the command's default
confidence) with the deck format's templates, and counts a card as kept when all of the
criteria in docs/generator.md ("Cards a teacher keeps") hold:

1. its fact is correct: the scorer matches it to a hand-labelled fact;
2. the question reads in one breath (at most 200 characters) and the answer is short enough
   to give (at most 120 characters, an order card's items at most 120 each);
3. the question does not give the answer away (an order card's items are shown by design);
4. "Who" only asks for a person;
5. the question is asked once (no "(fact-id)" suffix for a second card asking the same);
6. nothing starts with a bare pronoun ("It", "They", "He", "She");
7. a "who says" card's answer is a person or group the text names as speaking, not the
   document's publisher: a statement with `attributed_to` and no `by` whose speaker is the
   publisher its metadata gives (any of its `;`-separated names, by its part before a comma,
   in any usual form of an authority's name) or the generator's "the source document". A
   body the text names speaking ("according to the U.S. State Department" in a CFR text) is
   kept.

Criterion 1 is conservative: a correct fact the labeller left out counts as not kept. The
rest are mechanical stand-ins for reading; docs/generator.md says how they compare with
cards read by hand. Run: `python benchmarks/generate_cards.py [--show DOC]` (`--show` lists the
cards of a document developed on; a held-out document shows its totals only).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import msgspec

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate_quality import AQIM, DEVELOPED, HELD_OUT, _document  # noqa: E402

from quizapp.facts.derive import draw_cards, question_of  # noqa: E402
from quizapp.facts.wording import authority_key  # noqa: E402
from quizapp.generate.score import generated_facts, load_labels, score  # noqa: E402
from quizapp.generate.sourcemeta import source_publisher  # noqa: E402
from quizapp.model import Fact  # noqa: E402
from quizapp.model.cards import Card, OrderCard  # noqa: E402
from quizapp.model.facts import PersonFact, StatementFact  # noqa: E402

MIN_CONFIDENCE = 0.4
PRONOUN = ("It ", "They ", "He ", "She ", "Its ", "Their ")


def _fact(mapping: dict[str, Any]) -> Fact:
    fields = dict(mapping)
    if "aliases" in fields:
        fields["aliases"] = [{"name": a} if isinstance(a, str) else a for a in fields["aliases"]]
    return msgspec.convert(fields, Fact)  # type: ignore[arg-type]


def _answer(card: Card) -> list[str]:
    if isinstance(card, OrderCard):
        return [item.text for item in card.items]
    for field in ("answer", "text"):
        value = getattr(card, field, None)
        if isinstance(value, str):
            return [value]
    return []


def verdict(card: Card, facts: dict[str, Fact], correct: set[str], publisher: str) -> str:
    """ "kept", or the first criterion the card fails."""
    question = question_of(card)
    answers = _answer(card)
    fact_id = card.fact or ""
    if fact_id not in correct:
        return "1 fact not labelled"
    if len(question) > 200 or any(len(a) > 120 for a in answers):
        return "2 too long"
    shown = isinstance(card, OrderCard)  # an order card shows its items: the order is asked
    if not shown and any(len(a) > 3 and a.casefold() in question.casefold() for a in answers):
        return "3 gives the answer away"
    fact = facts.get(fact_id)
    if question.startswith("Who ") and not (
        isinstance(fact, PersonFact) or (card.id.endswith("/who") and "says" in question)
    ):
        answer_fact = next((f for f in facts.values() if getattr(f, "name", None) in answers), None)
        if not isinstance(answer_fact, PersonFact):
            return "4 who for a non-person"
    if question.rstrip("?").endswith(f"({fact_id})"):
        return "5 asked twice"
    if question.startswith(PRONOUN) or any(a.startswith(PRONOUN) for a in answers):
        return "6 bare pronoun"
    if isinstance(fact, StatementFact) and card.id.endswith("/who") and fact.by is None:
        speaker = authority_key(fact.attributed_to or "")
        if speaker in _publishers(publisher) or speaker == authority_key("the source document"):
            return "7 answer is the publisher"
    return "kept"


def _publishers(publisher: str) -> set[str]:
    """Keys of a metadata `publisher:` ("U.S. Department of State, Bureau of
    Counterterrorism; National Counterterrorism Center"): each name, and its part before a
    comma."""
    names = [name.strip() for name in publisher.split(";") if name.strip()]
    return {authority_key(form) for name in names for form in (name, name.split(",")[0])}


def evaluate(name: str) -> tuple[int, int, dict[str, int], list[tuple[str, str, str]]]:
    path = _document(name)
    publisher = source_publisher(path) or ""
    mappings = generated_facts(path, MIN_CONFIDENCE)
    labels = load_labels(ROOT / f"tests/data/eval/labels/{name}.yaml")
    result = score(mappings, labels)
    correct = {m["id"] for m in mappings} - set(result.wrong)
    facts = {m["id"]: _fact(m) for m in mappings}
    cards = draw_cards(list(facts.values()))
    reasons: dict[str, int] = {}
    shown = []
    for card in cards:
        why = verdict(card, facts, correct, publisher)
        reasons[why] = reasons.get(why, 0) + 1
        shown.append((why, question_of(card), " | ".join(_answer(card))))
    return reasons.get("kept", 0), len(cards), reasons, shown


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show")
    args = parser.parse_args()
    if args.show in HELD_OUT:
        raise SystemExit(f"{args.show} is held out: only its totals are shown")
    print(f"{'document':32} {'set':9} kept             reasons not kept")
    for group, names in (("developed", DEVELOPED), ("held out", HELD_OUT), ("AQIM", AQIM)):
        all_kept = all_total = 0
        for name in names:
            kept, total, reasons, shown = evaluate(name)
            all_kept, all_total = all_kept + kept, all_total + total
            others = ", ".join(f"{k}: {v}" for k, v in sorted(reasons.items()) if k != "kept")
            others = "" if name in HELD_OUT else others  # held out: totals only
            print(f"{name:32} {group:9} {kept / max(1, total):.2f} ({kept}/{total})   {others}")
            if name == args.show:
                for why, question, answer in shown:
                    print(f"  [{why}] {question[:150]} -> {answer[:80]}")
        share = all_kept / max(1, all_total)
        print(f"{'  ' + group + ', all':32} {'':9} {share:.2f} ({all_kept}/{all_total})")


if __name__ == "__main__":
    main()
