"""Turning imported notes into a quizapp deck file (round-trip YAML, validated before writing).

Imported cards are marked `status: generated` (an instructor has not checked them yet) and cite
the imported file: `source: {doc: <file name>, quote: <the note's front>}`. With a sources
folder given, a plain-text copy of the imported material is written there too, so every quote
is found and `quizapp validate --sources` passes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from quizapp.authoring.roundtrip import check_text, derive_id, dump, normalise_card, write_atomic
from quizapp.errors import QuizappError
from quizapp.interop.importers import Imported
from quizapp.interop.sides import cloze_back
from quizapp.model.cards import Category
from quizapp.safety.files import refuse_existing

CATEGORIES = {c.value for c in Category}
DEFAULT_CATEGORY = Category.CONCEPT.value


def quote_of(note: Imported) -> str:
    """The sentence a card cites: the front as a reader sees it, in one line."""
    text = cloze_back(note.front) if note.kind == "cloze" else note.front
    return " ".join(text.split())


def card_for(note: Imported, category: str | None, doc: str, taken: set[str]) -> CommentedMap:
    """One card; `category` overrides the note's own (quizapp packages carry one)."""
    card = CommentedMap()
    card["kind"] = note.kind
    own = note.category if note.category in CATEGORIES else DEFAULT_CATEGORY
    card["category"] = category or own
    if note.tags:
        tags = CommentedSeq(note.tags)
        tags.fa.set_flow_style()
        card["tags"] = tags
    card["status"] = "generated"
    if note.kind == "cloze":
        card["text"] = note.front
    else:
        card["question"] = note.front
        card["answer"] = note.back
        if note.reverse:
            card["reverse"] = True
    if note.explanation:
        card["explanation"] = note.explanation
    card["source"] = CommentedMap(doc=doc, quote=quote_of(note))
    card.insert(0, "id", derive_id(card, taken))
    taken.add(str(card["id"]))
    normalise_card(card)
    return card


def source_text(notes: Sequence[Imported]) -> str:
    """The imported material as plain text: each quote on its line, its answer after it."""
    return "".join(f"{quote_of(n)}\n{' '.join(n.back.split())}\n\n" for n in notes)


def write_deck(
    notes: Sequence[Imported],
    output: Path,
    *,
    title: str,
    category: str | None,
    doc: str,
    taken: set[str],
    sources_dir: Path | None = None,
    force: bool = False,
) -> list[str]:
    """Write the deck (an existing file only with `force`) and, if asked, its source text;
    return the card ids."""
    refuse_existing(output, force)
    if not notes:
        raise QuizappError("nothing to import: no note could be mapped")
    cards = CommentedSeq(card_for(note, category, doc, taken) for note in notes)
    tree = CommentedMap(title=title, cards=cards)
    text = dump(tree)
    problems = check_text(text, str(output), output.stem)
    if problems:
        listed = "\n".join(f"  {p.format()}" for p in problems[:20])
        raise QuizappError(f"the imported deck would not validate, nothing written:\n{listed}")
    if sources_dir is not None:
        target = sources_dir / doc
        refuse_existing(target, force)
        write_atomic(target, source_text(notes))
    write_atomic(output, text)
    return [str(card["id"]) for card in cards]
