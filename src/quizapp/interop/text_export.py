"""Writing decks as CSV (one row per card, for spreadsheets and other apps) and Markdown."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from quizapp.interop.sides import Options, kind_of, plain_sides
from quizapp.model.cards import Deck

CSV_COLUMNS = (
    "id", "deck", "kind", "category", "front", "back", "explanation", "source_doc",
    "source_quote", "tags",
)  # fmt: skip


def to_csv(decks: Sequence[Deck], options: Options | None = None) -> str:
    """All cards as CSV with a header row; lists inside a cell are newline-separated."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for deck in decks:
        for card in deck.cards:
            front, back = plain_sides(card, options)
            writer.writerow([
                card.id, deck.id, kind_of(card), card.category.value, front, back,
                card.explanation or "", card.source.doc if card.source else "",
                card.source.quote if card.source else "", " ".join(card.tags),
            ])  # fmt: skip
    return out.getvalue()


def _md_escape(text: str) -> str:
    return text.replace("\n", "  \n")


def to_markdown(decks: Sequence[Deck], options: Options | None = None) -> str:
    """A readable study sheet: one section per deck, question then answer for each card."""
    lines: list[str] = []
    for deck in decks:
        lines += [f"# {deck.title}", ""]
        if deck.description:
            lines += [deck.description, ""]
        for card in deck.cards:
            front, back = plain_sides(card, options)
            lines.append(f"## {card.id} ({kind_of(card)}, {card.category.value})")
            lines += ["", _md_escape(front), "", f"**Answer:** {_md_escape(back)}", ""]
            if card.explanation:
                lines += [f"*{_md_escape(card.explanation)}*", ""]
            if card.source:
                lines += [f"> {card.source.doc}: {card.source.quote}", ""]
    return "\n".join(lines)
