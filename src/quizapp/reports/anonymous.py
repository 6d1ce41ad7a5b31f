"""Building a student's anonymous summary from their progress (`progress export --anonymous`).

The store hands in one `UnitProgress` per study unit; nothing here reads the database, so the
store can change its schema freely. The student id is a random UUID kept in the data folder.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from quizapp.errors import QuizappError
from quizapp.reports.summary import (
    SummaryBody,
    UnitSummary,
    encode_summary,
)
from quizapp.safety.files import write_atomic, write_new

STUDENT_ID_FILE = "anonymous-id"


@dataclass(frozen=True, slots=True)
class UnitProgress:
    """What the progress store knows about one unit, as the summary needs it."""

    uid: str
    deck_id: str
    category: str
    reviews: int
    lapses: int
    last_rating: int | None = None
    stability: float | None = None
    retrievability: float | None = None


def student_id(data_dir: Path, new_id: Callable[[], str] = lambda: str(uuid.uuid4())) -> str:
    """The student's anonymous id, created on first use and kept in `data_dir/anonymous-id`."""
    path = data_dir / STUDENT_ID_FILE
    try:
        existing = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        existing = ""
    except (OSError, UnicodeDecodeError) as error:
        raise QuizappError(f"cannot read the anonymous id in {path}: {error}") from None
    if existing:
        try:
            return str(uuid.UUID(existing))
        except ValueError:
            raise QuizappError(
                f"{path} does not hold an anonymous id; delete it to get a new one"
            ) from None
    value = str(uuid.UUID(new_id()))
    write_atomic(path, value + "\n")
    return value


def _clamp(value: float | None, high: float | None = None) -> float | None:
    if value is None or value != value:  # NaN means "unknown"
        return None
    value = max(0.0, value)
    return min(value, high) if high is not None else value


def build_summary(units: Iterable[UnitProgress], student: str, now: dt.datetime) -> SummaryBody:
    """The summary body for these units; `now` must be timezone-aware."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    rows = tuple(
        UnitSummary(
            uid=unit.uid,
            deck=unit.deck_id,
            category=unit.category,
            reviews=max(0, unit.reviews),
            lapses=max(0, unit.lapses),
            last_rating=unit.last_rating or 0,
            stability=_clamp(unit.stability),
            retrievability=_clamp(unit.retrievability, 1.0),
        )
        for unit in sorted(units, key=lambda u: u.uid)
    )
    return SummaryBody(
        format="quizapp-progress-summary",
        version=1,
        student=str(uuid.UUID(student)),
        created=now.astimezone(dt.UTC).isoformat(timespec="seconds"),
        units=rows,
    )


def write_summary(body: SummaryBody, path: Path, *, force: bool = False) -> None:
    """Write the summary atomically (never half a file); an existing file only with `force`."""
    write_new(path, encode_summary(body), force=force)
