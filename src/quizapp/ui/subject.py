"""What the lineage and timeline screens are drawn from, built once per loaded study context.

Facts do not change while the app runs, so the second opening of either screen builds nothing:
the lineage, the sorted timeline and the list of units are kept here, beside the context they
came from (Home holds one and replaces it when the context is reloaded).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.facts.lineage import Lineage
    from quizapp.facts.timeline import TimelineEntry
    from quizapp.model.units import StudyUnit
    from quizapp.study.context import StudyContext


class SubjectData:
    """Lazily built lineage, timeline, group spellings and units of one context."""

    def __init__(self, context: StudyContext) -> None:
        self.context = context
        self._lineage: Lineage | None = None
        self._timeline: list[TimelineEntry] | None = None
        self._names: dict[str, tuple[str, ...]] | None = None
        self._units: list[StudyUnit] | None = None

    @property
    def lineage(self) -> Lineage:
        from quizapp.facts.lineage import build_lineage

        if self._lineage is None:
            self._lineage = build_lineage(self.context.facts.values())
        return self._lineage

    @property
    def timeline(self) -> Sequence[TimelineEntry]:
        from quizapp.facts.timeline import Decked, build_timeline

        if self._timeline is None:
            decks = self.context.decks
            self._timeline = build_timeline(Decked(f, d.id) for d in decks for f in d.facts)
        return self._timeline

    @property
    def group_names(self) -> dict[str, tuple[str, ...]]:
        from quizapp.facts.lineage import group_names

        if self._names is None:
            self._names = group_names(self.context.facts.values())
        return self._names

    @property
    def units(self) -> Sequence[StudyUnit]:
        if self._units is None:
            self._units = list(self.context.units.values())
        return self._units
