"""A problem found in a deck file, located to the line and column."""

from __future__ import annotations

import msgspec


class Problem(msgspec.Struct, frozen=True, kw_only=True):
    """One thing wrong with a deck; `line` and `column` are 1-based (0 when unknown)."""

    file: str
    line: int = 0
    column: int = 0
    message: str
    card_id: str | None = None
    fact_id: str | None = None
    field: str | None = None
    hint: str | None = None

    def format(self) -> str:
        """`FILE:LINE:COL: card ID: message (hint)` (`fact ID:` for a fact): the form editors
        and CI jump to."""
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        card = f"card {self.card_id}: " if self.card_id else ""
        if self.fact_id and not self.card_id:
            card = f"fact {self.fact_id}: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {card}{self.message}{hint}"


class DeckError(Exception):
    """A deck could not be loaded; `problems` says why, all of it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems
