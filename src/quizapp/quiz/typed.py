"""Lenient checking of typed answers, with a difference the student can read without colour."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from quizapp.model.progress import Rating
from quizapp.quiz.text import normalize


class Verdict(enum.Enum):
    """How a typed answer compares with the expected one."""

    EXACT = "exact"
    CLOSE = "close"
    WRONG = "wrong"


class DiffKind(enum.Enum):
    """A diff segment: text in both, only in the expected answer, or only in what was typed."""

    SAME = "same"
    MISSING = "missing"
    EXTRA = "extra"


@dataclass(frozen=True, slots=True)
class DiffSegment:
    text: str
    kind: DiffKind


_SUGGESTED = {Verdict.EXACT: Rating.GOOD, Verdict.CLOSE: Rating.HARD, Verdict.WRONG: Rating.AGAIN}


@dataclass(frozen=True, slots=True)
class TypedResult:
    """The verdict, the accepted spelling it matched, and the diff against that spelling."""

    verdict: Verdict
    expected: str
    diff: tuple[DiffSegment, ...]

    @property
    def suggested(self) -> Rating:
        return {
            Verdict.EXACT: Rating.GOOD,
            Verdict.CLOSE: Rating.HARD,
            Verdict.WRONG: Rating.AGAIN,
        }[self.verdict]

    @property
    def correct(self) -> bool:
        return self.verdict is not Verdict.WRONG


def allowed_typos(key: str) -> int:
    """Edits forgiven for an answer of this length: none for short words, where one is a lot."""
    length = len(key.replace(" ", ""))
    if length <= 4:
        return 0
    if length <= 8:
        return 1
    return 2


def diff_segments(given: str, expected: str) -> tuple[DiffSegment, ...]:
    """A character diff (case-insensitive) from what was typed to the expected text."""
    matcher = difflib.SequenceMatcher(a=given.casefold(), b=expected.casefold(), autojunk=False)
    segments: list[DiffSegment] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(DiffSegment(expected[b1:b2], DiffKind.SAME))
            continue
        if op in ("delete", "replace"):
            segments.append(DiffSegment(given[a1:a2], DiffKind.EXTRA))
        if op in ("insert", "replace"):
            segments.append(DiffSegment(expected[b1:b2], DiffKind.MISSING))
    return tuple(segments)


def diff_plain(segments: Sequence[DiffSegment]) -> str:
    """The diff as plain text: `[-typed-]` and `{+missing+}`, readable with no colour at all."""
    parts: list[str] = []
    for segment in segments:
        if segment.kind is DiffKind.SAME:
            parts.append(segment.text)
        elif segment.kind is DiffKind.EXTRA:
            parts.append(f"[-{segment.text}-]")
        else:
            parts.append(f"{{+{segment.text}+}}")
    return "".join(parts)


def check_typed(given: str, answer: str, aliases: Sequence[str] = ()) -> TypedResult:
    """Compare a typed answer with the answer and its aliases; the closest spelling wins."""
    key = normalize(given)
    candidates = [answer, *aliases]
    best: tuple[int, str] | None = None
    for candidate in candidates:
        target = normalize(candidate)
        if key == target:
            return TypedResult(Verdict.EXACT, candidate, diff_segments(given.strip(), candidate))
        distance = Levenshtein.distance(key, target)
        if distance <= allowed_typos(target) and (best is None or distance < best[0]):
            best = (distance, candidate)
    if best is not None and key:
        return TypedResult(Verdict.CLOSE, best[1], diff_segments(given.strip(), best[1]))
    return TypedResult(Verdict.WRONG, answer, diff_segments(given.strip(), answer))
