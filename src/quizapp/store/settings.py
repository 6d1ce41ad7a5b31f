"""Study settings kept in the progress database, so they travel with the student's progress."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from quizapp.model.progress import DEFAULT_PARAMETERS


class NewOrder(enum.StrEnum):
    """Order in which a deck's new cards are introduced."""

    AS_WRITTEN = "as-written"
    BY_CATEGORY = "by-category"
    RANDOM = "random"


@dataclass(frozen=True)
class Settings:
    """Global study settings; `parameters` are the default FSRS-6 ones until optimised."""

    desired_retention: float = 0.90
    new_per_day: int = 20
    reviews_per_day: int = 200
    pass_fail: bool = False
    leech_threshold: int = 8
    learning_steps_minutes: tuple[float, ...] = (1.0, 10.0)
    relearning_steps_minutes: tuple[float, ...] = (10.0,)
    maximum_interval_days: int = 36500
    day_starts_at_hour: int = 4
    parameters: tuple[float, ...] = field(default=DEFAULT_PARAMETERS)

    def validate(self) -> list[str]:
        """Problems with these values, as messages a student can act on."""
        problems: list[str] = []
        if not 0.7 <= self.desired_retention <= 0.99:
            problems.append("desired retention must be between 0.70 and 0.99")
        if self.new_per_day < 0 or self.reviews_per_day < 0:
            problems.append("daily limits cannot be negative")
        if self.leech_threshold < 1:
            problems.append("the leech threshold must be at least 1")
        if not 0 <= self.day_starts_at_hour <= 23:
            problems.append("the day must start at an hour from 0 to 23")
        if self.maximum_interval_days < 1:
            problems.append("the maximum interval must be at least one day")
        return problems


@dataclass(frozen=True)
class DeckSettings:
    """Per-deck settings: new-card order and an optional exam date."""

    new_order: NewOrder = NewOrder.AS_WRITTEN
    exam_date: date | None = None
