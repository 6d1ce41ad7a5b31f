"""Turn card state into Rich `Text` for the review and quiz screens.

Deck text always goes through `literal`, so markup and escape codes in a deck show as text.
Right and wrong are marked with ✓ / ✗ and words, never by colour alone.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping, Sequence

from rich.text import Text

from quizapp.facts.notes import FactNote
from quizapp.model.cards import Card, MatchPair, OrderItem
from quizapp.model.progress import Rating
from quizapp.model.units import StudyUnit
from quizapp.quiz.choices import ChoiceQuestion
from quizapp.quiz.cloze import render_cloze
from quizapp.quiz.order import OrderResult
from quizapp.quiz.typed import DiffKind, TypedResult
from quizapp.safety.terminal import literal
from quizapp.study.service import format_interval


def question_text(unit: StudyUnit, reveal: bool) -> Text:
    """The question; a cloze shows its active deletion highlighted (and filled when revealed)."""
    from quizapp.model.cards import ClozeCard
    from quizapp.quiz.prompts import prompt_of

    card = unit.card
    if isinstance(card, ClozeCard):
        text = Text()
        for part in render_cloze(card.text, unit.variant, reveal):
            text.append_text(literal(part.text, "bold reverse" if part.active else ""))
        return text
    return literal(prompt_of(unit).question, "bold")


def choices_text(question: ChoiceQuestion, picked: int | None, reveal: bool) -> Text:
    text = Text()
    for index, option in enumerate(question.options):
        mark = "  "
        if reveal and index == question.correct:
            mark = "✓ "
        elif reveal and index == picked:
            mark = "✗ "
        elif index == picked:
            mark = "▶ "
        text.append(mark)
        text.append(f"{index + 1}  ", style="bold")
        text.append_text(literal(option, "bold" if reveal and index == question.correct else ""))
        if reveal and index == picked:
            text.append("  (your answer)", style="italic")
        text.append("\n")
    return text


def order_text(
    items: Sequence[OrderItem], order: Sequence[int], cursor: int, result: OrderResult | None
) -> Text:
    text = Text()
    for position, index in enumerate(order):
        pointer = "▶ " if position == cursor and result is None else "  "
        text.append(pointer)
        if result is not None:
            ok = result.placed_ok[position]
            text.append("✓ " if ok else "✗ ", style="bold")
        text.append(f"{position + 1}. ", style="bold")
        text.append_text(literal(items[index].text, "reverse" if pointer.strip() else ""))
        if result is not None:
            text.append(f"  ({items[index].date})", style="italic")
        text.append("\n")
    if result is not None and not result.correct:
        text.append("\nRight order:\n", style="bold")
        for position, index in enumerate(result.solution):
            text.append(f"  {position + 1}. {items[index].date}  ")
            text.append_text(literal(items[index].text))
            text.append("\n")
    return text


def match_text(
    pairs: Sequence[MatchPair],
    rights: Sequence[int],
    chosen: Mapping[int, int],
    cursor: int,
    ok: Sequence[bool] | None,
) -> Text:
    """Left sides with the right side picked for each, then the numbered right sides."""
    text = Text()
    for i, pair in enumerate(pairs):
        pointer = "▶ " if i == cursor and ok is None else "  "
        text.append(pointer)
        if ok is not None:
            text.append("✓ " if ok[i] else "✗ ", style="bold")
        text.append_text(literal(pair.left, "bold"))
        text.append("  →  ")
        if i in chosen:
            text.append_text(literal(pairs[chosen[i]].right))
        else:
            text.append("?", style="dim")
        if ok is not None and not ok[i]:
            text.append("   right: ", style="italic")
            text.append_text(literal(pair.right))
        text.append("\n")
    if ok is None:
        text.append("\n")
        for number, index in enumerate(rights, start=1):
            text.append(f"  {number}  ", style="bold")
            text.append_text(literal(pairs[index].right))
            text.append("\n")
    return text


def typed_feedback(given: str, result: TypedResult) -> Text:
    """The verdict in words, then the difference drawn on the expected answer: what was typed
    but is not in it struck through (red), what is missing underlined (green). Strike-through
    and underline carry the meaning where there is no colour (NO_COLOR)."""
    verdict = {
        "exact": "✓ Correct",
        "close": "≈ Almost: accepted with a small difference",
        "wrong": "✗ Not quite",
    }[result.verdict.value]
    text = Text()
    text.append(verdict + "\n", style="bold")
    if result.note:
        text.append_text(literal(result.note, "italic"))
        text.append("\n")
    text.append("You typed: ")
    text.append_text(literal(given or "(nothing)"))
    if all(segment.kind is DiffKind.SAME for segment in result.diff):
        return text
    text.append("\nDifference: ")
    for segment in result.diff:
        if segment.kind is DiffKind.SAME:
            text.append_text(literal(segment.text))
        elif segment.kind is DiffKind.EXTRA:
            text.append_text(literal(segment.text, "strike red"))
        else:
            text.append_text(literal(segment.text, "underline green"))
    text.append("\n")
    text.append("struck", style="strike red")
    text.append(": typed, not in the answer · ")
    text.append("underlined", style="underline green")
    text.append(": missing")
    return text


def answer_text(
    card: Card, answer: str, show_answer: bool = True, notes: Sequence[FactNote] = ()
) -> Text:
    """The answer, its explanation and its source (document and quote), a blank line apart;
    for a card that tests facts, each fact's sources, date and disputes instead."""
    parts: list[Text] = []
    if show_answer:
        line = Text()
        line.append("Answer: ", style="bold")
        line.append_text(literal(answer))
        parts.append(line)
    if card.explanation:
        parts.append(literal(card.explanation))
    if notes:
        parts += [fact_note_text(note) for note in notes]
        return Text("\n\n").join(parts)
    if card.source is not None:
        source = Text()
        source.append("Source: ", style="italic")
        source.append_text(literal(card.source.doc, "italic"))
        source.append("\n“")
        source.append_text(literal(card.source.quote, "italic"))
        source.append("”")
        parts.append(source)
    return Text("\n\n").join(parts)


def fact_note_text(note: FactNote) -> Text:
    """A fact's quotes with their documents, "as of", caveat and what each source says."""
    text = Text()
    for number, quote in enumerate(note.quotes):
        if number:
            text.append("\n")
        text.append("Source: ", style="italic")
        text.append_text(literal(quote.doc, "italic"))
        text.append("\n“")
        text.append_text(literal(quote.quote, "italic"))
        text.append("”")
    if note.as_of:
        text.append("\nAs of ", style="bold")
        text.append_text(literal(note.as_of, "bold"))
        text.append(": this can change.")
    if note.caveat:
        text.append("\nNote: ", style="bold")
        text.append_text(literal(note.caveat))
    for dispute in note.disputes:
        text.append("\nSources differ on ", style="bold")
        text.append_text(literal(dispute.label, "bold"))
        text.append(":")
        for says in dispute.says:
            text.append("\n  ")
            text.append_text(literal(says.doc, "italic"))
            text.append(" says ")
            text.append_text(literal(says.value))
    return text


def grades_text(preview: Mapping[Rating, dt.timedelta], suggested: Rating | None) -> Text:
    """`1 Again <1m  2 Hard 6m  3 Good 10m  4 Easy 4d`, the suggestion marked ▶ ◀."""
    return _grade_bar(
        {grade: format_interval(delta) for grade, delta in preview.items()}, suggested
    )


def cram_grades_text(suggested: Rating | None) -> Text:
    """`1 Again soon  2 Hard soon  3 Good done  4 Easy done`: in a cram, what a grade does."""
    outcomes = {grade: "soon" if grade <= Rating.HARD else "done" for grade in Rating}
    return _grade_bar(outcomes, suggested)


def _grade_bar(outcomes: Mapping[Rating, str], suggested: Rating | None) -> Text:
    """Each grade's key, name and outcome; the suggestion marked ▶ ◀ as well as styled."""
    text = Text()
    for grade in sorted(outcomes):
        mark = grade is suggested
        text.append("▶" if mark else " ")
        text.append(f"{int(grade)} ", style="bold reverse" if mark else "bold")
        text.append(f"{grade.label} {outcomes[grade]}", style="bold" if mark else "")
        text.append("◀ " if mark else "  ")
    if suggested is not None:
        text.append(
            f"\nSuggested: {suggested.label}. Enter accepts, 1-4 overrides.", style="italic"
        )
    return text


# What a summary shows of one missed question or answer, at most (then "…").
MISSED_CHARS = 300


def hanging(lead: str, value: str, width: int, style: str = "") -> Text:
    """`lead` then `value`'s first line wrapped at whole words to `width`, each further line
    indented under the first (a long question no longer runs back to column 0 or stops
    mid-word); over MISSED_CHARS it is cut with "…"."""
    line = value.splitlines()[0] if value.strip() else ""
    if len(line) > MISSED_CHARS:
        line = line[: MISSED_CHARS - 1].rstrip() + "…"
    rows = textwrap.wrap(line, max(8, width - len(lead))) or [""]
    text = Text(lead)
    for n, row in enumerate(rows):
        if n:
            text.append("\n" + " " * len(lead))
        text.append_text(literal(row, style))
    text.append("\n")
    return text
