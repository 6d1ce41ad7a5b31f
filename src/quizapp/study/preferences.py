"""The study settings a student changes: names, allowed ranges, parsing and saving.

The CLI (`quizapp settings`) and the settings screen share this table, so a key is spelt, shown
and checked the same way in both; values live in the progress store (`store/settings.py`), so
they travel with the student's progress.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from quizapp.errors import QuizappError
from quizapp.store.db import ProgressStore
from quizapp.store.settings import Settings


@dataclass(frozen=True)
class Preference:
    """One setting: its public key, the Settings field it is kept in, and its allowed range."""

    key: str
    field: str
    label: str
    low: float
    high: float
    whole: bool
    meaning: str

    @property
    def allowed(self) -> str:
        if self.whole:
            return f"a whole number from {int(self.low)} to {int(self.high)}"
        return f"a number from {self.low:.2f} to {self.high:.2f}"

    def parse(self, text: str) -> int | float:
        """The value `text` names, or a QuizappError saying what is allowed."""
        cleaned = text.strip()
        try:
            value: int | float = int(cleaned) if self.whole else float(cleaned)
        except ValueError:
            raise QuizappError(f"{self.key} must be {self.allowed}, not {cleaned!r}") from None
        if not self.low <= value <= self.high:
            raise QuizappError(f"{self.key} must be {self.allowed}, not {cleaned}")
        return value

    def show(self, settings: Settings) -> str:
        value = getattr(settings, self.field)
        return str(value) if self.whole else f"{value:.2f}"


PREFERENCES: tuple[Preference, ...] = (
    Preference(
        "new_per_day", "new_per_day", "New cards per day", 0, 9999, True,
        "new cards introduced each study day, across all decks",
    ),
    Preference(
        "reviews_per_day", "reviews_per_day", "Reviews per day", 0, 99999, True,
        "reviews shown each study day, across all decks",
    ),
    Preference(
        "desired_retention", "desired_retention", "Desired retention", 0.70, 0.99, False,
        "the chance of remembering a card when it comes back; higher means more reviews",
    ),
    Preference(
        "day_starts_at", "day_starts_at_hour", "Day starts at (hour)", 0, 23, True,
        "the local hour a new study day begins (limits reset, buried cards return)",
    ),
)  # fmt: skip
BY_KEY = {p.key: p for p in PREFERENCES}


def preference(key: str) -> Preference:
    """The setting called `key`, or a QuizappError listing the keys there are."""
    found = BY_KEY.get(key.strip())
    if found is None:
        raise QuizappError(f"unknown setting {key!r}: one of {', '.join(BY_KEY)}")
    return found


def current(store: ProgressStore) -> dict[str, int | float]:
    """Every student setting by key, as stored (defaults for those never set)."""
    settings = store.settings()
    return {p.key: getattr(settings, p.field) for p in PREFERENCES}


def change(store: ProgressStore, key: str, text: str) -> int | float:
    """Check and save one setting; returns the value saved."""
    found = preference(key)
    value = found.parse(text)
    changes: dict[str, Any] = {found.field: value}
    store.save_settings(replace(store.settings(), **changes))
    return value
