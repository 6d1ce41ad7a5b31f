"""The four grades a student gives a card, as Anki and FSRS number them."""

from __future__ import annotations

import enum


class Grade(enum.IntEnum):
    """Again/Hard/Good/Easy; auto-checked answers suggest one, the student may override it."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()
