"""Lenient checking of typed answers, with a difference the student can read without colour.

What never costs a grade (docs/grading.md lists it with the thresholds): case, accents,
punctuation, spacing, a leading article (the, a, an), British or American spelling (colour /
color, organisation / organization, defence / defense, centre / center, analyse / analyze,
travelled / traveled, catalogue / catalog), and words added around the whole expected answer
("Prince Rupert of the Rhine" for "Prince Rupert" is accepted, with a note). Typos are forgiven
by length: none up to 4 letters, 1 up to 8, 2 beyond (suggesting Hard).
"""

from __future__ import annotations

import difflib
import enum
import re
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
    note: str | None = None
    """Why an answer that differs was accepted (extra words around the answer)."""

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


_SPELLING = (
    (re.compile(r"(?<=\w{3})is(ation|e|ed|es|ing)\b"), r"iz\1"),
    (re.compile(r"(?<=\w{2})ys(e|ed|es|ing)\b"), r"yz\1"),
    (re.compile(r"(?<=\w{2})our(s|ed|ing|ite|ites|able)?\b"), r"or\1"),
    (re.compile(r"(?<=\w{3})tre(s)?\b"), r"ter\1"),
    (re.compile(r"(?<=\w{2})ence(s)?\b"), r"ense\1"),
    (re.compile(r"(?<=\w{2}[aeiou])ll(ed|ing|er|ers)\b"), r"l\1"),
    (re.compile(r"(?<=\w{3})ogue(s)?\b"), r"og\1"),
)


def spelling_key(key: str) -> str:
    """A normalised answer with British spellings turned American, applied to both sides of a
    comparison (so "organisation" and "organization" are one key)."""
    for pattern, replacement in _SPELLING:
        key = pattern.sub(replacement, key)
    return key


_HEDGES = frozenset({"not", "no", "never", "or", "nor", "either", "neither", "except"})


def contains_whole(key: str, target: str) -> bool:
    """Whether the typed key holds the whole expected answer as words, with qualifiers around
    it: "prince rupert of the rhine" holds "prince rupert". A hedge or a negation among the
    extra words ("not X", "X or Y") is not a qualifier, and the extra may not outweigh the
    answer by more than four words plus its own length."""
    if len(target) < 3 or key == target or f" {target} " not in f" {key} ":
        return False
    extra = f" {key} ".replace(f" {target} ", " ", 1).split()
    return not _HEDGES.intersection(extra) and len(extra) <= len(target.split()) + 4


def check_typed(given: str, answer: str, aliases: Sequence[str] = ()) -> TypedResult:
    """Compare a typed answer with the answer and its aliases; the closest spelling wins."""
    key = spelling_key(normalize(given))
    candidates = [answer, *aliases]
    best: tuple[int, str] | None = None
    for candidate in candidates:
        target = spelling_key(normalize(candidate))
        if key == target:
            return TypedResult(Verdict.EXACT, candidate, diff_segments(given.strip(), candidate))
    # Only the answer and aliases of two words or more may be contained: a one-word alias (a
    # surname, a title such as "President") inside a longer answer is as often someone else
    # ("Bill Clinton" for "Clinton", "President Obama" for "President").
    for candidate in [answer, *(a for a in aliases if len(a.split()) >= 2)]:
        target = spelling_key(normalize(candidate))
        if contains_whole(key, target):
            note = f"Accepted: your answer contains the whole answer “{candidate}”."
            diff = diff_segments(given.strip(), candidate)
            return TypedResult(Verdict.EXACT, candidate, diff, note)
    for candidate in candidates:
        target = spelling_key(normalize(candidate))
        distance = Levenshtein.distance(key, target)
        if distance <= allowed_typos(target) and (best is None or distance < best[0]):
            best = (distance, candidate)
    if best is not None and key:
        return TypedResult(Verdict.CLOSE, best[1], diff_segments(given.strip(), best[1]))
    return TypedResult(Verdict.WRONG, answer, diff_segments(given.strip(), answer))
