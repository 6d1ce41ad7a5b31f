"""Cloze rendering: the active deletion blanked (or revealed), the others shown as plain text."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.model.units import CLOZE_PATTERN


@dataclass(frozen=True, slots=True)
class ClozePart:
    """A piece of cloze text; `active` marks the deletion being asked."""

    text: str
    active: bool = False


def active_index(variant: str) -> int:
    """`c2` → 1; the single-deletion card (no variant) asks its first deletion."""
    if variant.startswith("c") and variant[1:].isdigit():
        return int(variant[1:]) - 1
    return 0


def render_cloze(text: str, variant: str, reveal: bool) -> list[ClozePart]:
    """The sentence with the active deletion as `[...]` / `[hint]`, or its answer when revealed."""
    active = active_index(variant)
    parts: list[ClozePart] = []
    position = 0
    for number, match in enumerate(CLOZE_PATTERN.finditer(text)):
        if match.start() > position:
            parts.append(ClozePart(text[position : match.start()]))
        answer, sep, hint = match.group(1).partition("::")
        if number == active:
            shown = answer if reveal else f"[{hint if sep else '...'}]"
            parts.append(ClozePart(shown, active=True))
        else:
            parts.append(ClozePart(answer))
        position = match.end()
    if position < len(text):
        parts.append(ClozePart(text[position:]))
    return parts


def cloze_plain(text: str, variant: str, reveal: bool) -> str:
    return "".join(part.text for part in render_cloze(text, variant, reveal))


def cloze_answer(text: str, variant: str) -> str:
    """The text of the active deletion."""
    return next(p.text for p in render_cloze(text, variant, reveal=True) if p.active)
