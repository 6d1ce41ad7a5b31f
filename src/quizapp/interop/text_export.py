"""Writing decks as CSV (one row per card, for spreadsheets and other apps) and Markdown."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from quizapp.interop.sides import Options, kind_of, plain_sides
from quizapp.model.cards import Deck
from quizapp.safety.cells import csv_row, md_text

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
            writer.writerow(csv_row([
                card.id, deck.id, kind_of(card), card.category.value, front, back,
                card.explanation or "", card.source.doc if card.source else "",
                card.source.quote if card.source else "", " ".join(card.tags),
            ]))  # fmt: skip
    return out.getvalue()


def to_markdown(decks: Sequence[Deck], options: Options | None = None) -> str:
    """A readable study sheet: one section per deck, question then answer for each card.

    Every piece of deck text goes through `md_text`, so it cannot add headings, rules, lists,
    links or HTML to the sheet."""
    lines: list[str] = []
    for deck in decks:
        lines += [f"# {md_text(deck.title)}", ""]
        if deck.description:
            lines += [md_text(deck.description), ""]
        for card in deck.cards:
            front, back = plain_sides(card, options)
            lines.append(f"## {md_text(card.id)} ({kind_of(card)}, {card.category.value})")
            lines += ["", md_text(front), "", f"**Answer:** {md_text(back)}", ""]
            if card.explanation:
                lines += [f"*{md_text(card.explanation)}*", ""]
            if card.source:
                lines += [f"> {md_text(card.source.doc)}: {md_text(card.source.quote)}", ""]
    return "\n".join(lines)
