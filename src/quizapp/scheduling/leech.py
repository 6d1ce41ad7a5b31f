"""The leech rule: a unit forgotten again and again is suspended so it stops eating study time.

Anki's rule: suspend at the threshold's lapse, and warn again every half threshold after it
(a student who unsuspends a leech and keeps failing it hears about it again).
"""

from __future__ import annotations

from quizapp.model.progress import MemoryState


def is_leech(before: MemoryState, after: MemoryState, threshold: int) -> bool:
    """A lapse that reaches the threshold, and every half-threshold lapse after it."""
    if after.lapses <= before.lapses or after.lapses < threshold:
        return False
    return (after.lapses - threshold) % max(1, threshold // 2) == 0
